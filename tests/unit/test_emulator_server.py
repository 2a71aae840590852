"""The Telegram emulator over HTTP: driven by a real aiogram Bot and by raw aiohttp requests."""

from __future__ import annotations

import asyncio
import io
import json

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BufferedInputFile,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    InputMediaVideo,
    KeyboardButton,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)

from bot.emulator import BotApiSpec, BotDelete, BotEdit, BotMessage, CallbackAnswer, TelegramEmulator, make_bot

TOKEN = "123456:TEST-token"
ANA = 1001
GROUP = -1001234
SPEC = BotApiSpec.load()


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=f"cb:{label.lower()}") for label in labels]]
    )


@pytest.fixture
async def emu():
    emulator = TelegramEmulator(token=TOKEN, spec=SPEC)
    await emulator.start()
    emulator.add_user(ANA, "Ana")
    yield emulator
    await emulator.stop()


@pytest.fixture
async def bot(emu: TelegramEmulator):
    b = make_bot(emu)
    yield b
    await b.session.close()


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


def api(emu: TelegramEmulator, method: str) -> str:
    return f"{emu.base_url}/bot{emu.token}/{method}"


# ---- transport -----------------------------------------------------------------------------------------------
async def test_wrong_token_is_401_and_unknown_method_404(emu: TelegramEmulator, http: aiohttp.ClientSession) -> None:
    async with http.get(f"{emu.base_url}/bot999:nope/getMe") as resp:
        assert resp.status == 401
        assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    async with http.post(api(emu, "sendMesage"), json={"chat_id": ANA, "text": "x"}) as resp:
        assert resp.status == 404
        assert (await resp.json())["description"] == "Not Found: method not found"
    assert emu.violations == ["sendMesage: Not Found: method not found"]
    async with http.get(api(emu, "GETME")) as resp:  # method names are case-insensitive
        body = await resp.json()
        assert body["ok"] and body["result"]["username"] == "tipline_demo_bot"
        assert body["result"]["id"] == 123456


async def test_json_form_and_multipart_bodies(emu: TelegramEmulator, http: aiohttp.ClientSession) -> None:
    markup = {"inline_keyboard": [[{"text": "Ya", "callback_data": "y"}]]}
    async with http.post(api(emu, "sendMessage"), json={"chat_id": ANA, "text": "json", "reply_markup": markup}) as r:
        assert (await r.json())["result"]["reply_markup"] == markup
    form = {"chat_id": str(ANA), "text": "form", "reply_markup": json.dumps(markup), "protect_content": "true"}
    async with http.post(api(emu, "sendMessage"), data=form) as r:
        result = (await r.json())["result"]
        assert result["text"] == "form" and result["has_protected_content"] is True
    data = aiohttp.FormData()
    data.add_field("chat_id", str(ANA))
    data.add_field("caption", "<i>foto</i>")
    data.add_field("parse_mode", "HTML")
    data.add_field("photo", b"\xff\xd8jpeg", filename="a.jpg", content_type="image/jpeg")
    async with http.post(api(emu, "sendPhoto"), data=data) as r:
        result = (await r.json())["result"]
        assert result["caption"] == "foto"
        assert result["caption_entities"] == [{"type": "italic", "offset": 0, "length": 4}]
    assert [c.params.get("photo") for c in emu.calls_to("sendPhoto")] == ["<file a.jpg 6 bytes>"]
    assert [m.get("text") or m.get("caption") for m in emu.sent_messages(ANA)] == ["json", "form", "foto"]
    assert emu.violations == []


