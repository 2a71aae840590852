"""The words reporters use, in Indonesian (with Kupang Malay and SMS spellings), English, Malaysian Malay and Tetun.

Only word lists and regular-expression pieces live here; what they mean for a tip is decided in ``signals``,
``tense`` and ``framing``. Every list names its languages: id (Indonesian), kpg (Kupang Malay), ms (Malay),
en (English), tet (Tetun). Patterns run on lower-cased text whatever language the reporter chose, because people
switch language mid-sentence.
"""

from __future__ import annotations

import re

# A word starts here. Cheaper than a leading "\b", which also holds at every word's end, where the engine would then
# try each of a pattern's hundreds of alternatives for nothing.
WORD_START = r"(?=\w)\b"


def rx(pattern: str) -> re.Pattern[str]:
    """A pattern for lower-cased text (``tense.normalise``): every pattern here runs on the lower-cased twin of a
    text, so it is compiled case-sensitively (three times faster on long stories than IGNORECASE, which the engine
    checks character by character). ``tests/unit/test_triage_speed_safety.py`` checks that no pattern holds a
    capital letter. A leading "\\b(?:" becomes "a word starts here": the same matches, since every alternative of
    such a pattern starts with a letter or digit (checked there too). An apostrophe inside a word may be left out
    (``optional_apostrophes``)."""
    pattern = optional_apostrophes(pattern)
    if pattern.startswith(r"\b(?:"):
        pattern = WORD_START + pattern[2:]
    return re.compile(pattern)


def optional_apostrophes(pattern: str) -> str:
    """Every apostrophe written in a pattern (outside a character class) may be left out by the writer: Tetun is
    typed on phones as often without its glottal stop as with it ("hau" for "ha'u", "sae" for "sa'e", "nain" for
    "na'in", "nee" for "ne'e"), English without its contractions' apostrophe ("dont", "cant", "im")."""
    out = []
    in_class = escaped = False
    for i, c in enumerate(pattern):
        out.append(c)
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "'" and not in_class and pattern[i + 1 : i + 2] != "?":
            out.append("?")
    return "".join(out)


def wordset(words: str) -> frozenset[str]:
    """Words to look up one by one, each also without its apostrophe ("ha'u" and "hau", "don't" and "dont")."""
    found = set(words.split())
    return frozenset(found | {w.replace("'", "") for w in found if "'" in w})


# --- Negation -----------------------------------------------------------------------------------------------

# Words that cancel a signal just after them. "son" is left out (in English it is a son); "jangan" and Tetun "keta"
# are left out: "jangan sampai dia dibawa" is a plea, not a denial.
NEGATORS = wordset(
    """
    tidak tdk tak ga gak gk nggak ngga enggak engga ndak nda kagak sonde sond snd bukan bkn belum blm blom tiada
    not no never nobody none nothing didn't didnt doesn't doesnt don't dont wasn't wasnt weren't isn't isnt aren't
    hasn't hasnt haven't havent won't cannot can't tanpa batal
    takde tkde xde xda x tra trada tida tdak
    la laiha seidauk nunka
    """
)
# "Not yet" does not cancel a departure: "belum berangkat, besok baru jalan" is still a departure tomorrow.
NOT_YET = wordset("belum blm blom seidauk")
# A negator after one of these is a purpose clause ("supaya dia tidak dibawa"), not a denial.
PURPOSE = wordset("supaya agar biar ko so before sebelum cegah prevent jangan keta")
NOT = r"(?:tidak|tdk|tak|x|tra|belum|blm|sonde|son|snd|ga|gak|nggak|ndak|never|not|no|la|seidauk)"

CLAUSE_BREAK = rx(
    r"[.,;:!?\n()\[\]]|\b(?:tapi|tp|tetapi|namun|but|however|sedangkan|padahal|melainkan|maibé|maibe|ma|dan|and|"
    # "lalu" is "then", except in "tahun lalu" (last year).
    r"(?<!tahun\s)(?<!bulan\s)(?<!minggu\s)(?<!hari\s)(?<!thn\s)(?<!yang\s)(?<!yg\s)lalu|terus|trus|then|depois|"
    r"kemudian)\b"
)
SENTENCE_BREAK = rx(r"[.!?\n]+")
WORDS = rx(r"[\w']+")

