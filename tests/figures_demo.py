"""The figures the demo's month must show (checked by the demo's test in test_shell.py).

The month: two needs, both taken up at the working-group meeting, held with four organisations
(two answered yes, one no, then the coordinator recorded four in the minutes, with an action for
each need: one done, so its need is done too, one overdue, its need still "action planned"); two
planning meetings nobody answered (not followed up); one registered training expecting 40 with 4
answers; one training reported back with 25 participants; no indicator values.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from bot.texts import Msg, Texts
from bot.texts import followup as t
from bot.texts import samverkan as s

tr = Texts("sv")


def flat(output: str) -> str:
    """Return the output as one line of words, without the message frames."""
    return " ".join(output.replace("│", " ").replace("╭─", " ").split())


def check_summary(status: str) -> None:
    """Assert the owners' status summary of the demo's month, as Greta sees it."""
    text = flat(status)
    expected = [
        "Nya behov: 2 (inga) ↑",
        "Genomförda under perioden: 1 (inga) ↑",
        "Öppna just nu: 1",
        "Hållna arbetsgruppsmöten: 1 (inga) ↑ · alla hållna möten: 1 (inga)",
        flat(tr.count(t.MEETINGS_NOT_FOLLOWED_UP, 2)).replace("*", ""),
        "Tullverket: 1 av 1 (100 %)",
        "Åklagarmyndigheten: inte med (0 av 1)",
        "Missade flest möten: 16 organisationer missade 1 av 1 möte var.",
        "Hållna utbildningar: 2 (inga) ↑",
        "Deltagare enligt partnernas återrapporter: 25 (inga) · förväntade deltagare på "
        "registrerade utbildningar: 40 (inga) · svar på utvärderingarna: 4 (inga)",
        "Drogtecken (drogteckenutbildning): 1 utbildning, 40 förväntade deltagare, 4 svar · "
        "kunskap före 2,0 → efter 4,2 (+2,2) · svarsfrekvens 10 %",
        "Narkotika i allmänhet: 1 utbildning, 25 deltagare enligt återrapport",
        "Har rapporterat: Hudiksvalls kommun (1)",
    ]
    missing = [line for line in expected if line not in text]
    assert missing == [], missing
    for wrong in ("deltagare: 65", "alla möten: 3", "Arbetsförmedlingen (1)", "1 utbildningar"):
        assert wrong not in text


def check_home(home: str) -> None:
    """Assert Lena's Home tab: no "no open needs" while one is open, what waits for her."""
    text = flat(home)
    assert tr(s.HOME_NO_NEEDS) not in text
    assert tr.count(s.HOME_NEEDS_UNDER_WAY, 1, statuses="Åtgärd planerad 1") in text
    unconfirmed = tr.count(
        t.HOME_TODO_UNCONFIRMED,
        2,
        meetings="2027-01-07 Planeringsmöte, samverkansledarna, "
        "2027-01-21 Planeringsmöte, samverkansledarna",
    )
    assert unconfirmed.removeprefix("• ") in text


def _records(workbook: openpyxl.Workbook, title: Msg) -> list[dict[str, object]]:
    """Return a sheet's rows keyed by their headers."""
    rows = list(workbook[tr(title)].iter_rows(values_only=True))
    return [dict(zip(map(str, rows[0]), row, strict=True)) for row in rows[1:]]


def check_export(path: Path) -> None:
    """Assert the demo's export: names, every field, the month's figures, filters."""
    workbook = openpyxl.load_workbook(path)
    needs = _records(workbook, t.SHEET_NEEDS)
    assert [(n[tr(t.COL_SUBMITTED_BY)], n[tr(t.COL_SUBMITTER_ORGANIZATION)]) for n in needs] == [
        ("Anna Andersson", "Tullverket"),
        ("Berit Berglund", "Gävle kommun"),
    ]
    assert needs[0][tr(t.COL_SUPPORT)] == "Utbildning, Expertstöd"
    meetings = _records(workbook, t.SHEET_MEETINGS)
    assert [(m[tr(t.COL_STATUS)], m[tr(t.COL_PRESENT)]) for m in meetings] == [
        ("inte uppföljt", 0),
        ("hållet", 4),
        ("inte uppföljt", 0),
    ]
    assert meetings[1][tr(t.COL_ANSWERS_YES)] == 2
    trainings = {r[tr(t.COL_TITLE)]: r for r in _records(workbook, t.SHEET_TRAININGS)}
    signs = trainings["Drogtecken för skolpersonal"]
    figures = (t.COL_EXPECTED, t.COL_REPORTED, t.COL_ANSWERS, t.COL_BEFORE, t.COL_AFTER)
    assert tuple(signs[tr(c)] for c in figures) == (40, None, 4, 2.0, 4.25)
    assert signs[tr(t.COL_RESPONSE_RATE)] == 10.0
    assert signs[tr(t.COL_REGISTERED_BY)] == "Lena Lindqvist"
    parents = trainings["Föräldrakväll om cannabis"]
    assert tuple(parents[tr(c)] for c in figures[:3]) == (None, 25, None)
    attendance = {r[tr(t.COL_ORGANIZATION)]: r for r in _records(workbook, t.SHEET_ATTENDANCE)}
    assert list(attendance["Tullverket"].values())[1:3] == [1, 1]
    assert list(attendance["Hofors kommun"].values())[1:3] == [1, 0]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row))
        cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
        assert "U0" not in cells, sheet.title
    assert tr(t.SHEET_ABOUT) == workbook.sheetnames[-1]