async def test_spec_violations_are_refused_and_recorded(
    emu: TelegramEmulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(ANA, "Nama: Tom & <Jerry>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(ANA, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="x" * 65)]])
        await bot.send_message(ANA, "pilih", reply_markup=markup)
    async with http.post(api(emu, "sendMessage"), json={"chat_id": ANA, "text": "x", "colour": "red"}) as r:
        assert r.status == 400
        assert "unknown parameter" in (await r.json())["description"]
    async with http.post(api(emu, "sendMessage"), json={"text": "x"}) as r:
        assert r.status == 400
    assert len(emu.violations) == 5
    assert all(v.startswith("sendMessage: Bad Request: ") for v in emu.violations)
    assert emu.sent_messages(ANA) == []  # nothing was sent
    assert [c.ok for c in emu.calls_to("sendMessage")] == [False] * 5


async def test_unimplemented_method_answers_true_and_is_marked(emu: TelegramEmulator, bot: Bot) -> None:
    assert await bot.pin_chat_message(ANA, 1) is True
    (record,) = emu.calls_to("pinChatMessage")
    assert record.unimplemented and record.ok
    assert not emu.calls_to("sendMessage")


# ---- getUpdates -----------------------------------------------------------------------------------------------
async def get_updates(http: aiohttp.ClientSession, emu: TelegramEmulator, **params) -> dict:
    async with http.post(api(emu, "getUpdates"), json=params) as r:
        return await r.json()


async def test_long_poll_offsets_limit_and_allowed_updates(emu: TelegramEmulator, http: aiohttp.ClientSession) -> None:
    ana = emu.users[ANA]
    assert (await get_updates(http, emu, timeout=0))["result"] == []
    poll = asyncio.create_task(get_updates(http, emu, timeout=5))
    await emu.wait_polling()
    loop = asyncio.get_running_loop()
    started = loop.time()
    emu.send_text(ana, "/start")
    (first,) = (await poll)["result"]
    assert loop.time() - started < 1  # answered at once, not at the end of the timeout
    assert first["message"]["text"] == "/start"
    assert first["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    # unconfirmed updates come again; confirming with offset drops them
    emu.send_text(ana, "dua")
    emu.send_text(ana, "tiga")
    again = (await get_updates(http, emu))["result"]
    assert [u["update_id"] for u in again] == [first["update_id"], first["update_id"] + 1, first["update_id"] + 2]
    limited = (await get_updates(http, emu, offset=first["update_id"] + 1, limit=1))["result"]
    assert [u["message"]["text"] for u in limited] == ["dua"]
    rest = (await get_updates(http, emu, offset=first["update_id"] + 2))["result"]
    assert [u["message"]["text"] for u in rest] == ["tiga"]
    # allowed_updates: messages are dropped while only callback queries are wanted
    emu.send_text(ana, "empat")
    only_callbacks = await get_updates(http, emu, offset=rest[0]["update_id"] + 1, allowed_updates=["callback_query"])
    assert only_callbacks["result"] == []
    assert emu.pending_updates == 0


async def test_second_long_poll_terminates_the_first(emu: TelegramEmulator, http: aiohttp.ClientSession) -> None:
    first = asyncio.create_task(get_updates(http, emu, timeout=5))
    await emu.wait_polling()
    second = asyncio.create_task(get_updates(http, emu, timeout=0))
    assert (await first)["error_code"] == 409
    assert (await second)["ok"]


async def test_duplicate_update_is_delivered_again(emu: TelegramEmulator, http: aiohttp.ClientSession) -> None:
    emu.send_text(emu.users[ANA], "halo")
    (update,) = (await get_updates(http, emu))["result"]
    assert (await get_updates(http, emu, offset=update["update_id"] + 1))["result"] == []
    emu.duplicate_last_update()
    (dup,) = (await get_updates(http, emu, offset=update["update_id"] + 1))["result"]
    assert dup == update
    assert (await get_updates(http, emu, offset=update["update_id"] + 1))["result"] == []


async def test_wait_idle_explains_what_is_busy(emu: TelegramEmulator) -> None:
    emu.send_text(emu.users[ANA], "halo")
    with pytest.raises(TimeoutError, match=r"1 update\(s\) not fetched.*not waiting in getUpdates"):
        await emu.wait_idle(timeout=0.05)


# ---- messages --------------------------------------------------------------------------------------------------
async def test_send_edit_delete_and_events(emu: TelegramEmulator, bot: Bot) -> None:
    events = emu.subscribe()
    sent = await bot.send_message(
        ANA,
        "Pilih <b>satu</b>:",
        parse_mode="HTML",
        reply_markup=keyboard("Ya", "Tidak"),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert sent.text == "Pilih satu:" and sent.chat.id == ANA and sent.from_user.id == emu.bot_id
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(424242, "halo")
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=ANA, message_id=999)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "Pilih <b>satu</b>:", chat_id=ANA, message_id=sent.message_id, parse_mode="HTML",
            reply_markup=keyboard("Ya", "Tidak"),
        )  # fmt: skip
    user_message = emu.send_text(emu.users[ANA], "pesan saya")
    with pytest.raises(TelegramBadRequest, match="can't be edited"):
        await bot.edit_message_text("x", chat_id=ANA, message_id=user_message["message_id"])
    edited = await bot.edit_message_text("Terpilih: Ya", chat_id=ANA, message_id=sent.message_id)
    assert edited.text == "Terpilih: Ya" and edited.reply_markup is None and edited.edit_date
    stored = emu.message(ANA, sent.message_id)
    assert [h["text"] for h in stored.history] == ["Pilih satu:"]
    markup_only = await bot.send_message(ANA, "tombol", reply_markup=keyboard("A"))
    await bot.edit_message_reply_markup(chat_id=ANA, message_id=markup_only.message_id, reply_markup=keyboard("B"))
    assert await bot.delete_message(ANA, markup_only.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(ANA, markup_only.message_id)
    got = [events.get_nowait() for _ in range(events.qsize())]
    assert [type(e) for e in got] == [BotMessage, BotEdit, BotMessage, BotEdit, BotDelete]
    assert got[1].kind == "text" and got[3].kind == "reply_markup"
    assert got[4] == BotDelete(ANA, (markup_only.message_id,))
    assert [m["text"] for m in emu.sent_messages(ANA)] == ["Terpilih: Ya"]
    assert emu.violations == []


async def test_delete_messages_and_the_48_hour_rule(emu: TelegramEmulator, bot: Bot) -> None:
    old = [(await bot.send_message(ANA, f"lama {i}")).message_id for i in range(2)]
    emu.advance_time(47 * 3600)
    new = (await bot.send_message(ANA, "baru")).message_id
    emu.advance_time(2 * 3600)  # the first two are now 49 hours old, the last one 2 hours
    with pytest.raises(TelegramBadRequest, match="message can't be deleted"):
        await bot.delete_message(ANA, old[0])
    with pytest.raises(TelegramBadRequest, match="message can't be deleted"):
        await bot.delete_messages(ANA, old)
    assert await bot.delete_messages(ANA, [*old, new, 777])  # deletes what it can, skips the rest
    assert [m["text"] for m in emu.sent_messages(ANA)] == ["lama 0", "lama 1"]
    assert emu.message(ANA, new).deleted


async def test_keyboards_replies_and_other_content(emu: TelegramEmulator, bot: Bot) -> None:
    emu.add_group(GROUP, "staff-group", members=[emu.users[ANA]])
    reply_kb = ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text="Kirim lokasi", request_location=True)]])
    first = await bot.send_message(ANA, "lokasi?", reply_markup=reply_kb)
    assert first.reply_markup is None  # only inline keyboards are part of a Message
    assert emu.message(ANA, first.message_id).reply_markup["keyboard"][0][0]["text"] == "Kirim lokasi"
    await bot.send_message(ANA, "ok", reply_markup=ReplyKeyboardRemove())
    await bot.send_message(ANA, "nama?", reply_markup=ForceReply(), reply_parameters=ReplyParameters(message_id=1))
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(ANA, "x", reply_parameters=ReplyParameters(message_id=999))
    loc = await bot.send_location(ANA, -10.1772, 123.607)
    assert loc.location.latitude == pytest.approx(-10.1772)
    contact = await bot.send_contact(ANA, "+62 380 123", "Polda NTT")
    assert contact.contact.first_name == "Polda NTT"
    copied = await bot.copy_message(GROUP, ANA, loc.message_id)
    assert emu.message(GROUP, copied.message_id).data["location"]["longitude"] == pytest.approx(123.607)
    fwd = await bot.forward_message(GROUP, ANA, contact.message_id)
    assert fwd.forward_origin.type == "user"
    assert await bot.send_chat_action(ANA, "typing")
    group = await bot.send_media_group(
        GROUP,
        [
            InputMediaPhoto(media=BufferedInputFile(b"jpeg", "a.jpg"), caption="satu"),
            InputMediaVideo(media=BufferedInputFile(b"mp4", "b.mp4")),
        ],
    )
    assert len(group) == 2 and group[0].media_group_id == group[1].media_group_id
    assert group[0].photo[-1].file_size == 4
    member = await bot.get_chat_member(GROUP, ANA)
    assert member.status == "member"
    me = await bot.get_chat_member(GROUP, emu.bot_id)
    assert me.status == "administrator"
    chat = await bot.get_chat(GROUP)
    assert chat.title == "staff-group" and chat.type == "supergroup"
    assert await bot.leave_chat(GROUP)
    with pytest.raises(TelegramForbiddenError, match="not a member"):
        await bot.send_message(GROUP, "masih di sini?")
    emu.block_bot(emu.users[ANA])
    with pytest.raises(TelegramForbiddenError, match="blocked by the user"):
        await bot.send_message(ANA, "halo")
    assert emu.violations == []