# --- Numbers --------------------------------------------------------------------------------------------------

NUMBER_WORDS = {
    "sepuluh": 10,
    "sebelas": 11,
    "dua belas": 12,
    "tiga belas": 13,
    "empat belas": 14,
    "lima belas": 15,
    "enam belas": 16,
    "tujuh belas": 17,
    "delapan belas": 18,
    # tet: sanulu (10), sanulu resin neen (16)
    "sanulu": 10,
    "sanulu resin ida": 11,
    "sanulu resin rua": 12,
    "sanulu resin tolu": 13,
    "sanulu resin haat": 14,
    "sanulu resin lima": 15,
    "sanulu resin neen": 16,
    "sanulu resin hitu": 17,
    "sanulu resin ualu": 18,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
}
NUM = r"(\d{1,2}|" + "|".join(sorted((w.replace(" ", r"\s+") for w in NUMBER_WORDS), key=len, reverse=True)) + r")"

# --- Time -----------------------------------------------------------------------------------------------------

# Within the next 24 hours (or "right now").
TODAY = rx(
    # id, kpg
    r"\b(?:malam\s+ini|mlm\s+ini|ini\s+malam|ni\s+malam|malam\s+ni|mlm\s+ni|nanti\s+malam|nnti\s+malam|"
    r"hari\s+ini|hr\s+ini|ini\s+hari|besok|bsk|bsok|besok\s+subuh|besok\s+pagi|pagi\s+ini|siang\s+ini|sore\s+ini|"
    r"petang\s+ini|nanti\s+(?:sore|siang|subuh|pagi)|subuh\s+(?:ini|nanti)|dini\s+hari|sebentar\s+lagi|"
    r"bentar\s+lagi|sekejap\s+lagi|kejap\s+lagi|beberapa\s+jam\s+lagi|\d{1,2}\s+jam\s+lagi|sekarang\s+juga|"
    r"nanti\s+(?:jam|pukul)\s+\d{1,2}|sebentar\s+(?:malam|sore|siang|pagi)|(?:jam|pukul)\s+\d{1,2}\s+(?:nanti|malam\s+ini|"
    r"pagi\s+ini|sore\s+ini)|malam\s+karang|"
    # ms
    r"esok|hari\s+ni|petang\s+ni|pagi\s+esok|"
    # en
    r"tonight|tomorrow|today|this\s+(?:morning|afternoon|evening)|later\s+today|"
    r"in\s+(?:about\s+|around\s+|approximately\s+|less\s+than\s+)?(?:a\s+few|an?|one|two|three|four|five|six|\d{1,2})"
    r"\s+hours?|(?:sekitar\s+|kira2\s+|kira-kira\s+)?(?:satu|sejam|setengah|dua|tiga|empat|lima|beberapa)\s+"
    r"(?:jam\s+)?lagi|in\s+a\s+couple\s+of\s+hours|malam\s+nanti|pagi\s+nanti|petang\s+nanti|"
    r"oras\s+(?:ida|rua|tolu|haat|\d{1,2})\s+tan|"
    r"right\s+now|at\s+this\s+(?:moment|very\s+moment)|as\s+we\s+speak|(?:sekarang|skrg|skarang|skrang)\s+(?:ni|ini)|"
    r"saat\s+ini\s+juga|"
    # tet: ohin (today), ohin kalan / kalan ne'e (tonight), aban (tomorrow), agora daudaun / oras ne'e (right now)
    r"agora\s+(?:daudaun|kedas|ne'e)|oras\s+ne'e|iha\s+oras\s+ne'e|ohin\s+kalan|kalan\s+ne'?e|ohin\s+loraik|ohin|aban\s+(?:dadeer|kalan|loraik)|aban)\b(?![-\d])"
)
# "Today" words that may be past as well as future ("hari ini dia sudah berangkat", "left this morning").
TODAY_EITHER = rx(
    r"\b(?:hari\s+ini|hr\s+ini|ini\s+hari|hari\s+ni|pagi\s+ini|siang\s+ini|sore\s+ini|petang\s+ini|today|"
    r"this\s+(?:morning|afternoon|evening)|ohin(?!\s+(?:kalan|loraik)))\b"
)
# The last day or so: "tadi malam", "barusan", "last night", "horikalan".
RECENT = rx(
    r"\b(?:tadi\s+(?:malam|pagi|siang|sore|subuh)|td\s+(?:malam|mlm|pagi|pgi|siang|sore|subuh|petang)|(?:malam|pagi|siang|sore|subuh|petang)\s+tadi|"
    r"tadi|barusan|baru\s+(?:saja|aja|tadi|sj)|br\s+(?:saja|aja)|semalam|"
    # "bulan kemarin", "minggu kemaren" (Kupang Malay) are last month and last week, not yesterday.
    r"(?=k)(?<!bulan\s)(?<!minggu\s)(?<!tahun\s)(?<!taun\s)(?<!pekan\s)(?<!bln\s)(?<!thn\s)(?<!mgg\s)"
    r"(?:kemarin|kemaren|kamarin|kmrn|kmarin|kelmarin)(?:\s+(?:malam|sore|pagi))?|sebentar\s+tadi|malam\s+semalam|"
    r"last\s+night|just\s+now|yesterday|earlier\s+today|(?:an?|one|two|few|\d)\s+hours?\s+ago|minutes\s+ago|"
    r"(?:two|three|2|3|a\s+few)\s+days\s+ago|(?:dua|tiga|2|3|beberapa)\s+hari\s+(?:lalu|yang\s+lalu|yg\s+lalu)|"
    r"horikalan|horiseik|horisehik|foin\s+daudaun|foin\s+lalais|ohin\s+dadeer|"
    r"(?:oras|minutu)\s+(?:[\w']+\s+)?liuba|loron\s+(?:ida|rua|tolu|1|2|3)\s+liuba|"
    r"(?:\d+|satu|se|dua|tiga|beberapa)\s*jam\s+(?:yang\s+|yg\s+)?lalu|sejam\s+(?:yang\s+)?lalu|minit\s+(?:yang\s+)?lalu)\b"
)
THIS_WEEK = rx(
    r"\b(?:lusa|minggu\s+ini|pekan\s+ini|minggu\s+depan|pekan\s+depan|akhir\s+(?:minggu|pekan)\s+ini|"
    r"beberapa\s+hari\s+lagi|[2-7]\s+hari\s+lagi|(?:dua|tiga|empat|lima|enam|tujuh)\s+hari\s+lagi|"
    r"dalam\s+[2-7]\s+hari|hari\s+(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|isnin|khamis|jumaat|ahad)|"
    r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|isnin|khamis|jumaat)\s+(?:ini|depan|nanti|ni)|"
    r"minggu\s+(?:hadapan|ni)|"
    r"this\s+week(?:end)?|next\s+week|in\s+(?:a\s+few|[2-7]|two|three)\s+days|"
    r"(?:on\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    # tet
    r"semana\s+(?:ne'?e|oin)|bainrua|loron\s+(?:rua|tolu|2|3)\s+tan|"
    r"(?:segunda|tersa|kuarta|kinta|sesta|s[aá]badu|domingu)(?:-feira)?\s+ne'?e)\b"
)
# More than a week away: "tahun depan", "next month", "tinan oin". A move this far off is not under way.
LATER = rx(
    r"\b(?:(?:tahun|thn|bulan|bln)\s+(?:depan|hadapan|dpn|muka)|(?:tahun|bulan)\s+yang\s+akan\s+datang|"
    r"(?:hujung|akhir)\s+tahun|next\s+(?:year|month)|in\s+(?:a\s+few|\d+|two|three|six)\s+months|"
    r"(?:\d+|dua|tiga|beberapa)\s+bulan\s+lagi|(?:tinan|fulan)\s+(?:oin|mai|tuir\s+mai|seluk)|"
    r"(?:[2-9]|dua|tiga|empat|beberapa|two|three|four|a\s+few|several)\s+(?:minggu|weeks?|semana)\s+(?:lagi|from\s+now|tan)|"
    r"in\s+(?:[2-9]|two|three|four|a\s+few|several)\s+weeks|(?:akhir|awal|hujung|awal)\s+bulan\s+(?:depan|hadapan)|"
    r"(?:end|start|beginning)\s+of\s+next\s+month|next\s+(?:season|semester|term)|"
    r"(?:setelah|sesudah|habis|abis|selepas|lepas|after|hafoin|depois)\s+(?:hari\s+)?(?:natal|lebaran|raya|paskah|"
    r"tahun\s+baru|panen|christmas|easter|new\s+year|the\s+harvest|harvest|ujian|exams|graduation|tamat\s+sekolah|"
    r"lulus|natál|pásku|tinan\s+foun|kolleita))\b"
)
# Any specific time: makes a tip actionable.
TIME_ANY = rx(
    r"\b(?:kemarin|kemaren|tadi|semalam|tgl|tanggal|\d{1,2}[/-]\d{1,2}|yesterday|last\s+(?:week|night|month)|"
    r"minggu\s+lalu|bulan\s+lalu|minggu\s+lepas|januari|februari|maret|april|mei|juni|juli|agustus|september|"
    r"oktober|november|desember|january|february|march|june|july|august|october|december|jam\s+\d{1,2}|"
    r"pukul\s+\d{1,2}|horikalan|horiseik|horisehik|semana\s+kotuk)\b"
)

