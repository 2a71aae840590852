"""The emulator's Bot API contract: request validation, Telegram's HTML, produced Updates valid per the spec."""

from __future__ import annotations

import pytest

from bot.emulator import BotApiSpec, TelegramEmulator
from bot.emulator.formatting import EntityParseError, parse_text

TOKEN = "123456:TEST-token"


@pytest.fixture(scope="module")
def spec() -> BotApiSpec:
    return BotApiSpec.load()


def kb(*buttons: dict) -> dict:
    return {"inline_keyboard": [list(buttons)]}


def test_spec_loads_and_methods_are_case_insensitive(spec: BotApiSpec) -> None:
    assert spec.canonical_method("sendmessage") == "sendMessage"
    assert spec.canonical_method("SENDMESSAGE") == "sendMessage"
    assert spec.canonical_method("sendMessages") is None
    assert "chat_id" in spec.method_fields("sendMessage")


def test_valid_call_has_no_problems(spec: BotApiSpec) -> None:
    params = {
        "chat_id": 1,
        "text": "<b>Halo</b> &amp; selamat",
        "parse_mode": "HTML",
        "reply_markup": kb({"text": "Ya", "callback_data": "yes"}, {"text": "Web", "url": "https://example.org"}),
        "link_preview_options": {"is_disabled": True},
        "protect_content": True,
    }
    assert spec.validate("sendMessage", params) == []


@pytest.mark.parametrize(
    ("method", "params", "expected"),
    [
        ("sendMesage", {"chat_id": 1, "text": "x"}, "Not Found: method not found"),
        ("sendMessage", {"text": "x"}, "Bad Request: chat_id is empty"),
        ("sendMessage", {"chat_id": 1}, "Bad Request: message text is empty"),
        ("sendMessage", {"chat_id": 1, "text": "x", "disable_web_page_preview": True}, "unknown parameter"),
        ("sendMessage", {"chat_id": 1, "text": "x" * 4097}, "Bad Request: message is too long"),
        ("sendMessage", {"chat_id": 1, "text": "   "}, "Bad Request: message text is empty"),
        ("sendMessage", {"chat_id": 1, "text": "a < b", "parse_mode": "HTML"}, "can't parse entities"),
        ("sendMessage", {"chat_id": 1, "text": "Tom & Jerry", "parse_mode": "HTML"}, "can't parse entities"),
        ("sendMessage", {"chat_id": 1, "text": "<b>x</i>", "parse_mode": "HTML"}, "Unmatched end tag"),
        ("sendMessage", {"chat_id": 1, "text": "<br>", "parse_mode": "HTML"}, 'Unsupported start tag "br"'),
        ("sendMessage", {"chat_id": 1, "text": "x", "parse_mode": "XML"}, "unsupported parse_mode"),
        ("sendMessage", {"chat_id": 1, "text": "1.5", "parse_mode": "MarkdownV2"}, "is reserved"),
        ("sendMessage", {"chat_id": "x", "text": True}, 'field "text" must be a String'),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": kb({"text": "A", "callback_data": "x" * 65})},
            "BUTTON_DATA_INVALID",
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": kb({"text": "A", "callback_data": "é" * 33})},
            "BUTTON_DATA_INVALID",
        ),
        ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": kb({"text": "A"})}, "Text buttons are unallowed"),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": kb({"text": "A", "callback_data": "a", "url": "https://x"})},
            "exactly one",
        ),
        ("sendPhoto", {"chat_id": 1, "photo": "AgAC", "caption": "c" * 1025}, "caption is too long"),
        ("answerCallbackQuery", {"callback_query_id": "1", "text": "t" * 201}, "MESSAGE_TOO_LONG"),
        ("sendChatAction", {"chat_id": 1, "action": "dancing"}, "wrong parameter action"),
        ("setMyCommands", {"commands": [{"command": "Start", "description": "x"}]}, "BOT_COMMAND_INVALID"),
        ("deleteMessages", {"chat_id": 1, "message_ids": []}, "1-100"),
    ],
)
def test_invalid_calls_are_refused(spec: BotApiSpec, method: str, params: dict, expected: str) -> None:
    problems = spec.validate(method, params)
    assert problems, f"{method} {params} should be refused"
    assert any(expected in p for p in problems), problems


