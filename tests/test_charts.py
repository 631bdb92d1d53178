"""Charts (issue 16): the 1-5 scale drawn as a scale, values on bars, periods in titles."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.domain import chart_style, charts
from bot.domain.needs import NeedStatus
from bot.domain.summary import (
    Attendance,
    Compared,
    MeetingsPart,
    MonthCounts,
    NeedsPart,
    ReportBackPart,
    StatusSummary,
    TrainingKnowledge,
    TrainingsPart,
    Window,
)
from bot.domain.survey_stats import Pair, summarize
from bot.texts import Texts
from bot.texts import charts as t

TZ = ZoneInfo("Europe/Stockholm")
PERIOD = "2026-09-17 – 2027-02-04"


def texts(axes: Axes) -> list[str]:
    """Return every text written inside axes (value labels, annotations)."""
    return [text.get_text() for text in axes.texts]


def only_axes(figure: Figure) -> Axes:
    """Return a figure's one set of axes."""
    [axes] = figure.axes
    return axes


@pytest.mark.parametrize("language", ["sv", "en"])
def test_knowledge_is_drawn_on_the_scale_from_one_to_five_with_values(language: str) -> None:
    tr = Texts(language)  # type: ignore[arg-type]
    items = [TrainingKnowledge("Drogtecken", 2.0, 4.25, 4), TrainingKnowledge("Brott", 3.4, 3.1, 9)]
    axes = only_axes(charts.knowledge(items, tr, PERIOD))
    low, high = axes.get_xlim()
    assert 0.5 < low < 1
    assert 5 < high < 5.5
    assert list(axes.get_xticks()) == [1, 2, 3, 4, 5]
    mark = "," if language == "sv" else "."
    assert {f"2{mark}0", f"4{mark}2", f"3{mark}4", f"3{mark}1"} <= set(texts(axes))
    assert PERIOD in axes.get_title(loc="left").replace("\n", " ")
    labels = [label.get_text() for label in axes.get_yticklabels()]
    assert labels == ["Drogtecken (n = 4)", "Brott (n = 9)"]


def test_needs_bars_carry_their_totals_and_the_months_with_needs_only() -> None:
    tr = Texts("sv")
    months = [
        MonthCounts(date(2026, 2, 1), {}),
        MonthCounts(date(2026, 3, 1), {}),
        MonthCounts(date(2026, 4, 1), {NeedStatus.NEW: 1, NeedStatus.DONE: 2}),
        MonthCounts(date(2026, 5, 1), {}),
    ]
    shown = charts.shown_months(months)
    assert [m.month.month for m in shown] == [4, 5]  # from the first month with a need
    axes = only_axes(charts.needs_by_status(shown, tr))
    assert texts(axes) == ["3", "0"]
    assert "apr. 2026 – maj 2026" in axes.get_title(loc="left").replace("\n", " ")
    assert charts.shown_months(months[:2]) == []


def test_attendance_bars_say_how_many_of_how_many() -> None:
    tr = Texts("sv")
    rows = [Attendance("a", "Tullverket", 1, 2), Attendance("b", "Gävle", 0, 2)]
    axes = only_axes(charts.attendance(rows, tr, PERIOD))
    assert texts(axes) == ["1 av 2 (50\u00a0%)", "0 av 2 (0\u00a0%)"]
    assert axes.get_xlim()[0] == 0  # a share starts at nothing
    assert PERIOD in axes.get_title(loc="left").replace("\n", " ")


def test_an_evaluation_is_drawn_as_means_with_intervals_and_counted_steps() -> None:
    tr = Texts("sv")
    stats = summarize([Pair(1, 3), Pair(2, 4), Pair(2, 2), Pair(3, 5), Pair(4, 3)])
    figure = charts.evaluation(tr, "Kunskap före och efter: X, 2027-01-04 (n = 5)", stats)
    means, counts = figure.axes
    low, high = means.get_xlim()
    assert 0.5 < low < 1
    assert 5 < high < 5.5
    assert set(texts(means)) == {"2,4", "3,4"}
    assert texts(counts) == ["1", "2", "1", "1", "0", "0", "1", "2", "1", "1"]
    assert figure.get_suptitle() == "Kunskap före och efter: X, 2027-01-04 (n = 5)"
    assert chart_style.png(figure).startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(ValueError, match="shown"):
        charts.evaluation(tr, "x", summarize([Pair(1, 3)]))


def _summary(**parts: object) -> StatusSummary:
    """Return a summary with nothing in it, or with the parts given."""
    start = datetime(2026, 9, 17, 8, 0, tzinfo=UTC)
    end = datetime(2027, 2, 4, 10, 0, tzinfo=UTC)
    empty = StatusSummary(
        name="Gävleborg mot narkotika",
        generated_at=end,
        window=Window(start, end, datetime(2026, 2, 19, tzinfo=UTC), since_owners_meeting=True),
        needs=NeedsPart(Compared(0, 0), Compared(0, 0), 0, {}, (), (), ()),
        meetings=MeetingsPart(True),
        trainings=TrainingsPart(True),
        report_back=ReportBackPart(True),
        indicators=(),
        min_answers=3,
    )
    return replace(empty, **parts)  # type: ignore[arg-type]


def test_an_empty_series_gets_a_sentence_instead_of_a_chart() -> None:
    tr = Texts("sv")
    summary = _summary()
    assert charts.summary_charts(summary, tr, TZ) == []
    assert charts.left_out(summary, tr) == [
        tr(t.LEFT_OUT_NEEDS),
        tr(t.LEFT_OUT_ATTENDANCE),
        tr(t.LEFT_OUT_KNOWLEDGE),
        tr(t.LEFT_OUT_INDICATORS),
    ]


def test_every_summary_chart_names_its_period() -> None:
    tr = Texts("en")
    summary = _summary(
        needs=NeedsPart(
            Compared(2, 0),
            Compared(0, 0),
            2,
            {},
            (),
            (),
            (MonthCounts(date(2027, 1, 1), {NeedStatus.NEW: 2}),),
        ),
        meetings=MeetingsPart(True, attendance=(Attendance("a", "Tullverket", 1, 1),)),
        trainings=TrainingsPart(True, per_training=(TrainingKnowledge("X", 2.0, 4.0, 3),)),
    )
    drawn = charts.summary_charts(summary, tr, TZ)
    assert [c.filename for c in drawn] == [
        "needs-2027-02-04.png",
        "attendance-2027-02-04.png",
        "knowledge-2027-02-04.png",
    ]
    assert [c.title for c in drawn] == [
        "New needs per month, by status today, Jan 2027 – Jan 2027",
        "Working-group attendance per organisation, 17 Sept 2026 – 4 Feb 2027",
        "Knowledge before and after, per training, 17 Sept 2026 – 4 Feb 2027",
    ]
    assert all(c.png.startswith(b"\x89PNG\r\n\x1a\n") and c.alt_text for c in drawn)
    assert charts.left_out(summary, tr) == [tr(t.LEFT_OUT_INDICATORS)]
