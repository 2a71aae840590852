"""The running dispatcher carries every shared dependency bot/telegram/deps.py lists, of the type it says, and not
the whole application object."""

from __future__ import annotations

import typing

from bot.telegram.deps import Shared


async def test_the_dispatcher_carries_every_shared_dependency_with_its_type(harness):
    data = harness.runner.dispatcher.workflow_data
    for name, kind in typing.get_type_hints(Shared).items():
        assert name in data, name
        value = data[name]
        assert isinstance(value, kind) if isinstance(kind, type) else callable(value), name
    assert "app" not in data and not any(type(value).__name__ == "App" for value in data.values())