def test_64_byte_callback_data_is_fine(spec: BotApiSpec) -> None:
    params = {"chat_id": 1, "text": "x", "reply_markup": kb({"text": "A", "callback_data": "x" * 64})}
    assert spec.validate("sendMessage", params) == []


def test_reply_keyboards_and_removal_validate(spec: BotApiSpec) -> None:
    reply_kb = {"keyboard": [[{"text": "Kirim lokasi", "request_location": True}], ["Batal"]], "resize_keyboard": True}
    assert spec.validate("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": reply_kb}) == []
    remove = {"remove_keyboard": True}
    assert spec.validate("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": remove}) == []
    force = {"force_reply": True, "input_field_placeholder": "Nama"}
    assert spec.validate("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": force}) == []
    bad = {"keyboard": [[{"text": ""}]]}
    assert any(
        "BUTTON_TEXT_INVALID" in p
        for p in spec.validate("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": bad})
    )


def test_media_group_allows_mixed_photo_and_video(spec: BotApiSpec) -> None:
    media = [{"type": "photo", "media": "AgAC1"}, {"type": "video", "media": "BAAC1", "caption": "v"}]
    assert spec.validate("sendMediaGroup", {"chat_id": 1, "media": media}) == []
    assert spec.validate("sendMediaGroup", {"chat_id": 1, "media": media[:1]})


def test_html_length_counts_text_without_tags(spec: BotApiSpec) -> None:
    # 4096 visible characters wrapped in tags and with entities is still fine ...
    text = "<b>" + "a" * 4000 + "</b>" + "&amp;" * 96
    assert spec.validate("sendMessage", {"chat_id": 1, "text": text, "parse_mode": "HTML"}) == []
    # ... one more visible character is not.
    problems = spec.validate("sendMessage", {"chat_id": 1, "text": text + "b", "parse_mode": "HTML"})
    assert any("message is too long" in p for p in problems)


def test_html_parsing_gives_plain_text_and_utf16_entities() -> None:
    parsed = parse_text(
        '😀 <b>tebal <i>miring</i></b> <a href="https://x.org/?a=1&amp;b=2">tautan</a> &lt;3 &#128512; '
        '<span class="tg-spoiler">rahasia</span> <pre><code class="language-python">x = 1</code></pre>'
        " <blockquote expandable>kutipan</blockquote>",
        "HTML",
    )
    assert parsed.text == "😀 tebal miring tautan <3 😀 rahasia x = 1 kutipan"
    by_type = {e["type"]: e for e in parsed.entities}
    assert by_type["bold"] == {"type": "bold", "offset": 3, "length": 12}  # 😀 is two UTF-16 units
    assert by_type["italic"] == {"type": "italic", "offset": 9, "length": 6}
    assert by_type["text_link"]["url"] == "https://x.org/?a=1&b=2"
    assert by_type["spoiler"]["length"] == len("rahasia")
    assert by_type["pre"]["language"] == "python"
    assert by_type["expandable_blockquote"]["length"] == len("kutipan")


@pytest.mark.parametrize(
    "text",
    [
        "<b>unclosed",
        "</b>",
        "<b><i>x</b></i>",
        "<span>x</span>",
        "<script>x</script>",
        "a &nbsp; b",
        "5 < 6",
        "<b",
        '<a href="x>y</a>',
    ],
)
def test_bad_html_is_refused(text: str) -> None:
    with pytest.raises(EntityParseError):
        parse_text(text, "HTML")


def test_markdown_v2() -> None:
    parsed = parse_text(
        r"*tebal* _miring_ __garis__ ~coret~ ||rahasia|| `kode` [tautan](https://x.org) 1\.5\!", "MarkdownV2"
    )
    assert parsed.text == "tebal miring garis coret rahasia kode tautan 1.5!"
    assert [e["type"] for e in parsed.entities] == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "text_link",
    ]
    with pytest.raises(EntityParseError):
        parse_text("*unclosed", "MarkdownV2")


