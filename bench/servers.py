"""Start, watch and stop the processes under test: `python -m bot serve` and the bare app."""

from __future__ import annotations

import os
import platform
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sqlalchemy import create_engine, text

from bot.serve import GRACEFUL_SECONDS, THREADS

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def child_env(**values: str) -> dict[str, str]:
    """Return the environment of a child process: ours, the repository importable, values set."""
    env = {**os.environ, **values}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> float:
    """Poll /healthz until it answers 200; return the seconds since the process was started."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"it exited with {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.01)  # polling another process's port: nothing to wait on but time
    raise RuntimeError(f"{url} was not healthy within {timeout:.0f} s")


def rss_mb(pid: int) -> float:
    """Return a process's resident set size in MB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mb(pid: int) -> float:
    """Return a process's proportional set size in MB: shared pages split among their users."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user and system) a process has used, in seconds (0 when gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """Return the ids of a process's children."""
    found: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


@dataclass
class Served:
    """A served HTTP process: gunicorn's master and its workers."""

    name: str
    process: subprocess.Popen[bytes]
    url: str
    startup_seconds: float
    log_path: Path

    def worker_rss_mb(self) -> float:
        """Return the resident size of the worker(s), where requests are handled."""
        return sum(rss_mb(pid) for pid in children(self.process.pid))

    def master_rss_mb(self) -> float:
        """Return the resident size of gunicorn's master process."""
        return rss_mb(self.process.pid)

    def pss_mb(self) -> float:
        """Return the memory master and workers take together (shared pages counted once)."""
        return sum(pss_mb(pid) for pid in [self.process.pid, *children(self.process.pid)])

    def cpu_seconds(self) -> float:
        """Return the CPU time master and workers have used so far, in seconds."""
        return sum(cpu_seconds(pid) for pid in [self.process.pid, *children(self.process.pid)])

    def stop(self) -> int:
        """Stop with SIGTERM as an operator would; return the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=GRACEFUL_SECONDS + 5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        return self.process.returncode

    def log(self) -> str:
        """Return what the process wrote so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def _start(name: str, argv: list[str], env: dict[str, str], workdir: Path, port: int) -> Served:
    """Start a process, wait until /healthz answers and return it."""
    log_path = workdir / f"{name}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(argv, env=env, cwd=workdir, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        seconds = wait_healthy(url, process)
    except RuntimeError as exc:
        process.kill()
        process.wait(10)
        tail = log_path.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{name}: {exc}\n{tail}") from None
    return Served(name, process, url, seconds, log_path)


def start_bot(env: dict[str, str], workdir: Path, name: str = "bot") -> Served:
    """Start `python -m bot serve` (gunicorn, the scheduler in-process) as an operator does."""
    port = free_port()
    argv = [sys.executable, "-m", "bot", "serve"]
    return _start(name, argv, child_env(**env, PORT=str(port)), workdir, port)


def gunicorn_argv(app: str, port: int, workers: int) -> list[str]:
    """Return the command line of gunicorn with the bot's worker class, threads and timeouts."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(THREADS),
        "--timeout",
        "30",
        "--graceful-timeout",
        str(GRACEFUL_SECONDS),
        "--bind",
        f"0.0.0.0:{port}",
        app,
    ]


def start_bare(signing_secret: str, api_url: str, workdir: Path, workers: int = 1) -> Served:
    """Start the bare Bolt app under gunicorn with the bot's worker, thread and timeout settings."""
    port = free_port()
    env = child_env(SLACK_SIGNING_SECRET=signing_secret, SLACK_API_URL=api_url)
    argv = gunicorn_argv("bench.bare_app:application", port, workers)
    return _start(f"bare-{workers}", argv, env, workdir, port)


def start_procfile_web(env: dict[str, str], workdir: Path, workers: int = 2) -> Served:
    """Start the Procfile's web process: `gunicorn bot.wsgi:application` with several workers."""
    port = free_port()
    argv = gunicorn_argv("bot.wsgi:application", port, workers)
    argv[3:3] = ["-c", "python:bot.gunicorn_conf"]
    return _start(f"web-{workers}", argv, child_env(**env), workdir, port)


def postgres_version(url: str) -> str | None:
    """Return the PostgreSQL server's version, or None when it cannot be reached."""
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar())
        engine.dispose()
    except Exception:
        return None
    return version


def _cpu_model() -> str:
    """Return the CPU model name."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    """Return the machine's memory in GB."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def machine(pg_url: str | None) -> list[tuple[str, str]]:
    """Describe the machine and software the figures come from."""
    load = os.getloadavg()
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("slack-bolt", "slack-sdk", "gunicorn", "SQLAlchemy", "psycopg")
    )
    return [
        ("CPU", f"{_cpu_model()}, {os.cpu_count()} cores"),
        ("Memory", f"{_memory_gb():.1f} GB"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", (postgres_version(pg_url) if pg_url else None) or "not reachable"),
        ("Packages", versions),
        ("Load average at start", f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"),
    ]
