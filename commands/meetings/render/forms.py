"""The meeting rhythm's forms: substitute, agenda item, move, cancel, attendance, contacts, series.

Each input has one id in `Field`: the series form's are "meeting_series_" and the domain's
field name, the other forms' "meeting_" and theirs, so inline errors map by `form_fields`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import InputBlock, Option
from slack_sdk.models.views import View

from bot.domain.meetings import (
    AGENDA_ITEM_MAX,
    FREQUENCY_LABELS,
    KIND_LABELS,
    LOCATION_MAX,
    ON_HOLIDAY_LABELS,
    REASON_MAX,
    RRULE_MAX,
    SUBSTITUTE_MAX,
    TITLE_MAX,
    WEEK_LABELS,
    Frequency,
    MeetingKind,
    SeriesInput,
    friendly_rule,
    to_local,
)
from bot.durations import format_duration
from bot.texts import Msg, Texts, formats
from bot.texts import common as c
from bot.texts import meetings as t
from commands import blocks as b
from commands.edge.codec import encode_metadata
from commands.edge.ids import Callback, Field, form_fields
from commands.meetings.render.messages import MeetingInfo, name_of
from commands.meetings.values import MeetingForm, SeriesForm
from commands.needs.search import needs_input
from storage.models import MeetingSeries

SERIES_FIELDS = form_fields("meeting_series_")
MEETING_FIELDS = form_fields("meeting_")
K = TypeVar("K", bound=str)
AGENDA_LINES_MAX = 3000  # characters of the standing agenda, one item a line


@dataclass(frozen=True)
class _Modal:
    """What tells the forms about one meeting apart: title, intro, callback id and buttons."""

    title: Msg
    intro: Msg
    callback_id: Callback
    submit: Msg = c.SAVE
    close: Msg = c.CANCEL


SUBSTITUTE = _Modal(t.SUBSTITUTE_TITLE, t.SUBSTITUTE_INTRO, Callback.MEETING_SUBSTITUTE)
AGENDA = _Modal(t.AGENDA_TITLE, t.AGENDA_INTRO, Callback.MEETING_AGENDA)
MOVE = _Modal(t.MOVE_TITLE, t.MOVE_INTRO, Callback.MEETING_MOVE, t.MOVE_SUBMIT)
CANCEL = _Modal(t.CANCEL_TITLE, t.CANCEL_INTRO, Callback.MEETING_CANCEL, t.CANCEL_SUBMIT, c.CLOSE)
ATTENDANCE = _Modal(t.ATTENDANCE_TITLE, t.ATTENDANCE_INTRO, Callback.MEETING_ATTENDANCE)


def _meeting_modal(
    tr: Texts,
    tz: ZoneInfo,
    meeting: MeetingInfo,
    channel: str | None,
    modal: _Modal,
    inputs: Sequence[SlackBlock],
) -> View:
    """Return a form about one meeting: a first section naming it, then the inputs."""
    return b.modal(
        tr(modal.title),
        [b.section(tr(modal.intro, **name_of(tr, tz, meeting))), *inputs],
        callback_id=modal.callback_id,
        submit=tr(modal.submit),
        close=tr(modal.close),
        private_metadata=encode_metadata(MeetingForm(meeting=meeting.id, channel=channel)),
    )


def substitute_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal that asks for the substitute's name."""
    hint = tr(t.SUBSTITUTE_HINT)
    name = b.text_input(
        tr(t.SUBSTITUTE_LABEL), Field.MEETING_SUBSTITUTE_NAME, max_length=SUBSTITUTE_MAX, hint=hint
    )
    return _meeting_modal(tr, tz, meeting, channel, SUBSTITUTE, [name])


