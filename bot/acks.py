"""Slack requests waiting for their ack, so that work after the ack can give way to them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class AckWatch:
    """Counts the Slack requests this process has not yet answered."""

    def __init__(self) -> None:
        """Start with none waiting."""
        self._waiting = 0
        self._changed = threading.Condition()

    @contextmanager
    def answering(self) -> Iterator[None]:
        """Count one request as waiting while the block runs (until its answer is ready)."""
        with self._changed:
            self._waiting += 1
        try:
            yield
        finally:
            with self._changed:
                self._waiting -= 1
                if self._waiting == 0:
                    self._changed.notify_all()

    def waiting(self) -> int:
        """Return how many requests wait for their answer now."""
        with self._changed:
            return self._waiting

    def wait_quiet(self, timeout: float) -> bool:
        """Wait until no request waits for its answer, at most timeout seconds; tell if it came."""
        with self._changed:
            return self._changed.wait_for(lambda: self._waiting == 0, timeout)
