"""Evidence files (photos, documents, voice notes, videos), encrypted at rest under random names.

A file is stored as soon as it arrives, so it survives a restart while the report is still a draft; the name
is ours (random), never Telegram's file id. Files no submitted tip refers to are removed after the draft period.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.services.privacy import Cipher

_CONTEXT = "evidence"


@dataclass
class EvidenceRef:
    """A file already downloaded and stored encrypted; only our random name and facts about it."""

    ref: str
    kind: str  # photo, document, voice, video, audio
    mime: str
    size: int


class EvidenceStore:
    def __init__(self, directory: Path, cipher: Cipher) -> None:
        self._dir = Path(directory)
        self._cipher = cipher

    def save(self, data: bytes) -> str:
        """Encrypt and write ``data``; returns the reference to keep in the draft and the tip."""
        self._dir.mkdir(parents=True, exist_ok=True)
        ref = secrets.token_hex(16)
        sealed = self._cipher.encrypt(data, context=f"{_CONTEXT}:{ref}")
        tmp = self._dir / f".{ref}.tmp"
        with tmp.open("wb") as fp:
            fp.write(sealed)
            fp.flush()
            os.fsync(fp.fileno())
        tmp.replace(self._path(ref))
        return ref

    def load(self, ref: str) -> bytes:
        return self._cipher.decrypt(self._path(ref).read_bytes(), context=f"{_CONTEXT}:{ref}")

    def delete(self, ref: str) -> None:
        self._path(ref).unlink(missing_ok=True)

    def exists(self, ref: str) -> bool:
        return self._path(ref).exists()

    def purge_unreferenced(self, referenced: set[str], older_than_seconds: float, now: datetime | None = None) -> int:
        """Remove files of abandoned drafts: not referenced by any tip and older than the draft period."""
        stale = self._unreferenced(referenced, older_than_seconds, now)
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)

    def count_unreferenced(self, referenced: set[str], older_than_seconds: float, now: datetime | None = None) -> int:
        return len(self._unreferenced(referenced, older_than_seconds, now))

    def _unreferenced(self, referenced: set[str], older_than_seconds: float, now: datetime | None) -> list[Path]:
        if not self._dir.exists():
            return []
        cutoff = (now.timestamp() if now else time.time()) - older_than_seconds
        return [
            path for path in self._dir.glob("*.bin") if path.stem not in referenced and path.stat().st_mtime < cutoff
        ]

    def _path(self, ref: str) -> Path:
        if not ref.isalnum():
            raise ValueError("bad evidence reference")
        return self._dir / f"{ref}.bin"
