"""Settings: clear one-line errors naming the setting; production needs real secrets."""

from __future__ import annotations

import pytest

from bot.__main__ import main
from bot.config import SettingsError, generate_data_key, generate_pepper, load_settings, parse_data_keys


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("BOT_TOKEN", "DATA_KEYS", "PEPPER", "TIPLINE_ENV", "DATABASE_URL", "STAFF_CHAT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_production_refuses_to_start_without_secrets():
    with pytest.raises(SettingsError, match=r"^DATA_KEYS: required in production"):
        load_settings()
    with pytest.raises(SettingsError, match=r"^PEPPER: required in production"):
        load_settings(data_keys=generate_data_key())


def test_production_with_secrets_and_demo_without():
    settings = load_settings(data_keys=generate_data_key("k7"), pepper=generate_pepper())
    assert list(settings.keys) == ["k7"]
    demo = load_settings(TIPLINE_ENV="demo")
    assert len(next(iter(demo.keys.values()))) == 32 and len(demo.pepper_bytes) >= 32


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("STAFF_CHAT_ID", "not-a-number", "STAFF_CHAT_ID:"),
        ("DATABASE_URL", "mysql://db", "DATABASE_URL: must be"),
        ("DEFAULT_LOCALE", "fr", "DEFAULT_LOCALE: must be one of id, en, ms, tet"),
        ("DATA_KEYS", "k1:c2hvcnQ", "DATA_KEYS: key 'k1' must be 32 bytes"),
        ("PEPPER", "short", "PEPPER: must be at least 32 characters"),
        ("TELEGRAM_API_URL", "localhost:8081", "TELEGRAM_API_URL: must start with"),
        ("TIPLINE_ENV", "staging", "TIPLINE_ENV:"),
    ],
)
def test_malformed_setting_is_named(monkeypatch, name, value, expected):
    monkeypatch.setenv("TIPLINE_ENV", "demo")
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(info.value).startswith(expected)
    assert "\n" not in str(info.value)


def test_postgres_url_gets_async_driver():
    settings = load_settings(TIPLINE_ENV="demo", database_url="postgresql://u:p@localhost/tipline")
    assert settings.database_url == "postgresql+asyncpg://u:p@localhost/tipline"


def test_token_checked_only_when_running():
    settings = load_settings(TIPLINE_ENV="demo")
    with pytest.raises(SettingsError, match="^BOT_TOKEN: required"):
        settings.require_token()
    with pytest.raises(SettingsError, match="^BOT_TOKEN: malformed"):
        load_settings(TIPLINE_ENV="demo", bot_token="hello").require_token()


def test_cli_prints_one_line_and_exit_code_2(capsys, monkeypatch):
    monkeypatch.setenv("TIPLINE_ENV", "demo")
    monkeypatch.setenv("STAFF_CHAT_ID", "abc")
    assert main(["db", "current"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tipline: configuration error: STAFF_CHAT_ID:")


def test_data_keys_rotation_format():
    keys = parse_data_keys(f"{generate_data_key('new')},{generate_data_key('old')}")
    assert list(keys) == ["new", "old"]
    with pytest.raises(ValueError, match="twice"):
        parse_data_keys(f"{generate_data_key('a')},{generate_data_key('a')}")


def test_keys_ensure_adds_missing_secrets_once(tmp_path):
    env = tmp_path / ".env"
    env.write_text("BOT_TOKEN=1:x\n")
    assert main(["keys", "ensure", "--env-file", str(env)]) == 0
    first = env.read_text()
    assert "DATA_KEYS=" in first and "PEPPER=" in first
    assert main(["keys", "ensure", "--env-file", str(env)]) == 0
    assert env.read_text() == first


def test_env_example_documents_every_setting_and_loads_as_is(tmp_path, monkeypatch):
    from pathlib import Path

    from bot.config import Settings

    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text()
    documented = {line.split("=", 1)[0] for line in example.splitlines() if "=" in line and not line.startswith("#")}
    expected = {(field.alias or name).upper() for name, field in Settings.model_fields.items()}
    assert documented == expected
    # Copied unchanged (empty values), it loads in demo mode rather than failing on an empty number.
    (tmp_path / ".env").write_text(example.replace("TIPLINE_ENV=production", "TIPLINE_ENV=demo"))
    assert load_settings().staff_chat_id is None