# --- Tense ----------------------------------------------------------------------------------------------------

PRESENT = rx(
    r"\b(?:sekarang|skrg|skrang|skarang|saat\s+ini|"
    r"(?:masih|msh)(?!\s+(?:\d|umur|usia|kecil|sd|smp|sma|smk|sekolah|skolah|anak|di\s*bawah|bawah|remaja|muda|belia|"
    r"budak|gadis|perawan|bujang|single))|sedang|sdg|lagi\s+di|kini|hingga\s+kini|"
    r"sampai\s+(?:sekarang|skrg|hari\s+ini)|sampe\s+(?:skarang|skrg|sekarang)|tiap\s+hari|setiap\s+hari|"
    r"now|currently|still(?!\s+(?:a\s+(?:child|minor|kid|teen\w*|girl|boy)|in\s+school|young|only\s+\d|\d))|right\s+now|every\s+day|terus-terusan|agora|daudaun|hela|loron-loron)\b"
)
# Long ago. "dulu" and Tetun "uluk" also mean "first" ("ke Surabaya dulu", "selu uluk"): see tense.py.
PAST = rx(
    r"\b(?:dahulu|dulunya|tahun\s+lalu|thn\s+lalu|bulan\s+lalu|minggu\s+lalu|waktu\s+itu|"
    r"\d+\s+(?:tahun|thn|taun|bulan|bln|minggu|mgg|pekan)\s+(?:yang\s+|yg\s+)?(?:lalu|lepas)|(?:pernah|prnah|pernh|prnh)|"
    r"(?:tahun|taun|thn|bulan|bln|minggu|mgg|pekan)\s+(?:kemarin|kemaren|kamarin|kmrn|lalu|lepas)|"
    r"(?:two|three|four|five|six|several|\d+)\s+weeks\s+ago|semana\s+(?:rua|tolu|haat|\d+)\s+liuba|"
    r"tahun\s+lepas|bulan\s+lepas|"
    r"last\s+(?:year|month)|years?\s+ago|months?\s+ago|used\s+to|previously|in\s+the\s+past|"
    r"(?:tahun|thn|th|in|pada|iha|tinan|since)\s+(?:19|20)\d\d|(?:in|during)\s+the\s+(?:19|20)\d0s|"
    r"(?:tahun\s+)?(?:19|20)\d0-?an|"
    r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa)\s+(?:tahun|thn|bulan)\s+(?:yang\s+|yg\s+)?"
    r"(?:lalu|lepas)|"
    r"tinan\s+kotuk|fulan\s+kotuk|(?:tinan|fulan|semana)\s+(?:[\w']+\s+)?liuba|antes|long\s+(?:time\s+)?ago|"
    r"(?:sudah\s+)?lama\s+sekali|dahulu\s+sekali|uluk\s+liu)\b"
)
# "dulu" / "dolo" / "uluk": long ago when it opens the clause or comes before who or what happened.
FORMERLY = rx(r"\b(?:dulu|dolo|uluk)\b")
# The person is out of it now: this outweighs "sekarang" ("sekarang sudah pulang").
RESOLVED = rx(
    r"\b(?:(?:sudah|su|sdh|udah|udh|telah|dah)\s+(?:lama\s+)?(?:pulang|kembali|balik|bebas|selamat|dipulangkan|"
    r"aman|keluar\s+dari|di\s+rumah|beres|sehat|sihat|pulih|diselamatkan|ditebus)|"
    r"pulang\s+(?:dengan\s+|deng\s+|dgn\s+)?selamat|"
    # Rescued ("rescued by police in 2017", "diselamatkan polisi"), or dead long since ("skrg mama su meninggal",
    # "agora nia mate ona"): over for the person, with nothing going on now.
    r"(?:rescued|diselamatkan|diselamatkan\s+oleh)\s+(?:by|in|from|last|polisi|polis|police|aparat|petugas)|"
    r"(?:sekarang|skrg|skarang|kini|agora|now)\s+(?:(?:beta\s+pung|sa\s+pung|saya\s+punya|ha'u-nia|my|our|his|her)\s+)?"
    r"(?:dia|de|nia|she|he|beliau|mama|mamak|bapa|bapak|ayah|ibu|papa|inan|aman|av[oó]|tia|tiu|tanta|om|nenek|kakek|"
    r"grandma|grandpa|grandmother|grandfather|mother|father|uncle|aunt)\s+(?:sudah\s+|su\s+|dah\s+|has\s+|is\s+|"
    r"already\s+)?(?:meninggal|wafat|died|dead|passed\s+away|mate\s+ona)|"
    # Came back from somewhere ("balik dari Sabah tahun lepas"), unless wanted, denied or not yet. (The lookahead
    # first: the look-behinds are dear at every word of a long story.)
    r"(?=pulang|balik|kembali|came|returned|fila)(?<!mau\s)(?<!nak\s)(?<!mo\s)(?<!ingin\s)(?<!mahu\s)(?<!akan\s)(?<!bisa\s)(?<!boleh\s)(?<!belum\s)(?<!blm\s)"
    r"(?<!tak\s)(?<!tidak\s)(?<!sonde\s)(?<!to\s)(?<!atu\s)(?<!sei\s)(?<!la\s)(?<!seidauk\s)(?<!never\s)(?<!not\s)"
    r"(?:pulang|balik|kembali|came\s+back|returned|fila)\s+(?:dari|from|husi|hosi)\b|"
    # Sent home by the authorities: "dihantar balik", "dideportasi", "deported".
    r"dihantar\s+(?:balik|pulang)|dideportasi|deported|repatriated|sent\s+(?:back\s+)?home|haruka\s+fila|"
    # Living at home with family ("agora ha'u hela iha ha'u-nia uma iha Suai ho ha'u-nia família").
    r"(?:agora|sekarang|skrg|skarang|now|kini)\s+(?:[\w']+\s+){0,2}?(?:hela|moris|tinggal|duduk|live|lives|living|stay|"
    r"stays|staying)\s+(?:iha|di|at|in|kat|with|ho|dengan|sama)\s+(?:(?:ha'u-nia|nia|my|our|her|his|saya|sy|beta|kami|"
    r"ami|the)\s+)?(?:uma|rumah|home|kampung|village|fam[ií]lia|family|keluarga|parents)(?!\s+(?:majikan|makan|agen|bos|"
    r"boss|orang|penampungan|patraun|sakit|ejen|ajente|calo|sponsor|tekong|employer|agent|tauke|the|of)\b)|"
    r"(?:ok|okay)\s+(?:je|jer|saja|sa|aja|sahaja)|got\s+back\s+(?:from|home)|"
    r"(?:is|she's|he's|i'm|im|they're|are)\s+(?:okay|ok|fine|safe|well|alright)\s+now|baik-baik\s+(?:saja|sahaja|je|sa|aja)|baik2\s+(?:saja|sa|je|aja)|"
    r"(?:bae2|bae-bae|baek2)\s+(?:sa|saja|aja)|"
    r"(?:sekarang|skrg|skarang|skrang|now|agora)\s+(?:sudah\s+|su\s+|dah\s+|semua\s+sudah\s+)?"
    r"(?:aman|selamat|baik|safe|fine|ok|okay|di'ak|seguru|beres)|aman2\s+(?:aja|saja|sa)|semua\s+sudah\s+beres|"
    r"(?:already|now)\s+(?:back\s+)?(?:home|back|safe|free)|(?:is|are|am|i'm|im)\s+(?:safe|home)\s+now|back\s+home|"
    r"(?:i\s+am|i'm|im)\s+(?:back\s+)?home|"
    r"(?:have|has|had)\s+been\s+(?:back\s+)?home|(?:is|are)\s+back\s+(?:in|to|at)\s+\w+|doing\s+(?:well|fine|okay|ok)|"
    r"(?:sudah|su|sdh|udah|udh|dah)\s+(?:di\s+)?(?:kampung|rumah)|(?:dan|and)\s+(?:sudah\s+)?(?:aman|selamat)\s*(?:[.!]|$)|"
    r"hidup\s+baik|moris\s+di'ak|(?:lived|living|stayed)\s+(?:at\s+)?home|has\s+lived\s+at\s+home|"
    r"(?:sudah|su|sdh|udah|dah)\s+(?:lama\s+)?tinggal\s+di\s+(?:rumah|kampung)|"
    r"(?:hela|moris)\s+iha\s+uma\s+(?:[\w']+\s+){0,2}?ona|(?:i|we|she|he|they)\s+(?:came|got|went)\s+back|returned\s+(?:home|to)|"
    r"(?:agora|sekarang|skrg|skarang|now)\s+(?:(?:sudah|su|dah|ha'u|nia|dia|de|saya|sy|beta|she|he|i|is|am|we|are)\s+)"
    r"{0,2}(?:iha\s+uma|di\s+rumah|di\s+kampung|at\s+home)(?!\s+(?:majikan|makan|agen|bos|orang|penampungan|patraun|"
    r"sakit|ejen|the))|"
    # Arrived home: "dah selamat sampai kampung", "tiba di rumah", "arrived home", "to'o iha uma".
    r"(?:sampai|sampe|tiba|arrived|to'o)\s+(?:di\s+|ke\s+|at\s+|iha\s+|back\s+)?(?:rumah|kampung|kampong|home|uma)"
    r"(?!\s+(?:majikan|makan|agen|bos|boss|orang|penampungan|patraun|sakit|ejen|ajente|calo|sponsor|tekong|"
    r"employer|agent|tauke|the|of|ajente|nian)\b)|"
    r"(?:came|got|went)\s+(?:back\s+)?home|(?:brought|took|sent|flew)\s+(?:her|him|them|me|us)\s+(?:back\s+)?home|"
    r"(?:dibawa|diantar|diantarkan|dijemput)\s+pulang|(?:bawa|antar|jemput)\s+(?:dia|de|dong|mereka|beta|saya)\s+pulang|"
    r"lori\s+(?:nia|sira|ha'u|ami)\s+fila|(?:has|have)\s+come\s+(?:back\s+)?home|safe\s+and\s+sound|"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:rescued|repatriated|released|freed)|everything\s+is\s+(?:settled|fine|ok)|"
    r"tiada\s+masalah|sonde\s+apa2|sonde\s+apa-apa|tidak\s+apa-apa|la\s+iha\s+problema|"
    r"fila\s+(?:tiha\s+)?ona|seguru\s+ona|salva\s+ona|di'ak\s+ona|(?:sudah|su|dah|udah)\s+sembuh|recovered|"
    r"kura\s+ona)\b"
)
# In a legal job or placement now: "kerja kat kilang dengan permit sah", "ho kontratu legál", "lewat PT resmi", "with a
# registered agency". Over for the story (``text_signal.TextFindings``), but kept out of the tense of the sentence
# around it: "dia kerja lewat PT resmi tapi dipukul majikan" is violence now.
LEGAL_NOW = rx(
    r"\b(?:(?:dengan|with|ho|pakai|guna|on|under)\s+(?:a\s+)?(?:permit|visa|kontrak|contract|kontratu|dokumen|documents|"
    r"papers|paspor|passport|pasaporte|dokumentu|work\s+permit)\s+(?:kerja\s+|servisu\s+)?(?:yang\s+)?(?:sah|resmi|"
    r"legal|lengkap|valid|leg[aá]l|proper|official)|"
    r"(?:lewat|melalui|through|with|via|ho|liuhusi|ikut|guna)\s+(?:a\s+|an\s+|the\s+)?(?:legal|registered|licensed|"
    r"official|resmi|sah|berdaftar|berlesen|leg[aá]l)\s+(?:agency|agensi|company|agen|ejen|ajente|kompa[nñ]ia|pt|"
    r"p3mi|pjtki|syarikat)|(?:agency|agensi|agen|ejen|ajente|kompa[nñ]ia|pt|p3mi|pjtki|company|syarikat)\s+(?:yang\s+|"
    r"yg\s+|that\s+is\s+|ne'ebé\s+)?(?:resmi|legal|berdaftar|berlesen|registered|licensed|leg[aá]l)\b(?!\s+(?:ka|atau|or)\b))"
)
# The reporter working or living somewhere now, before a place name: over when the place is in NTT ("sekarang saya
# dah kerja kat Kupang", "agora ha'u hela iha Atambua"; ``signals.find_signals`` checks the place). Only the reporter:
# "sekarang dia kerja di Kupang" may be a child working away from home.
NOW_LIVING_AT = rx(
    r"\b(?:sekarang|skrg|skarang|skrang|kini|now|agora)\s+(?:saya|sy|beta|aku|ha'u|i|kami|ami|we)\s+(?:[\w']+\s+){0,2}?"
    r"(?:kerja|bekerja|tinggal|duduk|hela|servisu|"
    r"moris|work|works|working|live|lives|living|stay|stays|staying|back)(?:\s+(?:di|kat|iha|in|at|dekat|ke|to))?\s+$"
)
# Every legal job or placement above says so with one of these words (read first: they are rare).
LEGAL_WORD = rx(
    r"\b(?:sah|resmi|legal|leg[aá]l|lengkap|valid|proper|official|registered|licensed|berdaftar|berlesen)\b"
)
# Of the words above, those that say only that the person is well now ("ok je", "bae2 sa", "she's fine now"), not
# that it is over: someone still away and well is still away (``text_signal.TextFindings.over``).
WELL = rx(
    r"(?:(?:sudah|su|sdh|udah|udh|telah|dah)\s+(?:lama\s+)?(?:selamat|aman|beres|sehat|sihat|pulih)|"
    r"(?:ok|okay)\s+(?:je|jer|saja|sa|aja|sahaja)|(?:is|she's|he's|i'm|im|they're|are)\s+(?:okay|ok|fine|safe|well|"
    r"alright)\s+now|(?:baik-baik|baik2|bae2|bae-bae|baek2)\s+(?:saja|sahaja|je|sa|aja)|"
    r"(?:sekarang|skrg|skarang|skrang|now|agora)\s+(?:sudah\s+|su\s+|dah\s+|semua\s+sudah\s+)?(?:aman|selamat|baik|"
    r"safe|fine|ok|okay|di'ak|seguru|beres)|aman2\s+(?:aja|saja|sa)|doing\s+(?:well|fine|okay|ok)|"
    r"(?:dan|and)\s+(?:sudah\s+)?(?:aman|selamat)\s*(?:[.!]|$)|hidup\s+baik|moris\s+di'ak|tiada\s+masalah|"
    r"sonde\s+apa2|sonde\s+apa-apa|tidak\s+apa-apa|la\s+iha\s+problema|seguru\s+ona|di'ak\s+ona|"
    r"(?:sudah|su|dah|udah)\s+sembuh|recovered|kura\s+ona|everything\s+is\s+(?:settled|fine|ok)|"
    r"(?:is|are|am|i'm|im)\s+safe\s+now|(?:already|now)\s+safe)"
)
# Intention: it has not happened yet.
FUTURE = rx(
    r"\b(?:mau|mo|akan|hendak|nak|bakal|rencana(?:nya)?|will|going\s+to|gonna|plans?\s+to|planning\s+to|"
    r"about\s+to|sei|atu|nanti|is\s+leaving|are\s+leaving|mahu)\b"
)
# It has happened ("already", perfect aspect).
PERFECT = rx(r"\b(?:sudah|sdh|udah|udh|su|telah|dah|already|has|have|had|ona|tiha|sejak|since)\b")
# "Waktu umur 15", "when I was 15": an age at the time of an old story.
AT_THE_TIME = rx(r"\b(?:waktu|ketika|saat|pas|semasa|when|kuandu|wainhira)\b")

# Conditionals: "kalau ada anak dikurung..." is a question about a case, not a case.
CONDITIONAL = rx(r"\b(?:kalau|kalo|klo|kalu|jika|jikalau|bila|apabila|seandainya|andaikan|if|se)\b")
