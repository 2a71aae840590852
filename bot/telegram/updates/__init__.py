"""How an update travels through the bot: fetched (``polling``) or received (``webhook``), queued per person with a
bound on how many run at once (``scheduler``), and handled in one unit of work (``unit``, ``middleware``): one
database session, the conversation state (``conversation``), the duplicate check and the handler's own changes
committed together, before the bot says anything."""
