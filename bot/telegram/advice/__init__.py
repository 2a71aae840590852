"""Ask about working abroad: browse the knowledge base, ask in your own words, pass a question to the task force."""