async def test_every_produced_update_is_valid(spec: BotApiSpec) -> None:
    emu = TelegramEmulator(token=TOKEN, spec=spec, check_updates=False)
    ana = emu.add_user(1001, "Ana", username="ana_k", last_name="K")
    staff = emu.add_user(2002, "Staf", language_code="en")
    emu.add_group(-100500, "staff-group", members=[staff])
    # A bot message with buttons, so a press has something to press.
    emu._m_sendmessage({"chat_id": 1001, "text": "Pilih", "reply_markup": kb({"text": "Ya", "callback_data": "y"})})
    first = emu.send_text(ana, "/start")
    emu.send_text(ana, "halo", reply_to=first)
    emu.send_edited_text(ana, first, "/start lagi")
    emu.press(ana, emu.last_bot_message(1001, with_buttons=True), label="ya")
    emu.send_photo(ana, b"jpeg", caption="foto")
    emu.send_document(ana, b"%PDF", file_name="a.pdf", mime_type="application/pdf", caption="dok")
    emu.send_voice(ana, b"OggS")
    emu.send_video(ana, b"mp4", caption="vid")
    emu.send_audio(ana, b"mp3")
    emu.send_location(ana, -10.1772, 123.607)
    emu.send_contact(ana, "+6281234567890", "Ana", user_id=ana.id)
    emu.send_sticker(ana)
    emu.send_poll(ana, "Kapan?", ["Besok", "Lusa"])
    emu.send_text(staff, "/claim@tipline_demo_bot 42", chat_id=-100500)
    emu._m_leavechat({"chat_id": -100500})
    updates = emu._queue
    assert len(updates) == 15
    for update in updates:
        assert spec.validate_object("Update", update) == [], update
    # and the validator does notice a broken one
    broken = {"update_id": 1, "message": {"message_id": 1, "chat": {"id": 1}, "date": 0, "bogus": 1}}
    problems = spec.validate_object("Update", broken)
    assert any("message.chat.type" in p for p in problems)
    assert any("bogus" in p for p in problems)


def test_explicit_entities_win_over_parse_mode_and_are_checked(spec: BotApiSpec) -> None:
    entities = [{"type": "bold", "offset": 0, "length": 3}]
    params = {"chat_id": 1, "text": "a < b", "parse_mode": "HTML", "entities": entities}
    assert spec.validate("sendMessage", params) == []
    assert parse_text("a < b", "HTML", entities).text == "a < b"
    too_far = {"chat_id": 1, "text": "abc", "entities": [{"type": "bold", "offset": 1, "length": 5}]}
    assert any("after the end" in p for p in spec.validate("sendMessage", too_far))


# ---- the committed extract ----------------------------------------------------------------------------------------
FULL_SAMPLE = {
    "version": "Bot API 9.9",
    "release_date": "May 1, 2026",
    "changelog": "https://core.telegram.org/bots/api#may-1-2026",
    "methods": {
        "getChatMember": {
            "name": "getChatMember",
            "href": "https://core.telegram.org/bots/api#getchatmember",
            "description": ["Use this method to get information about a member of a chat."],
            "returns": ["ChatMember"],
            "fields": [
                {"name": "chat_id", "types": ["Integer", "String"], "required": True, "description": "Unique id"},
                {"name": "user_id", "types": ["Integer"], "required": True, "description": "Unique id of the user"},
            ],
        },
    },
    "types": {
        "ChatMember": {
            "name": "ChatMember",
            "href": "https://core.telegram.org/bots/api#chatmember",
            "description": ["One member of a chat."],
            "subtypes": ["ChatMemberOwner", "ChatMemberLeft"],
        },
        "ChatMemberOwner": {
            "name": "ChatMemberOwner",
            "description": ["The owner."],
            "fields": [
                {"name": "status", "types": ["String"], "required": True, "description": 'Status, always "creator"'},
                {"name": "is_anonymous", "types": ["Boolean"], "required": True, "description": "Hidden"},
            ],
            "subtype_of": ["ChatMember"],
        },
        "ChatMemberLeft": {
            "name": "ChatMemberLeft",
            "description": ["Left."],
            "fields": [
                {"name": "status", "types": ["String"], "required": True, "description": 'Status, always "left"'},
            ],
            "subtype_of": ["ChatMember"],
        },
    },
}