def agenda_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal where a partner adds an agenda item."""
    label, hint = tr(t.AGENDA_LABEL), tr(t.AGENDA_HINT, limit=AGENDA_ITEM_MAX)
    item = b.text_input(
        label, Field.MEETING_AGENDA_ITEM, multiline=True, max_length=AGENDA_ITEM_MAX, hint=hint
    )
    return _meeting_modal(tr, tz, meeting, channel, AGENDA, [item])


def _reason_input(tr: Texts) -> InputBlock:
    """Return the optional reason input."""
    return b.text_input(
        tr(t.REASON_LABEL),
        Field.MEETING_REASON,
        multiline=True,
        max_length=REASON_MAX,
        hint=tr(t.REASON_HINT),
        optional=True,
    )


def move_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal that moves one meeting."""
    local = to_local(meeting.start, tz)
    inputs = [
        b.date_input(tr(t.MOVE_DATE), Field.MEETING_DATE, initial=local.date().isoformat()),
        b.time_input(tr(t.MOVE_TIME), Field.MEETING_TIME, initial=local.strftime("%H:%M")),
        _reason_input(tr),
    ]
    return _meeting_modal(tr, tz, meeting, channel, MOVE, inputs)


def cancel_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal that cancels one meeting."""
    return _meeting_modal(tr, tz, meeting, channel, CANCEL, [_reason_input(tr)])


def attendance_form(
    tr: Texts,
    tz: ZoneInfo,
    meeting: MeetingInfo,
    organizations: Sequence[tuple[str, str]],
    attended: set[str],
    offers_needs: bool,
    channel: str | None,
) -> View:
    """Return the modal where a coordinator records attendance and the needs taken up.

    The needs (new ones, searched as the coordinator types) are offered when any is new.
    """
    label, present = tr(t.ATTENDANCE_LABEL), [b.option(name, org) for org, name in organizations]
    inputs: list[SlackBlock] = [
        b.multi_select_input(
            label,
            Field.MEETING_ATTENDED,
            present,
            initial=sorted(attended),
            optional=True,
            served=True,
        )
    ]
    if offers_needs:
        label, hint = tr(t.ATTENDANCE_NEEDS_LABEL), tr(t.ATTENDANCE_NEEDS_HINT)
        inputs.append(needs_input(tr, label, Field.MEETING_NEEDS_TAKEN_UP, hint=hint))
    else:
        inputs.append(b.context(tr(t.ATTENDANCE_NO_NEEDS)))
    return _meeting_modal(tr, tz, meeting, channel, ATTENDANCE, inputs)


def contacts_form(tr: Texts, current: Sequence[str]) -> View:
    """Return the modal where a coordinator chooses the working group's contact persons."""
    people = b.users_input(
        tr(t.CONTACTS_LABEL), Field.MEETING_CONTACT_USERS, initial=sorted(current), optional=True
    )
    intro = b.section(tr(t.CONTACTS_INTRO))
    return b.modal(
        tr(t.CONTACTS_TITLE),
        [intro, people],
        callback_id=Callback.MEETING_CONTACTS,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
    )


def series_input(series: MeetingSeries) -> SeriesInput:
    """Return a stored series as form input, to fill in the change form."""
    friendly = friendly_rule(series.rrule)
    return SeriesInput(
        kind=series.kind,
        title=series.title,
        first_date=series.start_local.date().isoformat(),
        first_time=series.start_local.strftime("%H:%M"),
        duration=format_duration(timedelta(seconds=series.duration_s)),
        frequency=friendly.frequency.value if friendly else None,
        weeks=list(friendly.weeks) if friendly else [],
        rrule=None if friendly else series.rrule,
        location=series.location,
        call_before=format_duration(timedelta(seconds=series.call_before_s)),
        reminder_before=format_duration(timedelta(seconds=series.reminder_before_s)),
        summary_before=(
            format_duration(timedelta(seconds=series.summary_before_s))
            if series.summary_before_s
            else None
        ),
        skip_months=[str(m) for m in series.skip_months],
        on_holiday=series.on_holiday,
        agenda="\n".join(series.agenda),
    )


NEW_SERIES = SeriesInput(
    kind=MeetingKind.WORKING_GROUP.value,
    title=None,
    first_date=None,
    first_time="09:00",
    duration="2h",
    frequency=Frequency.MONTHLY.value,
    weeks=[],
    rrule=None,
    location=None,
    call_before="7d",
    reminder_before="1d",
    summary_before=None,
    skip_months=["7"],
    on_holiday="next_weekday",
    agenda=None,
)


