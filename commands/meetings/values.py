"""What the meeting rhythm writes on its buttons and forms, read back through the codec."""

from __future__ import annotations

from commands.edge.codec import RowId, Value
from commands.edge.requests import ChannelId


class MeetingRef(Value):
    """One meeting: the answer, agenda, invite, move, cancel and attendance buttons."""

    meeting: RowId


class SeriesRef(Value):
    """One meeting series: the change, pause and resume buttons."""

    series: RowId


class MeetingForm(Value):
    """A form about one meeting, and the channel it was opened in (where the answer goes)."""

    meeting: RowId
    channel: ChannelId | None = None


class SeriesForm(Value):
    """The series form: the series it changes (none: a new one), and the channel it came from."""

    series: RowId | None = None
    channel: ChannelId | None = None
