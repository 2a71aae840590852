"""Report a case: the guided, anonymous tip intake."""
