"""Money in a question: amounts ("biaya 15 juta", "Rp 15.000.000", "15jt", "RM 3000"), the job and destination they
are for, whether the amount breaks a cost rule, and whether a loan is a bank loan or debt bondage.

The rules compared with (see content/kb/facts.toml and the articles costs.zero_cost, costs.taiwan, costs.loans):
- Peraturan BP2MI 9/2020: in ten jobs (domestic work, care, cook, family driver, gardener, cleaner, farm and
  plantation work, fishing crew) the worker pays nothing, so any amount asked of the worker is a red flag. Taiwan's
  domestic and care jobs were reopened in July 2022 outside that regulation, with their own cost list.
- Hong Kong has its own, older cost list; amounts there are not judged (the person is told to ask for the list).
- Taiwan: the official list caps the worker's costs at Rp9,622,000 plus at most NT$25,250 (KDEI Taipei, reported by
  CNA in August 2024); far more than that is overcharging ("buying a job").
- A loan from a bank (KUR for migrant workers: up to Rp100 million at 6%) is legitimate; a recruiter, sponsor or
  employer lending the fee to be paid back from wages is debt bondage, a means of trafficking (UU 21/2007).

Plain data in and out; nothing here knows about Telegram.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Rough rupiah value of one unit, only to compare an amount with a limit written in rupiah (never shown as exact).
# NT$: CNA, Aug 2024 (NT$20,000 = Rp9,780,614); USD: Feb 2025 exchange rate used by KP2MI for the EPS exam fee
# (Rp16,411.65); yen: ¥150,000 = Rp15 million (Jan 2026 press); the others are of the same period, rounded.
RUPIAH_PER_UNIT = {
    "IDR": 1.0,
    "MYR": 3_700.0,
    "TWD": 490.0,
    "HKD": 2_100.0,
    "USD": 16_400.0,
    "SGD": 12_000.0,
    "SAR": 4_300.0,
    "JPY": 100.0,
    "KRW": 11.5,
}
# Shown to the person in the unit they wrote it in.
CURRENCY_LABELS = {"IDR": "Rp", "MYR": "RM", "TWD": "NT$", "HKD": "HK$", "USD": "USD", "SGD": "S$", "SAR": "SAR",
                   "JPY": "¥", "KRW": "₩"}  # fmt: skip

TAIWAN_MAX_IDR = 9_622_000 + 25_250 * RUPIAH_PER_UNIT["TWD"]  # about Rp22 million
# Below this a number without a unit is not taken for money ("umur 17", "tahun 2025", "3 bulan").
BARE_NUMBER_MIN = 100_000

_MULTIPLIERS = {
    "juta": 1e6, "jt": 1e6, "jta": 1e6, "jtan": 1e6, "million": 1e6, "mil": 1e6, "milhaun": 1e6, "juta2": 1e6,
    "miliar": 1e9, "milyar": 1e9, "m": 1e6, "billion": 1e9, "bilaun": 1e9, "biliaun": 1e9, "bilion": 1e9,
    "ribu": 1e3, "rb": 1e3, "rbu": 1e3, "rebu": 1e3, "k": 1e3, "thousand": 1e3, "ribuan": 1e3,
}  # fmt: skip
_PREFIX_CURRENCY = {
    "rp": "IDR", "idr": "IDR", "rm": "MYR", "myr": "MYR", "nt$": "TWD", "ntd": "TWD", "nt": "TWD", "twd": "TWD",
    "hk$": "HKD", "hkd": "HKD", "us$": "USD", "usd": "USD", "$": "USD", "s$": "SGD", "sgd": "SGD", "sar": "SAR",
    "¥": "JPY", "jpy": "JPY", "₩": "KRW", "krw": "KRW",
}  # fmt: skip
_SUFFIX_CURRENCY = {
    "rupiah": "IDR", "rm": "MYR", "ringgit": "MYR", "ntd": "TWD", "nt": "TWD", "dolar taiwan": "TWD",
    "hkd": "HKD", "dolar hk": "HKD", "usd": "USD", "dollar": "USD", "dolar": "USD", "sgd": "SGD", "riyal": "SAR",
    "real": "SAR", "yen": "JPY", "won": "KRW",
}  # fmt: skip
_NUMBER = r"\d+(?:[.,]\d+)*"
_MULT = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
_PREFIX = "|".join(re.escape(p) for p in sorted(_PREFIX_CURRENCY, key=len, reverse=True))
_SUFFIX = "|".join(re.escape(s) for s in sorted(_SUFFIX_CURRENCY, key=len, reverse=True))
_AMOUNT_RE = re.compile(
    rf"(?<![\w$¥₩])(?P<pre>{_PREFIX})?\s*\.?\s*(?P<num>{_NUMBER})\s*(?P<mult>{_MULT})?(?![a-z0-9])"
    rf"(?:\s*(?P<suf>{_SUFFIX})(?![a-z]))?"
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: float  # in ``currency``
    currency: str  # ISO-like code: IDR, MYR, TWD, ...
    text: str  # as found in the question

    @property
    def rupiah(self) -> float:
        return self.value * RUPIAH_PER_UNIT.get(self.currency, 1.0)

    def label(self) -> str:
        """``Rp15.000.000``, ``RM3.000``: Indonesian digit grouping, which is also how Malay and Tetun write it."""
        whole = round(self.value)
        return f"{CURRENCY_LABELS.get(self.currency, self.currency)}{whole:,}".replace(",", ".")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return text.replace("\u00a0", " ")


def _parse_number(raw: str, has_multiplier: bool) -> float | None:
    """``15.000.000`` -> 15000000, ``15,5`` (with juta) -> 15.5, ``1.5`` (with jt) -> 1.5, ``3,000`` -> 3000."""
    parts = re.split(r"[.,]", raw)
    if len(parts) == 1:
        return float(raw)
    grouped = all(len(p) == 3 for p in parts[1:])
    if grouped and not (has_multiplier and len(parts) == 2):
        return float("".join(parts))
    if len(parts) == 2:
        return float(f"{parts[0]}.{parts[1]}")
    return None  # "1.2.3": not a number anyone writes


def find_amounts(text: str) -> list[Amount]:
    """Money amounts in ``text``, in order. Years, ages, phone numbers and counts are left out."""
    found: list[Amount] = []
    for m in _AMOUNT_RE.finditer(_normalise(text)):
        pre, raw, mult, suf = m.group("pre"), m.group("num"), m.group("mult"), m.group("suf")
        if len(raw.replace(".", "").replace(",", "")) > 12:  # a phone or account number
            continue
        value = _parse_number(raw, bool(mult))
        if value is None or value <= 0:
            continue
        if mult == "m" and not pre:  # "5m" alone: 5 minutes or 5 metres as often as 5 million
            continue
        if mult:
            value *= _MULTIPLIERS[mult]
        currency = _PREFIX_CURRENCY.get(pre or "") or _SUFFIX_CURRENCY.get(suf or "")
        if currency is None:
            if not mult and value < BARE_NUMBER_MIN:
                continue
            currency = "IDR"
        elif currency == "IDR" and not mult and value < 1_000:
            continue  # "rp 5": a typo, not an amount
        found.append(Amount(value, currency, m.group(0).strip()))
    return found


# Jobs of Peraturan BP2MI 9/2020 (the worker pays nothing), in the words people use for them.
ZERO_COST_JOBS: dict[str, tuple[str, ...]] = {
    "plantation": ("kebun", "sawit", "perkebunan", "ladang", "plantation", "estate", "ladang sawit", "kelapa sawit",
                   "palm oil", "oil palm", "petani", "pertanian", "farm", "kampo", "to'os", "toos", "estet"),
    "domestic": ("prt", "pembantu", "rumah tangga", "art", "pembantu rumah", "maid", "domestic", "housekeeper",
                 "amah", "ajudante uma", "servisu uma"),
    "carer": ("pengasuh", "babysitter", "baby sitter", "perawat lansia", "jaga orang tua", "caregiver",
              "elderly", "nanny", "jaga anak", "penjaga anak"),
    "driver": ("sopir keluarga", "supir keluarga", "family driver", "driver keluarga"),
    "cook": ("juru masak", "tukang masak", "family cook", "koki rumah"),
    "gardener": ("tukang kebun", "gardener"),
    "cleaner": ("cleaning service", "petugas kebersihan", "cleaner", "tukang bersih"),
    "fishing": ("abk", "kapal ikan", "nelayan", "awak kapal", "fishing", "fisherman", "kapal penangkap ikan",
                "pelaut perikanan", "nelayan kapal"),
}  # fmt: skip
DESTINATIONS: dict[str, tuple[str, ...]] = {
    "malaysia": ("malaysia", "malaysi", "malay", "sabah", "sarawak", "johor", "kuala lumpur", "kl", "tawau", "penang",
                 "selangor", "pahang", "malasia", "malázia"),
    "taiwan": ("taiwan", "taiwn", "taipei", "taichung", "kaohsiung", "formosa"),
    "hong_kong": ("hong kong", "hongkong", "hk"),
    "korea": ("korea", "korsel", "korea selatan", "eps", "g to g", "g2g", "gtog"),
    "japan": ("jepang", "japan", "japaun", "ssw", "tokutei"),
    "singapore": ("singapura", "singapore", "sg"),
    "middle_east": ("arab", "saudi", "arab saudi", "dubai", "uae", "emirat", "qatar", "kuwait", "oman", "bahrain",
                    "yordania", "timur tengah", "middle east", "mesir", "turki"),
}  # fmt: skip
_JOB_PHRASES = [(job, phrase) for job, phrases in ZERO_COST_JOBS.items() for phrase in phrases]
_DEST_PHRASES = [(dest, phrase) for dest, phrases in DESTINATIONS.items() for phrase in phrases]
_ALL_JOB_PHRASES = tuple(phrase for _job, phrase in _JOB_PHRASES)
_ALL_DEST_PHRASES = tuple(phrase for _dest, phrase in _DEST_PHRASES)
# Factory, construction and other formal jobs: not among the ten, so the zero-cost rule does not apply to them.
FORMAL_WORDS = ("pabrik", "factory", "manufaktur", "manufacturing", "konstruksi", "construction", "kilang",
                "fabrika", "bangunan", "hotel", "restoran", "restaurant")  # fmt: skip


@cache
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern for a list of phrases (asked per question: a pattern per phrase would be slow)."""
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])")


