"""Requests and opinions against cases: "bagaimana cara daftar PMI?", "pemerintah harus tangkap calo", "saya mau
jadi relawan" hold no case, even when they name a broker or a child; "adik saya dikurung, harus lapor ke mana?"
does. A text is *framed* as a request, question or opinion when it says so; it is *anchored* when it points at a
case: a person ("adik saya", "Om Yos", a phone number), a time ("tadi malam"), someone right next to what happened
("dia dipukul", "kami dikunci"), or a place pointed at ("rumah itu", "next door").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from bot.services.places import PlaceMention
from bot.services.triage import lexicon as lx
from bot.services.triage.entities import find_phones
from bot.services.triage.patterns.movement import DEICTIC_PLACE, OWN_PLACE
from bot.services.triage.tense import Text, is_conditional, text_of
from bot.services.triage.text_signal import TextSignal

QUESTION = lx.rx(
    r"\b(?:bagaimana|bagaimanakah|bgmn|bgmana|gimana|gmn|gmana|caranya|cara\s+(?:daftar|mendaftar|urus|mengurus|lapor|"
    r"melapor|jadi|menjadi|cek|mengecek|klaim|mohon|buat|bikin)|(?:apa\s+)?(?:saja\s+|aja\s+|sa\s+)?syarat(?:nya)?|"
    r"apakah|apa\s+(?:benar|betul|bisa|boleh)|berapa|bisa\s+ko\s+sonde|bisakah|bolehkah|boleh\s+ko\s+sonde|"
    r"boleh\s+tak|macam\s+mana|adakah|oins[aá]|ka\s+lae|boleh\s+(?:ke\s+)?(?:saya|sy|aku|kami)\b|"
    r"bisa\s+(?:saya|sy|beta|kami)\s+(?:lapor|tanya|minta|dapat|daftar)|"
    r"(?:mau|mo|ingin|nak|sy\s+mau|saya\s+mau|beta\s+mau|saya\s+nak)\s+(?:tanya|nanya|bertanya|tahu|tau)|ingin\s+tahu|"
    r"hakarak\s+(?:husu|hatene)|"
    r"how\s+(?:do|can|to|should|much|long|does)|what\s+(?:should|is|are|do|does|can)|which\s+\w+\s+do|"
    r"where\s+(?:can|do|should|is)|is\s+it\s+(?:true|legal|illegal|safe|possible)|can\s+i|do\s+i\s+need|should\s+i|"
    r"i\s+(?:just\s+|only\s+|really\s+|also\s+)?(?:want|wanted|would\s+like|'d\s+like)\s+to\s+(?:know|ask|check)|"
    r"(?:saya|sy|beta|aku)\s+(?:cuma|hanya|juga)\s+(?:mau|ingin|nak)\s+(?:tanya|tahu|tau|cek))\b"
)
REQUEST = lx.rx(
    r"\b(?:mohon\s+(?:info|informasi|penjelasan|bantuan\s+info)|minta\s+(?:info|informasi|data|nomor|alamat)|"
    r"(?:tolong|mohon)\s+(?:kasi|kasih|kase|beri|berikan|bagi|share)\s+(?:info|informasi|maklumat|tau|tahu|nomor)|"
    r"(?:tolong|mohon)\s+(?:jelaskan|info)|info\s+(?:nomor|kontak|alamat)|nomor\s+(?:pengaduan|telepon|telpon|hp)|"
    r"(?:beri|bagi|sila\s+beri)\s+maklumat|please\s+(?:tell|send|give|advise|share|explain|inform)|"
    r"fav[oó]r\s+ida|f[oó]\s+informasaun|informasaun\s+kona-ba|"
    r"(?:bekin|buat|adakan|lakukan|bikin)\s+(?:sosialisasi|pelatihan|penyuluhan)|sosialisasi|pelatihan|penyuluhan|"
    r"relawan|sukarelawan|volunteer\w*|volunt[aá]riu|penelitian|skripsi|research)\b"
)
# Who a plea or an opinion is addressed to: the government and its offices, in the four languages.
_AUTHORITY = (
    r"(?:pihak\s+)?(?:pemerintah|pemda|pemprov|negara|kerajaan|governu|government|govt|gov|polisi|polis|police|"
    r"aparat|dinas|disnaker|bp2mi|bp3mi|kbri|kjri|imigrasi|imigresen|bupati|gubernur|presiden|menteri|kementerian|"
    r"jabatan|berkuasa|berwajib|terkait|authorit(?:y|ies)|ministry|minister|estadu|ukun(?:-na'in)?|ministériu|"
    r"ministeriu|prezidente|parlamentu|dpr|dprd|wakil\s+rakyat)"
)
OPINION = lx.rx(
    r"\b(?:" + _AUTHORITY + r"\s+(?:[\w']+\s+){0,2}?"
    r"(?:harus|seharusnya|sepatutnya|mestinya|perlu|wajib|patut|mesti|hendaklah|kena|should|must|needs?\s+to|tenke|"
    r"presiza|lebih)|"
    # A plea to the government: "tolong la kerajaan ambil tindakan", "mohon pemerintah", "ami husu ba governu".
    r"(?:tolong|mohon|minta|harap|berharap|harapkan|please|pls|plis|we\s+(?:ask|urge|beg|call\s+on)|i\s+(?:ask|urge|"
    r"beg)|appeal\s+to|ajuda|fav[oó]r|husu|rogu)\s+(?:(?:la|lah|lh|ya|e|dong|sangat|kepada|pada|kpd|to|the|ba|ho)\s+)"
    r"{0,2}"
    + _AUTHORITY
    + r"|"
    # The government called on to act: "kerajaan ambil tindakan", "governu foti asaun".
    + _AUTHORITY
    + r"\s+(?:[\w']+\s+){0,2}?(?:ambil\s+tindakan|bertindak|tindak\s+tegas|take\s+action|act\s+now|"
    r"do\s+something|berantas|basmi|foti\s+asaun|halo\s+buat\s+ruma)|"
    # A complaint about the government: "pemerintah kok diam sa", "kerajaan buat tak tahu", "governu nonok deit".
     + _AUTHORITY + r"\s+(?:[\w']+\s+){0,2}?(?:diam|tidur|tutup\s+mata|buta|tuli|cuek|lambat|gagal|(?:tidak|tdk|tak|"
    r"sonde|ga|gak)\s+(?:peduli|pernah\s+peduli|buat\s+apa-apa|bertindak|serius|tegas)|buat\s+tak\s+tahu|does\s+nothing|"
    r"do(?:es)?\s+not\s+care|doesn't\s+care|don't\s+care|nonok|la\s+halo\s+buat\s+ida|useless|tak\s+guna|tidak\s+berguna|sonde\s+guna|la\s+serve|corrupt|korup)|"
    r"(?:tolong|mohon|please)\s+(?:di)?perhatikan|(?:tolong|mohon)\s+perhatian|pay\s+attention\s+to|"
    r"kenapa\s+(?:pemerintah|polisi|orang)|mengapa|"
    # "Why doesn't the police arrest these brokers?", "kenapa kerajaan tak bantu", "tanba sa mak governu la halo".
    r"(?:why|kenapa|knp|napa|tanba\s+sa)\s+(?:[\w']+\s+){0,2}?(?:the\s+)?" + _AUTHORITY + r"|"
    r"(?:mesti|harus|perlu|patut|should|must|tenke)\s+(?:[\w']+\s+){0,2}?(?:dihukum|ditangkap|dipenjara|ditindak|"
    r"be\s+punished|be\s+arrested|be\s+jailed|hetan\s+kastigu|kastigu)|"
    # "itu sa beta pung pendapat", "just my opinion", "ha'u-nia hanoin de'it": the writer says it is an opinion.
    r"(?:beta|saya|sy|sa|aku|kami|katong)\s+(?:pung|punya)\s+(?:pendapat|pandangan|pikiran|usul)|"
    r"pendapat\s+(?:saya|sy|beta|aku|pribadi|peribadi)|(?:just|only)\s+my\s+(?:opinion|view|two\s+cents)|"
    r"(?:that's|that\s+is|this\s+is)\s+my\s+(?:opinion|view)|my\s+personal\s+(?:opinion|view)|"
    r"(?:ha'u-nia|ha'u\s+nia|ami-nia|ami\s+nia)\s+(?:opiniaun|hanoin)|opiniaun\s+(?:ha'u|pesoál|pesoal)|"
    # A plea for a whole group: "tolong bantu kami rakyat kecil", "please help our people", "ajuda ita nia joven sira".
    r"(?:tolong|mohon|please|pls|plis|ajuda|tulun|help|bantu|bantulah|selamatkan|save)\s+(?:(?:bantu|help|ajuda|tulun|"
    r"selamatkan|save)\s+)?(?:kami|us|ami|ita|our|kita|ita\s+nia|ami\s+nia)\s+(?:[\w']+\s+)?(?:rakyat|masyarakat|"
    r"warga|orang\s+(?:kecil|miskin|kampung|ntt|timor|desa)|petani|nelayan|pekerja|buruh|tki|tkw|pmi|kaum|generasi|"
    r"anak\s+muda|pemuda|people|poor|migrants|workers|families|women|girls|youth|children|povu|ema\s+kiak|joven|"
    r"foin-sa'e|komunidade|feto\s+sira|labarik\s+sira)|"
    r"(?:somebody|someone|anybody|anyone|seseorang|sapa\s+sa|siapa\s+saja|ema\s+ruma)\s+(?:really\s+)?(?:should|must|needs?\s+to|"
    r"ought\s+to|harus|perlu|patut|mesti|tenke)|everyone\s+knows|everybody\s+knows|semua\s+orang\s+tahu|"
    r"ema\s+hotu\s+hatene|"
    r"semoga|terima\s+kasih|thank\s+you|thanks|obrigad[ao]|maromak\s+bensa|kasihan|kasian|kesian|"
    # What everyone, parents, schools or churches must do: "eskola sira tenke hanorin", "sekolah harus mengajar".
    r"(?:ibu\s+bapa|orang\s+tua|kita|ita\s+hotu|we\s+all|everyone|parents|inan-aman|sekolah|sekolah-sekolah|eskola|"
    r"schools?|gereja|church|churches|igreja|masyarakat|community|komunidade|guru|teachers?|profesór)\s+(?:[\w']+\s+){0,2}?"
    r"(?:mesti|harus|perlu|tenke|must|should)|harus\s+ada\s+tindakan|should\s+do\s+more)\b"
)
# Heard from others: "ema balun dehan katak...", "saya dengar cerita kawan", "people say". What is only heard of
# people in general makes no case unless the tip points at one.
HEARSAY = lx.rx(
    r"\b(?:(?:saya|sy|aku|beta|sa|i|we|kami|katong|ha'u|ami)\s+(?:cuma\s+|hanya\s+|just\s+|only\s+|pernah\s+|deit\s+)?"
    r"(?:dengar|denger|mendengar|heard|hear|rona)|dengar-dengar|denger2|kononnya|khabarnya|kabarnya|"
    r"orang\s+(?:kata|cakap|bilang|omong)|people\s+(?:say|said)|they\s+say|rumou?rs?|gosip|gossip|"
    r"ema\s+(?:balun\s+|barak\s+)?(?:dehan|koalia)|dehan\s+katak)\b"
)
# "I think": an opinion, unless the text reports what someone sees ("kat jeti Tawau selalu ada bot turunkan orang
# malam2, saya rasa PATI dari Nunukan" is a report with a guess in it).
HEDGE = lx.rx(
    r"\b(?:menurut\s+(?:saya|sy|beta|aku|kami)|(?:saya|sy|aku|beta)\s+(?:rasa|pikir|kira|rasa-rasa)|"
    r"(?:pada\s+)?pendapat\s+saya|saya\s+berpendapat|in\s+my\s+(?:opinion|view)|"
    r"i\s+(?:think|believe|feel|guess|suspect)\s+(?:the|we|that|people|it|there|they)|ha'u-nia\s+hanoin|"
    r"ha'u\s+hanoin)\b"
)
# What someone sees, again and again or with their own eyes: a report, not an opinion.
OBSERVED = lx.rx(
    r"\b(?:selalu|sentiasa|selalunya|sering|kerap|setiap\s+(?:hari|malam|minggu|bulan|pagi)|tiap\s+(?:hari|malam|"
    r"minggu|bulan|pagi)|always|often|every\s+(?:day|night|week|morning)|sempre|beibeik|kalan-kalan|"
    r"(?:saya|sy|aku|beta|kami|katong|i|we|ha'u|ami)\s+(?:[\w']+\s+)?(?:nampak|tampak|lihat|liat|melihat|tengok|"
    r"nengok|saksikan|saw|see|seen|watched|noticed|haree|rona)|"
    r"(?:ada|there\s+(?:is|are|were|was))\s+(?:a\s+)?(?:bot|boat|kapal|lori|van|mobil|oto|truk|truck|bas|bus|car)s?)\b"
)
# "polisi di sini", "pemerintah di sini", "the police here": who is meant, not a place pointed at.
_LOCAL_AUTHORITY = lx.rx(r"\b" + _AUTHORITY + r"\s+$")
_SPEECH = lx.rx(r"^\s*(?:[\w']+\s+){0,2}?(?:bilang|kata|katanya|said|says|told|dehan|cakap|kasi\s+tau)\b")
_DEICTIC = DEICTIC_PLACE
_EXISTENTIAL = lx.rx(
    r"\b(?:ada|there\s+(?:is|are)|iha)\s+(?:yang|yg|orang|org|anak|nona|perempuan|seorang|satu|banyak|ramai|many|"
    r"some|several|beberapa|\d+)\b"
)
# Someone it happens to. "they", "dong", "sira" are left out: they name whoever does it, or just mark a plural
# ("ajente sira" is "the agents").
_PRONOUN = lx.rx(r"\b(?:saya|sy|aku|beta|sa|kami|katong|dia|de|mereka|ha'u|ami|nia|i|me|we|us|she|he|her|him|them)\b")
# Events whose experiencer makes a case: someone right next to them is a particular person.
EVENTS = frozenset(
    {
        "danger_in_text",
        "departure_today",
        "departure_this_week",
        "departed",
        "away_now",
        "taken_by_force",
        "violence_in_text",
        "confinement_in_text",
        "documents_held",
        "debt_bondage",
        "unpaid_wages",
        "exploitation_in_text",
        "holding_house",
    }
)


@dataclass(frozen=True)
class Framing:
    general: bool  # the text is a question, a request or an opinion
    anchored: bool  # it points at a particular person, time or place
    marker: str  # the words that frame it, for staff
    hearsay: bool = False  # told as heard from others ("ema dehan", "saya dengar")


def read_framing(text: str, signals: Sequence[TextSignal], places: Sequence[PlaceMention] = ()) -> Framing:
    """How a text is framed, worked out once per text and its signals (a re-score reads the same story again)."""
    t = text_of(text)
    return t.once(("framing", tuple(signals), tuple(places)), lambda: _read_framing(t, text, signals, places))


def _read_framing(t: Text, text: str, signals: Sequence[TextSignal], places: Sequence[PlaceMention]) -> Framing:
    marker = ""
    for pattern in (QUESTION, REQUEST, OPINION):
        m = pattern.search(t.norm)
        if m is not None:
            marker = text[m.start() : m.end()]
            break
    # A question mark anywhere: a text that asks is framed as a question (what points at a case still counts).
    if not marker and "?" in text:
        marker = "?"
    if not marker:
        m = HEDGE.search(t.norm)
        # A guess in a report of what someone sees, or of a particular place (one named, pointed at, or "kampung
        # saya"), is still a report.
        specific_place = any(p.kind not in ("country", "region") for p in places) or OWN_PLACE.search(t.norm)
        if m is not None and not (specific_place or OBSERVED.search(t.norm) or _DEICTIC.search(t.norm)):
            marker = text[m.start() : m.end()]
    return Framing(bool(marker), _anchored(t, signals, general=bool(marker)), marker, bool(HEARSAY.search(t.norm)))


# A recruiter named by what they are, not by who: "an agent", "ajente ida", "ejen pekerjaan tu".
_RECRUITER_WORD = lx.rx(
    r"(?:agen|agent|agents|agency|agencies|ejen|ajente|agensi|perekrut|recruiters?|rekruta|sponsor|calo|pjtki|p3mi)"
)


def asked_about(text: str, s: TextSignal) -> bool:
    """A word for a recruiter in a sentence that asks a question: what the question is about ("how do I know if an
    agent has a licence?", "oinsá atu hatene ajente ida iha lisensa ka lae?"), not a recruiter seen at work."""
    t = text_of(text)
    if not _RECRUITER_WORD.fullmatch(t.norm[s.start : s.end]):
        return False
    start, end = t.sentence(s.start)
    return "?" in text[start : end + 1] or t.found_in(QUESTION, (start, end))


def _anchored(t: Text, signals: Sequence[TextSignal], *, general: bool) -> bool:
    def open_clause(pos: int) -> bool:
        return not is_conditional(t, pos)

    for s in signals:
        if not open_clause(s.start):
            continue
        # A company named in a question is what the question is about ("apakah PT X resmi?").
        company = s.detail.casefold().startswith(("pt", "cv", "syarikat"))
        if s.code == "person_in_text" and not _SPEECH.match(t.norm[s.end : s.end + 30]) and not (general and company):
            return True
        if s.code == "time_in_text":
            return True
        if s.code == "danger_in_text":  # a cry for help speaks for the one who cries
            return True
        if s.code in EVENTS and not s.generic and _experiencer(t, s):
            return True
    if find_phones(t.original):
        return True
    events = sorted(s.start for s in signals if s.code in EVENTS)
    if not general and OWN_PLACE.search(t.norm):
        return True
    for pattern in (_DEICTIC, _EXISTENTIAL):
        for m in pattern.finditer(t.norm):
            if pattern is _DEICTIC and _LOCAL_AUTHORITY.search(t.norm, max(0, m.start() - 30), m.start()):
                continue
            if open_clause(m.start()) and (pattern is _DEICTIC or _event_after(events, m.end())):
                return True
    return False


def _experiencer(t: Text, s: TextSignal) -> bool:
    """A pronoun within two words of the event: "dia dipukul", "pukul dia", "kami dikunci", "locked us". Before an
    active verb done to others the pronoun is who does it ("mereka jual anak orang", "dia menyiksa pekerja"), not
    who it happens to."""
    before = t.norm[max(0, s.start - 25) : s.start]
    after = t.norm[s.end : s.end + 25]
    if any(_PRONOUN.fullmatch(w) for w in lx.WORDS.findall(after)[:2]):
        return True
    words = lx.WORDS.findall(t.norm[s.start : s.end])
    agentive = bool(words) and (words[0] in _DONE_TO_OTHERS or words[0].startswith(("me", "mem", "men", "meng")))
    return not agentive and any(_PRONOUN.fullmatch(w) for w in lx.WORDS.findall(before)[-2:])


# Verbs whose subject does the harm to someone else (their passive, "dijual", "dipukul", is what someone suffers).
_DONE_TO_OTHERS = lx.wordset(
    """
    jual pukul kurung kunci siksa seksa culik bawa paksa ancam ugut sekap tampar tendang perkosa rogol seret heret
    tarik sell sells sold beat beats hit hits lock locks threaten threatens kidnap kidnaps force forces rape rapes
    abuse abuses traffic trafficks fa'an baku xave obriga lori
    """
)


def _event_after(event_starts: list[int], pos: int) -> bool:
    """An event starts within 40 characters after ``pos`` (``event_starts`` sorted)."""
    i = bisect.bisect_left(event_starts, pos)
    return i < len(event_starts) and event_starts[i] - pos <= 40
