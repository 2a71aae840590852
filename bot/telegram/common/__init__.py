"""Pieces shared by every journey: callback data, the main menu, shared texts."""