def _has_phrase(text: str, phrase: str) -> bool:
    return _phrases_re((phrase,)).search(text) is not None


def _has_any(text: str, phrases: tuple[str, ...]) -> bool:
    return _phrases_re(phrases).search(text) is not None


def _found(text: str, phrases: tuple[str, ...]) -> set[str]:
    """Every phrase of ``phrases`` in ``text``, overlapping ones included ("tukang kebun" and "kebun")."""
    found = set()
    pattern = _phrases_re(phrases)
    for start in range(len(text)):
        m = pattern.match(text, start)
        if m:
            found.add(m.group(0))
    return found


def find_job(text: str) -> str | None:
    """A job of the zero-cost list named in ``text``; a factory or construction job wins (it is not on the list)."""
    text = _normalise(text)
    if _has_any(text, FORMAL_WORDS):
        return "formal"
    # "tukang kebun" (gardener) before "kebun" (plantation): the longest phrase found wins.
    found = _found(text, _ALL_JOB_PHRASES)
    hits = [(len(phrase), job) for job, phrase in _JOB_PHRASES if phrase in found]
    return max(hits)[1] if hits else None


def find_destination(text: str) -> str | None:
    text = _normalise(text)
    found = _found(text, _ALL_DEST_PHRASES)
    hits = [(len(phrase), dest) for dest, phrase in _DEST_PHRASES if phrase in found]
    return max(hits)[1] if hits else None