def test_the_committed_extract_is_loaded_by_default_and_holds_facts_only(monkeypatch) -> None:
    import json

    from bot.emulator.spec import default_spec_path, facts_only
    from bot.paths import BOT_API_SPEC, PROJECT_ROOT

    monkeypatch.delenv("TELEGRAM_SPEC_PATH", raising=False)
    path = default_spec_path()
    assert path == BOT_API_SPEC and path.is_relative_to(PROJECT_ROOT)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert set(raw) == {"version", "release_date", "changelog", "methods", "types"}
    assert raw["version"].startswith("Bot API ")
    entries = [*raw["methods"].values(), *raw["types"].values()]
    assert all(set(e) <= {"returns", "fields", "subtypes", "subtype_of"} for e in entries)
    assert all(set(f) <= {"name", "types", "required", "value"} for e in entries for f in e.get("fields", []))
    assert facts_only(raw) == raw  # the extract is exactly what the script writes
    assert (path.parent / "LICENSE").read_text().startswith("MIT License")
    assert "telegram-bot-api-spec" in (path.parent / "README.md").read_text()


def _extract_script():
    import importlib.util

    from bot.paths import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location("bot_api_extract", PROJECT_ROOT / "scripts" / "bot_api_extract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_full_specification_reduces_to_the_facts_the_emulator_uses(tmp_path, capsys) -> None:
    import json

    script = _extract_script()
    full = tmp_path / "api.json"
    full.write_text(json.dumps(FULL_SAMPLE))
    out = tmp_path / "extract.json"
    assert script.main([str(full), "--out", str(out)]) == 0
    text = out.read_text()
    assert "description" not in text and "href" not in text and "One member" not in text
    extract = json.loads(text)
    assert extract["methods"]["getChatMember"] == {
        "returns": ["ChatMember"],
        "fields": [
            {"name": "chat_id", "types": ["Integer", "String"], "required": True},
            {"name": "user_id", "types": ["Integer"], "required": True},
        ],
    }
    assert extract["types"]["ChatMemberOwner"]["fields"][0] == {
        "name": "status",
        "types": ["String"],
        "required": True,
        "value": "creator",
    }
    check = [str(full), "--out", str(out), "--check"]
    assert script.main(check) == 0
    out.write_text(text.replace("creator", "owner"))
    assert script.main(check) == 1
    assert "differs" in capsys.readouterr().err

    # the extract and the full file validate alike: the fixed value picks the subtype
    out.write_text(text)
    for path in (full, out):
        spec = BotApiSpec.load(path)
        assert spec.validate("getChatMember", {"chat_id": 1, "user_id": 2}) == []
        assert spec.validate_object("ChatMember", {"status": "left"}) == []
        assert spec.validate_object("ChatMember", {"status": "creator"}) == [
            'field "ChatMember.is_anonymous" is required in ChatMemberOwner'
        ]


def test_subtypes_of_the_real_specification_are_told_apart(spec: BotApiSpec) -> None:
    owner = {"status": "creator", "user": {"id": 1, "is_bot": False, "first_name": "A"}}
    assert spec.validate_object("ChatMember", owner) == [
        'field "ChatMember.is_anonymous" is required in ChatMemberOwner'
    ]
    origin = {"type": "hidden_user", "date": 0, "sender_user_name": "X"}
    assert spec.validate_object("MessageOrigin", origin) == []
    assert spec.validate_object("MessageOrigin", {"type": "hidden_user", "date": 0}) == [
        'field "MessageOrigin.sender_user_name" is required in MessageOriginHiddenUser'
    ]
