"""Transcript rendering of emulator events (no server needed)."""

from __future__ import annotations

from bot.emulator import BotDelete, BotEdit, BotMessage, CallbackAnswer, TelegramEmulator, TranscriptRenderer
from bot.emulator.transcript import message_display_text

TOKEN = "123456:TEST-token"


def make() -> tuple[TelegramEmulator, TranscriptRenderer]:
    emu = TelegramEmulator(token=TOKEN)
    reporter = emu.add_user(1001, "Ana")
    staff = emu.add_user(2002, "Staf")
    emu.add_group(-100, "staff-group", members=[staff])
    return emu, TranscriptRenderer(emu, {"reporter": reporter, "staff": staff}, current=reporter)


def msg(chat_id: int, **content) -> dict:
    return {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": "private"}, **content}


def test_media_and_keyboards() -> None:
    _, r = make()
    photo = msg(1001, photo=[{"file_id": "a", "file_unique_id": "b", "width": 1, "height": 1}], caption="bukti")
    assert r.render(BotMessage(1001, photo)) == ["bot> [photo] bukti"]
    doc = msg(1001, document={"file_id": "a", "file_unique_id": "b", "file_name": "laporan.csv"})
    assert r.render(BotMessage(1001, doc)) == ["bot> [document laporan.csv]"]
    voice = msg(1001, voice={"file_id": "a", "file_unique_id": "b", "duration": 4})
    assert message_display_text(voice) == "[voice 4s]"
    location = msg(1001, location={"latitude": -10.5, "longitude": 123.25})
    assert message_display_text(location) == "[location -10.5, 123.25]"
    reply_kb = {"keyboard": [[{"text": "Kirim lokasi"}, "Batal"]]}
    assert r.render(BotMessage(1001, msg(1001, text="Di mana?"), reply_kb)) == [
        "bot> Di mana?",
        "     keyboard: Kirim lokasi | Batal",
    ]
    assert r.render(BotMessage(1001, msg(1001, text="ok"), {"remove_keyboard": True})) == ["bot> ok"]


def test_other_chats_edits_deletes_and_answers() -> None:
    _, r = make()
    inline = {"inline_keyboard": [[{"text": "Klaim", "callback_data": "c"}], [{"text": "Buka", "url": "https://x"}]]}
    text = msg(-100, text="Laporan baru\n\nPrioritas: tinggi", reply_markup=inline)
    assert r.render(BotMessage(-100, text)) == [
        "bot[staff-group]> Laporan baru",
        "",
        "     Prioritas: tinggi",
        "     [1] Klaim  [2] Buka",
    ]
    assert r.render(BotMessage(2002, msg(2002, text="hai"))) == ["bot[staff]> hai"]
    assert r.render(BotEdit(1001, msg(1001, text="baru"), "text")) == ["bot(edit)> baru"]
    assert r.render(BotEdit(-100, msg(-100, text="x"), "reply_markup")) == ["bot[staff-group](edit)> (buttons removed)"]
    assert r.render(BotDelete(1001, (1, 2, 3))) == ["bot(deleted) 3 messages"]
    assert r.render(BotDelete(-100, (4,))) == ["bot[staff-group](deleted) 1 message"]
    assert r.render(CallbackAnswer("1", 1001, "Tersimpan")) == ["bot(toast)> Tersimpan"]
    assert r.render(CallbackAnswer("1", 1001, None)) == []
    r.current = r.personas["staff"]
    assert r.render(BotMessage(1001, msg(1001, text="hai"))) == ["bot[reporter]> hai"]
    assert r.render_user("dua\nbaris") == ["you> dua", "     baris"]
