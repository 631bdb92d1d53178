"""Tracebacks for the log with every exception message withheld: messages may hold people's text.

A ValueError quotes the input it refused, pydantic's errors carry `input_value`, a database
driver's DETAIL line quotes the row: any of them may be what a person typed. The frames and the
exception types are kept, which is what finding the fault needs.
"""

from __future__ import annotations

import traceback

WITHHELD = "(message withheld)"


def withheld(exc: BaseException) -> str:
    """Return exc's traceback, causes first as Python prints them, with no exception message."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if current.__cause__ is not None or current.__suppress_context__:
            current = current.__cause__
        else:
            current = current.__context__
    parts = []
    for fault in reversed(chain):
        frames = "".join(
            traceback.StackSummary.extract(traceback.walk_tb(fault.__traceback__)).format()
        )
        name = f"{type(fault).__module__}.{type(fault).__qualname__}"
        parts.append(f"Traceback (most recent call last):\n{frames}{name} {WITHHELD}")
    return "\n\nwhich led to:\n\n".join(parts)
