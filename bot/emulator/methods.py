"""The method table: the Bot API methods the emulator implements, one ``_m_<lowercase name>`` each, taking the
request's checked parameters and returning the result Telegram would (or raising its error). A method the spec
knows and this table does not is answered ``True`` and flagged ``unimplemented`` in the call's record;
``getUpdates`` is served by the HTTP side (server.py), which parks the long poll."""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

from bot.emulator.bot_side import BotSide
from bot.emulator.formatting import parse_text
from bot.emulator.models import (
    ApiError,
    BotDelete,
    CallbackAnswer,
)
from bot.emulator.webhooks import WebhookDelivery
from bot.emulator.world import describe

DOWNLOAD_LIMIT = 20 * 1024 * 1024
"""Telegram's getFile limit for bots (the cloud Bot API; a self-hosted server lifts it)."""
_CONTENT_KEYS = (
    "text",
    "entities",
    "link_preview_options",
    "photo",
    "document",
    "voice",
    "video",
    "audio",
    "sticker",
    "location",
    "contact",
    "poll",
    "caption",
    "caption_entities",
    "has_media_spoiler",
)
_MEDIA_KINDS = ("photo", "document", "voice", "video", "audio", "sticker")


class MethodTable(BotSide):
    # ==== methods (name: _m_<lowercase method>) ==============================================================
    def _m_getme(self, p: dict) -> dict:
        return {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _m_setwebhook(self, p: dict) -> bool:
        """From now on every update is POSTed to ``url`` (bot.emulator.webhooks), getUpdates is refused."""
        self._stop_webhook()
        if p.get("drop_pending_updates"):
            self._queue.clear()
            self._redeliver.clear()
        if p.get("allowed_updates") is not None:
            self._allowed = set(p["allowed_updates"]) or None
        self.webhook_url = p["url"]
        self.webhook = WebhookDelivery(
            self._pending_list,
            self._delivered,
            url=p["url"],
            secret=p.get("secret_token"),
            max_connections=p.get("max_connections") or 40,
        )
        self.webhook.start()
        self._notify()  # a long poll still parked ends (409), as Telegram does
        return True

    def _m_deletewebhook(self, p: dict) -> bool:
        self._stop_webhook()
        self.webhook_url = ""
        if p.get("drop_pending_updates"):
            self._queue.clear()
            self._redeliver.clear()
        return True

    def _stop_webhook(self) -> None:
        if self.webhook is not None:
            delivery, self.webhook = self.webhook, None
            task = asyncio.get_running_loop().create_task(delivery.stop())
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    def _m_getwebhookinfo(self, p: dict) -> dict:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": self.pending_updates}

    def _m_setmycommands(self, p: dict) -> bool:
        key = (json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code") or "")
        self.commands[key] = copy.deepcopy(p["commands"])
        return True

    def _m_getmycommands(self, p: dict) -> list[dict]:
        key = (json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code") or "")
        return copy.deepcopy(self.commands.get(key, []))

    def _m_deletemycommands(self, p: dict) -> bool:
        key = (json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code") or "")
        self.commands.pop(key, None)
        return True

    def _m_setchatmenubutton(self, p: dict) -> bool:
        chat_id = p.get("chat_id")
        if chat_id is not None:
            self._find_chat(chat_id)
        self.menu_buttons[chat_id] = copy.deepcopy(p.get("menu_button") or {"type": "default"})
        return True

    def _m_getchatmenubutton(self, p: dict) -> dict:
        button = self.menu_buttons.get(p.get("chat_id")) or self.menu_buttons.get(None) or {"type": "commands"}
        return copy.deepcopy(button)

    def _m_sendchataction(self, p: dict) -> bool:
        self._target_chat(p["chat_id"])
        return True

    def _m_sendmessage(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        parsed = parse_text(p["text"], p.get("parse_mode"), p.get("entities"))
        content: dict[str, Any] = {"text": parsed.text}
        if parsed.entities:
            content["entities"] = parsed.entities
        if p.get("link_preview_options"):
            content["link_preview_options"] = copy.deepcopy(p["link_preview_options"])
        return self._bot_send(chat, content, p)

    def _m_sendphoto(self, p: dict) -> dict:
        return self._send_media(p, "photo")

    def _m_senddocument(self, p: dict) -> dict:
        return self._send_media(p, "document")

    def _m_sendvoice(self, p: dict) -> dict:
        return self._send_media(p, "voice")

    def _m_sendvideo(self, p: dict) -> dict:
        return self._send_media(p, "video")

    def _m_sendaudio(self, p: dict) -> dict:
        return self._send_media(p, "audio")

    def _m_sendsticker(self, p: dict) -> dict:
        return self._send_media(p, "sticker")

    def _m_sendmediagroup(self, p: dict) -> list[dict]:
        chat = self._target_chat(p["chat_id"])
        kinds = {item["type"] for item in p["media"]}
        for special in ("document", "audio"):
            if special in kinds and len(kinds) > 1:
                raise ApiError(400, f"Bad Request: {special} can't be mixed with other media types")
        prepared = []
        for item in p["media"]:
            f = self._bot_file(item["media"], item["type"])
            content: dict[str, Any] = {item["type"]: self._media_object(f, item)}
            self._caption(item, content)
            prepared.append(content)
        group_id = str(13_000_000_000_000_000 + next(self._ids))
        return [self._bot_send(chat, content, p, media_group_id=group_id) for content in prepared]

    def _m_sendlocation(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        location = {"latitude": float(p["latitude"]), "longitude": float(p["longitude"])}
        if p.get("horizontal_accuracy"):
            location["horizontal_accuracy"] = p["horizontal_accuracy"]
        return self._bot_send(chat, {"location": location}, p)

    def _m_sendcontact(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        contact = {k: p[k] for k in ("phone_number", "first_name", "last_name", "vcard") if p.get(k)}
        return self._bot_send(chat, {"contact": contact}, p)

    def _m_copymessage(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        src = self._source_message(p, "copy")
        content = {k: copy.deepcopy(src.data[k]) for k in _CONTENT_KEYS if k in src.data}
        if not content:
            raise ApiError(400, "Bad Request: message can't be copied")
        if "caption" in p:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            self._caption(p, content)
        message = self._bot_send(chat, content, p)
        return {"message_id": message["message_id"]}

    def _m_forwardmessage(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        src = self._source_message(p, "forward")
        content = {k: copy.deepcopy(src.data[k]) for k in _CONTENT_KEYS if k in src.data}
        if not content:
            raise ApiError(400, "Bad Request: message can't be forwarded")
        sender = src.data.get("from") or self._bot_user()
        content["forward_origin"] = {"type": "user", "sender_user": copy.deepcopy(sender), "date": src.date}
        return self._bot_send(chat, content, {k: v for k, v in p.items() if k != "reply_markup"})

    def _m_editmessagetext(self, p: dict) -> dict:
        chat, stored = self._stored_for_edit(p)
        if "text" not in stored.data:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        parsed = parse_text(p["text"], p.get("parse_mode"), p.get("entities"))
        new = copy.deepcopy(stored.data)
        new["text"] = parsed.text
        new.pop("entities", None)
        if parsed.entities:
            new["entities"] = parsed.entities
        if p.get("link_preview_options"):
            new["link_preview_options"] = copy.deepcopy(p["link_preview_options"])
        return self._apply_edit(chat, stored, new, p, "text")

    def _m_editmessagecaption(self, p: dict) -> dict:
        chat, stored = self._stored_for_edit(p)
        if not any(k in stored.data for k in _MEDIA_KINDS):
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        new = copy.deepcopy(stored.data)
        new.pop("caption", None)
        new.pop("caption_entities", None)
        self._caption(p, new)
        return self._apply_edit(chat, stored, new, p, "caption")

    def _m_editmessagereplymarkup(self, p: dict) -> dict:
        chat, stored = self._stored_for_edit(p)
        return self._apply_edit(chat, stored, copy.deepcopy(stored.data), p, "reply_markup")

    def _m_deletemessage(self, p: dict) -> bool:
        chat = self._find_chat(p["chat_id"])
        stored = chat.messages.get(p["message_id"])
        if stored is None or stored.deleted:
            raise ApiError(400, "Bad Request: message to delete not found")
        if not self._deletable(chat, stored):
            raise ApiError(400, "Bad Request: message can't be deleted")
        stored.deleted = True
        self._emit(BotDelete(chat.id, (stored.message_id,)))
        return True

    def _m_deletemessages(self, p: dict) -> bool:
        """Missing messages are skipped; messages that can't be deleted (older than 48 hours, or not the bot's
        in a group where it isn't admin) are skipped too; if nothing at all was deleted the call fails."""
        chat = self._find_chat(p["chat_id"])
        deleted: list[int] = []
        refused = 0
        for mid in dict.fromkeys(p["message_ids"]):
            stored = chat.messages.get(mid)
            if stored is None or stored.deleted:
                continue
            if not self._deletable(chat, stored):
                refused += 1
                continue
            stored.deleted = True
            deleted.append(mid)
        if not deleted:
            if refused:
                raise ApiError(400, "Bad Request: message can't be deleted")
            raise ApiError(400, "Bad Request: message to delete not found")
        self._emit(BotDelete(chat.id, tuple(deleted)))
        return True

    def _m_answercallbackquery(self, p: dict) -> bool:
        entry = self.callback_queries.get(p["callback_query_id"])
        if entry is None or entry["answered"]:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        entry["answered"] = True
        entry["answer"] = describe(dict(p))
        message = entry["query"].get("message")
        self._emit(
            CallbackAnswer(
                p["callback_query_id"],
                message["chat"]["id"] if message else None,
                p.get("text"),
                bool(p.get("show_alert")),
                p.get("url"),
            )
        )
        return True

    def _m_getfile(self, p: dict) -> dict:
        f = self.files.get(p["file_id"])
        if f is None:
            raise ApiError(400, "Bad Request: wrong file_id or the file is temporarily unavailable")
        if f.file_size > DOWNLOAD_LIMIT:
            raise ApiError(400, "Bad Request: file is too big")
        return f.to_file()

    def _m_getchat(self, p: dict) -> dict:
        chat = self._find_chat(p["chat_id"])
        base = chat.to_api()
        base.update({"accent_color_id": 0, "max_reaction_count": 11})
        return self._fill_required("ChatFullInfo", base)

    def _m_getchatmember(self, p: dict) -> dict:
        chat = self._find_chat(p["chat_id"])
        user_id = p["user_id"]
        if user_id == self.bot_id:
            user = self._bot_user()
            status = "member" if chat.is_private else chat.bot_status
        elif user_id in self.users:
            user = self.users[user_id].to_api()
            if chat.is_private:
                status = "member" if user_id == chat.id else "left"
            else:
                status = chat.members.get(user_id, "left")
        else:
            raise ApiError(400, "Bad Request: user not found")
        base = {"status": status, "user": user}
        if status == "administrator":
            return self._fill_required(
                "ChatMemberAdministrator", {**base, "can_be_edited": False, "is_anonymous": False}, True
            )
        if status == "creator":
            return {**base, "is_anonymous": False}
        if status == "kicked":
            return {**base, "until_date": 0}
        if status == "restricted":
            return self._fill_required("ChatMemberRestricted", {**base, "until_date": 0, "is_member": True})
        return base

    def _m_leavechat(self, p: dict) -> bool:
        chat = self._find_chat(p["chat_id"])
        if chat.is_private:
            raise ApiError(400, "Bad Request: chat member status can't be changed in private chats")
        if chat.bot_status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        # (reported as a plain member: aiogram's ChatMemberAdministrator needs a field the spec lacks)
        old = {"status": "member", "user": self._bot_user()}
        chat.bot_status = "left"
        self._enqueue(
            "my_chat_member",
            {
                "chat": chat.to_api(),
                "from": self._bot_user(),
                "date": self.clock.timestamp(),
                "old_chat_member": old,
                "new_chat_member": {"status": "left", "user": self._bot_user()},
            },
        )
        return True
