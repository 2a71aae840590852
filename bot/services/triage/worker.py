"""Where a tip's triage runs: in a worker process beside the bot, or here.

Reading a tip (its scoring, and the link keys of the recruiters and numbers it names) is the dearest part of filing
a report: several milliseconds for a short one, tens for a long story, all of it CPU. On the event loop nobody
else's update is handled meanwhile, so when a crowd files at once (after a broadcast, after a raid) every filing
waits for every other one's reading. In a worker process it runs on another core, and the loop answers other
people while it waits.

Plain data crosses between the two: the tip's facts in, its priority, reasons and link keys out. Only keyed hashes
of the link keys are stored (``bot.services.tips.filing``). The worker forgets a tip's texts once they are read
(``forget_texts``), as the bot does, and exits when the bot's process is gone, even after kill -9.

When the worker cannot take a tip (it died, or no process could be started) the tip is read here, on the loop, and
a new worker is started: a tip is never lost or held up for it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Protocol

from bot.services.triage.entities import extract_entities
from bot.services.triage.linking import link_keys
from bot.services.triage.scoring import TipFacts, TriageResult, score_tip
from bot.services.triage.signals import forget_texts

log = logging.getLogger(__name__)

# After a failed start, tips are read here and a new worker is tried again after this long.
RETRY_SECONDS = 30.0


@dataclass(frozen=True)
class TipTriage:
    """A tip's triage and the exact link keys it names ("phone:+62...", "name:majujaya"), sorted."""

    result: TriageResult
    link_keys: tuple[str, ...]


def triage_tip(facts: TipFacts) -> TipTriage:
    """Score the tip and read its link keys from the same reading of its texts, then forget the texts."""
    try:
        return TipTriage(score_tip(facts), tuple(sorted(link_keys(extract_entities(facts)))))
    finally:
        forget_texts()


class Triage(Protocol):
    async def __call__(self, facts: TipFacts) -> TipTriage: ...


async def triage_here(facts: TipFacts) -> TipTriage:
    """Triage on the event loop (tests, the demo's default when no worker is wanted)."""
    return triage_tip(facts)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _worker_started(parent: int) -> None:
    # Ctrl-C in a terminal reaches the whole process group; the bot stops its worker itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The worker waits on a queue it also holds the writing end of, so the bot's death alone would not end it.
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()
    # Build what scoring uses (place names, word lists, patterns) before the first tip arrives.
    triage_tip(TipFacts(narrative="Kupang", recruiter="PT Contoh"))


def _ready() -> int:
    return os.getpid()


class TriageWorkers:
    """Triage in ``processes`` worker processes (one is enough for one bot process: it reads about as fast as the
    loop files). ``start`` before the first tip, ``close`` at shutdown."""

    def __init__(self, processes: int = 1) -> None:
        self._processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._retry_at = 0.0
        self.read_here = 0  # tips read on the loop because no worker could take them

    def start(self) -> None:
        try:
            pool = ProcessPoolExecutor(
                self._processes,
                mp_context=get_context("spawn"),
                initializer=_worker_started,
                initargs=(os.getpid(),),
            )
            # Processes start with the first job: start them now, not with the first report.
            pool.submit(_ready)
        except (OSError, RuntimeError) as exc:
            log.warning("no triage worker could be started (%s); tips are read in the bot", type(exc).__name__)
            self._retry_at = time.monotonic() + RETRY_SECONDS
            return
        self._pool = pool

    async def __call__(self, facts: TipFacts) -> TipTriage:
        pool = self._pool
        if pool is None and time.monotonic() >= self._retry_at:
            self.start()
            pool = self._pool
        if pool is not None:
            try:
                return await asyncio.wrap_future(pool.submit(triage_tip, facts))
            except (BrokenProcessPool, RuntimeError) as exc:
                # RuntimeError: the pool was shut down by another tip's restart meanwhile.
                log.warning("the triage worker stopped (%s); a new one is started", type(exc).__name__)
                self._drop(pool)
        self.read_here += 1
        return triage_tip(facts)

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:
            self._pool = None
            self._retry_at = 0.0
        pool.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        """The worker processes' ids (for tests and the benchmark's CPU and memory counts)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return list(processes)

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
