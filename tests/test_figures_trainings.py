"""Trainings: the organiser preset, and participants kept apart in the totals."""

from __future__ import annotations

from datetime import date

from commands.edge.ids import Field
from tests.harness import ANNA, COORDINATOR, RunningBot, all_text
from tests.test_trainings import TRAINING, open_form, register


def test_the_training_form_presets_the_organiser_to_a_coordinators_own_organisation(
    running: RunningBot,
) -> None:
    view = open_form(running, COORDINATOR)
    organizer = next(b for b in view["blocks"] if b.get("block_id") == Field.TRAINING_ORGANIZER)
    assert organizer["element"]["initial_option"]["value"] == "lansstyrelsen"
    assert len(organizer["element"]["options"]) == 20


def test_the_totals_keep_expected_reported_and_answered_participants_apart(
    running: RunningBot,
) -> None:
    register(running, **{Field.TRAINING_EXPECTED: 40, Field.TRAINING_DATE: date(2027, 1, 10)})
    view = open_form(running, ANNA, "rapportera")
    running.submit(
        view,
        {
            Field.TRAINING_REPORT_TITLE: "Föräldrakväll om cannabis",
            Field.TRAINING_REPORT_SUBJECT: "drug_signs",
            Field.TRAINING_REPORT_DATE: date(2027, 1, 3),
            Field.TRAINING_REPORT_PARTICIPANTS: 25,
        },
        ANNA,
        view_id="VREPORT02",
    )
    running.standin.wait_for("chat.postMessage", 1, where=lambda call: call.args["channel"] == ANNA)
    running.command("/utbildning", "sammanställning 2027", COORDINATOR)
    totals = all_text(running.standin.wait_for_response(1)[-1]["blocks"])
    assert (
        "*Drogtecken (drogteckenutbildning)*: 2 utbildningar, 40 förväntade deltagare, "
        "25 deltagare enligt återrapport, inga svar" in totals
    )
    assert "*Länsstyrelsen Gävleborg*: 1 utbildning, 40 förväntade deltagare, inga svar" in totals
    assert "*Tullverket*: 1 utbildning, 25 deltagare enligt återrapport" in totals
    assert "65" not in totals
    assert TRAINING[Field.TRAINING_ORGANIZER] == "lansstyrelsen"
