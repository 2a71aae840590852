"""Repositories: the only code that queries the database; they take a session and return models or plain data."""
