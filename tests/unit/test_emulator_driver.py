"""A tiny aiogram bot polling the emulator: ChatDriver round trips and the console transcript."""

from __future__ import annotations

import html
import io
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, TelegramObject

from bot.emulator import BotApiSpec, ChatDriver, TelegramEmulator, make_bot, polling, run_interactive, run_script

TOKEN = "123456:TEST-token"
REPORTER = 1001
STAFF = 2002
GROUP = -1001234
SPEC = BotApiSpec.load()


class Busy:
    """In-flight handler counter, the kind of ``extra_busy`` the application passes to wait_idle."""

    def __init__(self) -> None:
        self.n = 0
        self.update_ids: list[int] = []

    def __call__(self) -> bool:
        return self.n > 0

    async def middleware(
        self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: Any, data: dict[str, Any]
    ) -> Any:
        self.n += 1
        self.update_ids.append(event.update_id)
        try:
            return await handler(event, data)
        finally:
            self.n -= 1


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def build_dispatcher(busy: Busy) -> Dispatcher:
    dp = Dispatcher()
    dp.update.outer_middleware(busy.middleware)

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(
            "Selamat datang, <b>teman</b>!\nPilih bahasa:",
            parse_mode="HTML",
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[
                    [button("Bahasa Indonesia", "lang:id"), button("English", "lang:en")],
                    [button("Tetun", "lang:tet")],
                ]
            ),
        )

    @dp.callback_query(F.data.startswith("lang:"))
    async def language(query: CallbackQuery) -> None:
        await query.answer()
        await query.message.edit_text(f"Bahasa: {query.data.split(':')[1]}")

    @dp.callback_query(F.data == "claim")
    async def claim(query: CallbackQuery) -> None:
        await query.answer("Diklaim", show_alert=True)
        await query.message.edit_reply_markup(reply_markup=None)

    @dp.message(Command("alert"))
    async def alert(message: Message, bot: Bot) -> None:
        await bot.send_message(
            GROUP,
            "Laporan baru TPPO-2026-00001\nPrioritas: tinggi",
            reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button("Klaim", "claim")]]),
        )
        await bot.send_message(REPORTER, "Laporan Anda sedang ditinjau.")
        await message.answer("Terkirim.")

    @dp.message(Command("hapus"))
    async def delete(message: Message, bot: Bot) -> None:
        await bot.delete_messages(message.chat.id, [message.message_id - 1, message.message_id])

    @dp.message(F.photo)
    async def photo(message: Message, bot: Bot) -> None:
        try:
            data = await bot.download(message.photo[-1])
        except TelegramBadRequest:
            await message.answer("Foto terlalu besar.")
            return
        caption = html.escape(message.caption or "")
        await message.answer(f"Foto diterima ({len(data.read())} byte). {caption}", parse_mode="HTML")

    @dp.message(F.location)
    async def location(message: Message) -> None:
        await message.answer(f"Lokasi: {message.location.latitude:.2f}, {message.location.longitude:.2f}")

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"Anda menulis: <i>{html.escape(message.text)}</i>", parse_mode="HTML")

    return dp


@pytest.fixture
async def world():
    emulator = TelegramEmulator(token=TOKEN, spec=SPEC)
    await emulator.start()
    reporter = emulator.add_user(REPORTER, "Ana")
    staff = emulator.add_user(STAFF, "Staf", language_code="en")
    emulator.add_group(GROUP, "staff-group", members=[staff])
    bot = make_bot(emulator)
    busy = Busy()
    async with polling(build_dispatcher(busy), bot, emulator):
        yield emulator, reporter, staff, busy
    await bot.session.close()
    await emulator.stop()
    assert emulator.violations == []


async def test_say_press_by_label_and_index(world) -> None:
    emulator, reporter, _, busy = world
    driver = ChatDriver(emulator, reporter, extra_busy=busy)
    reply = await driver.say("/start")
    assert reply.texts == ["Selamat datang, teman!\nPilih bahasa:"]
    assert reply.buttons == ["Bahasa Indonesia", "English", "Tetun"]
    assert driver.last_buttons() == ["Bahasa Indonesia", "English", "Tetun"]
    reply = await driver.press("engl")
    assert reply.edits[0]["text"] == "Bahasa: en"
    assert driver.last_text() == "Bahasa: en"
    assert driver.last_buttons() == []
    await driver.say("/start")
    reply = await driver.press(3)
    assert reply.text == "Bahasa: tet"
    with pytest.raises(AssertionError, match="no bot message with inline buttons"):
        await driver.press("Tetun")
    await driver.say("/start")
    with pytest.raises(AssertionError, match=r"available buttons: \['Bahasa Indonesia', 'English', 'Tetun'\]"):
        await driver.press("Français")
    reply = await driver.say("Tom & <Jerry>")
    assert reply.text == "Anda menulis: Tom & <Jerry>"
    assert reply.messages[0]["entities"] == [{"type": "italic", "offset": 14, "length": 13}]


