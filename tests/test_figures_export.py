"""The export names people, holds every field entered, filters every sheet, explains itself."""

from __future__ import annotations

import io
import json
import re

import openpyxl

from bot.texts import Texts
from bot.texts import followup as t
from commands.edge.ids import Action, Field
from tests.harness import ANNA, COORDINATOR, RunningBot, find_button
from tests.test_behov import posted_card, submit_need
from tests.test_export import records
from tests.test_followup import VALUE, open_value_form

tr = Texts("sv")
SLACK_ID = re.compile(r"\b[UW]0[A-Z0-9]{6,}\b")


def exported(running: RunningBot) -> openpyxl.Workbook:
    """Take out the export as the coordinator and open the workbook Slack received."""
    running.command("/samverkan", "export", COORDINATOR)
    done = running.standin.wait_for("files.completeUploadExternal", 1)[0]
    files = done.args["files"]
    file_id = (files if isinstance(files, list) else json.loads(files))[0]["id"]
    return openpyxl.load_workbook(io.BytesIO(running.standin.uploads[file_id]))


def test_the_export_names_people_and_holds_every_field_they_entered(running: RunningBot) -> None:
    submit_need(running)
    submit_need(running, user=COORDINATOR, **{Field.NEED_TITLE: "Ett behov som avböjs"})
    running.standin.wait_for("chat.postMessage", 4)
    card = posted_card(running, 2)
    running.click(find_button(card["blocks"], Action.NEED_DECLINE), COORDINATOR, message=card)
    running.standin.wait_for("views.open", 3)
    running.submit(
        running.opened_view(), {Field.NEED_REASON: "Ligger utanför uppdraget."}, COORDINATOR
    )
    running.standin.wait_for("chat.update", 1)
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VEXPN")
    workbook = exported(running)

    needs = {r[t.COL_ID]: r for r in records(workbook, t.SHEET_NEEDS)}
    anna = needs[1]
    assert anna[t.COL_SUBMITTED_BY] == "Anna"
    assert anna[t.COL_SUBMITTER_ORGANIZATION] == "Tullverket"
    assert anna[t.COL_SUPPORT] == "Utbildning, Expertstöd"
    assert anna[t.COL_DECLINE_REASON] is None
    declined = needs[2]
    assert declined[t.COL_SUBMITTED_BY] == "Ledare"
    assert declined[t.COL_SUBMITTER_ORGANIZATION] == "Länsstyrelsen Gävleborg"
    assert declined[t.COL_DECLINE_REASON] == "Ligger utanför uppdraget."
    (value,) = records(workbook, t.SHEET_INDICATORS)
    assert value[t.COL_RECORDED_BY] == "Ledare"

    for sheet in workbook.worksheets:
        cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
        assert not [c for c in cells if SLACK_ID.search(c)], sheet.title
    assert ANNA not in str(records(workbook, t.SHEET_NEEDS))


def test_every_sheet_has_a_frozen_header_with_a_filter_over_its_rows(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    workbook = exported(running)
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        last_column = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last_column}{sheet.max_row}", sheet.title
    assert workbook[tr(t.SHEET_NEEDS)].max_row == 2


def test_om_exporten_says_the_period_and_what_is_left_out_for_anonymity(
    running: RunningBot,
) -> None:
    workbook = exported(running)
    about = "\n".join(
        str(row[0]) for row in workbook[tr(t.SHEET_ABOUT)].iter_rows(values_only=True)
    )
    assert "perioden 2026-07-06 – 2027-01-04 (samma som statusrapporten)" in about
    assert "enskilda svar på utvärderingarna, fritextsvaren och vilka som svarade" in about
    assert "färre än 3 har svarat" in about
    assert "namn på ersättare" in about
