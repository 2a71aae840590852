from __future__ import annotations

import functools

import pytest

from tests.e2e.harness import running_bot


@pytest.fixture(scope="session", autouse=True)
def _knowledge_base_indexed_once():
    """A real bot process loads the knowledge base and builds its search index once (about half a second); a test
    process builds many apps, and they share that one index the same way. The index is never changed after it is
    built, so sharing it cannot carry anything from one test to the next."""
    import bot.app

    load = functools.cache(bot.app.load_knowledge_base)  # the same knowledge base object every time
    real = bot.app.AdviceIndex
    built: dict[int, object] = {}

    class AdviceIndexOnce(real):
        @classmethod
        def build(cls, kb, analyzer=None):
            if analyzer is not None:
                return real.build(kb, analyzer)
            if id(kb) not in built:
                built[id(kb)] = real.build(kb)
            return built[id(kb)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bot.app, "load_knowledge_base", load)
        patch.setattr(bot.app, "AdviceIndex", AdviceIndexOnce)
        yield


@pytest.fixture
async def harness(make_settings):
    async with running_bot(make_settings) as harness:
        yield harness
