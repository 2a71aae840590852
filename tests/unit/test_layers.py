"""The layers hold (docs/developing.md, "Layers"): the import contracts in pyproject.toml, and no module over 400
lines outside content/, locales/ and tests/ except those listed below, which only shrink."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
NOT_CHECKED = {"content", "locales", "tests", "data", "build", "node_modules"}

# Modules still over MAX_LINES: their size today (a ceiling: they may not grow) and who splits them. A module that
# is split (MAX_LINES or fewer) fails the test until its line is removed, so the list only shrinks.
STILL_TOO_LONG = {
    "bot/services/registry/index.py": (470, "layers helper (issue 12), left: matching and look-ups are one class"),
}


def python_modules() -> list[Path]:
    def skipped(path: Path) -> bool:
        parts = path.relative_to(ROOT).parts
        return parts[0] in NOT_CHECKED or any(p.startswith(".") or p.endswith(".egg-info") for p in parts)

    return sorted(p for p in ROOT.rglob("*.py") if not skipped(p))


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_import_contracts_hold():
    """The contracts `make lint` checks (``lint-imports``), so that `make test` fails on a broken layer too."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_over_400_lines_except_those_being_split():
    sizes = {path.relative_to(ROOT).as_posix(): line_count(path) for path in python_modules()}
    too_long = {name: n for name, n in sizes.items() if n > MAX_LINES and name not in STILL_TOO_LONG}
    assert too_long == {}, f"split these into modules of at most {MAX_LINES} lines: {too_long}"
    grown = {name: sizes[name] for name, (ceiling, _who) in STILL_TOO_LONG.items() if sizes.get(name, 0) > ceiling}
    assert grown == {}, f"modules waiting to be split may not grow: {grown}"


def test_the_list_of_long_modules_only_shrinks():
    sizes = {path.relative_to(ROOT).as_posix(): line_count(path) for path in python_modules()}
    done = sorted(name for name in STILL_TOO_LONG if sizes.get(name, 0) <= MAX_LINES)
    assert done == [], f"these are split (or gone): remove them from STILL_TOO_LONG: {done}"


def readme_layout() -> set[str]:
    """The paths README's "Layout" block names ("__main__.py, cli/" under "bot/" is bot/__main__.py, bot/cli/)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Layout", 1)[1].split("```", 2)[1]
    paths: set[str] = set()
    parent = ""
    for line in block.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        names = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        for name in (n.strip() for n in names.split(",")):
            path = (parent if indent else "") + name
            paths.add(path.rstrip("/"))
            if not indent and name.endswith("/"):
                parent = name
    return paths


def test_the_readme_layout_matches_the_tree():
    named = readme_layout()
    assert sorted(p for p in named if not (ROOT / p).exists()) == [], "README names what is not there"
    top = {p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in {"data", "build"} and "." not in p.name}
    parts = {f"bot/{p.name}" for p in (ROOT / "bot").iterdir() if p.name not in {"__init__.py", "__pycache__"}}
    assert sorted((top | parts | {".ci/run"}) - named) == [], "README's Layout leaves these out"
