"""What Telegram refuses beyond the parameter types: message and caption length after parsing, entities that do not
parse, inline keyboards Telegram rejects, media groups of the wrong size, unknown chat actions, invalid commands.
:meth:`bot.emulator.spec.BotApiSpec.validate` adds these to the type checks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.emulator.formatting import EntityParseError, parse_text, utf16_len

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_CALLBACK_ANSWER = 200
CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
# Fields of InlineKeyboardButton that do not choose the button's action.
_BUTTON_NON_ACTION = {"text", "icon_custom_emoji_id", "style"}
_TEXT_METHODS = {"sendmessage", "editmessagetext"}
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_PARSE_MODES = {"html", "markdownv2", "markdown"}


def semantic_checks(method: str, params: Mapping[str, Any]) -> list[str]:
    """What Telegram refuses beyond the parameter types, each as its description: text too long or not parsable,
    a bad keyboard, a media group of the wrong size, an unknown chat action, an invalid command list."""
    problems: list[str] = []
    low = method.lower()
    parse_mode = params.get("parse_mode")
    if parse_mode is not None and (not isinstance(parse_mode, str) or parse_mode.lower() not in _PARSE_MODES):
        problems.append(f"Bad Request: unsupported parse_mode {parse_mode!r}")
        parse_mode = None
    if low in _TEXT_METHODS and isinstance(params.get("text"), str):
        problems.extend(_check_text(params["text"], parse_mode, params.get("entities"), MAX_TEXT, "message"))
    if isinstance(params.get("caption"), str):
        problems.extend(
            _check_text(params["caption"], parse_mode, params.get("caption_entities"), MAX_CAPTION, "caption")
        )
    media = params.get("media")
    items = media if isinstance(media, list) else [media] if isinstance(media, dict) else []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("caption"), str):
            mode = item.get("parse_mode")
            problems.extend(_check_text(item["caption"], mode, item.get("caption_entities"), MAX_CAPTION, "caption"))
    if low == "sendmediagroup" and isinstance(media, list) and not 2 <= len(media) <= 10:
        problems.append("Bad Request: wrong number of media in the group: must include 2-10 items")
    markup = params.get("reply_markup")
    if isinstance(markup, dict):
        problems.extend(_check_markup(markup))
    text = params.get("text")
    if low == "answercallbackquery" and isinstance(text, str) and len(text) > MAX_CALLBACK_ANSWER:
        problems.append("Bad Request: MESSAGE_TOO_LONG: callback answer text is longer than 200 characters")
    action = params.get("action")
    if low == "sendchataction" and isinstance(action, str) and action not in CHAT_ACTIONS:
        problems.append("Bad Request: wrong parameter action in request")
    if low == "setmycommands" and isinstance(params.get("commands"), list):
        commands = params["commands"]
        if len(commands) > 100:
            problems.append("Bad Request: too many commands (at most 100)")
        for cmd in commands:
            if not isinstance(cmd, dict):
                continue
            if not _COMMAND_RE.match(str(cmd.get("command", ""))):
                problems.append(f"Bad Request: BOT_COMMAND_INVALID: {cmd.get('command')!r}")
            if not 1 <= len(str(cmd.get("description", ""))) <= 256:
                problems.append(f"Bad Request: BOT_COMMAND_DESCRIPTION_INVALID for {cmd.get('command')!r}")
    ids = params.get("message_ids")
    if low == "deletemessages" and isinstance(ids, list) and not 1 <= len(ids) <= 100:
        problems.append("Bad Request: message_ids must contain 1-100 identifiers")
    return problems


def _check_text(text: str, parse_mode: Any, entities: Any, limit: int, what: str) -> list[str]:
    try:
        parsed = parse_text(
            text,
            parse_mode if isinstance(parse_mode, str) else None,
            entities if isinstance(entities, list) else None,
        )
    except EntityParseError as e:
        return [f"Bad Request: can't parse entities: {e}"]
    except ValueError:
        return []
    if isinstance(entities, list) and entities:
        size = utf16_len(text)
        for entity in entities:
            if isinstance(entity, dict) and entity.get("offset", 0) + entity.get("length", 0) > size:
                return ["Bad Request: can't parse entities: an entity ends after the end of the text"]
    if what == "message":
        if not parsed.text:
            return ["Bad Request: message text is empty"]
        if len(parsed.text) > limit:
            return [
                f"Bad Request: message is too long ({len(parsed.text)} characters after entities parsing, max {limit})"
            ]
    elif len(parsed.text) > limit:
        return [f"Bad Request: message caption is too long ({len(parsed.text)} characters, max {limit})"]
    return []


def _check_markup(markup: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    inline = markup.get("inline_keyboard")
    if isinstance(inline, list):
        for r, row in enumerate(inline):
            if not isinstance(row, list):
                continue
            for c, button in enumerate(row):
                if not isinstance(button, dict):
                    continue
                where = f"row {r + 1}, button {c + 1}"
                text = button.get("text")
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"Bad Request: BUTTON_TEXT_INVALID ({where}: empty text)")
                actions = [k for k in button if k not in _BUTTON_NON_ACTION and button[k] is not None]
                if not actions:
                    problems.append(
                        "Bad Request: can't parse inline keyboard button: "
                        f"Text buttons are unallowed in the inline keyboard ({where})"
                    )
                elif len(actions) > 1:
                    problems.append(
                        "Bad Request: can't parse inline keyboard button: exactly one of the optional fields "
                        f"must be used ({where} has {', '.join(sorted(actions))})"
                    )
                data = button.get("callback_data")
                if isinstance(data, str) and not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
                    problems.append(
                        f"Bad Request: BUTTON_DATA_INVALID ({where}: callback_data is "
                        f"{len(data.encode('utf-8'))} bytes, must be 1-64)"
                    )
                url = button.get("url")
                if isinstance(url, str) and not re.match(r"^(https?|tg)://\S+$", url):
                    problems.append(f"Bad Request: BUTTON_URL_INVALID ({where}: {url!r})")
    keyboard = markup.get("keyboard")
    if isinstance(keyboard, list):
        for r, row in enumerate(keyboard):
            if not isinstance(row, list):
                continue
            for c, button in enumerate(row):
                text = button.get("text") if isinstance(button, dict) else button
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"Bad Request: BUTTON_TEXT_INVALID (keyboard row {r + 1}, button {c + 1})")
    return problems
