"""The desk's pages, one module per area: sign-in, the queue, a case and its actions, the figures, the audit log."""
