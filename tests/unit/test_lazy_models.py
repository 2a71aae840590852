"""aiogram's models built on first use (bot/lazy_models.py) are the models aiogram builds at import: each type and
method, built lazily in one interpreter, has the same JSON schema as built eagerly in another."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Run in a fresh interpreter: with the hook installed before aiogram is imported ("lazy"), or aiogram imported first
# ("eager", aiogram's own behaviour). Prints what was built at import; reads an update first in a function whose
# locals bear the names of aiogram's types (pydantic's own first-use build would take them); then builds every model
# the way a first use does (through its validator) and prints whether it is complete and what its fields resolved to.
PROBE = """
import json, re, sys
if sys.argv[1] == "lazy":
    import bot
import aiogram.methods, aiogram.types
models = {f"types.{n}": getattr(aiogram.types, n) for n in aiogram.types.__all__}
models |= {f"methods.{n}": getattr(aiogram.methods, n) for n in aiogram.methods.__all__}
models = {k: v for k, v in models.items() if hasattr(v, "__pydantic_validator__")}
built_at_import = sorted(k for k, v in models.items() if v.__pydantic_complete__)
message = {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "hi",
           "from": {"id": 1, "is_bot": False, "first_name": "a"},
           "entities": [{"type": "text_mention", "offset": 0, "length": 2, "user": {"id": 2, "is_bot": False,
                         "first_name": "b"}}],
           "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}}
def handler(User=None, Message=None, Chat=None, datetime=None, Optional=None):
    return aiogram.types.Update.model_validate({"update_id": 1, "message": message}).model_dump(mode="json")
update = handler()
# How aiogram reads a method's answer (client/session/base.py): a model made for the method's return type.
from aiogram.methods.base import Response
sent = Response[aiogram.types.Message].model_validate({"ok": True, "result": message}).result.model_dump(mode="json")
from aiogram.utils.chat_member import ChatMemberAdapter
member = ChatMemberAdapter.validate_python({"status": "member", "user": {"id": 3, "is_bot": False, "first_name": "c"}})
member = member.model_dump(mode="json")
built = {}
for name, model in models.items():
    model.__pydantic_validator__.validate_python  # a first use: builds a deferred model
    fields = {field: re.sub(" at 0x[0-9a-f]+", "", repr(info.annotation))
              for field, info in model.__pydantic_fields__.items()}
    built[name] = {"complete": model.__pydantic_complete__, "fields": fields}
result = {"built_at_import": built_at_import, "built": built, "update": update, "sent": sent, "member": member}
print(json.dumps(result, sort_keys=True))
"""


@pytest.fixture(scope="module")
def probes() -> dict[str, dict]:
    """Both interpreters at once (each builds every model: a few seconds of CPU)."""
    running = {
        mode: subprocess.Popen([sys.executable, "-c", PROBE, mode], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for mode in ("eager", "lazy")
    }
    results = {}
    for mode, process in running.items():
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode(errors="replace")[-3000:]
        results[mode] = json.loads(out)
    return results


@pytest.fixture
def eager(probes) -> dict:
    return probes["eager"]


@pytest.fixture
def lazy(probes) -> dict:
    return probes["lazy"]


def test_nothing_is_built_at_import_but_aiogram_s_generic_bases(lazy, eager):
    assert len(eager["built_at_import"]) > 500  # aiogram builds every type and method when imported
    assert lazy["built_at_import"] == ["methods.Request", "methods.Response", "methods.TelegramMethod"]


def test_every_model_built_later_is_the_model_aiogram_builds(lazy, eager):
    assert lazy["built"].keys() == eager["built"].keys()
    assert all(model["complete"] for model in lazy["built"].values())
    differ = [name for name in eager["built"] if lazy["built"][name] != eager["built"][name]]
    assert differ == []
    assert "ForwardRef" not in str(lazy["built"])  # every name a field uses was found


def test_an_update_a_method_s_answer_and_a_chat_member_read_the_same(lazy, eager):
    assert lazy["update"] == eager["update"]
    assert lazy["update"]["message"]["entities"][0]["user"]["first_name"] == "b"
    assert lazy["sent"] == eager["sent"] == lazy["update"]["message"]
    assert lazy["member"] == eager["member"]
    assert lazy["member"]["user"]["first_name"] == "c"


def test_start_up_builds_what_every_conversation_uses():
    """bot.ops.serve builds these before the first update: the first person after a start does not wait for them."""
    check = """
import bot
from aiogram.methods import SendMessage
from aiogram.methods.base import Response
from aiogram.types import Message, Update
assert not Update.__pydantic_complete__ and not SendMessage.__pydantic_complete__
from bot.ops.serve import build_common_models
build_common_models()
assert Update.__pydantic_complete__ and SendMessage.__pydantic_complete__
assert Response[Message].__pydantic_complete__ and Response[list[Update]].__pydantic_complete__
# Start-up then collects its garbage (bot.ops.serve.settle_memory): the answers' models are still there, so
# reading the first answer makes none (making Response[Message] again builds the whole Message schema).
import gc
gc.collect()
def made_again(*args, **kwargs):
    raise AssertionError("a response model was made again after start-up")
Response.__class_getitem__ = classmethod(made_again)
from aiogram import Bot
from aiogram.methods import AnswerCallbackQuery
from bot.telegram.bot_session import BotSession
session = BotSession()
bot = Bot("123:abc", session=session)
reply = '{"ok": true, "result": {"message_id": 5, "date": 1, "chat": {"id": 1, "type": "private"}, "text": "hi"}}'
assert session.check_response(bot, SendMessage(chat_id=1, text="hi"), 200, reply).result.message_id == 5
assert session.check_response(bot, AnswerCallbackQuery(callback_query_id="1"), 200, '{"ok": true, "result": true}')
"""
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
