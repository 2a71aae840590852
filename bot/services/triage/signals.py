"""Text signals for triage: what in a tip's free text points to danger, imminence, a child, or exploitation.

Reporters write Indonesian, Kupang Malay, Malaysian Malay and English, often mixed, in lower case, with SMS
abbreviations and typos, so every pattern lists the forms actually used ("tdk", "sonde", "son", "ga", "blm").
The patterns run on all text whatever language the reporter chose: people switch language mid-sentence.

A signal is dropped when a negator stands just before it in the same clause ("tidak dipukul", "sonde ada yang
pukul", "not locked", "tak dikurung"). Patterns that contain their own negation ("sonde kasi kaluar", "gaji tidak
dibayar") are signals in their own right. Missing a real signal costs more than a false one, so when in doubt a
pattern matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.services.places import PlaceMention, find_places


@dataclass(frozen=True)
class TextSignal:
    """One thing found in text. ``detail`` is the matched phrase from the original text, for staff."""

    code: str
    detail: str
    start: int
    end: int
    # For violence and confinement: the sentence says it happened before and is over ("tahun lalu", "dulu").
    past: bool = False


@dataclass(frozen=True)
class TextFindings:
    signals: tuple[TextSignal, ...]
    places: tuple[PlaceMention, ...]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- Building blocks ---------------------------------------------------------------------------------------------

# Negators that cancel a signal just after them. "son" is left out: in English it is a son, and the Kupang
# phrases that use it are patterns of their own. "jangan" is left out: "jangan sampai dia dibawa" is a plea.
_NEGATORS = _wordset(
    """
    tidak tdk tak ga gak gk nggak ngga enggak engga ndak nda kagak sonde sond snd bukan bkn belum blm blom
    tiada not no never nobody none nothing didn't didnt doesn't doesnt don't dont wasn't wasnt weren't isn't
    isnt aren't hasn't hasnt haven't havent won't cannot tanpa batal
    """
)
# "Not yet" does not cancel a departure: "belum berangkat, besok baru jalan" is still a departure tomorrow.
_NOT_YET = frozenset({"belum", "blm", "blom"})
# A negator after one of these is a purpose clause ("supaya dia tidak dibawa"), not a denial.
_PURPOSE = frozenset({"supaya", "agar", "biar", "ko", "so", "before", "sebelum", "cegah", "prevent", "jangan"})

_CLAUSE_BREAK = _rx(r"[.,;:!?\n()\[\]]|\b(?:tapi|tetapi|namun|but|however|sedangkan|padahal|melainkan)\b")
_FROM = _rx(r"\b(?:dari|from|asal)\s*$")
_SENTENCE_BREAK = _rx(r"[.!?\n]+")
_WORDS = _rx(r"[\w']+")

_NUMBER_WORDS = {
    "sepuluh": 10,
    "sebelas": 11,
    "dua belas": 12,
    "tiga belas": 13,
    "empat belas": 14,
    "lima belas": 15,
    "enam belas": 16,
    "tujuh belas": 17,
    "delapan belas": 18,
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
_NUM = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


def _to_int(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(" ".join(token.split()))


# --- Patterns ---------------------------------------------------------------------------------------------------

_DANGER = _rx(
    r"\b(?:dalam\s+bahaya|dlm\s+bahaya|in\s+danger|nyawa(?:nya)?\s+(?:terancam|dalam\s+bahaya)|darurat|emergency|"
    r"sos|(?:mau|akan|ingin)\s+bunuh\s+diri|bunuh\s+diri|suicid\w*|life\s+is\s+at\s+risk|"
    r"tolong\s+(?:selamatkan|keluarkan|kasi\s+kaluar)|selamatkan\s+(?:dia|kami|saya|beta|dong)|"
    r"save\s+(?:me|us|her|him|them)|help\s+me|tolong\s+(?:beta|kami)\b(?!\s+(?:cek|tanya|info)))"
)

# "pukul" is also "o'clock" in Indonesian: "pukul 10 malam" is a time, not a blow.
_CLOCK_AFTER = r"(?!\s*(?:\d|se(?:puluh|belas)|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|berapa))"
_VIOLENCE = _rx(
    r"\b(?:(?:di|ter|kena\s+|dapa\s+|dapat\s+|mem)?pukul(?:i|in|nya)?" + _CLOCK_AFTER + r"|dipukuli|memukuli|"
    r"(?:di|me|kena\s+)?(?:tampar|tempeleng|tendang|siksa|aniaya|hantam|sepak|tumbuk|setrum)(?:nya|i)?|"
    r"penganiayaan|penyiksaan|kekerasan|kdrt|"
    r"(?:di|mem|kena\s+)?perkosa|pemerkosaan|(?:di|kena\s+)?rogol|dicabuli|pencabulan|dilecehkan|pelecehan|"
    r"(?:di|meng|kena\s+)?ancam(?:an|nya)?|terancam|(?:di|mau\s+di|akan\s+di)?bunuh|dera|didera|dicederakan|"
    r"(?:luka|lebam|memar|berdarah)(?:-luka)?|disiram\s+air\s+panas|dibakar|disundut|"
    r"beat(?:en|ing|s)?|hit(?:s|ting)?|kick(?:ed|ing)?|slapp?(?:ed|ing)?|punch(?:ed|ing)?|rap(?:ed|e)|"
    r"abus(?:ed|ing|e)|assault(?:ed)?|tortur(?:ed|e|ing)|threat(?:en(?:ed|ing|s)?|s)?|hurt(?:ing)?|injur(?:ed|ies|y)|"
    r"bruis(?:ed|es|e)|burn(?:ed|t)\s+(?:her|him|them|me)|stabbed|molest(?:ed)?|sexually\s+harass(?:ed)?)\b"
)

_CONFINEMENT = _rx(
    r"\b(?:(?:di|ter|kena\s+|dapa\s+)?kurung(?:nya)?|dikunci|terkunci|"
    r"(?:dong|dorang|mereka|majikan|agen|bos|boss|de|dia)\s+kunci|kunci\s+(?:dia|de|dong|dorang|mereka|di\s+\w+)|"
    r"(?:di|me|ter)?sekap|disandera|sandera|"
    r"(?:tidak|tdk|tak|ga|gak|nggak|ndak|nda|sonde|son|snd)\s+(?:boleh|bole|bisa|dikasih|dikasi|kasih|kasi|"
    r"dibenarkan|diizinkan|diijinkan|diberi|dibiarkan|pernah\s+boleh)\s+(?:keluar|kaluar|kluar|pulang|pergi|"
    r"kemana[- ]mana|ke\s+mana[- ]mana|pi\s+mana-mana)|"
    r"dilarang\s+(?:keluar|pulang|pergi)|ditahan\s+di\s+(?:rumah|kamar|mess|asrama|penampungan|gudang)|"
    r"lock(?:ed)?\s+(?:up|in|inside|away)|locked|confined|captive|held\s+against\s+(?:her|his|their|my|our)\s+will|"
    r"not\s+allowed\s+to\s+(?:leave|go\s+out|go\s+home|go\s+outside|go\s+anywhere)|"
    r"(?:can't|cannot|can\s+not|unable\s+to)\s+(?:leave|go\s+out|escape|get\s+out)|"
    r"kept\s+(?:inside|indoors|in\s+a\s+room|locked)|trapped|imprisoned)\b"
)

_EXPLOITATION = _rx(
    r"\b(?:(?:di|ter)?paksa\s+(?:untuk\s+)?(?:kerja|bekerja|melayani|layani|jual|jadi|menjadi|tidur|berhubungan|"
    r"minum|temani)|kerja\s+paksa|dipaksa|forced\s+to\s+\w+|forced\s+labou?r|"
    r"dijual|diperdagangkan|(?:jual|menjual)\s+(?:dia|orang|anak|perempuan|nona|wanita|gadis)|sold|trafficked|"
    r"psk|pelacur(?:an)?|prostitu\w*|(?:me)?layani\s+tamu|temani\s+tamu|jual\s+diri|"
    r"(?:tidak|tdk|tak|sonde|son|ga|gak|nggak)\s+(?:pernah\s+)?(?:dikasih|dikasi|kasi|kasih|diberi|boleh|dapa|dapat)"
    r"(?:\s+(?:dia|de|dong|dorang|kami|beta|mereka))?\s+(?:makan|libur|istirahat|tidur|cuti)|kelaparan|no\s+(?:day\s+off|rest|food)|not\s+given\s+food|"
    r"kerja\s+(?:tanpa|tidak|sonde|tak)\s+(?:libur|istirahat|henti)|kerja\s+\d{2}\s+jam|"
    r"work(?:s|ing)?\s+\d{2}\s+hours|"
    r"minta\s+(?:tolong\s+)?(?:di)?pulangkan|(?:mau|ingin|pengen|minta)\s+pulang\s+(?:tapi|tp|namun|sonde|tidak)|"
    r"want(?:s)?\s+to\s+(?:go|come)\s+home|melarikan\s+diri|kabur\s+dari|lari\s+dari\s+(?:majikan|rumah|tempat)|"
    r"ran\s+away\s+from|escaped\s+from)\b"
)

_HOLDING_HOUSE = _rx(
    r"\b(?:(?:tempat|rumah)\s+penampungan|penampungan|ditampung|holding\s+house|transit\s+house|rumah\s+transit)\b"
)

_DEBT = _rx(
    r"\b(?:(?:ber|ter)?h?utang(?:nya)?|terjerat\s+h?utang|debts?|indebted|owes?|owed|"
    r"ganti\s+(?:rugi|biaya|ongkos)|bayar\s+(?:kembali|balik|ganti)|tebus|ditebus|uang\s+tebusan|"
    r"potong\s+gaji|gaji(?:nya)?\s+(?:di)?potong|kasbon|deduct(?:ed|ions?)|pay\s+(?:it\s+)?back|repay)\b"
)

_WAGE = r"(?:gaji|gajinya|upah|upahnya|bayaran|salary|salaries|wages?|pay)"
_NOT = r"(?:tidak|tdk|tak|belum|blm|sonde|son|snd|ga|gak|nggak|ndak|never|not|no)"
_UNPAID = _rx(
    r"\b(?:" + _WAGE + r"(?:\s+[\w']+){0,4}?\s+" + _NOT + r"\s+(?:pernah\s+|juga\s+|mau\s+|lagi\s+)?"
    r"(?:di|ter)?(?:bayar|bayarkan|kasih|kasi|terima|dapat|dapa|paid|given|received|keluar)|"
    r"(?:tidak|tdk|tak|belum|blm|sonde|son|ga|gak|nggak|never|haven't|hasn't|didn't|not|without)\s+"
    r"(?:pernah\s+)?(?:di|ter)?(?:bayar|dapat|dapa|terima|dikasih|kasih|kasi|paid|receive[ds]?|get|got|been\s+paid)"
    r"\s+(?:\w+\s+)?" + _WAGE + r"|"
    r"(?:tidak|tdk|tak|belum|blm|sonde|son|ga|gak|nggak|never)\s+(?:pernah\s+)?(?:di)?gaji|tak\s+bergaji|"
    r"belum\s+gajian|gaji(?:nya)?\s+(?:di)?tahan|kerja\s+tanpa\s+(?:gaji|upah|bayaran)|unpaid|"
    r"(?:not|never)\s+(?:been\s+)?paid|no\s+(?:salary|wages?|pay)|without\s+pay|"
    r"(?:wages?|salary)\s+(?:withheld|held\s+back)|withh(?:eld|olding)\s+(?:her|his|their|my)?\s*(?:wages?|salary))\b"
)

_DOC = (
    r"(?:paspor|pasport|passport|passports|pasfor|paspot|pasportnya|paspornya|ktp|e-ktp|ektp|ijazah|akta|dokumen|"
    r"documents?|papers|id\s+card|kad\s+pengenalan|permit)"
)
_HOLD = (
    r"(?:ditahan|tahan|menahan|disita|sita|menyita|diambil|ambil|mengambil|dirampas|rampas|disimpan|simpan|"
    r"menyimpan|dipegang|pegang|memegang|dikuasai|taken|took|take|held|hold|holds|holding|keeps?|kept|"
    r"confiscated?|seized|withheld|retained)"
)
_DOC_THEN_HOLD = _rx(r"\b" + _DOC + r"\b((?:\s+[\w']+){0,3}?)\s+" + _HOLD + r"\b")
_HOLD_THEN_DOC = _rx(r"\b" + _HOLD + r"\b((?:\s+[\w']+){0,3}?)\s+" + _DOC + r"\b")
_DOC_WITH = _rx(
    r"\b" + _DOC + r"(?:\s+[\w']+){0,3}?\s+(?:ada\s+|masih\s+)?(?:di|pada|sama|dengan|with|at|by)\s+"
    r"(?:the\s+)?(?:agen|agent|majikan|bos|boss|employer|tekong|calo|perusahaan|company|pt|sponsor|dong|dorang|mereka)\b"
)
_DOC_OWNER = _rx(
    r"\b(?:agen|agent|majikan|bos|boss|employer|tekong|calo|company|perusahaan|sponsor|they|dong|dorang|mereka)\s+"
    r"(?:still\s+|masih\s+)?(?:has|have|got|punya)\s+(?:[\w']+\s+){0,2}?" + _DOC + r"\b"
)
_OWN = _rx(r"^\s*(?:[\w']+\s+)?(?:sendiri|myself|herself|himself|themselves|ourselves)\b")

_CHILD_WORDS = _rx(
    r"\b(?:(?:anak\s+)?di\s*bawah\s+umur|bawah\s+umur|underage|under[- ]age|under\s+18|di\s*bawah\s+18|"
    r"belum\s+(?:cukup\s+umur|dewasa|18)|blm\s+cukup\s+umur|minors?|child|children|kids?|"
    r"anak\s+kecil|ana\s+kecil|nona\s+kecil|masih\s+kecil|kanak-kanak|budak\s+(?:kecil|bawah\s+umur)|"
    r"masih\s+(?:sd|smp|sma|smk|sekolah|skolah|anak-anak)|anak\s+(?:sd|smp|sekolah)|"
    r"(?:siswa|siswi|murid|pelajar)\s+(?:sd|smp|sma|smk)|kelas\s+(?:\d{1,2}|x|xi|xii|satu|dua|tiga)\s*(?:sd|smp|sma|smk)|anak\s+(?:sma|smk)|"
    r"(?:baru\s+)?(?:tamat|lulus|tamatan|lulusan)\s+(?:sd|smp)|schoolgirls?|schoolboys?|still\s+in\s+school|"
    r"(?:umur|usia)(?:nya)?\s+(?:\w+\s+)?(?:di)?(?:palsu|tua)kan|(?:palsukan|tuakan)\s+umur|age\s+(?:was\s+)?falsified)\b"
)
_AGE_LABELLED = _rx(
    r"\b(?:umur|umurnya|umur\s+dia|umr|usia|usianya|berumur|berusia|umor|age|aged)\s*:?\s*(?:baru\s+|masih\s+)?"
    + _NUM
    + r"\b"
)
_AGE_YEARS = _rx(r"\b" + _NUM + r"\s*(?:tahun|thn|th|taun|thun|tahunan)\b")
_AGE_EN = _rx(r"\b" + _NUM + r"\s*(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old|years?-old|yr\s+old|year\s+old)(?!\w)")
# "kontrak 2 tahun", "sudah 5 tahun di Malaysia": a number of years that is a duration, not an age.
_DURATION_BEFORE = _wordset(
    """
    kontrak selama sudah sdh su udah telah lebih hampir kerja bekerja sejak masa tinggal for dipenjara penjara
    hukuman tiap setiap per pada dalam sampai hingga dari lamanya lama over about nearly kurang
    """
)
_DURATION_AFTER = _rx(r"^\s*(?:lalu|yang\s+lalu|yg\s+lalu|lagi|kerja|kontrak|terakhir|ago|di\s+(?!bawa))")

_TODAY = _rx(
    r"\b(?:malam\s+ini|mlm\s+ini|ini\s+malam|ni\s+malam|malam\s+ni|nanti\s+malam|nnti\s+malam|hari\s+ini|hr\s+ini|"
    r"ini\s+hari|besok|bsk|bsok|esok|pagi\s+ini|siang\s+ini|sore\s+ini|petang\s+ini|"
    r"nanti\s+(?:sore|siang|subuh|pagi)|subuh\s+ini|dini\s+hari|sebentar\s+lagi|sekejap\s+lagi|"
    r"beberapa\s+jam\s+lagi|\d{1,2}\s+jam\s+lagi|sekarang\s+juga|tonight|tomorrow|today|this\s+morning|"
    r"this\s+afternoon|this\s+evening|in\s+(?:a\s+few|\d{1,2})\s+hours|right\s+now)\b(?![-\d])"
)
_THIS_WEEK = _rx(
    r"\b(?:lusa|minggu\s+ini|pekan\s+ini|minggu\s+depan|pekan\s+depan|akhir\s+(?:minggu|pekan)\s+ini|"
    r"beberapa\s+hari\s+lagi|[2-7]\s+hari\s+lagi|(?:dua|tiga|empat|lima|enam|tujuh)\s+hari\s+lagi|"
    r"dalam\s+[2-7]\s+hari|hari\s+(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)|"
    r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu)\s+(?:ini|depan|nanti)|"
    r"this\s+week(?:end)?|next\s+week|in\s+(?:a\s+few|[2-7])\s+days|"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
_MOVE = _rx(
    r"\b(?:berangkat|brangkat|barangkat|brangkt|berangkatkan|diberangkatkan|pergi|pigi|pi|jalan|dibawa|bawa|"
    r"di\s+bawa|diantar|antar|dikirim|kirim|dijemput|jemput|terbang|naik|kapal|pesawat|feri|tiket|boarding|"
    r"menyeberang|nyebrang|nyeberang|dipindah(?:kan)?|pindah|dihantar|hantar|bertolak|berlepas|keluar\s+dari|"
    r"ke\s+(?:bandara|pelabuhan|malaysia|batam|luar)|go|going|goes|gone|leave|leaving|leaves|depart\w*|fly|flying|"
    r"flight|ship|boat|ferry|port|airport|harbou?r|take|takes|taking|taken|bring|bringing|moved|moving|sent|"
    r"sending|shipped|transported|picked\s+up|pick\s+(?:her|him|them)\s+up|"
    r"travel\w*)\b"
)

_RECRUITMENT = _rx(
    r"\b(?:calo|sponsor|tekong|perekrut|recruiters?|(?:di|me)?rekrut|direkrut|recruit(?:ed|ing)?|agen|"
    r"tanpa\s+(?:dokumen|paspor|pasport|passport|visa|izin|ijin|surat|kontrak|perjanjian)|"
    r"(?:tidak|tdk|sonde|son|tak|ga|gak)\s+(?:ada|punya|pake|pakai|bawa)\s+"
    r"(?:dokumen|paspor|pasport|passport|visa|surat|kontrak)|"
    r"(?:no|without)\s+(?:a\s+)?(?:passport|papers|documents|visa|permit|contract)|"
    r"undocumented|jalur\s+tikus|jalan\s+tikus|ilegal|illegal|non[- ]?prosedural|tidak\s+(?:resmi|prosedural)|"
    r"unofficial|visa\s+(?:turis|wisata|kunjungan|pelancong|melancong|umroh|umrah|ziarah)|"
    r"(?:tourist|visit|visitor)\s+visa|pas\s+lawatan|"
    r"(?:biaya|uang|bayar)\s+(?:pendaftaran|administrasi|daftar|muka|proses)|registration\s+fee|"
    r"(?:semua|seluruh)\s+biaya\s+(?:ditanggung|gratis)|biaya\s+(?:ditanggung|gratis)|gratis\s+(?:semua|tiket|biaya)|"
    r"(?:we|they)\s+pay\s+(?:for\s+)?(?:all|everything)|all\s+costs\s+(?:paid|covered)|free\s+(?:ticket|flight)|"
    r"gaji\s+(?:besar|tinggi|\d+\s*(?:juta|jt|ringgit|rm))|high\s+(?:salary|pay|wages)|"
    r"(?:kasi|kase|serahkan|kumpul(?:kan)?|kirim|minta)\s+ktp|"
    r"(?:alasan|katanya|bilang|ngaku|pamit|izin|alasannya)\s+(?:[\w']+\s+){0,3}(?:pesta|nikah|kawin|kawinan|"
    r"acara\s+keluarga|kunjungi\s+keluarga|jenguk|liburan)|(?:going\s+to\s+a\s+wedding|visiting\s+family)|"
    r"(?:tawari?|tawarkan|ditawari|ditawarkan|dijanjikan|janji(?:kan)?|ajak|diajak)\s+(?:[\w']+\s+){0,2}"
    r"(?:kerja|pekerjaan|gaji)|tawaran\s+kerja|lowongan|loker|job\s+offers?|offered\s+(?:a\s+|her\s+|him\s+)?jobs?|"
    r"facebook|fb|tiktok|medsos|media\s+sosial|(?:kebun|perkebunan|kelapa)\s+sawit|sawit|tkw|tki|pmi\s+ilegal)\b"
)

_PERSON = _rx(
    r"\b(?:adik|ade|adek|anak\s+(?:saya|beta|sa|kami|dia)|ana\s+(?:beta|sa)|nona|nyong|sepupu|ponakan|keponakan|"
    r"tetangga|sodara|saudara|istri|suami|bini|nenek|kakek|cucu|beta\s+pung|sa\s+pung|saya\s+punya|"
    # "kaka", "om", "ibu" are also how people address anyone ("kaka, tolong..."): only with an owner.
    r"(?:kakak|kaka|kak|abang|om|mama|ibu|bapa|bapak|ayah|tanta|tante|paman|bibi|opa|oma|teman|kawan)"
    r"(?:ku|nya|\s+(?:saya|sa|beta|kami|dia|de|mereka|itu))|namanya|nama\s+dia|bernama|"
    r"my\s+(?:sister|brother|daughter|son|mother|father|mum|mom|dad|wife|husband|cousin|friend|neighbou?r|niece|"
    r"nephew|aunt|uncle|child|kid)|neighbou?rs?|cousin|named|called|"
    r"\d+\s+(?:orang|org|nona|perempuan|laki|anak|people|girls|women|men|boys)|"
    # A company named outright ("PT Maju Jaya") is as specific as a person.
    r"(?:pt|cv)\.?\s+[a-z]\w+)\b"
)
_TIME_ANY = _rx(
    r"\b(?:kemarin|kemaren|tadi|semalam|tgl|tanggal|\d{1,2}[/-]\d{1,2}|yesterday|last\s+(?:week|night|month)|"
    r"minggu\s+lalu|bulan\s+lalu|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
    r"desember|january|february|march|june|july|august|october|december|jam\s+\d{1,2}|pukul\s+\d{1,2})\b"
)

_PRESENT = _rx(
    r"\b(?:sekarang|skrg|skrang|skarang|saat\s+ini|masih|sedang|sdg|lagi\s+di|now|currently|still|right\s+now|"
    r"tiap\s+hari|setiap\s+hari|every\s+day|terus-terusan)\b"
)
_PAST = _rx(
    r"\b(?:dulu|dahulu|dulunya|tahun\s+lalu|bulan\s+lalu|minggu\s+lalu|waktu\s+itu|thn\s+lalu|"
    r"\d+\s+tahun\s+(?:yang\s+|yg\s+)?lalu|last\s+(?:year|month)|years?\s+ago|months\s+ago|used\s+to|previously|"
    r"in\s+the\s+past)\b"
)
# The person is out of it now: this outweighs "sekarang" ("sekarang sudah pulang").
_RESOLVED = _rx(
    r"\b(?:(?:sudah|su|sdh|udah|telah)\s+(?:pulang|kembali|bebas|selamat|dipulangkan|aman|keluar\s+dari)|"
    r"pulang\s+(?:dengan\s+)?selamat|(?:already|now)\s+(?:home|back|safe|free)|(?:came|come|got)\s+home|"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:rescued|repatriated))\b"
)


# --- Helpers ----------------------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Lower case with the same length as ``text``, so that offsets point into the original."""
    out = []
    for c in text:
        low = c.lower()
        if c in "’‘`´":
            low = "'"
        elif c in "\u00a0\u2009\u202f":
            low = " "
        out.append(low if len(low) == 1 else c)
    return "".join(out)


