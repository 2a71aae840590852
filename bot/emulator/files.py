"""Files in the emulated Telegram: made when a user or the bot sends one, described as the Bot API's objects
(PhotoSize arrays, Document, Voice ...), downloadable under ``/file/bot<token>/<file_path>``."""

from __future__ import annotations

import copy
import mimetypes
import secrets
from typing import Any

from bot.emulator.models import (
    ApiError,
    EmuFile,
)
from bot.emulator.spec import UploadedFile
from bot.emulator.world import World

UPLOAD_LIMIT = 50 * 1024 * 1024
_FILE_PREFIX = {
    "photo": "AgAC",
    "document": "BQAC",
    "voice": "AwAC",
    "video": "BAAC",
    "audio": "CQAC",
    "sticker": "CAAC",
}
_FILE_DIR = {
    "photo": ("photos", ".jpg"),
    "document": ("documents", ""),
    "voice": ("voice", ".oga"),
    "video": ("videos", ".mp4"),
    "audio": ("music", ".mp3"),
    "sticker": ("stickers", ".webp"),
}
_PHOTO_SIZES = ((90, 68), (320, 240), (800, 600), (1280, 960))


class Files(World):
    # ==== files ==============================================================================================
    def _new_file(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        declared_size: int | None = None,
        uploaded_by: str = "user",
    ) -> EmuFile:
        n = next(self._file_counter)
        directory, ext = _FILE_DIR[kind]
        if file_name and "." in file_name and kind in ("document", "video", "audio"):
            ext = "." + file_name.rsplit(".", 1)[1]
        f = EmuFile(
            file_id=f"{_FILE_PREFIX[kind]}{n:04d}{secrets.token_urlsafe(18)}",
            file_unique_id=f"AQAD{n:04d}{secrets.token_urlsafe(6)}",
            kind=kind,
            data=data,
            file_size=declared_size if declared_size is not None else len(data),
            file_path=f"{directory}/file_{n}{ext}",
            file_name=file_name,
            mime_type=mime_type,
            uploaded_by=uploaded_by,  # type: ignore[arg-type]
        )
        self.files[f.file_id] = f
        self._files_by_path[f.file_path] = f
        return f

    def _photo_sizes(self, main: EmuFile) -> list[dict]:
        """PhotoSize array for a photo: a few sizes, each a file of its own (same bytes), largest last."""
        sizes = main.meta.get("sizes")
        if sizes is not None:
            return copy.deepcopy(sizes)
        sizes = []
        for i, (w, h) in enumerate(_PHOTO_SIZES):
            f = main
            if i < len(_PHOTO_SIZES) - 1:
                f = self._new_file("photo", main.data, declared_size=main.file_size, uploaded_by=main.uploaded_by)
            sizes.append(
                {
                    "file_id": f.file_id,
                    "file_unique_id": f.file_unique_id,
                    "width": w,
                    "height": h,
                    "file_size": f.file_size,
                }
            )
        for s in sizes:
            self.files[s["file_id"]].meta["sizes"] = sizes
        return copy.deepcopy(sizes)

    def _media_object(self, f: EmuFile, p: dict) -> Any:
        base: dict[str, Any] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id}
        extra = f.meta
        obj: dict[str, Any]
        if f.kind == "photo":
            return self._photo_sizes(f)
        if f.kind == "document":
            obj = {**base, "file_name": f.file_name or "file", "mime_type": f.mime_type or "application/octet-stream"}
        elif f.kind == "voice":
            obj = {
                **base,
                "duration": p.get("duration") or extra.get("duration", 1),
                "mime_type": f.mime_type or "audio/ogg",
            }
        elif f.kind == "video":
            obj = {
                **base,
                "width": p.get("width") or 640,
                "height": p.get("height") or 360,
                "duration": p.get("duration") or extra.get("duration", 1),
                "file_name": f.file_name or "video.mp4",
                "mime_type": f.mime_type or "video/mp4",
            }
        elif f.kind == "audio":
            obj = {
                **base,
                "duration": p.get("duration") or extra.get("duration", 1),
                "file_name": f.file_name or "audio.mp3",
                "mime_type": f.mime_type or "audio/mpeg",
            }
            for key in ("performer", "title"):
                if p.get(key):
                    obj[key] = p[key]
        else:
            obj = {**base, "type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}
        obj["file_size"] = f.file_size
        return obj

    def _bot_file(self, value: Any, kind: str) -> EmuFile:
        if isinstance(value, UploadedFile):
            if len(value.data) > UPLOAD_LIMIT:
                raise ApiError(413, "Request Entity Too Large")
            if not value.data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            mime = value.content_type
            if not mime or mime == "application/octet-stream":
                mime = mimetypes.guess_type(value.filename)[0] or mime
            return self._new_file(kind, value.data, file_name=value.filename, mime_type=mime, uploaded_by="bot")
        if isinstance(value, str):
            f = self.files.get(value)
            if f is not None:
                if f.kind != kind:
                    raise ApiError(400, f"Bad Request: can't use file of type {f.kind.title()} as {kind.title()}")
                return f
            if value.startswith(("http://", "https://")):
                name = value.rstrip("/").rsplit("/", 1)[-1] or "file"
                return self._new_file(kind, b"", file_name=name, uploaded_by="bot")
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
