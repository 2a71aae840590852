"""A child in text: child words, and ages under 18 told apart from durations and grown-ups' ages."""

from __future__ import annotations

from bot.services.triage.lexicon import NUM, rx, wordset

CHILD_WORDS = rx(
    r"\b(?:(?:anak\s+)?di\s*bawah\s+umur|bawah\s+umur|underage|under[- ]age|under\s+18|di\s*bawah\s+18|"
    r"belum\s+(?:cukup\s+umur|dewasa|18)|blm\s+cukup\s+umur|minors?|child|children|kids?|"
    r"anak\s+kecil|ana\s+kecil|nona\s+kecil|masih\s+kecil|kanak-kanak|budak-budak|"
    r"budak\s+(?:kecil|bawah\s+umur|sekolah|perempuan|lelaki|pompuan|laki|tu|ni|itu|ini|tersebut|berumur|berusia|"
    r"umur|baru)|(?=seorang|sorang|dua|tiga|\d|ada)(?<!seperti\s)(?<!bagai\s)(?<!jadi\s)(?:seorang|sorang|dua|tiga|\d+|ada)\s+budak\b|"
    r"(?:nampak|macam|look\w*\s+like)\s+(?:macam\s+)?budak(?:\s+lagi|\s+sekolah|\s+kecil)?|budak\s+lagi|"
    r"masih\s+(?:sd|smp|sma|smk|sekolah|skolah|anak-anak)|anak\s+(?:sd|smp|sekolah)|"
    r"(?:siswa|siswi|murid|pelajar)\s+(?:sd|smp|sma|smk|sekolah)|(?:kelas|kls|klas)\s+(?:\d{1,2}|x|xi|xii|satu|dua|tiga)\s*"
    r"(?:sd|smp|sma|smk)|junior\s+high|primary\s+school|elementary\s+school|middle\s+school|"
    r"anak\s+(?:sma|smk)|tingkatan\s+[1-5]|sekolah\s+rendah|"
    r"(?:ana|nona|cewek|cewe|gadis|girls?|boys?|budak|labarik)\s+(?:sd|smp)\b|"
    r"(?:baru\s+)?(?:tamat|lulus|tamatan|lulusan)\s+(?:sd|smp)|schoolgirls?|schoolboys?|still\s+in\s+school|"
    r"(?:seragam|baju)\s+(?:sekolah|sd|smp|sma|smk|putih\s+(?:merah|biru|abu))|school\s+uniforms?|uniforme\s+eskola|"
    r"(?:masih|yang|yg)\s+(?:kecil|kecik)(?:\s+lagi)?|kecik\s+lagi|budak\s+kecik|"
    r"labarik(?:-feto|-mane|\s+feto|\s+mane)?|menor(?:\s+de\s+idade)?|remaja|abg|bocah|gadis\s+kecil|"
    r"siswi|siswa|murid|pelajar|estudante|"
    r"teen(?:age|ager|agers)?|little\s+(?:girl|boy)|oan\s+kiik|"
    r"(?:umur|usia)(?:nya)?\s+(?:\w+\s+)?(?:di)?(?:palsu|tua)kan|(?:palsukan|tuakan)\s+umur|age\s+(?:was\s+)?falsified)\b"
)
AGE_LABELLED = rx(
    r"\b(?:umur|umurnya|umur\s+dia|umr|usia|usianya|berumur|berusia|umor|age|aged|idade)\s*:?\s*"
    r"(?:baru\s+|masih\s+|only\s+|just\s+|dalam\s+|sekitar\s+|kira-kira\s+|kira2\s+|lebih\s+kurang\s+|about\s+|"
    r"around\s+|approximately\s+|roughly\s+|maybe\s+)?" + NUM + r"\b"
)
# "my niece, 15, has been...", "adik saya Maria, 16, dibawa": an age set off by commas after a relative or a child.
AGE_APPOSITION = rx(
    r"\b(?:niece|nephew|daughter|son|sister|brother|girl|boy|cousin|child|kid|anak|ana|adik|ade|adek|nona|keponakan|"
    r"ponakan|sepupu|budak|labarik|oan|alin|subrinha|subrinhu|primu|prima)(?:[-\s]+[\w']+)?\s*,\s*(\d{1,2})\s*(?:,|\.|\)|$)"
)
# "3 girls about 15-16", "budak lelaki dalam 14": an age after a child.
AGE_PERSON = rx(
    r"\b(?:girls?|boys?|kids?|children|daughters?|sons?|teens?|nona|nona2|anak|ana|budak|cewek|labarik)\s+(?:aged\s+|about\s+|"
    r"around\s+|approx\w*\s+|roughly\s+|maybe\s+|sekitar\s+|kira-kira\s+|kira2\s+|lebih\s+kurang\s+|dalam\s+)(\d{1,2})\b"
)
AGE_YEARS = rx(r"\b" + NUM + r"\s*(?:tahun|thn|th|taun|thun|tahunan)\b")
AGE_EN = rx(r"\b" + NUM + r"[\s-]*(?:yo|y/o|y\.o\.?|yrs?[\s-]+old|years?[\s-]+old|yr[\s-]+old|years?\s+of\s+age)(?!\w)")
# "she is 16", "he's only 15": an age when nothing measured follows.
AGE_IS = rx(
    r"\b(?:is|was|turns|turned|she's|he's)\s+(?:only\s+|just\s+|barely\s+)?(\d{1,2})\b"
    r"(?!\s*(?:%|kg|km|hours?|minutes|days|weeks|months|people|persons|men|women|million|thousand|ringgit|rm|usd|"
    r"dollars|jam|juta|orang))"
)
# "Anak saya (17)", "my cousin (25)": an age in brackets after a person.
AGE_BRACKETS = rx(r"\((\d{1,2})\)")
# "a girl of 15"
AGE_OF = rx(r"\b(?:girl|boy|child|kid|daughter|son|nona|anak)\s+of\s+(\d{1,2})\b")
# Tetun "tinan 16" is an age; "tinan 2 ona", "servisu tinan 5" are durations.
AGE_TINAN = rx(r"\btinan\s+" + NUM + r"\b(?!\s+(?:ona|liuba|kotuk|tan)\b)")
TINAN_DURATION_BEFORE = frozenset({"servisu", "hela", "durante", "kontratu", "iha", "loron", "fulan", "during"})
# "kontrak 2 tahun", "sudah 5 tahun di Malaysia": a number of years that is a duration, not an age.
DURATION_BEFORE = wordset(
    """
    kontrak selama sudah sdh su udah telah lebih hampir kerja bekerja sejak masa tinggal for dipenjara penjara
    hukuman tiap setiap per pada dalam sampai hingga dari lamanya lama over about nearly kurang
    """
)
DURATION_AFTER = rx(r"^\s*(?:lalu|yang\s+lalu|yg\s+lalu|lagi|kerja|kontrak|terakhir|ago|di\s+(?!bawa)|lepas)")

# An age of 18 or more, however written ("umur 19", "20 thn", "tinan 22", "19-year-old", "(25)"): a grown-up.
_ADULT = r"(1[89]|[2-9]\d)"
ADULT_AGE = rx(
    r"\b(?:(?:umur|umurnya|usia|usianya|berumur|berusia|umor|age|aged|idade|tinan)\s*:?\s*(?:baru\s+|sudah\s+|su\s+|dah\s+|"
    r"already\s+|about\s+|sekitar\s+)?"
    + _ADULT
    + r"\b|"
    + _ADULT
    + r"\s*(?:tahun|thn|th|taun|thun)\b|"
    + _ADULT
    + r"[\s-]*(?:yo|y/o|yrs?[\s-]+old|years?[\s-]+old|yr[\s-]+old)(?!\w)|(?:is|she's|he's|turned)\s+"
    + _ADULT
    + r"\b(?!\s*(?:%|kg|km|hours?|minutes|days|weeks|months|people|persons|men|women))|eighteen|nineteen|twenty)|"
    r"\(" + _ADULT + r"\)|,\s*" + _ADULT + r"\s*,"
)
