"""Check a recruiter: is this placement company licensed? And the short check of a whole job offer."""
