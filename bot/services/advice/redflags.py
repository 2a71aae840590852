"""Warning signs in a question: money demanded, documents held, a tourist visa for work, a destination without a
placement agreement, an unofficial route, a child, confinement, violence.

Rules look at the analysed question (words after chat spellings and repairs, their stems and synonym groups),
so "pasport sy d tahan bos", "Majikan menahan paspor saya" and "Patraun kaer ha'u-nia pasaporte" meet the same
rule. Each rule asks for a second sign beside the key word (who demands, who holds, an age under 18, ...)
because neutral questions ("biaya bikin paspor brp", "umur minimal berapa") use the same key words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.services.advice.money import BANK, BONDAGE, CHOICE, MoneyCheck
from bot.services.advice.text import AnalysedText

# Flag code -> the topic that explains it; also the order in which flags are reported.
FLAG_TOPICS: dict[str, str] = {
    "child": "eligibility.age",
    "debt_bondage": "costs.illegal_fees",
    "fee_excessive": "costs.zero_cost",  # or the destination's cost topic: see MoneyCheck.topic
    "fee": "costs.illegal_fees",
    "documents_held": "rights.documents_held",
    "tourist_visa": "visa.tourist",
    "no_agreement_destination": "destinations.no_agreement",
    "unofficial_route": "malaysia.irregular_entry",
    "confinement": "help.emergency",
    "violence": "help.emergency",
}

WINDOW = 6


@dataclass(frozen=True, slots=True)
class RedFlag:
    code: str
    topic: str


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Who acts: employer, agent, broker, company, or a pronoun for them.
ACTORS = _words("majikan agen calo perusahaan p3mi rekrut mereka dia they he she them nia sira orang")
DOCUMENTS = _words("paspor dokumen ktp kk akte ijazah sertifikat skck plks")
# Holding words that say it all, and ones ("simpan", "took") that need someone doing it to a person.
HOLD_STRONG = _words("tahan sita rampas withhold withheld confiscate confiscated confiscat rampasan")
HOLD_WEAK = _words("simpan pegang ambil keep kept hold held take took taken kaer foti hola")
PASSIVE = _words("ditahan disita dirampas disimpan dipegang diambil held kept taken withheld confiscated")
GIVE_BACK = _words("kasih beri bagi kembali kembalikan dikembalikan balikin pulangkan balik give return returned fo")

MONEY = _words("bayar biaya uang fee pay paid payment bayaran selu osan setor transfer deposit jaminan ongkos kos cost")
DEMAND = _words(
    "minta diminta dimintai meminta suruh disuruh tagih ditagih menagih ask asked asks asking demand demanded "
    "demanding charge charged husu pungut dipungut"
)
AMOUNT_UNITS = _words("juta ribu rupiah ringgit rm rp million thousand dollar usd")
DEDUCT = _words("potong")
SALARY = _words("gaji")
REGISTRATION = _words("daftar admin jaminan deposit")

WORK = _words("kerja work servisu job pmi bekerja plks")
TOURIST = _words("turis umroh")
VISA = _words("visa paspor")

TRANSIT_PLACES = _words("nunukan entikong batam pontianak tawau tanjungpinang dumai sebatik")
ROUTE_WORDS = _words(
    "lewat via melalui transit through liu pergi berangkat masuk malaysia luarnegeri kerja pmi seberang "
    "menyeberang nyebrang kapal perahu speedboat boat ikut"
)
WITHOUT = _words("tanpa without sein")
GO_WORDS = _words("pergi berangkat masuk enter go going went ba tama lewat kerja work malaysia luarnegeri")
MAKE_WORDS = _words("buat urus cara dapat get make apply hetan bikin proses")

AGE_WORDS = _words("umur")
YEAR_WORDS = _words("tahun")
PERSON_WORDS = _words(
    "anak adik sister brother daughter son girl boy she he dia ia nia oan labarik feto mane ponakan keponakan "
    "saudara cucu kid"
)
UNDER_WORDS = _words("belum under bawah below kurang seidauk less")
FAKE_AGE = _words(
    "tuakan dituakan menuakan naikkan dinaikkan palsu ubah diubah dirubah rubah fake faked change changed tua naik"
)
JUNIOR_SCHOOL = _words("smp sd sltp mts")
SCHOOL = _words("sekolah school sma smk eskola")
STILL = _words("masih still")
EDUCATION_LEVEL = _words("cuma hanya cuman lulusan ijazah pendidikan only just")

PERMISSION_NEG = re.compile(
    r"\b(?:tidak|not|never|dilarang|forbidden|la)\s+(?:boleh|diizinkan|dizinkan|izinkan|dikasih|kasih|allowed|"
    r"permitted|dibenarkan|bele|husik|let)\s+(?:to\s+|me\s+|saya\s+|hau\s+)?(?:keluar|kaluar|out|leave|sai|"
    r"pulang|balik|go)\b"
)
NOT_GIVE_BACK = re.compile(
    r"\b(?:tidak|belum|not|never|wont|refuse|refuses|refused|la)\b(?:\s+\w+){0,2}?\s+(?:kasih|beri|bagi|"
    r"kembalikan|dikembalikan|balikin|pulangkan|give|giving|return|returning|fo)\b"
)


@dataclass(frozen=True, slots=True)
class _View:
    """The question seen several ways at once; every rule below reads it."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    concepts: tuple[str, ...]
    terms: frozenset[str]
    text: str
    loan: str | None = None  # money.classify_loan of the question
    money_flag: bool = False  # an amount that breaks a cost rule (money.check_money)
    wages_only: bool = False  # every amount in the question is a wage (intent.py), none a cost
    # word or stem -> positions, and synonym group -> positions: every rule asks "where is a word of this list",
    # and a set intersection answers it without walking the question once per list.
    written: dict[str, list[int]] = field(default_factory=dict)
    grouped: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, words: tuple[str, ...], stems: tuple[str, ...], concepts: tuple[str, ...], **rest) -> _View:
        written: dict[str, list[int]] = {}
        grouped: dict[str, list[int]] = {}
        for i, (w, s, c) in enumerate(zip(words, stems, concepts, strict=True)):
            written.setdefault(w, []).append(i)
            if s != w:
                written.setdefault(s, []).append(i)
            grouped.setdefault(c, []).append(i)
        return cls(words, stems, concepts, written=written, grouped=grouped, **rest)

    def positions(self, vocabulary: frozenset[str], by_group: bool = True) -> list[int]:
        """Where a word of ``vocabulary`` is, as written, as stem, or (``by_group``) by its synonym group."""
        found = {i for key in vocabulary.intersection(self.written) for i in self.written[key]}
        if by_group:
            found.update(i for key in vocabulary.intersection(self.grouped) for i in self.grouped[key])
        return sorted(found)

    def has(self, vocabulary: frozenset[str]) -> bool:
        return bool(self.positions(vocabulary)) or bool(self.terms & vocabulary)

    def near(self, a: frozenset[str], b: frozenset[str], window: int = WINDOW, by_group: bool = True) -> bool:
        pa, pb = self.positions(a), self.positions(b, by_group)
        return any(abs(i - j) <= window and i != j for i in pa for j in pb)


