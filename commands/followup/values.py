"""What the follow-up writes on its buttons and forms, read back through the codec."""

from __future__ import annotations

from commands.edge.codec import RowId, Value


class ValueRef(Value):
    """One recorded indicator value (the value list's correct button)."""

    value: RowId


class ValueForm(Value):
    """The value form's metadata: the value it corrects, or none when it records a new one."""

    correcting: RowId | None = None
