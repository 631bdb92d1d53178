"""What actions and minutes write on their buttons and forms, read back through the codec.

The minutes and not-held buttons of a meeting carry the meetings' own MeetingRef.
"""

from __future__ import annotations

from typing import Literal

from commands.edge.codec import RowId, Value
from commands.edge.requests import ChannelId


class ActionRef(Value):
    """One action: the show, report, done, cancel and confirm buttons."""

    action: RowId


class ActionForm(Value):
    """A form about one action (progress, cancel), and the channel it was opened in."""

    action: RowId
    channel: ChannelId | None = None


class NewAction(Value):
    """The new-action form: the meeting it comes from (if any), and the channel it came from."""

    meeting: RowId | None = None
    channel: ChannelId | None = None


class ActionList(Value):
    """The list's filter button: everyone's actions or the person's organisation's; closed too."""

    scope: Literal["all", "own"]
    closed: bool = False


class MinutesRef(Value):
    """One meeting's minutes: the show button."""

    minutes: RowId


class MinutesForm(Value):
    """The minutes form: the meeting, and the channel it was opened in (where the answer goes)."""

    meeting: RowId
    channel: ChannelId | None = None
