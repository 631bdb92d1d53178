"""Exports: the workbook and CSV writers, the sheets of a known register, and the shell command."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from bot.cli import main
from bot.config import parse_config
from bot.domain.export import Sheet, column_letter, csv_text, sheet_title, write_csv, xlsx_bytes
from bot.domain.organizations import BUILT_IN
from bot.texts import Msg, Texts
from bot.texts import actions as at
from bot.texts import followup as t
from storage.db import Database
from storage.directory import sync_organizations
from storage.export import export_sheets
from storage.migrate import upgrade
from tests.test_summary import UTC_NOW, seed

tr = Texts("sv")
CONFIG = parse_config({"collaboration": {"name": "Gävleborg mot narkotika"}})


def test_a_workbook_keeps_types_and_never_turns_text_into_formulas() -> None:
    rows = [
        [1, 2.5, '=HYPERLINK("http://x")', datetime(2027, 1, 4, 9, 30), date(2027, 1, 4)],
        [None, -3, "a < b & c > d", None, None],
        [3, 0.1, "bell\x07 and tab\tkept", None, None],
    ]
    data = xlsx_bytes([Sheet("Blad: ett/två?", ["Nr", "Tal", "Text", "När", "Dag"], rows)])
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Blad- ett-två-"]
    sheet = workbook.active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["Nr", "Tal", "Text", "När", "Dag"]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[2]] == [
        1,
        2.5,
        '=HYPERLINK("http://x")',
        datetime(2027, 1, 4, 9, 30),
        datetime(2027, 1, 4),
    ]
    assert sheet["C2"].data_type == "s"
    assert sheet["D2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["E2"].number_format == "yyyy-mm-dd"
    assert [c.value for c in sheet[3]] == [None, -3, "a < b & c > d", None, None]
    assert sheet["C4"].value == "bell and tab\tkept"
    assert sheet.max_row == 4


def test_an_empty_sheet_keeps_its_header_and_wide_sheets_get_double_letters() -> None:
    headers = [f"K{i}" for i in range(30)]
    data = xlsx_bytes([Sheet("Tom", ["A", "B"], []), Sheet("Bred", headers, [list(range(30))])])
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook["Tom"].max_row == 1
    assert workbook["Bred"]["AD2"].value == 29
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert len(sheet_title("x" * 40)) == 31
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/sharedStrings.xml" not in archive.namelist()


def test_csv_files_quote_only_what_a_spreadsheet_would_run_as_a_formula(tmp_path: Path) -> None:
    rows = [
        ["=1+1", "+46 70 123", "-2", "@SUM", "Gävle", 2.5, date(2027, 1, 4), None],
        ["-3", "+4,5", "-0.25", "-", "\tx", "\rx", "-x", "2027-01-04"],
    ]
    written = write_csv([Sheet("Återrapportering", list("ABCDEFGH"), rows)], tmp_path, "en")
    assert [p.name for p in written] == ["aterrapportering.csv"]
    raw = written[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with written[0].open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read == [
        list("ABCDEFGH"),
        ["'=1+1", "'+46 70 123", "-2", "'@SUM", "Gävle", "2.5", "2027-01-04", ""],
        ["-3", "+4,5", "-0.25", "-", "'\tx", "'\rx", "'-x", "2027-01-04"],
    ]
    assert csv_text(datetime(2027, 1, 4, 9, 5, tzinfo=UTC)) == "2027-01-04 09:05"


def test_swedish_csv_files_have_semicolons_and_decimal_commas_for_swedish_excel(
    tmp_path: Path,
) -> None:
    rows = [["Gävle, Sandviken", 1234.5, -0.25, 7, "=1"]]
    sheet = Sheet("Indikatorer", ["Plats", "Värde", "Förändring", "Antal", "Text"], rows)
    written = write_csv([sheet], tmp_path / "sv", "sv")
    raw = written[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == [
        "Plats;Värde;Förändring;Antal;Text",
        "Gävle, Sandviken;1234,5;-0,25;7;'=1",
    ]
    with written[0].open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert read[1][:3] == ["Gävle, Sandviken", "1234,5", "-0,25"]
    english = write_csv([sheet], tmp_path / "en", "en")[0].read_bytes().decode("utf-8-sig")
    assert english.splitlines()[1] == '"Gävle, Sandviken",1234.5,-0.25,7,\'=1'


# ------------------------------------------------------------------------ the register's sheets


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = Database(sqlite_url)
    upgrade(database.engine)
    with database.transaction() as session:
        sync_organizations(session, BUILT_IN)
    yield database
    database.dispose()


def workbook_of(db: Database) -> openpyxl.Workbook:
    with db.reading() as session:
        data = xlsx_bytes(export_sheets(session, CONFIG, tr, UTC_NOW))
    return openpyxl.load_workbook(io.BytesIO(data))


def rows_of(workbook: openpyxl.Workbook, title: object) -> list[tuple[object, ...]]:
    return list(workbook[tr(title)].iter_rows(values_only=True))  # type: ignore[arg-type]


def records(workbook: openpyxl.Workbook, title: object) -> list[dict[object, object]]:
    """Return a sheet's rows keyed by the catalogue messages of its headers."""
    rows = rows_of(workbook, title)
    by_text = {tr(m): m for m in vars(t).values() if isinstance(m, Msg) and not m.fields()}
    keys = [by_text.get(str(header), header) for header in rows[0]]
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def test_the_export_has_a_sheet_for_each_part_of_the_follow_up(db: Database) -> None:
    seed(db)
    workbook = workbook_of(db)
    assert workbook.sheetnames == [
        tr(t.SHEET_NEEDS),
        tr(t.SHEET_MEETINGS),
        tr(t.SHEET_ATTENDANCE),
        tr(t.SHEET_TRAININGS),
        tr(t.SHEET_REPORTS),
        tr(t.SHEET_INDICATORS),
        tr(at.SHEET_ACTIONS),
        tr(at.SHEET_HISTORY),
        tr(at.SHEET_MINUTES),
        tr(t.SHEET_ABOUT),
    ]
    needs = records(workbook, t.SHEET_NEEDS)
    assert len(needs) == 7
    first = next(r for r in needs if r[t.COL_TITLE] == "Samverkan om <kontroller>")
    assert (first[t.COL_ORGANIZATION], first[t.COL_SCOPE], first[t.COL_STATUS]) == (
        "Tullverket",
        "Hela länet",
        "Nytt",
    )
    assert isinstance(first[t.COL_CREATED], datetime)

    meetings = records(workbook, t.SHEET_MEETINGS)
    assert len(meetings) == 8
    working = [r for r in meetings if r[t.COL_KIND] == tr(t.KIND_WORKING_GROUP)]
    assert [r[t.COL_PRESENT] for r in working] == [1, 1, 2, 1, 1]

    attendance = {r[0]: r[1:] for r in rows_of(workbook, t.SHEET_ATTENDANCE)[1:]}
    assert attendance["Tullverket"] == (3, 3, 100, 2, 0, 0)
    assert attendance["Gävle kommun"] == (3, 1, 33.3, 2, 2, 100)

    reports = {r[0]: r[1:] for r in rows_of(workbook, t.SHEET_REPORTS)[1:]}
    assert reports["Gävle kommun"] == (1, 0, 1)
    assert reports["Tullverket"] == (0, 0, 0)


