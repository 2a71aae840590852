"""Pseudonyms, encryption at rest and receipt codes (docs/design.md, "Privacy rules").

- A pseudonym is HMAC-SHA256(pepper, telegram user id): stable, so limits and preferences work, but it cannot be
  turned back into the id without the pepper.
- Sensitive text and files are sealed with AES-256-GCM. Every sealed value carries the id of its key so that keys
  can be rotated: new data uses the first key, old data stays readable while its key is still configured.
- Receipt codes are shown once to the reporter and stored only as a keyed hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_FORMAT_VERSION = b"\x01"
_NONCE_BYTES = 12


class DecryptionError(Exception):
    """A sealed value cannot be opened: unknown key id, tampered data or wrong context."""


class Pseudonymizer:
    def __init__(self, pepper: bytes) -> None:
        if len(pepper) < 16:
            raise ValueError("pepper too short")
        self._pepper = pepper

    def pseudonym(self, telegram_user_id: int) -> str:
        return self.keyed_hash(f"user:{telegram_user_id}")

    def keyed_hash(self, value: str) -> str:
        return hmac.new(self._pepper, value.encode(), hashlib.sha256).hexdigest()


class Cipher:
    """AES-256-GCM with key ids. ``keys`` is ordered: the first key encrypts, all of them decrypt."""

    def __init__(self, keys: dict[str, bytes]) -> None:
        if not keys:
            raise ValueError("at least one key is required")
        self._keys = {kid: AESGCM(key) for kid, key in keys.items()}
        self.active_key_id = next(iter(keys))

    def encrypt(self, plaintext: bytes, *, context: str = "") -> bytes:
        """Seal ``plaintext``; ``context`` (e.g. the table and column) is bound in, so values cannot be swapped."""
        kid = self.active_key_id.encode()
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = self._keys[self.active_key_id].encrypt(nonce, plaintext, _aad(kid, context))
        return _FORMAT_VERSION + bytes([len(kid)]) + kid + nonce + sealed

    def decrypt(self, blob: bytes, *, context: str = "") -> bytes:
        if len(blob) < 2 or blob[:1] != _FORMAT_VERSION:
            raise DecryptionError("unknown format")
        kid_len = blob[1]
        kid = blob[2 : 2 + kid_len]
        nonce = blob[2 + kid_len : 2 + kid_len + _NONCE_BYTES]
        sealed = blob[2 + kid_len + _NONCE_BYTES :]
        aead = self._keys.get(kid.decode(errors="replace"))
        if aead is None:
            raise DecryptionError("unknown key id")
        try:
            return aead.decrypt(nonce, sealed, _aad(kid, context))
        except Exception as exc:  # InvalidTag: tampered, or sealed under another context
            raise DecryptionError("cannot open sealed value") from exc

    def key_id_of(self, blob: bytes) -> str:
        return blob[2 : 2 + blob[1]].decode(errors="replace")

    def encrypt_text(self, text: str, *, context: str = "") -> bytes:
        return self.encrypt(text.encode("utf-8"), context=context)

    def decrypt_text(self, blob: bytes, *, context: str = "") -> str:
        return self.decrypt(blob, context=context).decode("utf-8")

    def encrypt_json(self, value: Any, *, context: str = "") -> bytes:
        return self.encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), context=context)

    def decrypt_json(self, blob: bytes, *, context: str = "") -> Any:
        return json.loads(self.decrypt(blob, context=context))


def _aad(kid: bytes, context: str) -> bytes:
    return b"tipline|" + kid + b"|" + context.encode()


# Receipt codes ----------------------------------------------------------------------------------------

# No 0/O, 1/I/L, and no U: read aloud or copied by hand from a scrap of paper, nothing is mistaken.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_LENGTH = 14  # 14 * log2(29) = 68 bits


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return format_receipt(raw)


def format_receipt(raw: str) -> str:
    """Group as XXXX-XXXX-XXXX-XX for reading aloud."""
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalize_receipt(text: str) -> str | None:
    """Accept a code as people type it (any case, with or without spaces and dashes).

    Returns the canonical ungrouped code, or None when it cannot be a receipt code at all.
    """
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != RECEIPT_LENGTH or any(ch not in RECEIPT_ALPHABET for ch in cleaned):
        return None
    return cleaned


def receipt_hash(pseudonymizer: Pseudonymizer, code: str) -> str:
    canonical = normalize_receipt(code)
    if canonical is None:
        raise ValueError("not a receipt code")
    return pseudonymizer.keyed_hash(f"receipt:{canonical}")