def _options(tr: Texts, labels: Mapping[K, Msg]) -> list[Option]:
    """Return the options of a choice whose values are the labels' keys."""
    return [b.option(tr(label), str(value)) for value, label in labels.items()]


def series_form(
    tr: Texts, initial: SeriesInput, series_id: int | None, channel: str | None = None
) -> View:
    """Return the form that creates or changes a meeting series."""

    def text(
        label: Msg,
        field: Field,
        value: str | None,
        hint: Msg | None = None,
        *,
        length: int = 10,
        optional: bool = False,
        multiline: bool = False,
    ) -> InputBlock:
        return b.text_input(
            tr(label),
            field,
            multiline=multiline,
            max_length=length,
            initial=value,
            hint=tr(hint) if hint else None,
            optional=optional,
        )

    given, lead = initial, t.LEAD_HINT
    months = [
        b.option(formats.month_name(tr.language, n).capitalize(), str(n)) for n in range(1, 13)
    ]
    blocks: list[SlackBlock] = [
        b.section(tr(t.SERIES_INTRO)),
        b.select_input(
            tr(t.SERIES_KIND), Field.SERIES_KIND, _options(tr, KIND_LABELS), initial=given.kind
        ),
        text(t.SERIES_NAME, Field.SERIES_TITLE, given.title, length=TITLE_MAX),
        b.date_input(tr(t.SERIES_FIRST_DATE), Field.SERIES_FIRST_DATE, initial=given.first_date),
        b.time_input(tr(t.SERIES_FIRST_TIME), Field.SERIES_FIRST_TIME, initial=given.first_time),
        text(t.SERIES_DURATION, Field.SERIES_DURATION, given.duration, t.DURATION_HINT),
        b.select_input(
            tr(t.SERIES_FREQUENCY),
            Field.SERIES_FREQUENCY,
            _options(tr, FREQUENCY_LABELS),
            initial=given.frequency,
            optional=True,
        ),
        b.multi_select_input(
            tr(t.SERIES_WEEKS),
            Field.SERIES_WEEKS,
            _options(tr, WEEK_LABELS),
            initial=given.weeks,
            optional=True,
            hint=tr(t.WEEKS_HINT),
        ),
        text(
            t.SERIES_RRULE,
            Field.SERIES_RRULE,
            given.rrule,
            t.RRULE_HINT,
            length=RRULE_MAX,
            optional=True,
        ),
        text(
            t.SERIES_LOCATION,
            Field.SERIES_LOCATION,
            given.location,
            length=LOCATION_MAX,
            optional=True,
        ),
        text(t.SERIES_CALL_BEFORE, Field.SERIES_CALL_BEFORE, given.call_before, lead),
        text(t.SERIES_REMINDER_BEFORE, Field.SERIES_REMINDER_BEFORE, given.reminder_before, lead),
        text(
            t.SERIES_SUMMARY_BEFORE,
            Field.SERIES_SUMMARY_BEFORE,
            given.summary_before,
            t.SUMMARY_HINT,
            optional=True,
        ),
        b.multi_select_input(
            tr(t.SERIES_SKIP_MONTHS),
            Field.SERIES_SKIP_MONTHS,
            months,
            initial=given.skip_months,
            optional=True,
        ),
        b.radio_input(
            tr(t.SERIES_ON_HOLIDAY),
            Field.SERIES_ON_HOLIDAY,
            _options(tr, ON_HOLIDAY_LABELS),
            initial=given.on_holiday,
        ),
        text(
            t.SERIES_AGENDA,
            Field.SERIES_AGENDA,
            given.agenda,
            t.AGENDA_LINES_HINT,
            length=AGENDA_LINES_MAX,
            optional=True,
            multiline=True,
        ),
    ]
    title = t.SERIES_TITLE_EDIT if series_id is not None else t.SERIES_TITLE_NEW
    return b.modal(
        tr(title),
        blocks,
        callback_id=Callback.MEETING_SERIES_FORM,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=encode_metadata(SeriesForm(series=series_id, channel=channel)),
    )
