"""Repositories: the only code that queries the database; they take a session or factory and return models or plain data."""
