"""Durations as the configuration writes them: 30s, 90m, 2h, 7d."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(r"^\s*([0-9]{1,9})\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
DURATION_HINT = "a whole number followed by s, m, h or d, e.g. 30s, 90m, 2h, 7d"


def parse_duration(text: str) -> timedelta:
    """Parse a duration such as 90m into a timedelta, or raise ValueError."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration; use {DURATION_HINT}")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def format_duration(value: timedelta) -> str:
    """Write a timedelta back in the configuration's notation, largest whole unit."""
    seconds = int(value.total_seconds())
    for suffix, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{suffix}"
    return f"{seconds}s"
