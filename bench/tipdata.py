"""A million tips shaped like the real ones, for bench/bench_data.py: about 200 a day back from NOW (a million is
fourteen years); old tips closed, recent ones open; regencies, recruiters, phones and transit points skewed (Zipf) so
that the busiest are in thousands of tips. Inserted in batches with the columns filing writes, link keys made the way
filing makes them (keyed hashes of the normalised phone or name)."""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, text

from bot.services.intake.submit import ANSWERS_CONTEXT, REASONS_CONTEXT
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.clocks import RESOLUTION_DAYS
from bot.services.triage.deadlines import deadline
from bot.services.triage.entities import extract_entities
from bot.services.triage.facts import TipFacts
from bot.services.triage.linking import link_keys
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database
from db.models.staff import StaffMember as StaffRow
from db.models.staff import TipCase, TipLinkKey
from db.models.tips import CaseCounter, Tip

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
PER_DAY = 200
# Fixed secrets: a reused database must stay readable (bench data only, nothing real).
KEYS = {"k1": bytes(range(32))}
PEPPER = bytes(range(32, 64))
STAFF = [(800000 + i, "admin" if i < 2 else "triager") for i in range(12)]
REGENCIES = [
    "kota_kupang", "kupang", "tts", "belu", "sikka", "ende", "malaka", "ttu", "sumba_barat_daya", "sumba_timur",
    "manggarai", "manggarai_barat", "alor", "lembata", "rote_ndao", "flores_timur", "sabu_raijua", "nagekeo",
    "ngada", "manggarai_timur", "sumba_barat", "sumba_tengah",
]  # fmt: skip
CATEGORIES = [
    "recruitment_fraud", "undocumented_departure", "forced_labour", "sexual_exploitation", "child", "documents_held",
    "other",
]  # fmt: skip
TRANSIT = ["el_tari", "tenau", "bolok", "nunukan", "entikong", "batam", "surabaya", "motaain"]
DESTINATIONS = ["MY", "MY", "MY", "ID-KB", "SG", "HK", "KH"]  # ISO codes, as tips keep them
OUTCOMES = [
    "actioned", "referred", "insufficient_information", "duplicate", "false_or_prank", "departure_stopped",
    "people_rescued", "returned_home", "police_report", "suspect_identified",
]  # fmt: skip

_SYLLABLES = ["ma", "ri", "to", "ne", "su", "ka", "lo", "be", "di", "ya", "fa", "no", "te", "mi", "ru", "sa"]
FIRST = sorted({(a + b + c).capitalize() for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES})[:500]
LAST = sorted({(a + b + "s").capitalize() for a in _SYLLABLES for b in _SYLLABLES})[:256]


def recruiter_name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"


def phone_number(n: int) -> str:
    return f"+62812{n:07d}"


class Skewed:
    """Indexes in [0, n) with Zipf's skew (weight 1 / (i + offset)): 0 is the busiest. With 200,000 recruiters and
    offset 20, the busiest is named in about 4,000 of a million tips and the ten busiest each in thousands."""

    def __init__(self, n: int, offset: float = 1.0) -> None:
        total, self.cum = 0.0, []
        for i in range(n):
            total += 1.0 / (i + offset)
            self.cum.append(total)
        self.n = n

    def __call__(self, rng: random.Random) -> int:
        return rng.choices(range(self.n), cum_weights=self.cum)[0]