async def test_commands_and_menu_button(emu: TelegramEmulator, bot: Bot) -> None:
    from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats, MenuButtonCommands

    commands = [BotCommand(command="start", description="Mulai"), BotCommand(command="lapor", description="Lapor")]
    assert await bot.set_my_commands(commands, language_code="id")
    got = await bot.get_my_commands(language_code="id")
    assert [(c.command, c.description) for c in got] == [("start", "Mulai"), ("lapor", "Lapor")]
    assert await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats()) == []
    assert await bot.delete_my_commands(language_code="id")
    assert await bot.get_my_commands(language_code="id") == []
    assert await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert emu.violations == []


async def test_callback_answers(emu: TelegramEmulator, bot: Bot) -> None:
    sent = await bot.send_message(ANA, "Pilih", reply_markup=keyboard("Ya", "Tidak"))
    events = emu.subscribe()
    query = emu.press(emu.users[ANA], emu.message(ANA, sent.message_id), label="tid")
    assert query["data"] == "cb:tidak" and query["message"]["message_id"] == sent.message_id
    by_index = emu.press(emu.users[ANA], emu.message(ANA, sent.message_id), index=1)
    assert by_index["data"] == "cb:ya"
    with pytest.raises(LookupError, match=r"\['Ya', 'Tidak'\]"):
        emu.press(emu.users[ANA], emu.message(ANA, sent.message_id), label="mungkin")
    assert await bot.answer_callback_query(query["id"], text="Tersimpan", show_alert=True)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query["id"])
    assert events.get_nowait() == CallbackAnswer(query["id"], ANA, "Tersimpan", True, None)


