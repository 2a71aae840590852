"""The web desk's security, as a browser meets it (aiohttp's test client over the real app and database)."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.app import LOGIN_ATTEMPTS
from db.models.audit import AuditEntry
from db.models.staff import TipEvent
from db.models.web import WebLoginCode, WebSession
from tests.e2e.staff_steps import ADMIN_ID, VIEWER_ID, file_tips, make_draft, register
from tests.e2e.web_steps import code_of, desk_client, sign_in, web_link

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


async def _events(harness, tip_id: int) -> list[str]:
    async with harness.app.session_factory() as session:
        return list(await session.scalars(select(TipEvent.kind).where(TipEvent.tip_id == tip_id)))


async def test_without_a_session_every_page_sends_to_the_login_page(harness):
    async with desk_client(harness) as client:
        for path in ("/", "/queue", "/case/TPPO-2026-00001", "/figures", "/audit", "/figures/chart.svg"):
            response = await client.get(path, allow_redirects=False)
            assert response.status in (303,), path
            if path != "/":
                assert response.headers["Location"] == "/login", path
        page = await client.get("/queue")
        text = await page.text()
        assert "/web" in text  # "send /web to the bot"
        assert page.url.path == "/login"
        post = await client.post("/case/TPPO-2026-00001/claim", data={"csrf": "x"}, allow_redirects=False)
        assert post.status == 303 and post.headers["Location"] == "/login"


async def test_headers_and_cookie_flags(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    async with desk_client(harness) as client:
        login = await client.get("/login")
        for response in (login, await client.get("/static/desk.css"), await client.get("/nowhere")):
            assert response.headers["Content-Security-Policy"] == CSP
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Referrer-Policy"] == "no-referrer"
        assert login.headers["Cache-Control"] == "no-store"
        code = code_of(await web_link(harness, ADMIN_ID))
        response = await client.post(f"/login/{code}", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/queue"
        cookie = response.headers["Set-Cookie"]
        assert "desk_session=" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie
        assert "Secure" not in cookie  # http://127.0.0.1 in tests; https sets it (see the next test)
        assert code not in cookie
    async with harness.app.session_factory() as session:
        hashes = list(await session.scalars(select(WebLoginCode.code_hash)))
        tokens = list(await session.scalars(select(WebSession.token_hash)))
    assert code not in hashes and len(hashes[0]) == 64  # only hashes are kept
    assert cookie.split("desk_session=")[1].split(";")[0] not in tokens


async def test_the_cookie_is_secure_under_https(make_settings):
    from tests.e2e.harness import running_bot

    async with running_bot(make_settings, web_base_url="https://desk.example.org") as harness:
        await register(harness, ADMIN_ID, "admin", "Maria")
        link = await web_link(harness, ADMIN_ID)
        assert link.startswith("https://desk.example.org/login/")
        async with desk_client(harness) as client:
            response = await client.post(f"/login/{code_of(link)}", allow_redirects=False)
            assert "Secure" in response.headers["Set-Cookie"]


async def test_a_code_works_once(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    code = code_of(await web_link(harness, ADMIN_ID))
    async with desk_client(harness) as first, desk_client(harness) as second:
        ok = await first.post(f"/login/{code}", allow_redirects=False)
        assert ok.status == 303
        again = await second.post(f"/login/{code}", allow_redirects=False)
        assert again.status == 403
        assert "desk_session" not in again.headers.get("Set-Cookie", "")
        assert (await second.get("/queue")).url.path == "/login"


async def test_an_expired_code_fails(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    code = code_of(await web_link(harness, ADMIN_ID))
    harness.app.clock.advance(5 * 60 + 1)  # the app's clock: no waiting
    async with desk_client(harness) as client:
        response = await client.post(f"/login/{code}", allow_redirects=False)
        assert response.status == 403
        assert "/web" in await response.text()


async def test_opening_the_link_does_not_spend_it(harness):
    """A link preview or scanner fetching the link (GET) leaves the code for the person."""
    await register(harness, ADMIN_ID, "admin", "Maria")
    code = code_of(await web_link(harness, ADMIN_ID))
    async with desk_client(harness) as client:
        assert (await client.get(f"/login/{code}")).status == 200
        assert (await client.post(f"/login/{code}", allow_redirects=False)).status == 303


async def test_idle_sessions_end_and_logout_ends_them(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    async with desk_client(harness) as client:
        await sign_in(client, harness, ADMIN_ID)
        harness.app.clock.advance(harness.app.settings.web_idle_minutes * 60 + 1)
        assert (await client.get("/queue")).url.path == "/login"
        csrf = await sign_in(client, harness, ADMIN_ID)
        out = await client.post("/logout", data={"csrf": csrf}, allow_redirects=False)
        assert out.status == 303
        assert (await client.get("/queue")).url.path == "/login"


async def test_a_removed_staff_member_loses_access_at_once(harness):
    from bot.services.staff.directory import remove_staff

    await register(harness, ADMIN_ID, "admin", "Maria")
    async with desk_client(harness) as client:
        await sign_in(client, harness, ADMIN_ID)
        async with harness.app.session_factory() as session:
            await remove_staff(session, ADMIN_ID)
        assert (await client.get("/queue")).url.path == "/login"


async def test_missing_or_forged_csrf_is_refused_and_changes_nothing(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    [tip] = await file_tips(harness, make_draft("Agen menjanjikan kerja di Malaysia tanpa dokumen resmi."))
    async with desk_client(harness) as client:
        csrf = await sign_in(client, harness, ADMIN_ID)
        case = f"/case/{tip.case_number}"
        for data in ({}, {"csrf": "0" * 64}, {"csrf": csrf[:-1] + ("0" if csrf[-1] != "0" else "1")}):
            response = await client.post(f"{case}/note", data={**data, "text": "catatan"}, allow_redirects=False)
            assert response.status == 403
            assert "Nothing was changed" in await response.text() or "Tidak ada" in await response.text()
        assert await _events(harness, tip.tip_id) == []
        done = await client.post(f"{case}/note", data={"csrf": csrf, "text": "catatan"}, allow_redirects=False)
        assert done.status == 303
        assert await _events(harness, tip.tip_id) == ["note"]


async def test_a_viewer_reads_but_cannot_act(harness):
    await register(harness, VIEWER_ID, "viewer", "Viewer")
    [tip] = await file_tips(harness, make_draft("Agen menjanjikan kerja di Malaysia tanpa dokumen resmi."))
    async with desk_client(harness) as client:
        csrf = await sign_in(client, harness, VIEWER_ID)
        page = await client.get(f"/case/{tip.case_number}")
        text = await page.text()
        assert page.status == 200 and tip.case_number in text
        assert "/claim" not in text and "/close" not in text  # no forms
        for action, data in (("claim", {}), ("note", {"text": "x"}), ("close", {"outcome": "duplicate"})):
            response = await client.post(f"/case/{tip.case_number}/{action}", data={"csrf": csrf, **data})
            assert response.status == 403, action
        assert (await client.get("/audit")).status == 403
    assert await _events(harness, tip.tip_id) == []
    async with harness.app.session_factory() as session:
        refused = await session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.result == "refused")
        )
    assert refused >= 3  # each refusal audited, as in the bot


async def test_script_in_a_tip_stays_inert(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    [tip] = await file_tips(harness, make_draft(evil, recruiter="<b>Agen</b><script>x()</script>"))
    async with desk_client(harness) as client:
        await sign_in(client, harness, ADMIN_ID)
        text = await (await client.get(f"/case/{tip.case_number}")).text()
        assert "<script>" not in text and "<img src=x" not in text
        assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in text
        assert "&lt;b&gt;Agen&lt;/b&gt;" in text


async def test_login_attempts_are_rate_limited(harness):
    async with desk_client(harness) as client:
        statuses = [(await client.post(f"/login/wrong{i}")).status for i in range(LOGIN_ATTEMPTS + 1)]
    assert statuses[:LOGIN_ATTEMPTS] == [403] * LOGIN_ATTEMPTS
    assert statuses[-1] == 429


async def test_behind_a_local_proxy_the_limit_counts_each_client(harness):
    """Through the reverse proxy every request comes from loopback: the forwarded address is what is counted."""
    async with desk_client(harness) as client:
        for i in range(LOGIN_ATTEMPTS):
            headers = {"X-Forwarded-For": "203.0.113.7"}
            assert (await client.post(f"/login/wrong{i}", headers=headers)).status == 403
        blocked = await client.post("/login/wrong", headers={"X-Forwarded-For": "203.0.113.7"})
        assert blocked.status == 429
        other = await client.post("/login/wrong", headers={"X-Forwarded-For": "198.51.100.9"})
        assert other.status == 403  # another client is not locked out


async def test_a_failure_is_a_page_in_the_readers_language_and_changes_nothing(harness, monkeypatch, caplog):
    await register(harness, ADMIN_ID, "admin", "Maria")
    [tip] = await file_tips(harness, make_draft("Agen menjanjikan kerja di Malaysia tanpa dokumen resmi."))
    async with desk_client(harness) as client:
        csrf = await sign_in(client, harness, ADMIN_ID)
        from bot.services.staff.commands import CaseCommands

        async def broken(self, session, actor, tip_id, text):
            session.add(TipEvent(tip_id=tip_id, kind="note"))
            await session.flush()
            raise RuntimeError("secret words of the reporter")

        monkeypatch.setattr(CaseCommands, "add_note", broken)
        response = await client.post(f"/case/{tip.case_number}/note", data={"csrf": csrf, "text": "x"})
        text = await response.text()
        assert response.status == 500 and "Tidak ada yang diubah" in text and "Traceback" not in text
    assert await _events(harness, tip.tip_id) == []  # rolled back
    assert "secret words" not in caplog.text and tip.case_number not in caplog.text
    assert "RuntimeError" in caplog.text