def test_evaluations_are_exported_as_aggregates_only_and_hidden_below_the_minimum(
    db: Database,
) -> None:
    seed(db)
    trainings = records(workbook_of(db), t.SHEET_TRAININGS)
    columns = (
        t.COL_EXPECTED,
        t.COL_REPORTED,
        t.COL_ANSWERS,
        t.COL_BEFORE,
        t.COL_AFTER,
        t.COL_CHANGE,
        t.COL_RESPONSE_RATE,
    )
    by_title = {r[t.COL_TITLE]: tuple(r[c] for c in columns) for r in trainings}
    assert len(trainings) == 4  # one row per training, never one per answer
    assert by_title["Drogtecken A"] == (10, None, 4, 2, 4, 2, 40)
    assert by_title["Drogtecken B"] == (10, None, 2, None, None, None, 20)  # two answers: hidden
    assert by_title["Narkotika i Gävle"] == (None, 25, None, None, None, None, None)
    reported = next(r for r in trainings if r[t.COL_TITLE] == "Narkotika i Gävle")
    assert reported[t.COL_ORIGIN] == tr(t.ORIGIN_REPORTED)
    assert not {str(c) for c in rows_of(workbook_of(db), t.SHEET_TRAININGS)[0]} & {
        "will_use",
        "was_missing",
        "respondent",
    }


def test_the_indicator_sheet_keeps_the_whole_history(db: Database) -> None:
    seed(db)
    from bot.domain.indicators import COUNTY, ValueDraft, parse_period
    from storage.indicators import record_value

    period = parse_period("2026")
    assert period is not None
    with db.transaction() as session:
        record_value(
            session,
            ValueDraft("can-ak9", COUNTY, period, 6.5, "CAN rättad", "Ny tabell"),
            actor="U0LEDARE1",
            now=UTC_NOW,
        )
    rows = records(workbook_of(db), t.SHEET_INDICATORS)
    can_2026 = [
        r for r in rows if r[t.COL_INDICATOR] == tr(t.IND_CAN_YEAR9) and r[t.COL_PERIOD] == "2026"
    ]
    assert [(r[t.COL_VALUE], r[t.COL_SOURCE], r[t.COL_CURRENT]) for r in can_2026] == [
        (6.0, "Källa", tr(t.NO)),
        (6.5, "CAN rättad", tr(t.YES)),
    ]
    assert can_2026[0][t.COL_REPLACED_BY] == can_2026[1][t.COL_ID]


def test_the_shell_command_writes_a_workbook_or_csv_files(
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.delenv("BOT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "xlsx", "--out", str(tmp_path / "ut" / "export.xlsx")]) == 0
    workbook = openpyxl.load_workbook(tmp_path / "ut" / "export.xlsx")
    assert workbook.sheetnames[0] == tr(t.SHEET_NEEDS)
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == sorted(
        [
            "behov.csv",
            "moten.csv",
            "narvaro.csv",
            "utbildningar-och-utvarderingar.csv",
            "aterrapportering.csv",
            "indikatorer.csv",
            "atgarder.csv",
            "atgardshistorik.csv",
            "minnesanteckningar.csv",
            "om-exporten.csv",
        ]
    )
    # Swedish by default: fields apart with ";" for Excel with Swedish regional settings.
    header = (tmp_path / "csv" / "behov.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(";")[:2] == [tr(t.COL_ID), tr(t.COL_CREATED)]
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith("export.xlsx")
    assert len(printed) == 11
    assert main(["export", "--out", str(tmp_path / "csv")]) == 2
    assert "is a directory" in capsys.readouterr().err
