"""What each kind of signal looks like in text (id, Kupang Malay, en, ms, tet). Compiled once, used by ``signals``.

Patterns that contain their own negation ("sonde kasi kaluar", "gaji tidak dibayar", "la husik sai") are signals
in their own right; other negation is checked around the match (``tense.negated``).

One module per family of words: ``harm`` (danger, violence, confinement, force), ``movement`` (leaving, being
away, places pointed at), ``exploitation`` (forced work, sexual exploitation, holding houses, debt, wages,
documents), ``children`` (child words and ages), ``recruitment`` (signs of illegal recruitment) and ``people``
(persons and companies named).
"""
