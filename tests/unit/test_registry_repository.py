"""Snapshots in a real (SQLite) database: all-or-nothing imports, the active switch, the service's reload."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.services.registry import (
    COLUMNS,
    DEMO_REGISTRY_FILE,
    ImportReport,
    ParsedRegistry,
    RegistryErrors,
    RegistryService,
    Verdict,
    parse_registry_csv,
)
from db.engine import make_engine, make_session_factory
from db.models.registry import RegistryCompany, RegistrySnapshot
from db.repositories.registry import RegistryRepository

TODAY = date(2026, 11, 27)
HEADER = ",".join(COLUMNS)
FIRST = f"""{HEADER}
PT Maju Bersama Sejahtera,KEP-001/2024,active,2024-01-01,2029-01-01,,Kota Kupang,Kota Kupang;Sikka,0380 000 0201,https://example.invalid/1,2026-11-20
PT Karya Nusa Cendana,KEP-005/2020,revoked,,,,,,,,2026-11-18
"""
SECOND = f"""{HEADER}
PT Flobamora Jaya Abadi,KEP-002/2024,active,,,,,,,,2026-11-25
PT Karya Nusa Cendana,KEP-005/2020,active,,,,,,,,2026-11-25
PT Sinar Timur Mandiri,KEP-004/2023,suspended,,,,,,,,2026-11-24
"""
BAD = f"""{HEADER}
PT Fine,KEP-100,active,,,,,,,,2026-11-25
PT Broken,KEP-101,zombie,,,,,,,,
PT Also Broken,kep 100,active,2025-01-01,2024-01-01,,,,,,
"""


@pytest.fixture
async def session_factory(migrated_sqlite):
    engine = make_engine(migrated_sqlite("registry.db"))
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()


@pytest.fixture
def repository(session_factory) -> RegistryRepository:
    return RegistryRepository(session_factory)


@pytest.fixture
def service(repository) -> RegistryService:
    return RegistryService(repository, today=lambda: TODAY)


def parsed(text: str) -> ParsedRegistry:
    result = parse_registry_csv(text)
    assert isinstance(result, ParsedRegistry), result
    return result


async def count(session_factory, model) -> int:
    async with session_factory() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_empty_database_has_no_snapshot(repository, service):
    assert await repository.active_snapshot() is None
    assert await repository.active_rows() == ()
    assert await service.reload() is None
    result = service.lookup("anything")
    assert result.verdict is Verdict.NOT_FOUND and result.data_as_of is None and "no_data" in result.notes


async def test_import_round_trips_rows(repository):
    first = parsed(FIRST)
    info = await repository.import_snapshot(first, "first.csv")
    assert (info.source_name, info.row_count, info.data_as_of, info.demo) == ("first.csv", 2, date(2026, 11, 20), False)
    assert await repository.active_snapshot() == info
    assert await repository.active_rows() == first.rows


async def test_good_import_replaces_the_snapshot_and_keeps_the_old_one(repository, session_factory):
    old = await repository.import_snapshot(parsed(FIRST), "first.csv")
    new = await repository.import_snapshot(parsed(SECOND), "second.csv")
    assert new.id != old.id
    assert (await repository.active_snapshot()).id == new.id
    assert [row.name for row in await repository.active_rows()] == [
        "PT Flobamora Jaya Abadi",
        "PT Karya Nusa Cendana",
        "PT Sinar Timur Mandiri",
    ]
    history = await repository.list_snapshots()
    assert [(info.id, active) for info, active in history] == [(new.id, True), (old.id, False)]
    assert await count(session_factory, RegistryCompany) == 5


async def test_bad_file_is_rejected_with_every_line_and_old_data_stays(service, repository, session_factory):
    first = await service.import_csv(FIRST.encode(), "first.csv")
    assert isinstance(first, ImportReport)
    before = await repository.active_rows()

    result = await service.import_csv(BAD.encode(), "bad.csv")
    assert isinstance(result, RegistryErrors)
    assert [(e.line, e.column, e.code) for e in result.errors] == [
        (3, "status", "unknown_status"),
        (4, "licence_expires", "expiry_before_issue"),
        (4, "licence_number", "duplicate_licence"),
    ]
    assert (await repository.active_snapshot()).id == first.snapshot.id
    assert await repository.active_rows() == before
    assert await count(session_factory, RegistrySnapshot) == 1
    assert service.lookup("Maju Bersama Sejahtera").verdict is Verdict.LICENSED


async def test_failure_while_writing_leaves_the_previous_snapshot(repository, session_factory):
    first = await repository.import_snapshot(parsed(FIRST), "first.csv")
    broken = parsed(SECOND)
    # Two rows with one licence key get past no parser, but must still not leave half a snapshot behind.
    broken = replace(broken, rows=(*broken.rows, replace(broken.rows[0], line=99)))
    with pytest.raises(IntegrityError):
        await repository.import_snapshot(broken, "broken.csv")
    assert (await repository.active_snapshot()).id == first.id
    assert await count(session_factory, RegistrySnapshot) == 1
    assert await count(session_factory, RegistryCompany) == 2


async def test_data_as_of_falls_back_to_the_import_day_in_ntt(repository):
    no_dates = parsed(f"{HEADER}\nPT A,1,active,,,,,,,,\n")
    # 20:00 UTC is already the next day in Kupang (UTC+8).
    info = await repository.import_snapshot(no_dates, "x.csv", now=datetime(2026, 11, 26, 20, 0, tzinfo=UTC))
    assert info.newest_retrieved_at is None
    assert info.data_as_of == date(2026, 11, 27)


async def test_service_reloads_after_import_and_sees_other_processes(service, repository):
    report = await service.import_csv(FIRST, "first.csv")
    assert isinstance(report, ImportReport)
    assert report.status_counts["revoked"] == 1
    assert service.lookup("Karya Nusa Cendana").verdict is Verdict.REVOKED

    # Another worker imports; this one notices only when asked to refresh.
    other = RegistryService(repository, today=lambda: TODAY)
    await other.import_csv(SECOND, "second.csv")
    assert service.lookup("Karya Nusa Cendana").verdict is Verdict.REVOKED
    assert await service.refresh_if_changed() is True
    assert service.lookup("Karya Nusa Cendana").verdict is Verdict.LICENSED
    assert service.lookup("Karya Nusa Cendana").data_as_of == date(2026, 11, 25)
    assert await service.refresh_if_changed() is False


async def test_the_database_is_asked_again_only_after_the_recheck_interval(repository):
    clock = [100.0]
    service = RegistryService(repository, today=lambda: TODAY, recheck_seconds=5, monotonic=lambda: clock[0])
    await service.import_csv(FIRST, "first.csv")
    assert await service.refresh_if_changed() is False  # asked: nothing new
    other = RegistryService(repository, today=lambda: TODAY)
    await other.import_csv(SECOND, "second.csv")
    clock[0] += 4.9
    assert await service.refresh_if_changed() is False  # not asked again yet: the old list still answers
    assert service.lookup("Karya Nusa Cendana").verdict is Verdict.REVOKED
    clock[0] += 0.2
    assert await service.refresh_if_changed() is True
    assert service.lookup("Karya Nusa Cendana").verdict is Verdict.LICENSED


async def test_lookup_before_reload_is_a_programming_error(service):
    with pytest.raises(RuntimeError):
        service.lookup("x")


async def test_demo_registry_imports(service):
    report = await service.import_csv(DEMO_REGISTRY_FILE.read_bytes(), "demo_registry.csv", demo=True)
    assert isinstance(report, ImportReport)
    assert report.snapshot.demo and report.snapshot.row_count == 12
    assert service.lookup("PT DEMO Maju Bersama Sejahtera").verdict is Verdict.LICENSED
    assert service.lookup("DEMO Flobamora Jaya").verdict is Verdict.AMBIGUOUS
    assert service.lookup("PT DEMO Lintas Samudra Utama").verdict is Verdict.EXPIRED
