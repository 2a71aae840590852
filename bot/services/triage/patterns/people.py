"""Someone in particular: kin, neighbours, people counted, companies and persons named."""

from __future__ import annotations

import re

from bot.services.triage.lexicon import rx

# Words that follow "PT" without naming a company: "itu PT sekarang su tutup", "PT yang resmi".
_NOT_A_NAME = (
    r"(?:sekarang|skrg|itu|ini|tersebut|tsb|yang|yg|resmi|swasta|apa|mana|tutup|sudah|su|dah|dia|de|di|ke|dari|nya|"
    r"ni|tu|dan|atau|ko|ka|kah|lain|mana-mana|tadi|baru|besar|kecil|itu|the|that|this|a|an|is|was|which|ne'e|ne'ebá)"
)
_KIN = (
    r"(?:adik|ade|adek|anak|ana|kakak|kaka|kak|abang|om|mama|ibu|bapa|bapak|ayah|tanta|tante|paman|bibi|opa|oma|"
    r"teman|kawan|sepupu|ponakan|keponakan|istri|isteri|suami|laki|bini|nenek|kakek|cucu|saudara|sodara|"
    r"anak\s+buah|jiran|tetangga|nona|nyong)"
)
# "beta pung pendapat", "sa pung hp": what someone has, not who.
_NOT_A_PERSON = (
    r"(?:pendapat|pandangan|pikiran|usul|saran|harapan|pertanyaan|tanya|hp|handphone|nomor|nomer|no|uang|doi|pesan|"
    r"cerita|info|informasi|mau|maksud|hati|rasa|takut|urusan|masalah|kampung|desa|rumah|tanah|kebun)"
)
PERSON = rx(
    r"\b(?:" + _KIN + r"(?:ku|nya|\s+(?:saya|sy|sa|beta|kami|dia|de|mereka|itu|jiran\s+saya))|"
    r"(?:beta|sa|saya|sy)\s+(?:pung|punya)\s+(?!"
    + _NOT_A_PERSON
    + r"\b)\w+|tetangga|jiran|nona\s+tetangga|anak\s+tetangga|"
    r"namanya|nama\s+dia|bernama|"
    r"my\s+(?:little\s+|younger\s+|older\s+|big\s+)?(?:sister|brother|daughter|son|mother|father|mum|mom|dad|wife|"
    r"husband|cousin|friend|neighbou?r|niece|nephew|aunt|uncle|child|kid|neighbour's\s+\w+)|neighbou?rs?|"
    r"named|called|"
    r"(?:ha'u|ami)-?\s*nia\s+(?!(?:opiniaun|hanoin|pergunta|perguntas|uma|knua|suku|aldeia|osan|telefone|hp)\b)[\w'-]+|"
    r"viziñu|vizinu|naran|"
    r"(?:alin|maun|mana|primu|prima|subrinha|subrinhu|laen|feen|oan|tiu|tia|kolega)(?:-feto|-mane)?\s+(?:ha'u|nia)|"
    r"(?<!ita-)(?<!ita\s)nia\s+(?:oan|alin|maun|mana|feen|laen|inan|aman|primu|prima)(?:-feto|-mane)?|"
    r"\d+\s+(?:orang|org|nona|perempuan|laki|anak|people|girls|women|men|boys)|na'in\s+(?:rua|tolu|haat|lima|neen|"
    r"hitu|ualu|sia|sanulu|\d+)|"
    # A company named outright ("PT Maju Jaya") is as specific as a person.
    r"(?:pt|cv|syarikat)\.?\s+(?!" + _NOT_A_NAME + r"\b)[a-z]\w+)\b"
)
# A person named with a title: "Om Yos", "Pak Markus", "Encik Rahman", "Tiu Markus" (checked on the original case).
TITLED_NAME = re.compile(
    r"\b(?:[Oo]m|[Pp]ak|[Bb]apak|[Bb]u|[Ii]bu|[Mm]ama|[Tt]anta|[Kk]aka|[Ee]ncik|[Cc]ik|[Tt]iu|[Tt]ia|Mr|Mrs|Ms|Mister|"
    r"[Bb]ang|[Kk]ak|[Nn]ama|[Nn]amanya|[Nn]aran|called|named)\.?\s+[A-Z][a-z]{2,}"
)
