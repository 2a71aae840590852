"""Registry look-up benchmark: 10,000 generated companies, ~2,000 mixed queries.

    .venv/bin/python bench/bench_registry.py [--companies 10000] [--queries 2000] [--seed 7]

Each query goes the bot's way (``check_query``: the whole input as a licence or phone, else taken apart into a
person, phones, licence numbers and a name, each looked up). Prints parse and build time, median / p95 / p99 time
per check in ms (target: p95 under 10 ms), the memory the index takes (tracemalloc), and per query kind how often
the intended company came back as the single answer ("WRONG COMPANY" must stay 0).
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import time
import tracemalloc
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from bot.services.registry import (
    COLUMNS,
    ParsedRegistry,
    QueryCheck,
    RegistryIndex,
    SnapshotInfo,
    check_query,
    parse_registry_csv,
)

TODAY = date(2026, 11, 27)
_WORD_LIST = (
    "maju jaya abadi sejahtera bersama karya mandiri sentosa makmur indah lestari utama prima nusa timur "
    "flobamora sumba sinar harapan bintang cahaya mulia permata sukses berkah amanah duta insan tenaga kerja "
    "global internasional mitra sarana bina putra putri anugerah rezeki sumber agung perkasa jasa citra "
    "samudra lintas cendana kasih bakti setia dharma wijaya kencana gemilang mega arta graha surya bumi "
    "tunas muda baru makmur raya lancar rahmat hidayah barokah nusantara pelangi mutiara emas intan "
    "perdana pratama sakti tirta alam benua angkasa pesona harmoni kurnia ilham fajar senja melati "
    "anggrek cemerlang kupang ende sikka alor rote sabu timor flores lembata manggarai belu malaka"
)
WORDS = _WORD_LIST.split()
REGENCIES = (
    "Kota Kupang",
    "Kabupaten Kupang",
    "Sikka",
    "Ende",
    "Sumba Barat Daya",
    "Sumba Timur",
    "Belu",
    "Malaka",
    "Timor Tengah Selatan",
    "Timor Tengah Utara",
    "Manggarai",
    "Manggarai Barat",
    "Alor",
    "Lembata",
    "Rote Ndao",
    "Flores Timur",
)
STATUSES = ("active",) * 80 + ("suspended",) * 7 + ("revoked",) * 6 + ("expired",) * 7


def generate_csv(rng: random.Random, companies: int) -> str:
    lines = [",".join(COLUMNS)]
    seen: set[str] = set()
    while len(seen) < companies:
        words = rng.sample(WORDS, rng.choice((2, 3, 3, 3, 4)))
        if rng.random() < 0.05:
            words.append(str(rng.randint(1, 9)))
        name = " ".join(w.capitalize() for w in words)
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        n = len(seen)
        issued = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2000))
        expires = issued + timedelta(days=5 * 365)
        prefix = rng.choice(("PT", "PT.", "P.T."))
        area = rng.choice(("380", "382", "381", "21", "812", "813", "852"))
        phone = f"+62 {area} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        branches = ";".join(rng.sample(REGENCIES, rng.randint(0, 3)))
        lines.append(
            ",".join(
                (
                    f"{prefix} {name}",
                    f"KEP.{n:05d}/P3MI/{issued.year}",
                    rng.choice(STATUSES),
                    issued.isoformat(),
                    expires.isoformat(),
                    "Kementerian (generated)",
                    rng.choice(REGENCIES),
                    branches,
                    phone if rng.random() < 0.8 else "",
                    f"https://registry.example.invalid/p3mi/{n}",
                    (TODAY - timedelta(days=rng.randint(0, 10))).isoformat(),
                )
            )
        )
    return "\n".join(lines) + "\n"


def typo(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        positions = [i for i, c in enumerate(chars) if c.isalpha()]
        i = rng.choice(positions)
        kind = rng.choice(("swap", "drop", "replace", "insert"))
        if kind == "drop":
            del chars[i]
        elif kind == "replace":
            chars[i] = rng.choice(string.ascii_lowercase)
        elif kind == "insert":
            chars.insert(i, rng.choice(string.ascii_lowercase))
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def make_queries(rng: random.Random, parsed: ParsedRegistry, count: int) -> list[tuple[str, str, str | None]]:
    """(kind, query, the licence number it should find or None)."""
    rows = parsed.rows
    queries: list[tuple[str, str, str | None]] = []
    for _ in range(count):
        row = rng.choice(rows)
        bare = row.name.split(" ", 1)[1]
        roll = rng.random()
        if roll < 0.25:
            queries.append(("exact name", rng.choice((row.name, bare, bare.upper(), bare.lower())), row.licence_number))
        elif roll < 0.45:
            queries.append(("typo name", typo(rng, bare, 1 if len(bare) < 20 else 2), row.licence_number))
        elif roll < 0.55:
            words = bare.split()
            rng.shuffle(words)
            queries.append(("word order", " ".join(words), row.licence_number))
        elif roll < 0.70:
            number = row.licence_number
            variant = rng.choice((number, number.lower(), number.replace(".", " "), number.replace("/", " ")))
            queries.append(("licence", variant, row.licence_number))
        elif roll < 0.75 and row.phone_e164:
            national = "0" + row.phone_e164[3:]
            variant = rng.choice((row.phone, national, f"{national[:4]}-{national[4:8]}-{national[8:]}"))
            queries.append(("phone", variant, row.licence_number))
        elif roll < 0.79:
            # The number as people copy it: "no. 12/2020", "KEP 12 tahun 2020", "P3MI 00012/2020".
            serial, year = row.licence_number.removeprefix("KEP.").split("/P3MI/")
            variant = rng.choice(
                (f"no. {int(serial)}/{year}", f"KEP {int(serial)} tahun {year}", f"P3MI {serial}/{year}")
            )
            queries.append(("loose licence", variant, row.licence_number))
        elif roll < 0.83 and row.phone_e164:
            national = "0" + row.phone_e164[3:]
            person = rng.choice(("pak yohanes", "ibu maria", "kaka ferdi", "calo", "om niko"))
            queries.append(
                ("person + phone", f"{person} {national[:4]} {national[4:8]} {national[8:]}", row.licence_number)
            )
        elif roll < 0.86:
            mobile = f"0812 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
            queries.append(("person + unknown phone", f"pak {rng.choice(WORDS)} {mobile}", None))
        else:
            words = rng.sample(("sumber", "rejeki", "berkat", "anugrah", "sentral", "cipta", "kreasi", "kupang"), 3)
            queries.append(("unknown name", "PT " + " ".join(words).title() + " Xyz", None))
    return queries


def label_of(check: QueryCheck, expected: str | None) -> str:
    """How a check answered a query meant to find ``expected`` (None: a company not in the list)."""
    found = check.single_companies()
    listed = [m.licence_number for m in check.companies()]
    if expected is None:
        return "not found" if not found else "found one (should not)"
    if found == (expected,):
        return "right company"
    if found:
        return "WRONG COMPANY"
    if expected in listed:
        return "listed to choose from"
    return "missed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    text = generate_csv(rng, args.companies)
    started = time.perf_counter()
    parsed = parse_registry_csv(text)
    parse_s = time.perf_counter() - started
    assert isinstance(parsed, ParsedRegistry), parsed.errors[:5]
    snapshot = SnapshotInfo(1, "bench.csv", datetime.now(UTC), TODAY, len(parsed.rows), parsed.digest)
    started = time.perf_counter()
    index = RegistryIndex.build(parsed.rows, snapshot, TODAY)
    build_s = time.perf_counter() - started

    # Memory on a second build: tracemalloc slows allocation down too much to time anything under it.
    tracemalloc.start()
    measured = RegistryIndex.build(parsed.rows, snapshot, TODAY)
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del measured

    queries = make_queries(rng, parsed, args.queries)
    for _kind, query, _expected in queries[:50]:  # warm-up
        check_query(index, query, today=TODAY)
    timings: list[float] = []
    by_kind: dict[str, list[float]] = {}
    outcome: dict[str, Counter[str]] = {}
    for kind, query, expected in queries:
        started = time.perf_counter_ns()
        check = check_query(index, query, today=TODAY)
        elapsed = (time.perf_counter_ns() - started) / 1e6
        timings.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        outcome.setdefault(kind, Counter())[label_of(check, expected)] += 1

    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    p99 = timings[int(0.99 * (len(timings) - 1))]
    print(f"companies: {len(parsed.rows)}   queries: {len(queries)}   seed: {args.seed}")
    print(f"parse CSV: {parse_s * 1000:.0f} ms   build index: {build_s * 1000:.0f} ms")
    print(
        f"check ms: median {statistics.median(timings):.2f}   p95 {p95:.2f}   p99 {p99:.2f}   max {timings[-1]:.2f}"
        f"   ({'OK' if p95 < 10 else 'OVER'} the 10 ms p95 target)"
    )
    print(f"index memory (tracemalloc, on top of the rows it refers to): {index_bytes / 2**20:.1f} MiB")
    for kind, counts in outcome.items():
        total = sum(counts.values())
        kind_times = sorted(by_kind[kind])
        kind_p95 = kind_times[int(0.95 * (len(kind_times) - 1))]
        print(
            f"  {kind:22} {total:5}  p95 {kind_p95:6.2f} ms  "
            + ", ".join(f"{label} {n}" for label, n in counts.most_common())
        )


if __name__ == "__main__":
    main()