def _negated(norm: str, start: int, *, departure: bool = False) -> bool:
    window = norm[max(0, start - 80) : start]
    last = None
    for m in _CLAUSE_BREAK.finditer(window):
        last = m
    if last is not None:
        window = window[last.end() :]
    words = _WORDS.findall(window)[-5:]
    # Only the last three words can negate ("sonde ada yang pukul"); the two before may make it a purpose clause.
    for i in range(max(0, len(words) - 3), len(words)):
        w = words[i]
        if w in _NEGATORS and not (departure and w in _NOT_YET):
            if any(p in _PURPOSE for p in words[:i]):
                continue
            return True
    return False


def _sentences(norm: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SENTENCE_BREAK.finditer(norm):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(norm)))
    return spans


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos <= e:
            return s, e
    return 0, 0


def _word_gap(norm: str, a_end: int, b_start: int) -> int:
    return len(_WORDS.findall(norm[a_end:b_start]))


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Finders ----------------------------------------------------------------------------------------------------


def _simple(code: str, pattern: re.Pattern[str], text: str, norm: str) -> Iterable[TextSignal]:
    for m in pattern.finditer(norm):
        if not _negated(norm, m.start()):
            yield TextSignal(code, _clip(text[m.start() : m.end()]), m.start(), m.end())


