"""`python -m bot serve` as an operator runs it: gunicorn, /healthz, a signed command, SIGTERM."""

from __future__ import annotations

import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.texts import Texts
from bot.texts import needs as t
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from tests.harness import ANNA, SECRET_KEY, SIGNING_SECRET

CONFIG = """
[channels]
working_group = "C0ARBETS1"
[roles]
coordinators = ["U0LEDARE1"]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> float:
    """Poll /healthz until it answers 200; return the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)  # waiting for a separate process to bind its port
    raise AssertionError("serve never became healthy")


@pytest.fixture
def served(
    standin: SimulatedSlack, tmp_path: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    config = tmp_path / "samverkan.toml"
    config.write_text(CONFIG, encoding="utf-8")
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BOT_SECRET_KEY": SECRET_KEY,
        "SLACK_API_URL": standin.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db",
        "BOT_CONFIG": str(config),
        "PORT": str(port),
        "BOT_TICK_SECONDS": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        if process.stdout:
            process.stdout.close()


def test_serve_answers_health_and_signed_commands_then_stops_on_sigterm(
    served: tuple[str, subprocess.Popen[bytes]], standin: SimulatedSlack
) -> None:
    url, process = served
    wait_healthy(url, process)
    body = req.slash_command(
        "/behov", "hjälp", user_id=ANNA, response_url=standin.response_url("serve")
    )
    request = urllib.request.Request(
        url + "/slack/events",
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            **req.sign(SIGNING_SECRET, body),
        },
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
    assert standin.wait_for_response(1)[-1]["text"] == Texts("sv")(t.HELP)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    output = process.stdout.read().decode() if process.stdout else ""
    assert "gunicorn" in output.lower() or "Booting worker" in output
    assert "xoxb-test-token" not in output
    assert SIGNING_SECRET not in output


def test_an_operators_malloc_arena_max_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.runtime import limit_malloc_arenas

    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas() is False


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's mallopt")
def test_the_web_process_caps_malloc_arenas_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.runtime import limit_malloc_arenas

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_malloc_arenas() is True