def _numbers(view: _View) -> list[tuple[int, int]]:
    return [(i, int(w)) for i, w in enumerate(view.words) if w.isdigit() and len(w) <= 3]


def _fee(v: _View) -> bool:
    if v.loan in (BONDAGE, CHOICE) or v.money_flag:
        return False  # said more precisely by "debt_bondage" or "fee_excessive"
    if v.near(DEDUCT, SALARY, 4) and v.loan != BANK:
        return True
    if v.near(MONEY, DEMAND):
        return True
    if v.near(MONEY, REGISTRATION, 2) and v.has(DEMAND | ACTORS):
        return True
    amounts = [i for i, n in _numbers(v) if n > 0 and _adjacent_to(v, i, AMOUNT_UNITS)]
    return bool(amounts) and not v.wages_only and v.has(ACTORS) and v.has(MONEY | DEMAND)


def _adjacent_to(v: _View, i: int, vocabulary: frozenset[str]) -> bool:
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(v.words)]
    return any(v.words[j] in vocabulary or v.concepts[j] in vocabulary for j in neighbours)


def _documents_held(v: _View) -> bool:
    # Holding words are read as written: their synonym group mixes strong and weak ones.
    if v.near(DOCUMENTS, HOLD_STRONG, by_group=False):
        return True
    if v.near(DOCUMENTS, HOLD_WEAK, by_group=False) and (v.has(ACTORS) or any(w in PASSIVE for w in v.words)):
        return True
    return v.has(DOCUMENTS) and bool(NOT_GIVE_BACK.search(v.text))


def _tourist_visa(v: _View) -> bool:
    return bool(v.terms & TOURIST) and v.has(WORK | VISA)


def _no_agreement(v: _View) -> bool:
    return "kamboja" in v.terms


