"""A local Telegram Bot API server on loopback, for ``tipline demo`` and the end-to-end tests.

The bot talks to it through aiogram exactly as to Telegram::

    emulator = TelegramEmulator(token="123456:TEST")
    base_url = await emulator.start()
    bot = Bot(emulator.token, session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)))

Serves ``/bot<token>/<method>`` (JSON, urlencoded or multipart bodies; GET or POST) and
``/file/bot<token>/<file_path>``. Every request is checked against the Bot API spec; a violation is answered with
the 400 Telegram would give and appended to :attr:`TelegramEmulator.violations`. The user side (``add_user``,
``send_text``, ``press``, ``send_photo`` ...) creates real Updates for ``getUpdates``; everything the bot does is
recorded in :attr:`TelegramEmulator.calls` and published to subscribers as events (BotMessage, BotEdit, BotDelete,
CallbackAnswer). ``wait_idle()`` returns once the bot has gone quiet.

This module is the HTTP server and its lifecycle; the class is put together from world.py (state, the update queue,
events, idleness), files.py, users.py (the user side), bot_side.py and methods.py (the Bot API methods).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiohttp import BodyPartReader, web

from bot.emulator.files import UPLOAD_LIMIT
from bot.emulator.methods import DOWNLOAD_LIMIT, MethodTable
from bot.emulator.models import ApiError, CallRecord, Clock, Fault
from bot.emulator.spec import BotApiSpec, UploadedFile
from bot.emulator.users import UserSide
from bot.emulator.world import buttons_of, describe

__all__ = ["DOWNLOAD_LIMIT", "TelegramEmulator", "buttons_of"]

logger = logging.getLogger(__name__)


class TelegramEmulator(UserSide, MethodTable):
    """The emulated Telegram: HTTP server, chats and users, update queue, faults, records and events."""

    def __init__(
        self,
        *,
        token: str,
        spec: BotApiSpec | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "tipline_demo_bot",
        bot_first_name: str = "Tipline",
        clock: Clock | None = None,
        check_updates: bool = True,
        first_update_id: int | None = None,
    ) -> None:
        super().__init__(
            token=token,
            spec=spec,
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            clock=clock,
            check_updates=check_updates,
            first_update_id=first_update_id,
        )
        self.host = host
        self.port = port
        self._stopping = asyncio.Event()
        self._poll_owner: object | None = None
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # ==== lifecycle ==========================================================================================
    async def start(self) -> str:
        """Start serving on host:port (port 0 picks a free one); returns the base URL for TelegramAPIServer."""
        self._stopping.clear()
        app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.port = port
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def stop(self) -> None:
        """Answer parked long polls, release held requests and stop the server."""
        self._stopping.set()
        self._notify()
        if self.webhook is not None:
            await self.webhook.stop()
            self.webhook = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> TelegramEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ==== HTTP ===============================================================================================
    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        name = request.match_info["method"]
        canonical = self.spec.canonical_method(name)
        record = CallRecord(method=canonical or name, params={}, time=self.clock.now())
        self.calls.append(record)
        req_id = next(self._ids)
        self._inflight[req_id] = record.method
        self._touch()
        try:
            if canonical is None:
                self.violations.append(f"{name}: Not Found: method not found")
                raise ApiError(404, "Not Found: method not found")
            params, problems = await self._read_params(request, canonical)
            record.params = describe(params)
            problems = problems + self.spec.validate(canonical, params)
            if problems:
                self.violations.extend(f"{canonical}: {p}" for p in problems)
                raise ApiError(400, problems[0])
            fault = self.faults.take(canonical, params)
            if fault is not None:
                record.fault = fault.kind
                if fault.kind in ("429", "500", "502", "502html"):
                    return self._fault_response(fault, record)
                if not fault.apply:
                    await self._lose_answer(request, fault, record)
            result = await self._dispatch(canonical, params, record, req_id)
            if fault is not None:
                record.result = result
                await self._lose_answer(request, fault, record)
            record.ok = True
            record.status = 200
            record.result = result
            return web.json_response({"ok": True, "result": result})
        except ApiError as e:
            record.ok = False
            record.error = e.description
            record.status = e.code
            return web.json_response(e.payload(), status=e.code)
        except Exception as e:  # an emulator bug: make it loud in tests, keep serving
            logger.exception("emulator failed on %s", record.method)
            self.violations.append(f"emulator: internal error in {record.method}: {type(e).__name__}: {e}")
            record.ok = False
            record.error = f"emulator internal error: {e}"
            record.status = 500
            return web.json_response(
                {"ok": False, "error_code": 500, "description": "Internal Server Error (emulator bug)"}, status=500
            )
        finally:
            self._inflight.pop(req_id, None)
            self._touch()

    def _fault_response(self, fault: Fault, record: CallRecord) -> web.Response:
        record.ok = False
        if fault.kind == "429":
            error = ApiError(
                429, f"Too Many Requests: retry after {fault.retry_after}", {"retry_after": fault.retry_after}
            )
        elif fault.kind == "500":
            error = ApiError(500, "Internal Server Error")
        elif fault.kind == "502":
            error = ApiError(502, "Bad Gateway")
        else:
            record.status = 502
            record.error = "Bad Gateway (HTML body)"
            html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"  # noqa: E501
            return web.Response(status=502, text=html, content_type="text/html")
        record.status = error.code
        record.error = error.description
        return web.json_response(error.payload(), status=error.code)

    async def _lose_answer(self, request: web.Request, fault: Fault, record: CallRecord) -> None:
        """Hold (timeout) or at once (drop) close the connection without answering."""
        record.ok = False
        record.error = f"no answer ({fault.kind})"
        if fault.kind == "timeout":
            hold = fault.hold if fault.hold is not None else self.faults.timeout_hold
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), hold)
        if request.transport is not None:
            request.transport.close()
        raise asyncio.CancelledError

    async def _read_params(self, request: web.Request, method: str) -> tuple[dict[str, Any], list[str]]:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        json_body: dict[str, Any] = {}
        if request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise ApiError(400, "Bad Request: can't parse JSON body") from None
                if not isinstance(body, dict):
                    raise ApiError(400, "Bad Request: the JSON body must be an object")
                json_body = body
            elif ctype.startswith("multipart/"):
                reader = await request.multipart()
                while True:
                    part = await reader.next()
                    if part is None:
                        break
                    if not isinstance(part, BodyPartReader) or part.name is None:
                        continue
                    if part.filename is not None:
                        data = await part.read(decode=False)
                        files[part.name] = UploadedFile(part.filename, part.headers.get("Content-Type"), bytes(data))
                    else:
                        raw[part.name] = await part.text()
            else:
                post = await request.post()
                for key, value in post.items():
                    if isinstance(value, web.FileField):
                        files[key] = UploadedFile(value.filename, value.content_type, value.file.read())
                    else:
                        raw[key] = value
        params, problems = self.spec.coerce_form(method, raw, files)
        params.update(json_body)
        return params, problems

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        req_id = next(self._ids)
        self._inflight[req_id] = "file download"
        self._touch()
        try:
            f = self._files_by_path.get(request.match_info["path"])
            if f is None:
                return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
            return web.Response(body=f.data, content_type=f.mime_type or "application/octet-stream")
        finally:
            self._inflight.pop(req_id, None)
            self._touch()

    async def _dispatch(self, method: str, params: dict[str, Any], record: CallRecord, req_id: int) -> Any:
        if method == "getUpdates":
            return await self._get_updates(params, req_id)
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            record.unimplemented = True
            return True
        return handler(params)

    async def _get_updates(self, p: dict[str, Any], req_id: int) -> list[dict]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if p.get("allowed_updates") is not None:
            self._allowed = set(p["allowed_updates"]) or None
        limit = min(100, max(1, p.get("limit") or 100))
        timeout = max(0, p.get("timeout") or 0)
        self._confirm(p.get("offset"))
        me = object()
        self._poll_owner = me
        self._notify()  # an older long poll is terminated (409) like Telegram does
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._poll_owner is not me:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                )
            batch = self._take(limit)
            if batch:
                return batch
            remaining = deadline - loop.time()
            if remaining <= 0 or self._stopping.is_set():
                return []
            wakeup = self._wakeup
            self._inflight.pop(req_id, None)
            self._parked += 1
            try:
                await asyncio.wait_for(wakeup.wait(), remaining)
            except TimeoutError:
                pass
            finally:
                self._parked -= 1
                self._inflight[req_id] = "getUpdates"
