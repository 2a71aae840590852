"""Last router: whatever no journey took gets a helpful answer and the menu, never silence."""