async def test_photo_upload_and_download_by_the_bot(world) -> None:
    emulator, reporter, _, busy = world
    driver = ChatDriver(emulator, reporter, extra_busy=busy)
    reply = await driver.photo(b"\xff\xd8" + b"x" * 998, caption="<bukti>")
    assert reply.text == "Foto diterima (1000 byte). <bukti>"
    assert [c.method for c in emulator.calls if c.method in ("getFile", "sendMessage")] == ["getFile", "sendMessage"]
    reply = await driver.photo(b"\xff\xd8", declared_size=25_000_000)
    assert reply.text == "Foto terlalu besar."
    reply = await driver.location(-10.1772, 123.607)
    assert reply.text == "Lokasi: -10.18, 123.61"


async def test_duplicate_update_reaches_the_bot_twice(world) -> None:
    emulator, reporter, _, busy = world
    driver = ChatDriver(emulator, reporter, extra_busy=busy)
    await driver.say("halo")
    emulator.duplicate_last_update()
    reply = await driver.settle()
    assert reply.texts == ["Anda menulis: halo"]
    assert busy.update_ids[-1] == busy.update_ids[-2]


async def test_group_alert_and_events_in_other_chats(world) -> None:
    emulator, _, staff, busy = world
    driver = ChatDriver(emulator, staff, extra_busy=busy)
    reply = await driver.say("/alert")
    assert reply.in_chat(GROUP).texts == ["Laporan baru TPPO-2026-00001\nPrioritas: tinggi"]
    assert reply.in_chat(REPORTER).texts == ["Laporan Anda sedang ditinjau."]
    assert reply.in_chat(STAFF).texts == ["Terkirim."]
    reply = await driver.press("klaim", chat_id=GROUP)
    assert reply.answers[0].text == "Diklaim" and reply.answers[0].show_alert
    assert emulator.last_bot_message(GROUP).inline_keyboard == []


SCRIPT = """\
# a comment, then a blank line

/start
!press english
Tom & <Jerry>
!press 9
/start
!press 9
!press tetun
!as staff
/alert
!press klaim
!as nobody
!as reporter
!photo /no/such/file.jpg
!location -10.17 123.6
hapus ini
/hapus
!wait 60
"""

EXPECTED = """\
you> /start
bot> Selamat datang, teman!
     Pilih bahasa:
     [1] Bahasa Indonesia  [2] English  [3] Tetun
you> [press] English
bot(edit)> Bahasa: en
you> Tom & <Jerry>
bot> Anda menulis: Tom & <Jerry>
!! no bot message with buttons to press
you> /start
bot> Selamat datang, teman!
     Pilih bahasa:
     [1] Bahasa Indonesia  [2] English  [3] Tetun
!! no button matches '9'; buttons: [1] Bahasa Indonesia  [2] English  [3] Tetun
you> [press] Tetun
bot(edit)> Bahasa: tet
-- you are now staff --
you> /alert
bot[staff-group]> Laporan baru TPPO-2026-00001
     Prioritas: tinggi
     [1] Klaim
bot[reporter]> Laporan Anda sedang ditinjau.
bot> Terkirim.
you> [press] Klaim
bot[staff-group](alert)> Diklaim
bot[staff-group](edit)> (buttons removed)
!! no persona 'nobody'; personas: reporter, staff
-- you are now reporter --
!! no such file: /no/such/file.jpg
you> [location -10.17, 123.6]
bot> Lokasi: -10.17, 123.60
you> hapus ini
bot> Anda menulis: hapus ini
you> /hapus
bot(deleted) 2 messages
-- 60 seconds later --
"""


async def test_console_script_transcript(world) -> None:
    emulator, reporter, staff, busy = world
    out = io.StringIO()
    before = emulator.clock.now()
    await run_script(
        emulator,
        SCRIPT.splitlines(),
        out,
        {"reporter": reporter, "staff": staff},
        start_persona="reporter",
        extra_busy=busy,
    )
    assert out.getvalue() == EXPECTED
    assert emulator.clock.now() - before >= 60


async def test_interactive_mode_with_piped_input(world) -> None:
    emulator, reporter, staff, busy = world
    out = io.StringIO()
    await run_interactive(
        emulator,
        {"reporter": reporter, "staff": staff},
        start_persona="reporter",
        extra_busy=busy,
        inp=io.StringIO("/start\n!press 2\n"),
        out=out,
    )
    assert out.getvalue() == (
        "you> /start\n"
        "bot> Selamat datang, teman!\n"
        "     Pilih bahasa:\n"
        "     [1] Bahasa Indonesia  [2] English  [3] Tetun\n"
        "you> [press] English\n"
        "bot(edit)> Bahasa: en\n"
    )
