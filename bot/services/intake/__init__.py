"""Tip intake: the draft a reporter fills in step by step, its validation, and what is submitted."""
