"""Every command README shows works as printed.

Commands are every line of README's ``sh`` code blocks and every inline code span that starts with something a reader
runs (``make``, ``tipline``, ``.venv/bin/``, ``.ci/``, ``scripts/``, ``printf``, ``NAME=value ...``).

- A ``tipline`` command is checked against the real command line's parser: its subcommands exist, and so does every
  option it shows, with every value it lists (``--format csv/json``). A synopsis (``tipline ask "QUESTION" [--lang
  L]``) or the bare name of a command that takes arguments (``tipline ask``) is only checked that way.
- Every other command is run, by the shell, from the repository's root, as a reader who followed README would run
  it: ``tipline`` on the PATH from the virtualenv, and for ``tipline`` commands that need configuration a folder
  with the ``.env`` that ``make run`` writes on first use (``tipline keys ensure``). It must exit 0 and print no
  traceback; a demo script must print no ``!!`` problem line.
- A benchmark (``.venv/bin/python bench/....py``) is not run: it prints timings, asserts nothing and takes minutes
  to half an hour (``make bench`` runs them). Its script must exist and show, in its ``--help``, every option the
  command uses.
- Commands that cannot run here are listed in ``NOT_RUN`` with the reason. For those the make target must exist
  (``make -n``) and the files they name must exist. An entry no longer in README fails too, so the list stays true.

A README command added without making it work, or a listed one that stops working, fails this test.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from bot.__main__ import build_parser
from bot.paths import PROJECT_ROOT
from tests.conftest import one_at_a_time

README = PROJECT_ROOT / "README.md"
VENV_BIN = PROJECT_ROOT / ".venv" / "bin"

NOT_RUN: dict[str, str] = {
    "make test": "is this test suite",
    ".ci/run": "runs this test suite twice and starts a PostgreSQL server",
    "BOT_TOKEN=123456:ABC... make run": "needs a real bot token from @BotFather and Telegram itself",
    "make run": "needs a real bot token from @BotFather and Telegram itself",
    "tipline run": "needs a real bot token and Telegram (tests/e2e run the same bot against the emulator)",
    "tipline run --webhook": "needs a bot token, Telegram and a public HTTPS address (tests/e2e/test_webhook.py runs "
    "the same code against the emulator)",
    "tipline web": "serves the web desk until stopped (tests/e2e/test_web_*.py serve the same application)",
    "make format": "rewrites files in the working tree; `make lint`, which is run, checks with the same tool",
    "make i18n-update": "rewrites the catalogs in the working tree; `make i18n-check`, which is run, uses the same "
    "script",
    'make migration m="what changed"': "writes a new migration file into db/migrations/versions",
    "make bench": "benchmarks print timings (a few minutes), they assert nothing",
    "TEST_DATABASE_URL=postgresql+asyncpg://... make test": "is this test suite, on a PostgreSQL server of one's own "
    "(.ci/run starts one and runs it)",
    "make hooks": "installs a git hook into the clone (and pre-commit from PyPI)",
    "scripts/stress_suite.sh 20": "runs this test suite 20 times with every core kept busy",
}
# What a run must print besides exiting 0.
EXPECTED_OUTPUT: dict[str, str] = {
    "make -s demo < docs/demo/report.txt": r"TPPO-\d{4}-\d{5}",
}
_RUNNABLE_START = re.compile(r"^(?:[A-Z_]+=\S+\s+)*(?:(?:make|tipline|printf)(?:\s|$)|\.venv/bin/|\.ci/|scripts/)")
# Placeholders in a synopsis: QUESTION, FILE.csv, "NAME or LICENCE", ID, L; optional parts in brackets.
_PLACEHOLDER = re.compile(r"\[|\b[A-Z][A-Z_]*(?:\.[a-z]+)?\b")


def readme_commands(text: str) -> list[str]:
    commands: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            command = _strip_comment(line).strip()
            if command:
                commands.append(command)
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    for span in re.findall(r"`([^`\n]+)`", prose):
        if _RUNNABLE_START.match(span) and span not in commands:
            commands.append(span)
    return commands


def _strip_comment(line: str) -> str:
    # "make demo    # virtualenv, ..." -> "make demo"; a '#' inside quotes stays.
    lexer = shlex.shlex(line, posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        list(lexer)
    except ValueError:
        return line
    match = re.search(r"\s#\s", line)
    return line[: match.start()] if match else line


def is_synopsis(command: str) -> bool:
    """A tipline command shown as syntax (placeholders, optional parts) or by name only (``tipline ask``)."""
    if command.split()[0] != "tipline":
        return False
    if _PLACEHOLDER.search(command):
        return True
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            build_parser().parse_args(shlex.split(command)[1:])
    except SystemExit:
        return True
    return False


def benchmark_script(command: str) -> str | None:
    """The bench/ script a command runs (``.venv/bin/python bench/bench_bot.py --database ...``), else None."""
    words = command.split()
    if len(words) < 2 or not words[0].endswith("python"):
        return None
    return words[1] if re.fullmatch(r"bench/\w+\.py", words[1]) else None


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))
TIPLINE = [c for c in COMMANDS if c.split()[0] == "tipline"]
BENCHMARKS = [c for c in COMMANDS if benchmark_script(c) is not None]
RUN = [c for c in COMMANDS if c not in NOT_RUN and not is_synopsis(c) and c not in BENCHMARKS]


def test_readme_shows_commands_and_the_not_run_list_is_current():
    assert "make demo" in COMMANDS and "make test" in COMMANDS
    stale = [c for c in NOT_RUN if c not in COMMANDS]
    assert stale == [], f"NOT_RUN lists commands README no longer shows: {stale}"


# ---- tipline commands against the parser -------------------------------------------------------------------------
def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


@pytest.mark.parametrize("command", TIPLINE)
def test_tipline_command_matches_the_command_line(command):
    words = shlex.split(command.replace("[", " ").replace("]", " "))[1:]
    parser = build_parser()
    path = ["tipline"]
    while words and (sub := _subparsers(parser)) is not None and words[0] in sub.choices:
        parser = sub.choices[words[0]]
        path.append(words.pop(0))
    assert _subparsers(parser) is None or words, f"{command!r}: '{' '.join(path)}' needs a subcommand"
    options = {s: a for a in parser._actions for s in a.option_strings}
    for i, word in enumerate(words):
        if not word.startswith("--"):
            continue
        assert word in options, f"{command!r}: '{' '.join(path)}' has no option {word} (it has {sorted(options)})"
        action = options[word]
        value = words[i + 1] if i + 1 < len(words) else None
        if action.choices and value and not _PLACEHOLDER.fullmatch(value):
            missing = [v for v in value.split("/") if v not in action.choices]
            assert missing == [], f"{command!r}: {word} does not take {missing} (choices: {list(action.choices)})"


# ---- running them -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Path:
    """A folder set up as README's "Run it on Telegram" leaves one: a .env with the secrets `make run` adds."""
    folder = tmp_path_factory.mktemp("deployment")
    subprocess.run(
        [str(VENV_BIN / "tipline"), "keys", "ensure", "--env-file", ".env"],
        cwd=folder,
        env=_env(),
        check=True,
        capture_output=True,
    )
    return folder


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "TIPLINE_", "DATABASE_URL"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as `make test`: compile each module once, not in every process
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.mark.parametrize("command", RUN, ids=lambda c: re.sub(r"[^\w .<|-]+", "_", c)[:60])
def test_readme_command_runs_as_printed(command, deployment):
    cwd = deployment if command.split()[0] == "tipline" else PROJECT_ROOT
    # Commands run in the repository share its data/demo: one at a time, whichever worker runs them.
    with one_at_a_time("repository") if cwd == PROJECT_ROOT else contextlib.nullcontext():
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=cwd,
            env=_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=600,
        )
    output = done.stdout + done.stderr
    shown = output if len(output) < 6000 else f"{output[:3000]}\n[...]\n{output[-3000:]}"
    assert done.returncode == 0, f"{command!r} exited {done.returncode}:\n{shown}"
    assert "Traceback" not in output, shown
    problems = [line for line in done.stdout.splitlines() if line.startswith("!!")]
    assert problems == [], f"{command!r} printed problems:\n" + "\n".join(problems)
    if command in EXPECTED_OUTPUT:
        assert re.search(EXPECTED_OUTPUT[command], done.stdout), done.stdout[-3000:]