def _unofficial_route(v: _View) -> bool:
    if "jalurtikus" in v.terms or "selundup" in v.terms:
        return True
    if v.has(TRANSIT_PLACES) and v.has(ROUTE_WORDS):
        return True
    if "ilegal" in v.terms and v.has(_words("masuk berangkat pergi")):
        return True
    if v.has(GO_WORDS) and not v.has(MAKE_WORDS):
        if v.near(WITHOUT, DOCUMENTS, 2):
            return True
        # "tidak ada / tidak punya / la iha paspor" beside going: leaving without papers
        for i in v.positions(DOCUMENTS):
            before = v.words[max(0, i - 3) : i]
            if "tidak" in before or ("la" in before and "iha" in before):
                return True
    return False


def _child(v: _View) -> bool:
    if "bawahumur" in v.terms or v.near(STILL, SCHOOL, 2):
        return True
    # "baru tamat SMP" is a child of about 15; "cuma tamat SMP" is someone's schooling, at any age
    for i in v.positions(JUNIOR_SCHOOL):
        if not set(v.words[max(0, i - 3) : i]) & EDUCATION_LEVEL:
            return True
    if v.near(AGE_WORDS, FAKE_AGE, 4) and not v.has(_words("orangtua")):
        return True
    age_at = v.positions(AGE_WORDS)
    year_at = v.positions(YEAR_WORDS)
    person_at = v.positions(PERSON_WORDS)
    for i, n in _numbers(v):
        if n == 18 and any(v.words[j] in UNDER_WORDS for j in range(max(0, i - 2), i)):
            return True
        if not 1 <= n <= 17:
            continue
        if any(abs(i - j) <= 3 for j in age_at):
            return True
        is_years = any(abs(i - j) == 1 for j in year_at)
        if is_years and (age_at or (n >= 10 and any(abs(i - j) <= 4 for j in person_at))):
            return True
        if n >= 10 and any(abs(i - j) <= 3 for j in person_at) and not _adjacent_to(v, i, _NOT_AGE_UNITS):
            return True
    return False


_NOT_AGE_UNITS = _words("bulan month months fulan hari day days jam hour hours juta ribu rm rp million orang persen")


def _confinement(v: _View) -> bool:
    return "kurung" in v.terms or bool(PERMISSION_NEG.search(v.text))


def _violence(v: _View) -> bool:
    if "pukul" not in v.terms:
        return False
    # "pukul berapa", "pukul 8": Malay and Indonesian for the time of day, not hitting
    return not re.search(r"\bpukul\s+(?:berapa|brp|\d)", v.text) or bool(
        re.search(r"\b(?:dipukul|memukul|pukuli|dipukuli|hit|beat|beaten|dera|siksa)\b", v.text)
    )


RULES: dict[str, Callable[[_View], bool]] = {
    "child": _child,
    "debt_bondage": lambda v: v.loan in (BONDAGE, CHOICE),
    "fee_excessive": lambda v: v.money_flag,
    "fee": _fee,
    "documents_held": _documents_held,
    "tourist_visa": _tourist_visa,
    "no_agreement_destination": _no_agreement,
    "unofficial_route": _unofficial_route,
    "confinement": _confinement,
    "violence": _violence,
}


def detect_red_flags(
    analysed: AnalysedText,
    topics: Iterable[str] | None = None,
    *,
    money: MoneyCheck | None = None,
    loan: str | None = None,
) -> list[RedFlag]:
    """Flags found in the question, in FLAG_TOPICS order; ``topics`` (if given) drops flags whose topic is missing.

    ``money`` and ``loan`` are what money.py found in the question's raw text (amounts need the digits and units
    as written, which the analysed words no longer have).
    """
    view = _View.of(
        analysed.words,
        analysed.stems,
        analysed.concepts,
        terms=frozenset(t.text for t in analysed.terms),
        text=" ".join(analysed.words),
        loan=loan,
        money_flag=bool(money and money.red_flag),
        wages_only=bool(analysed.amounts) and all(purpose == "wage" for purpose in analysed.amounts),
    )
    known = set(topics) if topics is not None else None
    flags = []
    for code, rule in RULES.items():
        topic = money.topic if code == "fee_excessive" and money is not None else FLAG_TOPICS[code]
        if code == "debt_bondage" and loan == CHOICE:
            topic = "costs.loans"  # the article that tells a bank loan from the recruiter's
        if code == "child" and "hukum" in view.terms:
            topic = "trafficking.penalties"  # what sending a child costs the one who sends it (3-15 years)
        if (known is None or topic in known) and rule(view):
            flags.append(RedFlag(code, topic))
    return flags
