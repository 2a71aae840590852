"""What the bot's calls do to the chats: a message is stored and announced, an edit is checked and applied, a
deletion is allowed or not (the 48-hour window), a reply or a copy finds its source."""

from __future__ import annotations

import copy
from typing import Any

from aiogram import types as aiogram_types

from bot.emulator.files import Files
from bot.emulator.formatting import parse_text
from bot.emulator.models import (
    ApiError,
    BotEdit,
    BotMessage,
    EmuChat,
    StoredMessage,
)
from bot.emulator.world import strip_reply

DELETE_WINDOW = 48 * 3600
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)


class BotSide(Files):
    # ==== bot side: what the bot's calls do to the chats =====================================================
    def _bot_send(self, chat: EmuChat, content: dict, p: dict, *, media_group_id: str | None = None) -> dict:
        message: dict[str, Any] = {
            "message_id": 0,
            "from": self._bot_user(),
            "chat": chat.to_api(),
            "date": self.clock.timestamp(),
        }
        reply = p.get("reply_parameters")
        if reply:
            target_chat = self._find_chat(reply.get("chat_id", chat.id))
            target = target_chat.messages.get(reply.get("message_id"))
            if target is None or target.deleted:
                if not reply.get("allow_sending_without_reply"):
                    raise ApiError(400, "Bad Request: message to be replied not found")
            else:
                message["reply_to_message"] = strip_reply(target.data)
        if media_group_id:
            message["media_group_id"] = media_group_id
        message.update(content)
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = copy.deepcopy(markup)
        if p.get("protect_content"):
            message["has_protected_content"] = True
        message["message_id"] = chat.take_message_id()
        stored = StoredMessage(message, from_bot=True, reply_markup=copy.deepcopy(markup) if markup else None)
        chat.messages[message["message_id"]] = stored
        self._emit(BotMessage(chat.id, stored.snapshot(), stored.reply_markup))
        return stored.snapshot()

    def _caption(self, p: dict, content: dict) -> None:
        if p.get("caption"):
            parsed = parse_text(p["caption"], p.get("parse_mode"), p.get("caption_entities"))
            content["caption"] = parsed.text
            if parsed.entities:
                content["caption_entities"] = parsed.entities

    def _send_media(self, p: dict, kind: str) -> dict:
        chat = self._target_chat(p["chat_id"])
        f = self._bot_file(p[kind], kind)
        content: dict[str, Any] = {kind: self._media_object(f, p)}
        self._caption(p, content)
        if p.get("has_spoiler"):
            content["has_media_spoiler"] = True
        return self._bot_send(chat, content, p)

    def _stored_for_edit(self, p: dict) -> tuple[EmuChat, StoredMessage]:
        if p.get("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID (inline messages are not emulated)")
        if p.get("chat_id") is None or p.get("message_id") is None:
            raise ApiError(400, "Bad Request: chat_id and message_id are required when inline_message_id is absent")
        chat = self._find_chat(p["chat_id"])
        stored = chat.messages.get(p["message_id"])
        if stored is None or stored.deleted:
            raise ApiError(400, "Bad Request: message to edit not found")
        if not stored.from_bot:
            raise ApiError(400, "Bad Request: message can't be edited")
        return chat, stored

    def _apply_edit(self, chat: EmuChat, stored: StoredMessage, new: dict, p: dict, kind: str) -> dict:
        markup = p.get("reply_markup")
        if markup is not None and "inline_keyboard" not in markup:
            raise ApiError(400, "Bad Request: only inline keyboards can be used when editing a message")
        if markup:
            new["reply_markup"] = copy.deepcopy(markup)
        else:
            new.pop("reply_markup", None)
        compare = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(new.get(k) == stored.data.get(k) for k in compare):
            raise ApiError(400, NOT_MODIFIED)
        stored.history.append(stored.snapshot())
        new["edit_date"] = self.clock.timestamp()
        stored.data = new
        stored.reply_markup = copy.deepcopy(markup) if markup else None
        self._emit(BotEdit(chat.id, stored.snapshot(), kind))
        return stored.snapshot()

    def _deletable(self, chat: EmuChat, stored: StoredMessage) -> bool:
        if self.clock.now() - stored.date > DELETE_WINDOW:
            return False
        if chat.is_private or stored.from_bot:
            return True
        return chat.bot_status in ("administrator", "creator")

    def _source_message(self, p: dict, what: str) -> StoredMessage:
        src_chat = self._find_chat(p["from_chat_id"])
        src = src_chat.messages.get(p["message_id"])
        if src is None or src.deleted:
            raise ApiError(400, f"Bad Request: message to {what} not found")
        if src.data.get("has_protected_content"):
            raise ApiError(400, f"Bad Request: message can't be {'forwarded' if what == 'forward' else 'copied'}")
        return src

    def _fill_required(self, type_name: str, base: dict, default_bool: bool = False) -> dict:
        """Complete ``base`` with every required field of spec type ``type_name`` (booleans -> default_bool)."""
        out = dict(base)
        for f in self.spec.required_fields(type_name):
            if f["name"] in out:
                continue
            t = f["types"][0]
            if t == "Boolean":
                out[f["name"]] = default_bool
            elif t in ("Integer", "Float"):
                out[f["name"]] = 0
            elif t == "String":
                out[f["name"]] = ""
            elif t.startswith("Array of "):
                out[f["name"]] = []
            elif t in self.spec.types:
                out[f["name"]] = self._fill_required(t, {}, default_bool)
        # aiogram's models occasionally require a field the spec file does not have yet (or no longer).
        model = getattr(aiogram_types, type_name, None)
        for name, info in getattr(model, "model_fields", {}).items():
            key = info.alias or name
            if key not in out and info.is_required():
                if info.annotation is bool:
                    out[key] = default_bool
                elif info.annotation is int:
                    out[key] = 0
                elif info.annotation is str:
                    out[key] = ""
        return out
