"""What the needs register writes on its buttons and forms, read back through the codec."""

from __future__ import annotations

from typing import Literal

from bot.domain.needs import NeedStatus
from commands.edge.codec import RowId, Value


class NeedRef(Value):
    """One need (the edit button; the edit form's metadata)."""

    need: RowId


class NeedAt(Value):
    """A need as its card showed it: its status then (withdraw and decline; the decline form)."""

    need: RowId
    status: NeedStatus


class NeedMove(Value):
    """A move button: the need, its status on the card, and where the button moves it."""

    need: RowId
    status: NeedStatus
    target: NeedStatus


class ListScope(Value):
    """The needs list's filter button: everyone's open needs, or the person's organisation's."""

    scope: Literal["all", "own"]