# ---- files -----------------------------------------------------------------------------------------------------
async def test_user_photo_download_and_the_20_mb_limit(emu: TelegramEmulator, bot: Bot) -> None:
    ana = emu.users[ANA]
    message = emu.send_photo(ana, b"\xff\xd8 photo bytes", caption="bukti")
    sizes = message["photo"]
    assert len(sizes) >= 3 and sizes[-1]["width"] > sizes[0]["width"]
    file = await bot.get_file(sizes[-1]["file_id"])
    assert file.file_size == 14 and file.file_path.startswith("photos/")
    buffer = await bot.download(sizes[-1]["file_id"])
    assert buffer.read() == b"\xff\xd8 photo bytes"
    big = emu.send_document(ana, b"tiny", file_name="video.zip", mime_type="application/zip", declared_size=25_000_000)
    assert big["document"]["file_size"] == 25_000_000
    with pytest.raises(TelegramBadRequest, match="file is too big"):
        await bot.get_file(big["document"]["file_id"])
    with pytest.raises(TelegramBadRequest, match="wrong file_id"):
        await bot.get_file("nope")
    # the bot can re-send what the user sent, by file_id, but only as the same kind
    again = await bot.send_photo(ANA, sizes[-1]["file_id"])
    assert again.photo[-1].file_id == sizes[-1]["file_id"]
    with pytest.raises(TelegramBadRequest, match="can't use file of type Photo as Document"):
        await bot.send_document(ANA, sizes[-1]["file_id"])
    # and files the bot uploads are downloadable too
    doc = await bot.send_document(ANA, BufferedInputFile(b"a,b\n1,2\n", "laporan.csv"), caption="ekspor")
    assert doc.document.file_name == "laporan.csv" and doc.document.mime_type == "text/csv"
    out = io.BytesIO()
    await bot.download(doc.document, destination=out)
    assert out.getvalue() == b"a,b\n1,2\n"
    assert emu.violations == []


