"""The container image, without a Docker engine: the Dockerfile's rules are checked, and its build steps are played
in a temporary folder (COPY, RUN, ENV, USER as the image would have them), then the image's command is started and
its health check must pass against the emulator.

With a Docker engine (``docker info`` answers) the real image is built and run instead. Playing the build installs
the dependencies from PyPI (about a minute): it runs when TIPLINE_TEST_IMAGE=1 (``.ci/run`` sets it) or Docker is
there; the rules are checked always.
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import shutil
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.config import generate_data_key, generate_pepper
from bot.emulator.server import TelegramEmulator
from bot.paths import PROJECT_ROOT
from tests.conftest import TEST_TOKEN

DOCKERFILE = PROJECT_ROOT / "Dockerfile"
DOCKERIGNORE = PROJECT_ROOT / ".dockerignore"


@dataclass
class Step:
    instruction: str
    argument: str


@dataclass
class Image:
    steps: list[Step] = field(default_factory=list)

    def all(self, instruction: str) -> list[str]:
        return [s.argument for s in self.steps if s.instruction == instruction]


def parse(path: Path = DOCKERFILE) -> Image:
    image = Image()
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        instruction, _, argument = line.partition(" ")
        image.steps.append(Step(instruction.upper(), argument.strip()))
    return image


def _env_pairs(argument: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in shlex.split(argument))


def test_the_dockerfile_follows_the_rules():
    image = parse()
    assert image.all("FROM") == ["python:3.11-slim"], "one slim stage, on the Python the project supports"
    users = image.all("USER")
    assert users and users[-1] not in ("root", "0"), "the bot runs without privileges"
    last_user = max(i for i, s in enumerate(image.steps) if s.instruction == "USER")
    assert all(s.instruction not in ("RUN", "COPY") for s in image.steps[last_user:]), "nothing built as that user"
    runs = " ".join(image.all("RUN"))
    assert "scripts/i18n.py compile" in runs, "translations are compiled when the image is built"
    [health] = image.all("HEALTHCHECK")
    assert "/healthz" in health
    assert json.loads(image.all("CMD")[-1]) == ["tipline", "run", "--webhook"]
    for copy in image.all("COPY"):
        *sources, _target = shlex.split(copy)
        for source in sources:
            assert (PROJECT_ROOT / source).exists(), f"COPY {source}: not in the repository"
    ignored = {line.strip() for line in DOCKERIGNORE.read_text().splitlines() if line and not line.startswith("#")}
    assert {".env", "data", ".venv", ".git"} <= ignored, "no secrets, data or environments go into the image"
    assert "TIPLINE_ENV=production" in " ".join(image.all("ENV")), "the image refuses to start without real secrets"


def _docker_available() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True, check=False).returncode == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _play_build(image: Image, root: Path) -> dict[str, str]:
    """COPY and RUN into ``root`` (``/app`` and ``/opt/venv`` mapped inside it); returns the image's ENV."""
    app, venv = root / "app", root / "venv"
    mapping = {"/opt/venv": str(venv), "/app": str(app)}

    def mapped(text: str) -> str:
        for inside, outside in mapping.items():
            text = text.replace(inside, outside)
        return text

    env: dict[str, str] = {}
    workdir = root
    for step in image.steps:
        if step.instruction == "WORKDIR":
            workdir = Path(mapped(step.argument))
            workdir.mkdir(parents=True, exist_ok=True)
        elif step.instruction == "COPY":
            *sources, target = shlex.split(step.argument)
            destination = workdir / target
            into_folder = len(sources) > 1 or target.endswith("/")
            for source in sources:
                path = PROJECT_ROOT / source
                if path.is_dir():  # a folder's contents go to the target, as Docker does
                    shutil.copytree(path, destination, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
                else:
                    target_file = destination / path.name if into_folder else destination
                    target_file.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target_file)
        elif step.instruction == "RUN":
            if step.argument.startswith("useradd"):
                continue  # the user exists inside the image only
            result = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", mapped(step.argument)],
                cwd=workdir,
                env={**os.environ, **env, "PIP_NO_CACHE_DIR": "1", "PYTHONDONTWRITEBYTECODE": "1"},
                capture_output=True,
                text=True,
                check=False,
            )
            assert result.returncode == 0, (
                f"RUN {step.argument} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        elif step.instruction == "ENV":
            env.update(
                {k: mapped(v.replace("$PATH", os.environ["PATH"])) for k, v in _env_pairs(step.argument).items()}
            )
    env["_WORKDIR"] = str(workdir)
    return env


@pytest.mark.skipif(
    os.environ.get("TIPLINE_TEST_IMAGE") != "1" and not _docker_available(),
    reason="playing the image's build installs from PyPI: set TIPLINE_TEST_IMAGE=1 (.ci/run does)",
)
async def test_the_image_builds_and_its_container_answers_healthz(tmp_path):
    image = parse()
    docker = _docker_available()
    if docker:  # the real thing: build the image, run it on the host's network
        built = await asyncio.to_thread(
            subprocess.run, ["docker", "build", "-q", "-t", "tipline-test", str(PROJECT_ROOT)], capture_output=True
        )
        assert built.returncode == 0, built.stderr[-3000:]
        env = {"_WORKDIR": str(tmp_path)}
    else:
        env = await asyncio.to_thread(_play_build, image, tmp_path)
    port = _free_port()
    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        run_env = {
            **{k: v for k, v in env.items() if not k.startswith("_")},
            "HOME": str(tmp_path),
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": emulator.base_url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'tipline.db'}",
            "EVIDENCE_DIR": str(tmp_path / "evidence"),
            "DATA_KEYS": generate_data_key("k1"),
            "PEPPER": generate_pepper(),
            "WEBHOOK_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_SECRET": "image-test-secret",
            "WEBHOOK_HOST": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
        }
        command = json.loads(image.all("CMD")[-1])
        if docker:
            inside = {**run_env, "DATABASE_URL": "sqlite+aiosqlite:////var/lib/tipline/tipline.db"}
            for name in ("PATH", "HOME", "EVIDENCE_DIR"):
                inside.pop(name, None)
            command = ["docker", "run", "--rm", "--network=host", *(f"--env={k}={v}" for k, v in inside.items())]
            command.append("tipline-test")
            run_env = dict(os.environ)
        log = tmp_path / "container.log"
        with log.open("w") as out:
            process = subprocess.Popen(command, env=run_env, cwd=env["_WORKDIR"], stderr=out, stdout=out)  # noqa: ASYNC220
        try:
            health_command = json.loads(image.all("HEALTHCHECK")[0].split("CMD", 1)[1].strip())
            health_command = [c.replace("8080", str(port)) for c in health_command]
            for _ in range(300):
                assert process.poll() is None, log.read_text()[-3000:]
                check = await asyncio.to_thread(
                    subprocess.run, health_command, env=run_env, capture_output=True, check=False
                )
                if check.returncode == 0:
                    break
                await asyncio.sleep(0.2)
            else:
                raise AssertionError("the container's health check never passed")
            assert emulator.calls_to("setWebhook"), "the image's command set the webhook"
        finally:
            process.terminate()
            await asyncio.to_thread(process.wait, 20)
        assert emulator.violations == []


def test_compose_and_systemd_files_run_what_the_image_runs():
    compose = (PROJECT_ROOT / "compose.yaml").read_text()
    assert "postgresql+asyncpg://" in compose and "WORKERS" in compose and "build: ." in compose
    unit = (PROJECT_ROOT / "deploy" / "systemd" / "tipline.service").read_text()
    assert "ExecStart=/opt/tipline/.venv/bin/tipline run" in unit and "User=tipline" in unit