def _clause(norm: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(norm)
    for m in _CLAUSE_BREAK.finditer(norm):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _is_past(norm: str, spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether what is said at ``pos`` is over. When unsure it is not: the default is "happening now"."""
    c_start, c_end = _clause(norm, pos)
    clause = norm[c_start:c_end]
    if _PRESENT.search(clause):
        return False
    if _PAST.search(clause) or _RESOLVED.search(clause):
        return True
    s, e = _sentence_of(spans, pos)
    sentence = norm[s:e]
    if _RESOLVED.search(sentence):
        return True
    return bool(_PAST.search(sentence)) and not _PRESENT.search(sentence)


def _with_tense(code: str, pattern: re.Pattern[str], text: str, norm: str, spans) -> Iterable[TextSignal]:
    for sig in _simple(code, pattern, text, norm):
        yield TextSignal(sig.code, sig.detail, sig.start, sig.end, _is_past(norm, spans, sig.start))


def _departures(text: str, norm: str, spans, places: tuple[PlaceMention, ...]) -> Iterable[TextSignal]:
    """A time within 24 hours or within a week, near a word of moving or a place on a route out."""
    cues = [(m.start(), m.end()) for m in _MOVE.finditer(norm) if not _negated(norm, m.start(), departure=True)]
    # A route place is a cue when it is where someone goes, not where they come back from.
    cues += [
        (p.start, p.end)
        for p in places
        if (p.kind != "regency" or p.region != "ntt") and not _FROM.search(norm[max(0, p.start - 12) : p.start])
    ]
    for code, pattern in (("departure_today", _TODAY), ("departure_this_week", _THIS_WEEK)):
        for m in pattern.finditer(norm):
            if _negated(norm, m.start(), departure=True):
                continue
            s, e = _sentence_of(spans, m.start())
            # "hari ini saya pulang dengan selamat" is a homecoming; only its own clause can say so.
            if _RESOLVED.search(norm[slice(*_clause(norm, m.start()))]):
                continue
            near = [
                c
                for c in cues
                if s <= c[0] <= e
                and _word_gap(norm, *((m.end(), c[0]) if c[0] >= m.end() else (c[1], m.start()))) <= 12
            ]
            if not near:
                continue
            c = min(near, key=lambda c: abs(c[0] - m.start()))
            lo, hi = min(m.start(), c[0]), max(m.end(), c[1])
            yield TextSignal(code, _clip(text[lo:hi]), lo, hi)


def _documents(text: str, norm: str) -> Iterable[TextSignal]:
    for pattern in (_DOC_THEN_HOLD, _HOLD_THEN_DOC):
        for m in pattern.finditer(norm):
            gap = _WORDS.findall(m.group(1) or "")
            if any(w in _NEGATORS for w in gap) or _negated(norm, m.start()):
                continue
            if pattern is _DOC_THEN_HOLD and _OWN.match(norm[m.end() : m.end() + 30]):
                continue
            yield TextSignal("documents_held", _clip(text[m.start() : m.end()]), m.start(), m.end())
    yield from _simple("documents_held", _DOC_WITH, text, norm)
    yield from _simple("documents_held", _DOC_OWNER, text, norm)


def _child_ages(text: str, norm: str) -> Iterable[TextSignal]:
    def emit(m: re.Match[str]) -> TextSignal:
        return TextSignal("child_age_in_text", _clip(text[m.start() : m.end()]), m.start(), m.end())

    seen: set[int] = set()
    for m in _AGE_LABELLED.finditer(norm):
        age = _to_int(m.group(1))
        if age is not None and age < 18 and not _negated(norm, m.start()):
            seen.add(m.start(1))
            yield emit(m)
    for m in _AGE_EN.finditer(norm):
        age = _to_int(m.group(1))
        if age is not None and age < 18 and m.start(1) not in seen and not _negated(norm, m.start()):
            seen.add(m.start(1))
            yield emit(m)
    for m in _AGE_YEARS.finditer(norm):
        if m.start(1) in seen:
            continue
        age = _to_int(m.group(1))
        if age is None or not 5 <= age < 18:
            continue
        before = _WORDS.findall(norm[max(0, m.start() - 30) : m.start()])[-2:]
        if any(w in _DURATION_BEFORE for w in before) or _DURATION_AFTER.match(norm[m.end() : m.end() + 20]):
            continue
        if not _negated(norm, m.start()):
            yield emit(m)
    yield from _simple("child_age_in_text", _CHILD_WORDS, text, norm)


def find_signals(text: str) -> TextFindings:
    """Every signal in one piece of free text, in order of appearance, with the places named in it."""
    if not text or not text.strip():
        return TextFindings((), ())
    norm = _normalise(text)
    spans = _sentences(norm)
    places = tuple(find_places(text))
    found: list[TextSignal] = []
    found += _simple("danger_in_text", _DANGER, text, norm)
    found += _departures(text, norm, spans, places)
    found += _with_tense("violence_in_text", _VIOLENCE, text, norm, spans)
    found += _with_tense("confinement_in_text", _CONFINEMENT, text, norm, spans)
    found += _child_ages(text, norm)
    found += _documents(text, norm)
    found += _simple("debt_bondage", _DEBT, text, norm)
    found += _simple("unpaid_wages", _UNPAID, text, norm)
    found += _simple("exploitation_in_text", _EXPLOITATION, text, norm)
    found += _simple("holding_house", _HOLDING_HOUSE, text, norm)
    found += _simple("illegal_recruitment", _RECRUITMENT, text, norm)
    found += _simple("person_in_text", _PERSON, text, norm)
    found += _simple("time_in_text", _TIME_ANY, text, norm)
    found += _simple("time_in_text", _TODAY, text, norm)
    found += _simple("time_in_text", _THIS_WEEK, text, norm)
    found.sort(key=lambda s: (s.start, s.end))
    return TextFindings(tuple(found), places)
