"""The desk's pages and actions as staff use them (aiohttp's test client): every action goes through the bot's
services, so the bot's /tip shows it; the question to the reporter reaches their chat through the outbox; the
figures, the chart and the report; the audit log; the language."""

from __future__ import annotations

import io
import zipfile

from tests.e2e.intake_steps import SEND_CHAT, answer_until_review, case_and_receipt, open_report
from tests.e2e.staff_steps import ADMIN_ID, TRIAGER_ID, file_tips, make_draft, register, settle
from tests.e2e.web_steps import desk_client, sign_in


async def _file_with_chat(harness, driver) -> str:
    await open_report(driver)
    await answer_until_review(driver, with_media=False)
    reply = await driver.press(SEND_CHAT)
    await driver.press(2)  # keep the conversation
    case, _ = case_and_receipt(reply)
    return case


async def test_every_action_on_the_web_shows_in_the_bots_history(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    await register(harness, TRIAGER_ID, "triager", "Yos")
    ana = harness.user(555020, "Ana")
    case = await _file_with_chat(harness, ana)
    [other] = await file_tips(harness, make_draft("Tetangga dibawa calo ke Batam lewat Tenau."))
    async with desk_client(harness) as client:
        csrf = await sign_in(client, harness, ADMIN_ID)
        base = f"/case/{case}"
        steps = [
            ("claim", {}),
            ("assign", {"staff": str(TRIAGER_ID)}),
            ("priority", {"priority": "P1", "reason": "calo sudah membeli tiket"}),
            ("status", {"status": "awaiting_reporter"}),
            ("note", {"text": "Kades sudah dihubungi"}),
            ("link", {"case": other.case_number}),
            ("refer", {"agency": "bp3mi", "on": "2026-12-01", "detail": "Ref 7/XII"}),
        ]
        before = len(harness.emulator.sent_messages(ana.chat_id))
        for action, data in steps:
            response = await client.post(f"{base}/{action}", data={"csrf": csrf, **data}, allow_redirects=False)
            assert response.status == 303, (action, await response.text())
            assert response.headers["Location"] == f"{base}?done={action}"
        ask = await client.post(f"{base}/ask", data={"csrf": csrf, "text": "Kapan mereka berangkat?"})
        assert ask.status == 200 and "Kapan mereka berangkat?" in await ask.text()
        await settle(harness)
        # The reporter allowed messages: a neutral notice reached their chat through the outbox.
        assert len(harness.emulator.sent_messages(ana.chat_id)) > before
        close = await client.post(f"{base}/close", data={"csrf": csrf, "outcome": "departure_stopped"})
        page = await close.text()
        assert '<span class="badge" id="case-status">ditutup</span>' in page
        assert "Maria menutupnya: keberangkatan dicegah" in page or "Maria menutupnya:" in page
        # A refused action (the tip is closed now): the bot's sentence, nothing changed.
        again = await client.post(f"{base}/priority", data={"csrf": csrf, "priority": "P2", "reason": "x"})
        assert again.status == 409 and "Laporan ini sudah ditutup" in await again.text()

    maria = harness.user(ADMIN_ID, "Maria", language_code="en")
    history = (await maria.say(f"/tip {case}")).text
    for line in (
        "Maria claimed it",
        "Maria assigned it to Yos",
        "Maria: priority",
        "calo sudah membeli tiket",
        "Maria noted: Kades sudah dihubungi",
        f"Maria linked it with {other.case_number}",
        "Maria referred it to BP3MI NTT on 01-12-2026",
        "Maria asked the reporter: Kapan mereka berangkat?",
        "Maria closed it: departure stopped",
    ):
        assert line in history, (line, history)


async def test_a_search_finds_by_case_number_phone_and_place_and_pages_are_plain_links(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    drafts = [make_draft(f"Laporan nomor {i} tentang calo di Kupang.", regency="kota_kupang") for i in range(21)]
    drafts.append(make_draft("Calo dengan nomor 0812-9999-1234 membawa orang ke Malaysia.", regency="belu"))
    tips = await file_tips(harness, *drafts)
    async with desk_client(harness) as client:
        await sign_in(client, harness, ADMIN_ID)
        first = await (await client.get("/queue")).text()
        assert "22 laporan, halaman 1 dari 2" in first
        assert 'href="/queue?page=2"' in first and "<script" not in first
        second = await (await client.get("/queue?page=2")).text()
        assert "halaman 2 dari 2" in second and 'href="/queue?page=1"' in second
        found = await (await client.get("/queue", params={"q": tips[-1].case_number})).text()
        assert tips[-1].case_number in found and tips[0].case_number not in found
        by_phone = await (await client.get("/queue", params={"q": "0812 9999 1234"})).text()
        assert tips[-1].case_number in by_phone and tips[0].case_number not in by_phone
        assert "…1234" in by_phone  # the search is shown masked
        by_place = await (await client.get("/queue", params={"q": "Belu"})).text()
        assert tips[-1].case_number in by_place and tips[0].case_number not in by_place
        filtered = await (await client.get("/queue", params={"regency": "belu"})).text()
        assert tips[-1].case_number in filtered and tips[0].case_number not in filtered
        unknown = await client.get("/queue", params={"q": "TPPO-2026-99999"})
        assert unknown.status == 200 and "Tidak ada laporan dengan nomor kasus itu" in await unknown.text()


async def test_figures_chart_report_and_audit_log(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    await register(harness, TRIAGER_ID, "triager", "Yos")
    await file_tips(harness, make_draft("Calo membawa tiga orang ke Malaysia.", regency="belu"))
    async with desk_client(harness) as client:
        await sign_in(client, harness, ADMIN_ID)
        page = await (await client.get("/figures")).text()
        assert "<table" in page and 'src="/figures/chart.svg"' in page and "Belu" in page
        chart = await client.get("/figures/chart.svg")
        svg = await chart.text()
        assert chart.status == 200 and chart.content_type == "image/svg+xml"
        assert "<svg" in svg and "<script" not in svg.lower() and "onload" not in svg.lower()
        month = harness.app.clock.now().strftime("%Y-%m")
        report = await client.get("/figures/report", params={"month": month})
        assert report.status == 200 and report.content_type == "application/zip"
        names = zipfile.ZipFile(io.BytesIO(await report.read())).namelist()
        assert f"report-{month}/report.html" in names and f"report-{month}/regency_month.csv" in names
        assert (await client.get("/figures/report", params={"month": "2026-13"})).status == 409
        audit = await (await client.get("/audit")).text()
        assert 'data-action="web_login">masuk ke meja web</td>' in audit
        assert 'data-action="stats">membaca angka</td>' in audit
    async with desk_client(harness) as client:
        await sign_in(client, harness, TRIAGER_ID)
        assert (await client.get("/audit")).status == 403  # admins only, as /audit in the bot
        assert "/audit" not in await (await client.get("/queue")).text()


async def test_indonesian_by_default_english_by_choice(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    async with desk_client(harness) as client:
        login = await (await client.get("/login")).text()
        assert '<html lang="id">' in login and "Kirim /web ke bot Tipline" in login
        await sign_in(client, harness, ADMIN_ID)
        assert "Laporan dalam antrean" in await (await client.get("/queue")).text()
        chosen = await client.get("/lang/en", params={"next": "/queue"})
        page = await chosen.text()
        assert chosen.url.path == "/queue" and "Tips in the queue" in page and '<html lang="en">' in page
        away = await client.get("/lang/id", params={"next": "//evil.example/"}, allow_redirects=False)
        assert away.headers["Location"] == "/queue"  # never a redirect to another site


async def test_evidence_only_through_the_case_to_signed_in_staff(harness):
    from sqlalchemy import func, select

    from bot.emulator.driver import SAMPLE_JPEG
    from db.models.audit import AuditEntry
    from tests.e2e.intake_steps import submit

    await register(harness, ADMIN_ID, "admin", "Maria")
    ana = harness.user(555030, "Ana")
    await open_report(ana)
    await answer_until_review(ana)  # a voice note, then a photo
    case, _ = case_and_receipt(await submit(ana))
    async with desk_client(harness) as client:
        assert (await client.get(f"/case/{case}/evidence/2", allow_redirects=False)).status == 303
        await sign_in(client, harness, ADMIN_ID)
        page = await (await client.get(f"/case/{case}")).text()
        assert f'href="/case/{case}/evidence/1"' in page and f'href="/case/{case}/evidence/2?download=1"' in page
        photo = await client.get(f"/case/{case}/evidence/2")
        assert photo.status == 200 and photo.content_type == "image/jpeg"
        assert photo.headers["Content-Disposition"].startswith("inline")
        assert await photo.read() == SAMPLE_JPEG
        assert photo.headers["Content-Security-Policy"].startswith("default-src 'none'")
        voice = await client.get(f"/case/{case}/evidence/1")
        assert voice.content_type == "application/octet-stream"
        assert voice.headers["Content-Disposition"].startswith("attachment")
        download = await client.get(f"/case/{case}/evidence/2", params={"download": "1"})
        assert download.headers["Content-Disposition"].startswith("attachment")
        assert (await client.get(f"/case/{case}/evidence/9")).status == 404
    async with harness.app.session_factory() as session:
        views = await session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "view", AuditEntry.result == "ok")
        )
    assert views >= 5  # the page and each file: every look at the tip is audited
