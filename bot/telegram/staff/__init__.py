"""The task force's side: staff commands and buttons in a private chat; alerts to the staff group."""