async def generate(url: str, tips: int) -> None:
    engine = make_engine(url)
    await upgrade_database(engine)
    sessions = make_session_factory(engine)
    cipher, pseudonymizer = Cipher(KEYS), Pseudonymizer(PEPPER)
    rng = random.Random(42)
    blobs = [
        cipher.encrypt_json(
            {"story": f"Cerita {i}: ada calo menawarkan kerja di Malaysia.", "recruiter": recruiter_name(i),
             "relation": rng.choice(["neighbour", "family", "self", "friend"])},
            context=ANSWERS_CONTEXT,
        )
        for i in range(50)
    ]  # fmt: skip
    reasons = cipher.encrypt_json([{"code": "illegal_recruitment", "detail": ""}], context=REASONS_CONTEXT)
    key_hashes: dict[tuple[str, int], str] = {}
    recruiter, phone = Skewed(len(FIRST) * len(LAST), 20), Skewed(300_000, 20)
    regency, transit, staff = Skewed(len(REGENCIES)), Skewed(len(TRANSIT)), Skewed(len(STAFF), 2)

    def key_hash(kind: str, n: int) -> str:
        # The keys filing makes (bot.services.staff.filing.link_hashes), from a phone or a recruiter's name.
        if (kind, n) not in key_hashes:
            value = phone_number(n) if kind == "phone" else recruiter_name(n)
            [key] = link_keys(extract_entities(TipFacts(recruiter=value)))
            key_hashes[(kind, n)] = pseudonymizer.keyed_hash(f"link:{key}")
        return key_hashes[(kind, n)]

    async with sessions() as session:
        session.add_all(StaffRow(telegram_id=i, role=r, name=f"Staf {i % 100}", active=True) for i, r in STAFF)
        await session.commit()
    start = NOW - timedelta(days=tips / PER_DAY)
    span = (NOW - start).total_seconds()
    counters: dict[int, int] = {}
    batch: list[dict] = []
    keys: list[dict] = []
    cases: list[dict] = []
    t0 = time.perf_counter()
    for n in range(1, tips + 1):
        created = start + timedelta(seconds=span * (n - 1) / tips + rng.random())
        age = (NOW - created).days
        year = created.year
        counters[year] = counters.get(year, 0) + 1
        priority = rng.choices(["P1", "P2", "P3", "P4"], weights=[5, 20, 55, 20])[0]
        closed_share = 0.998 if age > 120 else 0.9 if age > 60 else 0.6 if age > 14 else 0.2
        closed = rng.random() < closed_share
        due = deadline(priority, created)
        if closed or rng.random() < 0.7:
            late = rng.random() < 0.15
            first = due + timedelta(hours=rng.uniform(0.1, 30)) if late else created + (due - created) * rng.random()
            first = min(first, NOW)
        else:
            first = None
        closed_at = None
        if closed:
            closed_at = min(NOW, (first or created) + timedelta(days=rng.uniform(0.1, RESOLUTION_DAYS[priority] * 1.2)))
        status = "closed" if closed else rng.choice(["new", "in_review", "in_review", "awaiting_reporter", "referred"])
        if status == "new" and first is not None:
            status = "in_review"
        victims = rng.choice([None, None, 1, 1, 2, 3, 5, 12])
        batch.append(
            {
                "id": n,
                "case_number": f"TPPO-{year}-{counters[year]:05d}",
                "receipt_hash": f"bench-receipt-{n}",
                "draft_ref": f"bench-draft-{n}",
                "kind": "tip" if rng.random() < 0.95 else "question",
                "status": status,
                "priority": priority,
                "category": rng.choice(CATEGORIES),
                "regency": REGENCIES[regency(rng)] if rng.random() < 0.9 else None,
                "departure": rng.choice([None, "today", "this_week", "already_left"]),
                "minors": rng.choice(["yes", "no", "no", "no", "unknown"]),
                "people": rng.choice(["1", "2-5", "6+"]),
                "urgent": priority == "P1",
                "lang": "id",
                "evidence_count": 0,
                "answers": blobs[n % len(blobs)],
                "reasons": reasons,
                "contact": None,
                "created_at": created,
                "updated_at": closed_at or first or created,
                "deadline_at": due,
                "closed_at": closed_at,
                "destination": rng.choice(DESTINATIONS) if rng.random() < 0.6 else None,
                "transit_points": sorted({TRANSIT[transit(rng)] for _ in range(rng.randint(1, 2))})
                if rng.random() < 0.5
                else None,
                "outcome": rng.choice(OUTCOMES) if closed else None,
                "victims": victims,
                "victims_minors": rng.randint(0, victims)
                if victims and rng.random() < 0.3
                else (0 if victims else None),
                "victims_female": None,
                "victims_male": None,
                "referral_agency": None,
                "referred_on": None,
                "first_response_at": first,
                "reporter_news_at": created + timedelta(days=1) if rng.random() < 0.02 else None,
                "staff_seen_at": first,
            }
        )
        # Recruiters and phones: a long tail, and a head in thousands of tips.
        if rng.random() < 0.7:
            keys.append({"tip_id": n, "kind": "name", "key_hash": key_hash("name", recruiter(rng))})
        if rng.random() < 0.5:
            keys.append({"tip_id": n, "kind": "phone", "key_hash": key_hash("phone", phone(rng))})
        if not closed and first is not None:
            cases.append({"tip_id": n, "assignee_id": STAFF[staff(rng)][0], "assigned_at": first})
        if len(batch) >= 20_000 or n == tips:
            async with sessions() as session:
                await session.execute(insert(Tip), batch)
                if keys:
                    await session.execute(insert(TipLinkKey), keys)
                if cases:
                    await session.execute(insert(TipCase), cases)
                await session.commit()
            batch, keys, cases = [], [], []
            print(f"\r  {n:,} tips ({time.perf_counter() - t0:.0f} s)", end="", file=sys.stderr)
    async with sessions() as session:
        session.add_all(CaseCounter(year=y, last=c) for y, c in counters.items())
        await session.commit()
        if engine.dialect.name == "postgresql":
            await session.execute(text("SELECT setval('tips_id_seq', (SELECT max(id) FROM tips))"))
            await session.commit()
    # Statistics for the planner, and on PostgreSQL the visibility map (index-only scans), as autovacuum would leave
    # them after a bulk load.
    async with engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    print(f"\n  generated in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    await engine.dispose()
