"""Meeting series: the coordinators create, change, pause and resume them."""

from __future__ import annotations

from bot.domain.meetings import SeriesInput, validate_series
from commands.edge.codec import NoValue
from commands.edge.ids import Field
from commands.edge.interaction import Click, Interaction, Submission
from commands.edge.requests import FormState
from commands.meetings import usecases_series
from commands.meetings.render.forms import SERIES_FIELDS
from commands.meetings.replies import coordinator, finish_form, picked, show_form, tell_outcome
from commands.meetings.values import SeriesForm, SeriesRef


def open_series_form(ix: Interaction, series: int | None = None) -> None:
    """Open the form of a new series (None) or of a stored one (coordinators only)."""
    manager = coordinator(ix)
    with ix.bot.db.reading() as session:
        form = usecases_series.open_series_form(
            ix.bot, session, manager, series, ix.channel
        )
    show_form(ix, form)


def handle_series_new(ix: Click[NoValue]) -> None:
    """Open the form for a new meeting series."""
    open_series_form(ix)


def handle_series_edit(ix: Click[SeriesRef]) -> None:
    """Open the change form of a meeting series."""
    open_series_form(ix, ix.value.series)


def read_series_input(form: FormState) -> SeriesInput:
    """Read the series form's state into a SeriesInput."""
    first_date, first_time = picked(form, Field.SERIES_FIRST_DATE, Field.SERIES_FIRST_TIME)
    return SeriesInput(
        kind=form.selected(Field.SERIES_KIND),
        title=form.text(Field.SERIES_TITLE),
        first_date=first_date,
        first_time=first_time,
        duration=form.text(Field.SERIES_DURATION),
        frequency=form.selected(Field.SERIES_FREQUENCY),
        weeks=form.selected_many(Field.SERIES_WEEKS),
        rrule=form.text(Field.SERIES_RRULE),
        location=form.text(Field.SERIES_LOCATION),
        call_before=form.text(Field.SERIES_CALL_BEFORE),
        reminder_before=form.text(Field.SERIES_REMINDER_BEFORE),
        summary_before=form.text(Field.SERIES_SUMMARY_BEFORE),
        skip_months=form.selected_many(Field.SERIES_SKIP_MONTHS),
        on_holiday=form.selected(Field.SERIES_ON_HOLIDAY),
        agenda=form.text(Field.SERIES_AGENDA),
    )


def handle_series_submission(ix: Submission[SeriesForm]) -> None:
    """Create or change a meeting series, then plan its meetings (coordinators only)."""
    check = validate_series(read_series_input(ix.form))
    if check.draft is None:
        ix.field_errors(list(check.errors), SERIES_FIELDS)
        return
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases_series.save_series(
            ix.bot, session, manager, ix.metadata.series, check.draft, source=ix.view_id
        )
    finish_form(ix, outcome)


def _pause(ix: Click[SeriesRef], pause: bool) -> None:
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases_series.pause_series(
            ix.bot, session, manager, ix.value.series, pause=pause
        )
    tell_outcome(ix, outcome)


def handle_series_pause(ix: Click[SeriesRef]) -> None:
    """Pause a meeting series (coordinators only)."""
    _pause(ix, True)


def handle_series_resume(ix: Click[SeriesRef]) -> None:
    """Resume a paused meeting series (coordinators only)."""
    _pause(ix, False)
