"""What every part of the export reads: texts, zone, the period, organisations and people."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.config import Config
from bot.domain.export import Cell, Sheet
from bot.domain.summary import Window
from bot.texts import Msg, Texts
from bot.texts import followup as t


@dataclass(frozen=True)
class ExportContext:
    """One export's settings: as of now, for the summary's period and the one before."""

    config: Config
    tr: Texts
    now: datetime
    window: Window
    names: Mapping[str, str]  # organisation names by id, inactive ones included
    in_order: Sequence[tuple[str, str]]  # the active organisations (id, name), plan's order
    people: Mapping[str, tuple[str, str | None]]  # Slack id -> (stored name, organisation id)

    @property
    def tz(self) -> ZoneInfo:
        """Return the collaboration's time zone."""
        return self.config.collaboration.tz

    @property
    def min_answers(self) -> int:
        """Return how many answers an evaluation needs before its figures are shown."""
        return self.config.evaluations.min_answers

    def local(self, moment: datetime | None) -> datetime | None:
        """Return a moment in the collaboration's time zone."""
        return moment.astimezone(self.tz) if moment is not None else None

    def day(self, moment: datetime) -> str:
        """Return a moment's local date."""
        return moment.astimezone(self.tz).date().isoformat()

    @property
    def period_dates(self) -> tuple[str, str]:
        """Return the summary's period as local dates, and the period before's."""
        window = self.window
        return (
            f"{self.day(window.start)} – {self.day(window.end)}",
            f"{self.day(window.previous_start)} – {self.day(window.start)}",
        )

    @property
    def period_label(self) -> str:
        """Return the summary's period as the headers name it."""
        return self.tr(
            t.PERIOD_NOW, start=self.day(self.window.start), end=self.day(self.window.end)
        )

    @property
    def previous_label(self) -> str:
        """Return the period before as the headers name it."""
        window = self.window
        return self.tr(
            t.PERIOD_NOW, start=self.day(window.previous_start), end=self.day(window.start)
        )

    def person(self, slack_id: str | None) -> str | None:
        """Name a person as Slack's profile did when they last acted (no Slack ids shown)."""
        if not slack_id:
            return None
        name, _ = self.people.get(slack_id, ("", None))
        return name or self.tr(t.PERSON_UNKNOWN)

    def person_organization(self, slack_id: str | None) -> str | None:
        """Name the organisation a person acts for, if known."""
        if not slack_id:
            return None
        _, organization = self.people.get(slack_id, ("", None))
        return self.names.get(organization, organization) if organization else None

    def organizations(self, ids: Sequence[str]) -> str:
        """Name organisations, comma-separated."""
        return ", ".join(self.names.get(i, i) for i in ids)


def columns_sheet(
    tr: Texts, title: Msg, columns: Sequence[tuple[Msg, int]], rows: Iterable[Sequence[Cell]]
) -> Sheet:
    """Return a sheet whose columns are (header, width) pairs."""
    return Sheet(
        tr(title), [tr(header) for header, _ in columns], rows, tuple(w for _, w in columns)
    )


def rounded(value: float | None, digits: int = 2) -> float | None:
    """Round a figure for the export, keeping None."""
    return round(float(value), digits) if value is not None else None
