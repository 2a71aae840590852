"""Settings from the environment and `.env` (pydantic-settings).

Nothing is read at import time: call :func:`load_settings`. A missing or malformed setting raises
:class:`SettingsError` whose message names the setting, so start-up fails with one clear line.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SUPPORTED_LOCALES = ("id", "en", "ms", "tet")
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/tipline.db"


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it."""


class Environment(StrEnum):
    PRODUCTION = "production"
    DEVELOPMENT = "development"
    DEMO = "demo"
    TEST = "test"


def parse_data_keys(raw: str) -> dict[str, bytes]:
    """Parse ``DATA_KEYS``: ``kid:base64key[,kid:base64key...]``, the first being the key used to encrypt.

    Keys are 32 bytes (AES-256-GCM). Older keys stay listed so that data written with them can still be read.
    """
    keys: dict[str, bytes] = {}
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        kid, sep, encoded = part.partition(":")
        if not sep or not kid or not kid.isalnum():
            raise ValueError("each key must be written as id:base64key with an alphanumeric id")
        try:
            key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except (binascii.Error, ValueError) as exc:
            raise ValueError(f"key {kid!r} is not valid base64") from exc
        if len(key) != 32:
            raise ValueError(f"key {kid!r} must be 32 bytes, got {len(key)}")
        if kid in keys:
            raise ValueError(f"key id {kid!r} appears twice")
        keys[kid] = key
    if not keys:
        raise ValueError("no key given")
    return keys


def generate_data_key(kid: str = "k1") -> str:
    return f"{kid}:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def generate_pepper() -> str:
    return secrets.token_urlsafe(32)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False, env_ignore_empty=True
    )

    environment: Environment = Field(default=Environment.PRODUCTION, alias="TIPLINE_ENV")
    bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = DEFAULT_DATABASE_URL
    staff_chat_id: int | None = None
    data_keys: SecretStr | None = None
    pepper: SecretStr | None = None
    default_locale: str = "id"
    evidence_dir: Path = Path("data/evidence")
    log_level: str = "INFO"

    draft_retention_days: int = Field(default=7, ge=1)
    closed_tip_retention_days: int = Field(default=365, ge=1)
    max_reports_per_day: int = Field(default=5, ge=1)
    # Updates handled at once; a crowd beyond this waits its turn in memory. The database pool is sized from it.
    updates_concurrency: int = Field(default=16, ge=1, le=500)
    # Worker processes for webhook mode (PostgreSQL only; SQLite is one process).
    workers: int = Field(default=1, ge=1, le=64)
    # /healthz and /metrics: on the webhook's port in webhook mode; in polling mode on this port, if set.
    health_port: int | None = Field(default=None, ge=1, le=65535)

    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)

    # The web desk (bot/web): `tipline web` serves it alone, `tipline run` beside the bot when WEB_ENABLED=1.
    # WEB_BASE_URL is the address staff open (the bot's /web links start with it; https makes the cookie Secure).
    web_enabled: bool = False
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8081, ge=1, le=65535)
    web_base_url: str | None = None
    web_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    web_absolute_hours: int = Field(default=12, ge=1, le=7 * 24)

    @field_validator("default_locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("telegram_api_url", "webhook_url", "web_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/") if value else value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if value.startswith(("postgres://", "postgresql://")):
            # Operators paste the usual libpq form; the async engine needs the asyncpg driver.
            return "postgresql+asyncpg://" + value.split("://", 1)[1]
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must be sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER:PASS@HOST/DB")
        return value

    @field_validator("data_keys")
    @classmethod
    def _valid_keys(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip():
            parse_data_keys(value.get_secret_value())
            return value
        return None

    @field_validator("pepper")
    @classmethod
    def _long_pepper(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (use `tipline keys generate`)")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value

    @model_validator(mode="after")
    def _workers_need_postgresql(self) -> Settings:
        if self.workers > 1 and self.database_url.startswith("sqlite"):
            raise ValueError(
                "WORKERS: SQLite is used by one process only; several workers need PostgreSQL (DATABASE_URL)"
            )
        return self

    @model_validator(mode="after")
    def _secrets_for_production(self) -> Settings:
        if self.environment is Environment.PRODUCTION:
            for name in ("data_keys", "pepper"):
                if getattr(self, name) is None:
                    raise ValueError(f"{name.upper()}: required in production (generate with `tipline keys generate`)")
        else:
            # Demo and tests get throwaway secrets: their data is not meant to outlive the process.
            if self.data_keys is None:
                self.data_keys = SecretStr(generate_data_key("demo"))
            if self.pepper is None:
                self.pepper = SecretStr(generate_pepper())
        return self

    # Derived values -----------------------------------------------------------------------------------

    @property
    def keys(self) -> dict[str, bytes]:
        assert self.data_keys is not None
        return parse_data_keys(self.data_keys.get_secret_value())

    @property
    def pepper_bytes(self) -> bytes:
        assert self.pepper is not None
        return self.pepper.get_secret_value().encode()

    @property
    def database_pool_size(self) -> int:
        # One connection per running update, plus the outbox, the reminders, retention and polling, plus those the
        # direct writer keeps between an update's commits (PostgreSQL: db.pg_direct).
        return self.updates_concurrency + 4 + self.direct_writer_connections

    @property
    def direct_writer_connections(self) -> int:
        # Most updates' commits and the inbox's writes go through the direct writer; in a crowd a few run at once.
        return min(8, self.updates_concurrency)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def desk_url(self) -> str:
        """The web desk's address, without a trailing slash."""
        return (self.web_base_url or f"http://{self.web_host}:{self.web_port}").rstrip("/")

    def require_token(self) -> str:
        if self.bot_token is None or not self.bot_token.get_secret_value().strip():
            raise SettingsError("BOT_TOKEN: required to run the bot (get one from @BotFather)")
        token = self.bot_token.get_secret_value().strip()
        left, sep, right = token.partition(":")
        if not sep or not left.isdigit() or len(right) < 30:
            raise SettingsError("BOT_TOKEN: malformed (expected 123456789:AA... as given by @BotFather)")
        return token


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment and .env; keyword arguments override both (used by demo and tests)."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(_first_problem(exc)) from None


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    loc = [str(part) for part in error.get("loc", ()) if part != "__root__"]
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if not loc:
        return message
    name = loc[0].upper()
    if name == "ENVIRONMENT":
        name = "TIPLINE_ENV"
    return f"{name}: {message}"
