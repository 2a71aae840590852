"""Start menu, language choice and emergency numbers."""