# A verdict on an amount, with the topic that explains the rule.
ZERO_COST = "zero_cost"  # a job of the zero-cost list: the worker pays nothing
ABOVE_LIMIT = "above_limit"  # more than the destination's official cost list allows
WITHIN_LIMIT = "within_limit"  # not more than the official list (still: ask for it in writing)
UNKNOWN = "unknown"  # no rule to compare with: ask LTSA for the written cost list

VERDICT_TOPICS = {
    ZERO_COST: "costs.zero_cost",
    ABOVE_LIMIT: "costs.taiwan",
    WITHIN_LIMIT: "costs.taiwan",
    UNKNOWN: "costs.by_destination",
}
# Words saying an amount is a cost of going: beside a salary word ("gaji 15 juta") one of them must be there too.
COST_WORDS = ("biaya", "bayar", "ongkos", "fee", "cost", "costs", "kos", "kustu", "selu", "setor", "modal", "dp",
              "deposit", "jaminan", "tarif", "proses", "pendaftaran", "daftar", "admin", "pay", "paid", "charge",
              "charged", "minta", "diminta", "tagih", "bayaran", "pungut", "dipungut", "transfer", "tf")  # fmt: skip
# The currency says where, when the question does not.
CURRENCY_DESTINATIONS = {"MYR": "malaysia", "TWD": "taiwan", "HKD": "hong_kong", "SAR": "middle_east",
                         "KRW": "korea", "JPY": "japan", "SGD": "singapore"}  # fmt: skip
SALARY_WORDS = ("gaji", "salary", "wage", "wages", "upah", "salariu", "income", "pendapatan", "per bulan",
                "sebulan", "perbulan", "a month", "per month", "kada fulan")  # fmt: skip


@dataclass(frozen=True, slots=True)
class MoneyCheck:
    amount: Amount
    job: str | None
    destination: str | None
    verdict: str
    limit_rupiah: float | None = None

    @property
    def topic(self) -> str:
        return VERDICT_TOPICS[self.verdict]

    @property
    def red_flag(self) -> bool:
        return self.verdict in (ZERO_COST, ABOVE_LIMIT)


