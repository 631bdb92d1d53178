"""How trainings write numbers, dates and names in their messages, forms and results."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import SectionBlock

from bot.domain.trainings import SUBJECT_LABELS, SUBJECT_TOPICS, Subject
from bot.texts import Texts, formats
from bot.texts import followup as ft
from bot.texts import trainings as t
from commands import blocks as b
from storage.models import Training

TEXT_SECTION_MAX = 2800  # characters of one section of lines (Slack allows 3,000)


def decimal(tr: Texts, value: float, digits: int = 1) -> str:
    """Write a number with the language's decimal mark (2,5 in Swedish)."""
    return formats.number(tr.language, value, digits, fixed=True)


def signed(tr: Texts, value: float, digits: int = 1) -> str:
    """Write a change with its sign (+1,2 / −0,5)."""
    text = decimal(tr, abs(value), digits)
    if round(value, digits) == 0:
        return decimal(tr, 0.0, digits)
    return f"+{text}" if value > 0 else f"−{text}"


def percent(tr: Texts, share: float) -> str:
    """Write a share as a whole percentage (75 % in Swedish)."""
    return formats.percent(tr.language, share)


def p_value(tr: Texts, value: float) -> str:
    """Write a p-value with two or three decimals, or as below 0.001."""
    if value < 0.001:
        return "< " + decimal(tr, 0.001, 3)
    return decimal(tr, value, 2 if value >= 0.01 else 3)


def local_date(tr: Texts, moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date briefly: 2026-12-08, 8 Dec 2026."""
    return formats.short_date(tr.language, moment.astimezone(tz).date())


def local_datetime(tr: Texts, moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date and time briefly: 2026-12-08 09.05, 8 Dec 2026 09:05."""
    return formats.short_date_time(tr.language, moment.astimezone(tz))


def when_text(tr: Texts, training: Training, tz: ZoneInfo) -> str:
    """Write when a training is: date and local times, or only the date of a report-back."""
    if training.ends_at <= training.starts_at:
        return local_date(tr, training.starts_at, tz)
    start, end = training.starts_at.astimezone(tz), training.ends_at.astimezone(tz)
    clock = f"{formats.clock(tr.language, start)}–{formats.clock(tr.language, end)}"
    return f"{formats.short_date(tr.language, start.date())} {clock}"


def subject_label(tr: Texts, subject: str) -> str:
    """Return a subject's label, or the stored value if it is no longer known."""
    try:
        return tr(SUBJECT_LABELS[Subject(subject)])
    except ValueError:
        return subject


def topic(tr: Texts, subject: str) -> str:
    """Return the phrase the evaluation's questions use for a subject."""
    try:
        return tr(SUBJECT_TOPICS[Subject(subject)])
    except ValueError:
        return tr(t.TOPIC_OTHER)


def title_text(training: Training) -> str:
    """Return a training's title, escaped for mrkdwn and without bold markers."""
    return b.escape(training.title.replace("*", ""))


def where_text(tr: Texts, training: Training) -> str:
    """Say where the evaluation goes."""
    if training.evaluation_channel:
        return tr(t.EVAL_TO_CHANNEL, channel=training.evaluation_channel)
    return tr(t.EVAL_TO_PARTICIPANTS, count=len(training.evaluation_participants))


def sections(lines: Sequence[str]) -> list[SectionBlock]:
    """Return lines as few sections as Slack's limit allows, never splitting a line."""
    return [b.section(chunk) for chunk in b.chunk_lines(lines, TEXT_SECTION_MAX)]


def participants_phrase(
    tr: Texts,
    *,
    held: int,
    registered: int,
    reported: int,
    expected_participants: int,
    reported_participants: int,
    answers: int,
) -> str:
    """Say trainings held and their participants by kind, never added together.

    Expected participants (registrations) and answers are said when trainings were
    registered, participants reported back when trainings were reported; zero in words.
    """
    said = [tr.count(ft.TRAININGS_COUNT, held)]
    if registered:
        said.append(tr.count(ft.PARTICIPANTS_EXPECTED, expected_participants))
    if reported:
        said.append(tr.count(ft.PARTICIPANTS_REPORTED, reported_participants))
    if registered:
        said.append(tr.count(ft.PARTICIPANTS_ANSWERED, answers))
    return ", ".join(said)
