"""The user side: people and groups, and what a person does (writes, edits, presses a button, sends a photo, a
voice note, a location ...), each turned into a real Update for ``getUpdates``."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

from bot.emulator.files import Files
from bot.emulator.models import (
    EmuChat,
    EmuUser,
    StoredMessage,
)
from bot.emulator.world import buttons_of, strip_reply

_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")


class UserSide(Files):
    # ==== user side ==========================================================================================
    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        language_code: str | None = "id",
        username: str | None = None,
        last_name: str | None = None,
    ) -> EmuUser:
        """Register a user and their private chat with the bot (chat id == user id)."""
        user = EmuUser(user_id, first_name, last_name, username, language_code)
        self.users[user_id] = user
        self.chats[user_id] = EmuChat(user_id, "private", user=user, members={user_id: "member"})
        return user

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        members: Iterable[EmuUser | int] = (),
        admins: Iterable[EmuUser | int] = (),
        type: str = "supergroup",
        bot_status: str = "administrator",
        username: str | None = None,
    ) -> EmuChat:
        """Register a group or supergroup (ids are negative) the bot is in (as administrator by default)."""
        if type not in ("group", "supergroup"):
            raise ValueError("type must be 'group' or 'supergroup'")
        chat = EmuChat(chat_id, type, title=title, bot_status=bot_status, username=username)
        for m in members:
            chat.members[m if isinstance(m, int) else m.id] = "member"
        for m in admins:
            chat.members[m if isinstance(m, int) else m.id] = "administrator"
        self.chats[chat_id] = chat
        return chat

    def advance_time(self, seconds: float) -> None:
        """Move the emulator's clock forward (message dates, the 48-hour delete window)."""
        self.clock.advance(seconds)

    def _user_chat(self, user: EmuUser, chat_id: int | None) -> EmuChat:
        if user.id not in self.users:
            raise KeyError(f"user {user.id} was not added to the emulator")
        chat = self.chats.get(user.id if chat_id is None else chat_id)
        if chat is None:
            raise KeyError(f"chat {chat_id} does not exist in the emulator")
        if not chat.is_private and chat.members.get(user.id) in (None, "left", "kicked"):
            chat.members[user.id] = "member"
        return chat

    def _user_message(
        self, user: EmuUser, chat_id: int | None, content: dict, reply_to: dict | int | None = None
    ) -> dict:
        chat = self._user_chat(user, chat_id)
        message: dict[str, Any] = {
            "message_id": chat.take_message_id(),
            "from": user.to_api(),
            "chat": chat.to_api(),
            "date": self.clock.timestamp(),
        }
        if reply_to is not None:
            rid = reply_to if isinstance(reply_to, int) else reply_to["message_id"]
            target = chat.messages.get(rid)
            if target is None:
                raise KeyError(f"message {rid} not found in chat {chat.id}")
            message["reply_to_message"] = strip_reply(target.data)
        message.update(content)
        chat.messages[message["message_id"]] = StoredMessage(message, from_bot=False)
        self._enqueue("message", message)
        return copy.deepcopy(message)

    def send_text(
        self, user: EmuUser, text: str, *, chat_id: int | None = None, reply_to: dict | int | None = None
    ) -> dict:
        """The user sends a text message (to their private chat, or to group ``chat_id``). A leading
        ``/command`` gets a bot_command entity. Returns the Message."""
        content: dict[str, Any] = {"text": text}
        m = _COMMAND_RE.match(text)
        if m:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(m.group(0))}]
        return self._user_message(user, chat_id, content, reply_to)

    def send_edited_text(self, user: EmuUser, message: dict | int, new_text: str) -> dict:
        """The user edits one of their text messages: an ``edited_message`` update. Returns the new Message."""
        chat_id = user.id if isinstance(message, int) else message["chat"]["id"]
        mid = message if isinstance(message, int) else message["message_id"]
        stored = self.chats[chat_id].messages.get(mid)
        if stored is None or stored.from_bot or "text" not in stored.data:
            raise KeyError(f"no text message {mid} from the user in chat {chat_id}")
        stored.history.append(stored.snapshot())
        stored.data["text"] = new_text
        stored.data.pop("entities", None)
        m = _COMMAND_RE.match(new_text)
        if m:
            stored.data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(m.group(0))}]
        stored.data["edit_date"] = self.clock.timestamp()
        self._enqueue("edited_message", stored.data)
        return stored.snapshot()

    def press(
        self,
        user: EmuUser,
        message: dict | StoredMessage,
        *,
        label: str | None = None,
        index: int | None = None,
        callback_data: str | None = None,
    ) -> dict:
        """The user presses an inline button of bot ``message``: by ``label`` (first button whose text contains
        it, case-insensitive), by 1-based ``index`` in reading order, or with explicit ``callback_data`` (which
        need not be on the keyboard: tests can forge presses). Returns the CallbackQuery."""
        data = message.data if isinstance(message, StoredMessage) else message
        chat = self.chats.get(data["chat"]["id"])
        stored = chat.messages.get(data["message_id"]) if chat else None
        if chat is None or stored is None or stored.deleted:
            raise LookupError(f"message {data['message_id']} is not in the chat (deleted?)")
        if callback_data is None:
            buttons = buttons_of(stored)
            labels = [b.get("text", "") for b in buttons]
            button = None
            if index is not None:
                if 1 <= index <= len(buttons):
                    button = buttons[index - 1]
            elif label is not None:
                button = next((b for b in buttons if label.lower() in b.get("text", "").lower()), None)
            else:
                raise ValueError("press() needs label, index or callback_data")
            if button is None:
                wanted = f"button {index}" if index is not None else f"a button containing {label!r}"
                raise LookupError(f"no {wanted}; the message's buttons are: {labels or 'none'}")
            if "callback_data" not in button:
                kind = next((k for k in button if k != "text"), "?")
                raise ValueError(
                    f"button {button.get('text')!r} is a {kind} button; pressing it does not reach the bot"
                )
            callback_data = button["callback_data"]
        query_id = str(4_000_000_000_000_000 + next(self._ids))
        query = {
            "id": query_id,
            "from": user.to_api(),
            "message": stored.snapshot(),
            "chat_instance": str(abs(hash((chat.id, self.bot_id))) % 10**18),
            "data": callback_data,
        }
        self.callback_queries[query_id] = {"query": query, "answered": False, "answer": None}
        self._enqueue("callback_query", query)
        return copy.deepcopy(query)

    def send_photo(
        self,
        user: EmuUser,
        data: bytes,
        *,
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        """The user sends a photo (a PhotoSize array of four sizes, largest last). ``declared_size`` makes the
        file report that size (e.g. 25_000_000) without allocating it."""
        f = self._new_file("photo", data, mime_type="image/jpeg", declared_size=declared_size)
        content: dict[str, Any] = {"photo": self._photo_sizes(f)}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_document(
        self,
        user: EmuUser,
        data: bytes,
        *,
        file_name: str = "document.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("document", data, file_name=file_name, mime_type=mime_type, declared_size=declared_size)
        content: dict[str, Any] = {"document": self._media_object(f, {})}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_voice(
        self,
        user: EmuUser,
        data: bytes,
        *,
        duration: int = 3,
        mime_type: str = "audio/ogg",
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("voice", data, mime_type=mime_type, declared_size=declared_size)
        f.meta["duration"] = duration
        return self._user_message(user, chat_id, {"voice": self._media_object(f, {})})

    def send_video(
        self,
        user: EmuUser,
        data: bytes,
        *,
        duration: int = 5,
        caption: str | None = None,
        file_name: str = "video.mp4",
        mime_type: str = "video/mp4",
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("video", data, file_name=file_name, mime_type=mime_type, declared_size=declared_size)
        f.meta["duration"] = duration
        content: dict[str, Any] = {"video": self._media_object(f, {})}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_audio(
        self,
        user: EmuUser,
        data: bytes,
        *,
        duration: int = 30,
        file_name: str = "audio.mp3",
        mime_type: str = "audio/mpeg",
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("audio", data, file_name=file_name, mime_type=mime_type, declared_size=declared_size)
        f.meta["duration"] = duration
        content: dict[str, Any] = {"audio": self._media_object(f, {})}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_location(self, user: EmuUser, latitude: float, longitude: float, *, chat_id: int | None = None) -> dict:
        return self._user_message(
            user, chat_id, {"location": {"latitude": float(latitude), "longitude": float(longitude)}}
        )

    def send_contact(
        self,
        user: EmuUser,
        phone_number: str,
        first_name: str,
        *,
        last_name: str | None = None,
        user_id: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name}
        if last_name:
            contact["last_name"] = last_name
        if user_id is not None:
            contact["user_id"] = user_id
        return self._user_message(user, chat_id, {"contact": contact})

    def send_sticker(self, user: EmuUser, *, emoji: str = "🙂", chat_id: int | None = None) -> dict:
        f = self._new_file("sticker", b"RIFF\x00\x00\x00\x00WEBP", mime_type="image/webp")
        sticker = {
            "file_id": f.file_id,
            "file_unique_id": f.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": f.file_size,
        }
        return self._user_message(user, chat_id, {"sticker": sticker})

    def send_poll(self, user: EmuUser, question: str, options: Iterable[str], *, chat_id: int | None = None) -> dict:
        poll = {
            "id": str(5_000_000_000 + next(self._ids)),
            "question": question,
            "options": [{"persistent_id": str(i), "text": text, "voter_count": 0} for i, text in enumerate(options)],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": True,
            "members_only": False,
        }
        return self._user_message(user, chat_id, {"poll": poll})

    def block_bot(self, user: EmuUser, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends to them fail with 403."""
        user.blocked_bot = blocked
