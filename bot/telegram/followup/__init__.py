"""Check my report: status by receipt code, answering the task force, adding information."""
