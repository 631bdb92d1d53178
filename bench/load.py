"""Concurrent signed-request load: users on keep-alive connections, timed request by request.

Requests are signed exactly as Slack signs them (`slack_sim.requests.sign`) at the moment
they are sent, and timed from the first byte written to the last byte read.
"""

from __future__ import annotations

import http.client
import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from slack_sim import requests as req

FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Sample:
    """One request's outcome: what it was, how long it took, what came back."""

    kind: str
    seconds: float
    status: int
    body: bytes
    started: float


class Connection:
    """One user's keep-alive HTTP connection to a served app, reopened when it drops."""

    def __init__(self, url: str, secret: str) -> None:
        """Talk to the app at url, signing with secret."""
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.secret = secret
        self._conn: http.client.HTTPConnection | None = None

    def post(
        self,
        kind: str,
        body: bytes,
        *,
        content_type: str = FORM,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> Sample:
        """POST a signed body and return the timed outcome (status 0 on a broken connection)."""
        all_headers = {"Content-Type": content_type, **req.sign(self.secret, body)}
        all_headers |= headers or {}
        for attempt in range(2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            started = time.perf_counter()
            try:
                self._conn.request("POST", path, body=body, headers=all_headers)
                response = self._conn.getresponse()
                answer = response.read()
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == 0:
                    continue  # a keep-alive connection the server closed: reconnect once
                return Sample(kind, time.perf_counter() - started, 0, b"", started)
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return Sample(kind, time.perf_counter() - started, response.status, answer, started)
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the connection."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def percentile(values: Sequence[float], pct: float) -> float:
    """Return the pct-th percentile (nearest rank) of values; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Summary:
    """Latency figures of a set of samples, in milliseconds."""

    count: int
    failed: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    per_second: float


def summarize(samples: Sequence[Sample], ok: Callable[[Sample], bool] | None = None) -> Summary:
    """Summarize samples; failed counts those that are not ok (default: status 200)."""
    check = ok or (lambda sample: sample.status == 200)
    times = [s.seconds * 1000 for s in samples]
    span = (
        max(s.started + s.seconds for s in samples) - min(s.started for s in samples)
        if samples
        else 0.0
    )
    return Summary(
        count=len(samples),
        failed=sum(1 for s in samples if not check(s)),
        p50_ms=percentile(times, 50),
        p99_ms=percentile(times, 99),
        max_ms=max(times, default=math.nan),
        per_second=len(samples) / span if span > 0 else math.nan,
    )


UserScript = Callable[[int, Connection], list[Sample]]


def run_users(url: str, secret: str, users: int, script: UserScript) -> list[Sample]:
    """Run script for each user in its own thread on its own connection, all starting together."""
    results: list[list[Sample]] = [[] for _ in range(users)]
    errors: list[BaseException] = []
    start = threading.Barrier(users)

    def user(index: int) -> None:
        """Run one user on their own connection."""
        connection = Connection(url, secret)
        try:
            start.wait()
            results[index] = script(index, connection)
        except BaseException as exc:  # reported to the caller below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=user, args=(i,), name=f"user-{i}") for i in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return [sample for found in results for sample in found]