# ---- faults ----------------------------------------------------------------------------------------------------
async def test_429_and_5xx_do_not_apply_the_action(emu: TelegramEmulator, bot: Bot) -> None:
    emu.faults.add("sendMessage", "429", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as excinfo:
        await bot.send_message(ANA, "satu")
    assert excinfo.value.retry_after == 3
    emu.faults.add("sendMessage", "500", times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(ANA, "satu")
    assert emu.sent_messages(ANA) == []
    await bot.send_message(ANA, "satu")  # faults used up: success
    assert [m["text"] for m in emu.sent_messages(ANA)] == ["satu"]
    assert [c.fault for c in emu.calls_to("sendMessage")] == ["429", "500", "500", None]
    assert emu.faults.pending == []


async def test_faults_match_chat_and_method(emu: TelegramEmulator, bot: Bot) -> None:
    emu.add_user(2002, "Budi")
    emu.faults.add("sendMessage", "502", chat_id=2002)
    await bot.send_message(ANA, "ke Ana")  # other chat: unaffected
    await bot.send_photo(2002, BufferedInputFile(b"jpeg", "a.jpg"))  # other method: unaffected
    with pytest.raises(TelegramServerError):
        await bot.send_message(2002, "ke Budi")
    await bot.send_message(2002, "ke Budi")
    assert len(emu.sent_messages(2002)) == 2


async def test_dropped_connection_with_and_without_the_action(emu: TelegramEmulator, bot: Bot) -> None:
    emu.faults.add("sendMessage", "drop")
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(ANA, "hilang")
    assert emu.sent_messages(ANA) == []
    emu.faults.add("sendMessage", "drop", apply=True)  # Telegram did it, the answer got lost
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(ANA, "terkirim tapi tidak dijawab")
    assert [m["text"] for m in emu.sent_messages(ANA)] == ["terkirim tapi tidak dijawab"]
    await bot.send_message(ANA, "lagi")
    assert len(emu.sent_messages(ANA)) == 2


async def test_timeout_holds_the_request_past_the_client(emu: TelegramEmulator, http: aiohttp.ClientSession) -> None:
    emu.faults.add("sendMessage", "timeout", hold=30)
    with pytest.raises(asyncio.TimeoutError):
        async with http.post(
            api(emu, "sendMessage"), json={"chat_id": ANA, "text": "x"}, timeout=aiohttp.ClientTimeout(total=0.2)
        ):
            pass
    for _ in range(200):  # the server notices the client went away and releases the request
        if not any("in flight" in r for r in emu.busy_reasons(quiet=0)):
            break
        await asyncio.sleep(0.005)
    assert not any("in flight" in r for r in emu.busy_reasons(quiet=0))
    assert emu.sent_messages(ANA) == []
    (record,) = emu.calls_to("sendMessage")
    assert record.fault == "timeout" and record.ok is False


async def test_timeout_through_aiogram_with_the_action_applied(emu: TelegramEmulator) -> None:
    impatient = make_bot(emu, timeout=0.2)
    emu.faults.add("sendMessage", "timeout", hold=30, apply=True)
    with pytest.raises(TelegramNetworkError, match="timeout"):
        await impatient.send_message(ANA, "terkirim, jawaban hilang")
    await impatient.session.close()
    assert [m["text"] for m in emu.sent_messages(ANA)] == ["terkirim, jawaban hilang"]


async def test_html_502_like_nginx(emu: TelegramEmulator, bot: Bot) -> None:
    emu.faults.add("sendMessage", "502html")
    with pytest.raises(Exception, match="Failed to decode"):
        await bot.send_message(ANA, "x")
    assert emu.sent_messages(ANA) == []


async def test_getupdates_conflict_through_aiogram(emu: TelegramEmulator, bot: Bot) -> None:
    emu.webhook_url = "https://example.org/hook"
    with pytest.raises(TelegramConflictError):
        await bot.get_updates()


def test_update_ids_go_on_increasing_from_one_emulator_to_the_next() -> None:
    # As on Telegram, where a bot restarted on the same database must not see its new updates as already handled.
    def update_ids(emulator: TelegramEmulator, *texts: str) -> list[int]:
        user = emulator.add_user(ANA, "Ana")
        ids = []
        for text in texts:
            emulator.send_text(user, text)
            assert emulator.last_update is not None
            ids.append(emulator.last_update["update_id"])
        return ids

    earlier = update_ids(TelegramEmulator(token=TOKEN, spec=SPEC), "satu", "dua", "tiga")
    assert earlier == [earlier[0], earlier[0] + 1, earlier[0] + 2]
    assert update_ids(TelegramEmulator(token=TOKEN, spec=SPEC), "empat")[0] > earlier[-1]
    assert update_ids(TelegramEmulator(token=TOKEN, spec=SPEC, first_update_id=1), "lima") == [1]
