"""Outbox keys: every shape the bot has written reads back to the same text; nothing else reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from storage import outbox
from storage.db import Database
from storage.migrate import upgrade
from storage.models import OutboxMessage
from storage.outbox import OutboxKey

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
NONCE = "0123456789ab"
MEETING = OutboxKey.meeting_call(5)

# Every shape stored so far, as the rows hold it, and the key that writes it.
SHAPES: list[tuple[str, OutboxKey]] = [
    ("need:12:card", OutboxKey.need_card(12)),
    ("need:12:card:update:0123456789ab", OutboxKey("need", "12", "card", nonce=NONCE, update=True)),
    ("need:12:created", OutboxKey.need_created(12)),
    ("need:12:notice:0123456789ab", OutboxKey("need", "12", "notice", nonce=NONCE)),
    ("meeting:5:call", OutboxKey.meeting_call(5)),
    (
        "meeting:5:call:update:0123456789ab",
        OutboxKey("meeting", "5", "call", nonce=NONCE, update=True),
    ),
    ("meeting:5:reminder", OutboxKey.meeting_reminder(5)),
    ("meeting:5:reminder", OutboxKey.meeting_reminder(5, 0)),
    ("meeting:5:reminder:r2", OutboxKey.meeting_reminder(5, 2)),
    ("meeting:5:reminder:dm:U0ANNA001", OutboxKey.meeting_reminder(5).to("U0ANNA001")),
    ("meeting:5:reminder:r2:dm:U0ANNA001", OutboxKey.meeting_reminder(5, 2).to("U0ANNA001")),
    ("meeting:5:invite:U0KOMM001", OutboxKey.meeting_invite(5, "U0KOMM001")),
    ("meeting:5:change:3", OutboxKey.meeting_change(5, 3)),
    ("meeting:5:change:3:dm:U0ANNA001", OutboxKey.meeting_change(5, 3).to("U0ANNA001")),
    ("meeting:5:followup", OutboxKey.meeting_followup(5)),
    ("meeting:5:summary", OutboxKey.meeting_summary(5)),
    ("meeting:5:summary:2", OutboxKey.meeting_summary(5).part(2)),
    ("meeting:5:summary:12", OutboxKey.meeting_summary(5).part(12)),
    ("meeting:5:summary:charts", OutboxKey.meeting_summary(5).charts()),
    (
        "summary:published:U0LEDARE1:1798012800123456",
        OutboxKey.published_summary("U0LEDARE1", "1798012800123456"),
    ),
    (
        "summary:published:U0LEDARE1:1798012800123456:2",
        OutboxKey.published_summary("U0LEDARE1", "1798012800123456").part(2),
    ),
    (
        "summary:published:U0LEDARE1:1798012800123456:charts",
        OutboxKey.published_summary("U0LEDARE1", "1798012800123456").charts(),
    ),
    ("training:3:card", OutboxKey.training_card(3)),
    (
        "training:3:card:update:0123456789ab",
        OutboxKey("training", "3", "card", nonce=NONCE, update=True),
    ),
    ("training:3:created", OutboxKey.training_created(3)),
    ("training:3:evaluation", OutboxKey.training_evaluation(3)),
    ("training:3:evaluation:U0ANNA001", OutboxKey.training_evaluation(3, "U0ANNA001")),
    (
        "training:3:evaluation:update:0123456789ab",
        OutboxKey("training", "3", "evaluation", nonce=NONCE, update=True),
    ),
    (
        "training:3:evaluation:U0ANNA001:update:0123456789ab",
        OutboxKey("training", "3", "evaluation", "U0ANNA001", nonce=NONCE, update=True),
    ),
    ("training:3:evaluation-reminder", OutboxKey.training_evaluation_reminder(3)),
    (
        "training:3:evaluation-reminder:U0ANNA001",
        OutboxKey.training_evaluation_reminder(3, "U0ANNA001"),
    ),
    ("training:3:evaluation-closed", OutboxKey.training_evaluation_closed(3)),
    (
        "training:3:evaluation-closed:registrar",
        OutboxKey.training_evaluation_closed(3, registrar=True),
    ),
    ("training:3:need:7:closed", OutboxKey.training_need_closed(3, 7)),
    ("training:3:reported", OutboxKey.training_reported(3)),
    ("alert:meeting:5:call:U0LEDARE1", OutboxKey.alert(MEETING, "U0LEDARE1")),
    (
        "alert:meeting:5:reminder:r2:dm:U0ANNA001:U0LEDARE1",
        OutboxKey.alert(OutboxKey.meeting_reminder(5, 2).to("U0ANNA001"), "U0LEDARE1"),
    ),
    (
        "alert:meeting:5:summary:charts:U0LEDARE1",
        OutboxKey.alert(OutboxKey.meeting_summary(5).charts(), "U0LEDARE1"),
    ),
    # New with uploads in the outbox: fresh per request.
    (
        "training:3:chart:U0LEDARE1:0123456789ab",
        OutboxKey("training", "3", "chart", "U0LEDARE1", nonce=NONCE),
    ),
    (
        "export:U0AGARE01:0123456789ab",
        OutboxKey("export", "", "workbook", "U0AGARE01", nonce=NONCE),
    ),
    ("calendar:U0ANNA001:0123456789ab", OutboxKey("calendar", "", "ics", "U0ANNA001", nonce=NONCE)),
    # New with verified organisations (issue 13).
    ("membership:4:request", OutboxKey.membership_request(4)),
    ("membership:4:request:U0LEDARE1", OutboxKey.membership_request(4, "U0LEDARE1")),
    (
        "membership:4:request:U0LEDARE1:update:0123456789ab",
        OutboxKey("membership", "4", "request", "U0LEDARE1", nonce=NONCE, update=True),
    ),
    ("membership:4:decision", OutboxKey.membership_decision(4)),
    (
        "membership:U0OKAND01:revoked:0123456789ab",
        OutboxKey("membership", "U0OKAND01", "revoked", nonce=NONCE),
    ),
    ("membership:4:waiting", OutboxKey.membership_waiting(4)),
    ("membership:4:waiting:U0LEDARE1", OutboxKey.membership_waiting(4, "U0LEDARE1")),
    # actions and minutes (issue 15)
    ("action:4:assigned:U0ANNA001", OutboxKey.action_assigned(4, "U0ANNA001")),
    ("action:4:proposed", OutboxKey.action_proposed(4)),
    (
        "action:4:proposed:update:0123456789ab",
        OutboxKey("action", "4", "proposed", nonce=NONCE, update=True),
    ),
    (
        "action:4:reminder:2027-02-06:U0ANNA001",
        OutboxKey.action_reminder(4, date(2027, 2, 6), "U0ANNA001"),
    ),
    (
        "action:4:overdue:2027-02-06:U0ANNA001",
        OutboxKey.action_overdue(4, date(2027, 2, 6), "U0ANNA001"),
    ),
    (
        "action:4:notice:U0ANNA001:0123456789ab",
        OutboxKey("action", "4", "notice", "U0ANNA001", nonce=NONCE),
    ),
    ("minutes:2:post", OutboxKey.minutes_post(2)),
    (
        "minutes:2:post:update:0123456789ab",
        OutboxKey("minutes", "2", "post", nonce=NONCE, update=True),
    ),
    ("report:5:reminder:U0ANNA001", OutboxKey.report_reminder(5, "U0ANNA001")),
]


@pytest.mark.parametrize(("text", "key"), SHAPES, ids=[text for text, _ in SHAPES])
def test_every_shape_reads_back_to_the_text_it_was_stored_as(text: str, key: OutboxKey) -> None:
    assert str(key) == text
    assert key.format() == text
    assert OutboxKey.parse(text) == key
    assert str(OutboxKey.parse(text)) == text


def test_every_template_has_a_shape_in_the_round_trip() -> None:
    covered = {(key.subject, key.kind) for _, key in SHAPES}
    assert covered == set(OutboxKey.SHAPES)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "c1",
        "lost",
        "meeting",
        "meeting:5",
        "meeting:5:",
        "meeting:5:call:",
        "meeting::call",
        "meeting:x:call",
        "meeting:-5:call",
        "meeting:٥:call",  # an Arabic-Indic five
        "meeting:²:call",
        "meeting:5:call ",
        "meeting:5:call\n",
        "meeting:5:call\x00",
        "meeting:5:call\ud800",
        "meeting:5:calls",
        "meeting:5:bogus",
        "Meeting:5:call",
        "meeting:5:call:update",
        "meeting:5:call:update:",
        "meeting:5:call:update:NOTHEX",
        "meeting:5:call:update:0123456789ab:more",
        "meeting:5:reminder:r",
        "meeting:5:reminder:rx",
        "meeting:5:reminder:dm:",
        "meeting:5:reminder:dm:anna",
        "meeting:5:change",
        "meeting:5:change:x",
        "meeting:5:summary:1",
        "meeting:5:summary:0",
        "meeting:5:summary:pictures",
        "need:12:notice",
        "need:12:created:update:0123456789ab",
        "training:3:evaluation:update",
        "training:3:evaluation-closed:coordinators",
        "training:3:need:x:closed",
        "summary:published:u0ledare1:123",
        "summary:published:U0LEDARE1",
        "alert:c1:U0LEDARE1",
        "alert:meeting:5:call",
        "alert:alert:meeting:5:call:U1:U2:",
        "export:U0AGARE01",
        "calendar::0123456789ab",
        "meeting:5:call" + ":x" * 200,
        "action:4:reminder:2027-2-6:U0ANNA001",
        "action:4:reminder:U0ANNA001",
        "action:4:overdue:2027-02-06",
        "action:4:assigned",
        "minutes:x:post",
        "report:5:reminder",
    ],
)
def test_a_text_the_bot_did_not_write_is_refused_with_a_clear_error(text: str) -> None:
    with pytest.raises(ValueError, match="not an outbox key the bot writes"):
        OutboxKey.parse(text)


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: OutboxKey("meeting", "5", "bogus"), "no outbox key has subject"),
        (lambda: OutboxKey("need", "x", "card"), "not a valid id"),
        (lambda: OutboxKey("need", "", "card"), "needs its id"),
        (lambda: OutboxKey.meeting_call(5).part(2), "has no detail"),
        (lambda: OutboxKey.need_created(1).for_update(), "has no nonce, update"),
        (lambda: OutboxKey.meeting_invite(5, "U1:U2"), "not a valid recipient"),
        (lambda: OutboxKey.meeting_call(5).to("U1"), "has no recipient"),
        (lambda: OutboxKey("need", "1", "card", update=True), "needs all of"),
        (lambda: OutboxKey.meeting_summary(5).part(1), "not a valid detail"),
        (lambda: OutboxKey("export", "7", "workbook", "U1", nonce=NONCE), "has no id"),
        (lambda: OutboxKey.published_summary("U1", "12.5"), "not a valid nonce"),
    ],
)
def test_a_key_of_no_known_shape_cannot_be_made(make: object, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        make()  # type: ignore[operator]


def test_an_update_key_is_fresh_and_refers_to_its_original() -> None:
    card = OutboxKey.need_card(12)
    first, second = card.for_update(), card.for_update()
    assert first != second
    assert first.update
    assert len(first.nonce or "") == outbox.NONCE_LENGTH
    assert str(first).startswith("need:12:card:update:")
    assert first.original == card == second.original
    assert card.original == card


def test_an_alert_tells_which_message_it_is_about() -> None:
    failed = OutboxKey.meeting_reminder(5, 2).to("U0ANNA001")
    alert = OutboxKey.parse(str(OutboxKey.alert(failed, "U0LEDARE1")))
    assert (alert.subject, alert.recipient, alert.about) == ("alert", "U0LEDARE1", failed)
    assert failed.about is None


def test_notices_and_uploads_asked_for_twice_get_two_keys() -> None:
    assert OutboxKey.need_notice(1) != OutboxKey.need_notice(1)
    assert OutboxKey.export("U1") != OutboxKey.export("U1")
    assert OutboxKey.calendar("U1").recipient == "U1"
    assert OutboxKey.training_chart(3, "U1").kind == "chart"


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    upgrade(database.engine)
    yield database
    database.dispose()


def test_rows_about_a_subject_are_found_without_its_neighbours(db: Database) -> None:
    keys = [
        OutboxKey.meeting_call(1),
        OutboxKey.meeting_reminder(1).to("U0ANNA001"),
        OutboxKey.meeting_call(11),
        OutboxKey.alert(OutboxKey.meeting_call(1), "U0LEDARE1"),
        OutboxKey.need_card(1),
    ]
    with db.transaction() as session:
        for key in keys:
            outbox.enqueue(session, key=key, kind="t", channel="C1", payload={}, now=NOW)
    with db.reading() as session:
        about_one = session.scalars(
            select(OutboxMessage.key).where(outbox.about("meeting", 1)).order_by(OutboxMessage.id)
        ).all()
        meetings = session.scalars(select(OutboxMessage.key).where(outbox.about("meeting"))).all()
        found = outbox.keys_about(session, "meeting", 1, statuses=(outbox.PENDING,))
        present = outbox.existing_keys(session, [keys[0], OutboxKey.meeting_call(2)])
    assert about_one == ["meeting:1:call", "meeting:1:reminder:dm:U0ANNA001"]
    assert sorted(meetings) == [
        "meeting:11:call",
        "meeting:1:call",
        "meeting:1:reminder:dm:U0ANNA001",
    ]
    assert [key for key, _ in found] == keys[:2]
    assert present == {keys[0]}


def test_a_subject_no_key_has_cannot_be_looked_up() -> None:
    with pytest.raises(ValueError, match="no outbox key has subject"):
        outbox.about("meetings", 1)
