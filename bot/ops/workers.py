"""Several webhook workers behind one address (``WORKERS`` > 1, PostgreSQL only).

This process migrates the database and tells Telegram the webhook once, then starts the workers, which all listen
on WEBHOOK_PORT (the kernel spreads connections among them), and starts a worker again if it dies. A worker that
dies mid-update loses nothing: Telegram gets no answer for that update and delivers it again, to a worker that
handles it (the update record in the database makes sure it is handled once). SIGTERM stops them all.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time

from bot.config import Settings

log = logging.getLogger(__name__)

RESTART_PAUSE_SECONDS = 1.0


def worker_command() -> list[str]:
    return [sys.executable, "-m", "bot", "run", "--webhook", "--worker"]


def run_workers(settings: Settings) -> int:
    from bot.ops.serve import set_webhook
    from db.engine import make_engine
    from db.migrate import upgrade_database

    async def prepare() -> None:
        engine = make_engine(settings.database_url, pool_size=1)
        try:
            await upgrade_database(engine)
        finally:
            await engine.dispose()
        await set_webhook(settings)

    asyncio.run(prepare())
    metrics_dir = tempfile.mkdtemp(prefix="tipline-metrics-")
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": metrics_dir}
    stopping = False

    def stop(_signum, _frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    workers = [subprocess.Popen(worker_command(), env=env) for _ in range(settings.workers)]
    log.info("%d workers started", len(workers))
    while not stopping:
        time.sleep(0.2)
        for index, process in enumerate(workers):
            if process.poll() is not None and not stopping:
                _mark_dead(metrics_dir, process.pid)
                log.error("worker %d exited (%s); starting it again", index, process.returncode)
                time.sleep(RESTART_PAUSE_SECONDS)
                workers[index] = subprocess.Popen(worker_command(), env=env)
    for process in workers:
        process.terminate()
    for process in workers:
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


def _mark_dead(metrics_dir: str, pid: int) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(pid, metrics_dir)
