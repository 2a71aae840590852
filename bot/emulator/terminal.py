"""Chat with the bot from a terminal (``tipline demo`` without piped input): a prompt, lines read in a thread of
their own so the bot's replies print as they arrive, the same commands as a script (:mod:`bot.emulator.console`).
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Callable, Mapping
from typing import TextIO

from bot.emulator.console import HELP, ConsoleSession
from bot.emulator.models import EmuUser
from bot.emulator.server import TelegramEmulator

__all__ = ["run_interactive"]


async def run_interactive(
    emulator: TelegramEmulator,
    personas: Mapping[str, EmuUser],
    *,
    start_persona: str,
    extra_busy: Callable[[], bool] | None = None,
    inp: TextIO | None = None,
    out: TextIO | None = None,
    prompt: str = "you> ",
    quiet: float = 0.05,
    idle_timeout: float = 30.0,
) -> None:
    """Chat from a terminal: reads lines from ``inp`` (stdin) in a daemon thread so the event loop keeps running
    and bot messages that arrive later are printed as they come. With a TTY a prompt is shown (typed text is not
    echoed again); otherwise it behaves like :func:`run_script`. Returns at end of input (Ctrl-D) once the bot
    has gone quiet."""
    inp = inp if inp is not None else sys.stdin
    out = out if out is not None else sys.stdout
    tty = _isatty(inp) and _isatty(out)
    session = ConsoleSession(
        emulator,
        out,
        personas,
        start_persona=start_persona,
        extra_busy=extra_busy,
        quiet=quiet,
        timeout=idle_timeout,
        echo_text=not tty,
    )
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def reader() -> None:
        try:
            for line in inp:
                loop.call_soon_threadsafe(lines.put_nowait, line)
        except (OSError, ValueError):
            pass
        loop.call_soon_threadsafe(lines.put_nowait, None)

    threading.Thread(target=reader, name="tipline-console-input", daemon=True).start()
    waiting = False
    if tty:

        def clear_prompt() -> None:
            if waiting:
                out.write("\r\x1b[K")

        def restore_prompt() -> None:
            if waiting:
                out.write(prompt)
                out.flush()

        session.before_print = clear_prompt
        session.after_print = restore_prompt
        out.write(f"{HELP}\npersonas: {', '.join(personas)} (you are {start_persona})\n")
    session.start_live()
    try:
        while True:
            if tty:
                out.write(prompt)
                out.flush()
                waiting = True
            line = await lines.get()
            waiting = False
            if line is None:
                if tty:
                    out.write("\n")
                break
            await session.handle_line(line)
        await session.settle()
    finally:
        await session.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
