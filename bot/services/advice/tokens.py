"""Text into tokens: normalisation, chat spellings and the limits on what a question may hold."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.services.advice import lexicon

MAX_TOKEN_CHARS = 30
MAX_QUERY_TOKENS = 200
# Repairs cost a fuzzy search each; a real question has a handful of unknown words, a pasted essay can have
# hundreds, and past this many the extra ones change nothing useful.
MAX_REPAIRS = 24
MAX_PHRASE_WORDS = 5
# Stems too common in another sense to carry a synonym group: "bertolak" (depart) stems to "tolak" (refuse),
# "perorangan" (individual) to "orang" (person), "kekerasan" (violence) to "keras" (hard).
_NO_STEM_KEYS = frozenset(
    [
        "tolak", "orang", "jaga", "keras", "atur", "pasang", "kerja", "ambil", "tangan", "alam", "tua", "sama",
        # Tetun, Malay and English variants that Sastrawi cuts to another Indonesian word: "seguru" (insurance) to
        # "guru" (teacher), "meninggal" (die) to "tinggal" (stay), "kebenaran" (Malay: permission) to "benar"
        # (true), "persetujuan" to "tuju" (as in "negara tujuan"), "relata" to "rata", "lohi" to "loh".
        "guru", "tinggal", "benar", "tuju", "henti", "malang", "lepas", "loh", "rata", "cemas", "pasti", "meni",
        "mini", "tin", "tus", "sal", "rap", "pasuk", "usaha",
        # "oman" (a country) to "om" (uncle)
        "om",
    ]
)  # fmt: skip

# Units that people glue to numbers ("15jt", "17thn", "rm3000"); other letter-digit mixes (p3mi, bp2mi) are names.
_NUMBER_UNITS = frozenset(
    [
        "jt",
        "jta",
        "juta",
        "rb",
        "rbu",
        "ribu",
        "k",
        "m",
        "thn",
        "th",
        "tahun",
        "tinan",
        "bln",
        "bulan",
        "hr",
        "hari",
        "jam",
        "x",
    ]
)
_CURRENCY_PREFIXES = frozenset(["rm", "rp", "usd", "us"])
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_APOSTROPHE_RE = re.compile(r"(?<=[a-z])['’`´ʼ‘](?=[a-z])")
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_DIGITS_UNIT_RE = re.compile(r"^(\d+)([a-z]+)$")
_UNIT_DIGITS_RE = re.compile(r"^([a-z]+)(\d+)$")
_REDUPLICATION_RE = re.compile(r"^([a-z]{3,})2$")
_VOWELS = frozenset("aeiou")


def normalize(text: str) -> str:
    """Lower case, accents and apostrophes removed ("Ne'ebé" -> "neebe"), runs of 3+ letters cut to 2."""
    if not text.isascii():  # most questions are plain ASCII: skip the per-character work
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    text = _APOSTROPHE_RE.sub("", text)
    return _REPEAT_RE.sub(r"\1\1", text)


def tokenize(text: str) -> list[str]:
    """Words of the normalised text; numbers are separated from units glued to them ("15jt" -> "15", "jt")."""
    tokens: list[str] = []
    for token in _TOKEN_RE.findall(normalize(text)):
        if len(token) > MAX_TOKEN_CHARS:
            continue
        if m := _DIGITS_UNIT_RE.match(token):
            if m.group(2) in _NUMBER_UNITS:
                tokens.extend(m.groups())
                continue
        elif (m := _UNIT_DIGITS_RE.match(token)) and m.group(1) in _CURRENCY_PREFIXES:
            tokens.extend(m.groups())
            continue
        elif (m := _REDUPLICATION_RE.match(token)) and token not in lexicon.SLANG:
            # Indonesian writes a repeated word as "word2" ("berkas2" = "berkas-berkas").
            tokens.append(m.group(1))
            continue
        tokens.append(token)
    return tokens


def expand_slang(tokens: Iterable[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        replacement = lexicon.SLANG.get(token)
        if replacement is None:
            out.append(token)
        else:
            out.extend(replacement.split())
    return out
