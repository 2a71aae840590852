"""/healthz and /metrics: what an operator's monitoring reads. Numbers only: nothing identifying."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.ops.health import add_routes
from tests.e2e.intake_steps import answer_until_review, open_report, submit


async def _client(harness) -> TestClient:
    app = web.Application()
    add_routes(app, sessions=harness.app.session_factory, metrics=harness.app.metrics, clock=harness.app.clock.now)
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


async def test_health_and_metrics_after_a_report(harness):
    ana = harness.user(424242, "Ana")
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    await submit(ana)
    client = await _client(harness)
    try:
        health = await client.get("/healthz")
        assert health.status == 200
        body = await health.json()
        assert body["ok"] is True and body["database"] == "ok" and body["outbox_lag_seconds"] < 60
        metrics = await (await client.get("/metrics")).text()
    finally:
        await client.close()
    assert 'tipline_updates_total{outcome="handled"}' in metrics
    assert "tipline_update_seconds_bucket" in metrics and "tipline_outbox_backlog" in metrics
    assert any(line.startswith("tipline_open_tips{") and not line.endswith(" 0.0") for line in metrics.splitlines())
    assert "424242" not in metrics and "Ana" not in metrics


async def test_health_says_503_when_the_outbox_is_stuck(harness):
    ana = harness.user(424243, "Ana")
    harness.emulator.faults.add("sendMessage", "500", chat_id=harness.settings.staff_chat_id, times=10_000)
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    await submit(ana)
    harness.app.clock.advance(3600)  # an hour of failed deliveries to the staff group
    client = await _client(harness)
    try:
        health = await client.get("/healthz")
        body = await health.json()
    finally:
        await client.close()
        harness.emulator.faults.clear()
    assert health.status == 503 and body["ok"] is False and body["outbox_lag_seconds"] >= 300