@pytest.mark.parametrize("command", BENCHMARKS)
def test_benchmark_commands_name_a_script_and_options_it_has(command):
    script = benchmark_script(command)
    assert script is not None and (PROJECT_ROOT / script).exists(), f"{command!r}: {script} does not exist"
    done = subprocess.run(
        [str(VENV_BIN / "python"), script, "--help"], cwd=PROJECT_ROOT, env=_env(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    shown = set(re.findall(r"--[\w-]+", done.stdout))
    missing = [w for w in shlex.split(command)[2:] if w.startswith("--") and w.split("=")[0] not in shown]
    assert missing == [], f"{command!r}: {script} has no option {missing} (its --help shows {sorted(shown)})"


@pytest.mark.parametrize("command", sorted(NOT_RUN))
def test_commands_not_run_still_name_what_exists(command):
    words = shlex.split(command)
    while words and re.match(r"^[A-Z_]+=", words[0]):
        words.pop(0)
    if words[0] == "make":
        target = next(w for w in words[1:] if not w.startswith("-") and "=" not in w)
        done = subprocess.run(["make", "-n", target], cwd=PROJECT_ROOT, env=_env(), capture_output=True, text=True)
        assert done.returncode == 0 and "No rule" not in done.stderr, done.stderr
    for word in words:
        if "/" in word and not word.startswith("-"):
            assert (PROJECT_ROOT / word).exists(), f"{command!r}: {word} does not exist"
