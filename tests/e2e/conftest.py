from __future__ import annotations

import pytest

from tests.e2e.harness import running_bot


@pytest.fixture
async def harness(make_settings):
    async with running_bot(make_settings) as harness:
        yield harness