def check_money(text: str) -> MoneyCheck | None:
    """The largest amount that is a cost of going, judged against the rules; None when the question has none."""
    normalised = _normalise(text)
    amounts = find_amounts(normalised)
    if not amounts:
        return None
    if _has_any(normalised, SALARY_WORDS) and not _has_any(normalised, COST_WORDS):
        return None  # a salary question ("gaji 15 juta per bulan")
    amount = max(amounts, key=lambda a: a.rupiah)
    job = find_job(normalised)
    destination = find_destination(normalised) or CURRENCY_DESTINATIONS.get(amount.currency)
    if destination == "taiwan" and job != "plantation" and job != "fishing":
        # Taiwan's domestic, care and factory jobs have their own cost list (not the zero-cost regulation).
        verdict = ABOVE_LIMIT if amount.rupiah > TAIWAN_MAX_IDR * 1.05 else WITHIN_LIMIT
        return MoneyCheck(amount, job, destination, verdict, TAIWAN_MAX_IDR)
    if destination == "hong_kong" and job not in ("plantation", "fishing"):
        # Hong Kong keeps a cost list of its own (Kepmenakertrans 98/2012); how the 2020 regulation applies there is
        # not clear from the sources, so the amount is not judged: the person is told to ask for the list.
        return MoneyCheck(amount, job, destination, UNKNOWN)
    if job is not None and job != "formal":
        return MoneyCheck(amount, job, destination, ZERO_COST, 0.0)
    return MoneyCheck(amount, job, destination, UNKNOWN)


# Loans ---------------------------------------------------------------------------------------------------------

BANK = "bank"  # a bank or KUR: legitimate (read the terms, borrow only the official costs)
BONDAGE = "bondage"  # the recruiter, sponsor or employer lends, repaid from wages: debt bondage
CHOICE = "choice"  # a bank loan weighed against the recruiter's ("bank, atau ejen potong gaji?"): told apart

LOAN_WORDS = ("pinjam", "pinjaman", "meminjam", "dipinjam", "dipinjami", "pinjamkan", "utang", "hutang", "ngutang",
              "berutang", "berhutang", "loan", "borrow", "borrowed", "lend", "lent", "kredit", "kasbon", "talangi",
              "ditalangi", "talangan", "debt", "tusan", "hutang piutang", "cicil", "dicicil", "nyicil")  # fmt: skip
BANK_WORDS = ("bank", "kur", "bri", "bni", "mandiri", "bsi", "btn", "bpr", "bank daerah", "bank ntt",
              "kredit usaha rakyat", "pegadaian", "banku", "koperasi resmi")  # fmt: skip
RECRUITER_WORDS = ("agen", "agensi", "agency", "ejen", "calo", "sponsor", "pt", "perusahaan", "p3mi", "majikan",
                   "bos", "boss", "perekrut", "recruiter", "tekong", "pl", "patraun", "employer", "company",
                   "syarikat")  # fmt: skip
ALTERNATIVE_WORDS = ("atau", "ato", "atw", "or", "lebih baik", "better", "mana yang", "which one", "ou")
WAGE_REPAYMENT = re.compile(
    r"(potong|dipotong|potongan|kotu|cut|deduct\w*|bayar\w*|lunas\w*|cicil\w*|ganti)\s+(?:\w+\s+){0,3}?"
    r"(gaji|salary|wages?|upah|salariu)"
    r"|(?:dari|from|ho|pakai|pake)\s+(gaji|salary|wages?|upah|salariu)"
    r"|(setelah|sesudah|after|nanti)\s+(?:\w+\s+){0,2}?(kerja|bekerja|work|working|servisu|sampai|gajian)"
)


def classify_loan(text: str) -> str | None:
    """``BANK``, ``BONDAGE``, ``CHOICE`` or None (no loan in the question).

    Debt bondage is the recruiter's side lending, or any loan paid back by cutting wages; a bank named as the lender
    with neither of those is a bank loan; a bank loan set against the recruiter's ("atau", "lebih baik") is a choice
    between the two.
    """
    text = _normalise(text)
    if not _has_any(text, LOAN_WORDS):
        return None
    from_wages = WAGE_REPAYMENT.search(text) is not None
    bank = _has_any(text, BANK_WORDS)
    recruiter = _has_any(text, RECRUITER_WORDS)
    if bank and (from_wages or recruiter) and _has_any(text, ALTERNATIVE_WORDS):
        return CHOICE
    if from_wages or (recruiter and not bank):
        return BONDAGE
    return BANK if bank else None
