"""The outbox: each message to Slack is a row with a unique key, claimed atomically, sent once.

A row posts a message, updates one, shows one privately, or uploads files (into a channel,
a person's direct message, or the thread of another row's message). Every key is an
OutboxKey: this module is the only place that writes or reads a key's text.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from storage.models import OutboxFile, OutboxMessage
from storage.upsert import insert_ignore

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
EXPIRED = "expired"
SUPERSEDED = "superseded"
INTERRUPTED = "interrupted"
# A row whose referenced message is in one of these will never find it posted.
NEVER_POSTED = frozenset({FAILED, EXPIRED, SUPERSEDED})

POST = "post"
UPDATE = "update"
EPHEMERAL = "ephemeral"
UPLOAD = "upload"

STALE_CLAIM = timedelta(minutes=5)
NONCE_LENGTH = 12


# ------------------------------------------------------------------------------------ keys
# Every key shape the bot writes, as a template: {field} is a field of OutboxKey (optionally
# {field:pattern}), [...] an optional part written when each field in it is set, anything
# else literal text. The texts of existing rows must keep parsing: change a template only
# together with a data migration. tests/test_outbox_key.py round-trips every shape.
_SHAPES: tuple[tuple[str, str, str], ...] = (
    ("need", "card", "need:{id}:card[:{update}:{nonce}]"),
    ("need", "created", "need:{id}:created"),
    ("need", "notice", "need:{id}:notice:{nonce}"),
    ("meeting", "call", "meeting:{id}:call[:{update}:{nonce}]"),
    ("meeting", "reminder", "meeting:{id}:reminder[:r{detail:int}][:dm:{recipient}]"),
    ("meeting", "change", "meeting:{id}:change:{detail:int}[:dm:{recipient}]"),
    ("meeting", "invite", "meeting:{id}:invite:{recipient}"),
    ("meeting", "followup", "meeting:{id}:followup"),
    ("meeting", "summary", "meeting:{id}:summary[:{detail:part}]"),
    ("summary", "published", "summary:published:{id:user}:{nonce}[:{detail:part}]"),
    ("training", "card", "training:{id}:card[:{update}:{nonce}]"),
    ("training", "created", "training:{id}:created"),
    ("training", "evaluation", "training:{id}:evaluation[:{recipient}][:{update}:{nonce}]"),
    ("training", "evaluation-reminder", "training:{id}:evaluation-reminder[:{recipient}]"),
    ("training", "evaluation-closed", "training:{id}:evaluation-closed[:{detail:registrar}]"),
    ("training", "need-closed", "training:{id}:need:{detail:int}:closed"),
    ("training", "reported", "training:{id}:reported"),
    ("training", "chart", "training:{id}:chart:{recipient}:{nonce}"),
    ("export", "workbook", "export:{recipient}:{nonce}"),
    ("calendar", "ics", "calendar:{recipient}:{nonce}"),
    ("alert", "failed", "alert:{id:key}:{recipient}"),
    ("membership", "request", "membership:{id}:request[:{recipient}][:{update}:{nonce}]"),
    ("membership", "decision", "membership:{id}:decision"),
    ("membership", "revoked", "membership:{id:user}:revoked:{nonce}"),
    ("membership", "waiting", "membership:{id}:waiting[:{recipient}]"),
    ("action", "assigned", "action:{id}:assigned:{recipient}"),
    ("action", "proposed", "action:{id}:proposed[:{update}:{nonce}]"),
    ("action", "reminder", "action:{id}:reminder:{detail:date}:{recipient}"),
    ("action", "overdue", "action:{id}:overdue:{detail:date}:{recipient}"),
    ("action", "notice", "action:{id}:notice:{recipient}:{nonce}"),
    ("minutes", "post", "minutes:{id}:post[:{update}:{nonce}]"),
    ("report", "reminder", "report:{id}:reminder:{recipient}"),
)
_PATTERNS = {
    "int": r"[0-9]+",
    "word": r"[^:\s]+",
    "user": r"[A-Z0-9]+",  # a Slack user id
    "hex": r"[0-9a-f]+",
    "part": r"charts|[2-9]|[1-9][0-9]+",
    "registrar": r"registrar",
    "update": r"update",
    "key": r".+",
    "date": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
}
_DEFAULT_PATTERN = {"id": "int", "recipient": "user", "nonce": "hex", "detail": "word"}
_TOKEN = re.compile(r"\{(\w+)(?::(\w+))?\}|\[|\]|[^{}\[\]]+")


@dataclass(frozen=True)
class _Field:
    name: str
    pattern: str


@dataclass(frozen=True)
class _Shape:
    """One key template, read into literal text, fields and optional groups."""

    subject: str
    kind: str
    template: str
    parts: tuple[str | _Field | tuple[str | _Field, ...], ...]
    regex: re.Pattern[str]
    fields: frozenset[str]

    @classmethod
    def read(cls, subject: str, kind: str, template: str) -> _Shape:
        """Read a template; raises ValueError on a malformed one."""
        parts: list[str | _Field | tuple[str | _Field, ...]] = []
        group: list[str | _Field] | None = None
        regex: list[str] = []
        names: set[str] = set()
        for match in _TOKEN.finditer(template):
            text = match.group(0)
            if text == "[":
                if group is not None:
                    raise ValueError(f"nested [ in {template!r}")
                group = []
                regex.append("(?:")
            elif text == "]":
                if group is None:
                    raise ValueError(f"unopened ] in {template!r}")
                parts.append(tuple(group))
                group = None
                regex.append(")?")
            else:
                piece: str | _Field = text
                if match.group(1):
                    name = match.group(1)
                    pattern = _PATTERNS[match.group(2) or _DEFAULT_PATTERN.get(name, name)]
                    piece = _Field(name, pattern)
                    names.add(name)
                    regex.append(f"(?P<{name}>{pattern})")
                else:
                    regex.append(re.escape(text))
                (parts if group is None else group).append(piece)
        if group is not None:
            raise ValueError(f"unclosed [ in {template!r}")
        return cls(
            subject, kind, template, tuple(parts), re.compile("".join(regex)), frozenset(names)
        )


@dataclass(frozen=True)
class OutboxKey:
    """What an outbox row is: its subject and id, which message, for whom, which time.

    subject and id name what the message is about ("meeting", "12"); kind which of its
    messages ("call", "reminder"); recipient a person's own copy (a Slack user id); detail
    what tells several of one kind apart (a revision, a part of a long message, a related
    row); nonce makes a key fresh for messages sent once per event; update marks an update
    of the message posted under the same key without update and nonce. Only the shapes in
    _SHAPES exist: constructing any other raises ValueError.
    """

    subject: str
    id: str
    kind: str
    recipient: str | None = None
    detail: str | None = None
    nonce: str | None = None
    update: bool = False
    _text: str = field(init=False, repr=False, compare=False)

    SHAPES: ClassVar[dict[tuple[str, str], _Shape]] = {
        (subject, kind): _Shape.read(subject, kind, template) for subject, kind, template in _SHAPES
    }

    def __post_init__(self) -> None:
        """Check the key against its shape and keep its text; raises ValueError if it has none."""
        object.__setattr__(self, "_text", self._render())
        if self.subject == "alert":
            OutboxKey.parse(self.id)

    def _value(self, name: str) -> str | None:
        value = getattr(self, name)
        if name == "update":
            return "update" if value else None
        return str(value) if value not in (None, "") else None

    def _render(self) -> str:
        shape = self.SHAPES.get((self.subject, self.kind))
        if shape is None:
            raise ValueError(f"no outbox key has subject {self.subject!r} and kind {self.kind!r}")
        unplaced = {
            name
            for name in ("id", "recipient", "detail", "nonce", "update")
            if self._value(name) is not None and name not in shape.fields
        }
        if unplaced:
            raise ValueError(
                f"a {self.subject} {self.kind} key has no {', '.join(sorted(unplaced))}"
            )
        text: list[str] = []
        for part in shape.parts:
            if isinstance(part, tuple):
                values = [self._value(p.name) for p in part if isinstance(p, _Field)]
                if any(v is None for v in values):
                    if any(v is not None for v in values):
                        raise ValueError(f"{shape.template!r} needs all of {part!r} or none")
                    continue
                text.extend(self._piece(p) for p in part)
            else:
                text.append(self._piece(part))
        return "".join(text)

    def _piece(self, part: str | _Field) -> str:
        if isinstance(part, str):
            return part
        value = self._value(part.name)
        if value is None:
            raise ValueError(f"a {self.subject} {self.kind} key needs its {part.name}")
        if not re.fullmatch(part.pattern, value):
            raise ValueError(f"{value!r} is not a valid {part.name} of a {self.subject} key")
        return value

    def __str__(self) -> str:
        """Return the key's text, as stored in the outbox."""
        return self._text

    def format(self) -> str:
        """Return the key's text, as stored in the outbox."""
        return self._text

    @classmethod
    def parse(cls, text: str) -> OutboxKey:
        """Read a key's text; raises ValueError for any text this module would not write."""
        for shape in cls.SHAPES.values():
            match = shape.regex.fullmatch(text)
            if match is None:
                continue
            found = match.groupdict()
            try:
                key = cls(
                    shape.subject,
                    found.get("id") or "",
                    shape.kind,
                    recipient=found.get("recipient"),
                    detail=found.get("detail"),
                    nonce=found.get("nonce"),
                    update=found.get("update") is not None,
                )
            except ValueError:
                continue
            if key.format() == text:
                return key
        raise ValueError(f"not an outbox key the bot writes: {text[:80]!r}")

    # --- the shapes, by name

    @classmethod
    def need_card(cls, need_id: int) -> OutboxKey:
        """Return the key of a need's card in the working group's channel."""
        return cls("need", str(need_id), "card")

    @classmethod
    def need_created(cls, need_id: int) -> OutboxKey:
        """Return the key of the private confirmation that a need was registered."""
        return cls("need", str(need_id), "created")

    @classmethod
    def need_notice(cls, need_id: int) -> OutboxKey:
        """Return a fresh key for a private notice about a need (sent once per event)."""
        return cls("need", str(need_id), "notice", nonce=_nonce())

    @classmethod
    def meeting_call(cls, meeting_id: int) -> OutboxKey:
        """Return the key of a meeting's call (its updates refer to it)."""
        return cls("meeting", str(meeting_id), "call")

    @classmethod
    def meeting_reminder(cls, meeting_id: int, revision: int = 0) -> OutboxKey:
        """Return the key of a meeting's channel reminder; a moved meeting is reminded again."""
        return cls(
            "meeting", str(meeting_id), "reminder", detail=str(revision) if revision else None
        )

    @classmethod
    def meeting_change(cls, meeting_id: int, revision: int) -> OutboxKey:
        """Return the key of the channel notice of a meeting's change number revision."""
        return cls("meeting", str(meeting_id), "change", detail=str(revision))

    @classmethod
    def meeting_invite(cls, meeting_id: int, person: str) -> OutboxKey:
        """Return the key of a person's private invitation to a meeting."""
        return cls("meeting", str(meeting_id), "invite", recipient=person)

    @classmethod
    def meeting_followup(cls, meeting_id: int) -> OutboxKey:
        """Return the key of the coordinators' prompt after a meeting."""
        return cls("meeting", str(meeting_id), "followup")

    @classmethod
    def meeting_summary(cls, meeting_id: int) -> OutboxKey:
        """Return the key of the owners' summary before one owners' meeting."""
        return cls("meeting", str(meeting_id), "summary")

    @classmethod
    def published_summary(cls, publisher: str, stamp: str) -> OutboxKey:
        """Return the key of the summary a coordinator published with one click (stamp: digits)."""
        return cls("summary", publisher, "published", nonce=stamp)

    @classmethod
    def training_card(cls, training_id: int) -> OutboxKey:
        """Return the key of a training's channel message."""
        return cls("training", str(training_id), "card")

    @classmethod
    def training_created(cls, training_id: int) -> OutboxKey:
        """Return the key of the private confirmation to whoever registered a training."""
        return cls("training", str(training_id), "created")

    @classmethod
    def training_evaluation(cls, training_id: int, participant: str | None = None) -> OutboxKey:
        """Return the key of a training's evaluation message (in its channel, or to one person)."""
        return cls("training", str(training_id), "evaluation", recipient=participant)

    @classmethod
    def training_evaluation_reminder(
        cls, training_id: int, participant: str | None = None
    ) -> OutboxKey:
        """Return the key of the evaluation's reminder (in its channel, or to one person)."""
        return cls("training", str(training_id), "evaluation-reminder", recipient=participant)

    @classmethod
    def training_evaluation_closed(cls, training_id: int, *, registrar: bool = False) -> OutboxKey:
        """Return the key of the closed evaluation's summary: to the coordinators or registrar."""
        detail = "registrar" if registrar else None
        return cls("training", str(training_id), "evaluation-closed", detail=detail)

    @classmethod
    def training_need_closed(cls, training_id: int, need_id: int) -> OutboxKey:
        """Return the key of the notice to a need's submitter that a linked evaluation closed."""
        return cls("training", str(training_id), "need-closed", detail=str(need_id))

    @classmethod
    def training_reported(cls, training_id: int) -> OutboxKey:
        """Return the key of the private confirmation of a training reported back."""
        return cls("training", str(training_id), "reported")

    @classmethod
    def training_chart(cls, training_id: int, recipient: str) -> OutboxKey:
        """Return a fresh key for an evaluation's chart sent privately to one person."""
        return cls("training", str(training_id), "chart", recipient=recipient, nonce=_nonce())

    @classmethod
    def export(cls, recipient: str) -> OutboxKey:
        """Return a fresh key for an export workbook sent privately to one person."""
        return cls("export", "", "workbook", recipient=recipient, nonce=_nonce())

    @classmethod
    def calendar(cls, recipient: str) -> OutboxKey:
        """Return a fresh key for a calendar file sent privately to one person."""
        return cls("calendar", "", "ics", recipient=recipient, nonce=_nonce())

    @classmethod
    def alert(cls, about: OutboxKey, coordinator: str) -> OutboxKey:
        """Return the key of one coordinator's alert about a message that failed for good."""
        return cls("alert", str(about), "failed", recipient=coordinator)

    @classmethod
    def membership_request(cls, request_id: int, coordinator: str | None = None) -> OutboxKey:
        """Return the key of a request's card (in the coordinators' channel, or to one of them)."""
        return cls("membership", str(request_id), "request", recipient=coordinator)

    @classmethod
    def membership_decision(cls, request_id: int) -> OutboxKey:
        """Return the key of the private notice of a request's outcome to the person who asked."""
        return cls("membership", str(request_id), "decision")

    @classmethod
    def membership_revoked(cls, person: str) -> OutboxKey:
        """Return a fresh key for the private notice that a person's membership was revoked."""
        return cls("membership", person, "revoked", nonce=_nonce())

    @classmethod
    def membership_waiting(cls, first_request: int, coordinator: str | None = None) -> OutboxKey:
        """Return the key of the one notice that requests from first_request on are waiting."""
        return cls("membership", str(first_request), "waiting", recipient=coordinator)

    @classmethod
    def action_assigned(cls, action_id: int, person: str) -> OutboxKey:
        """Return the key of a responsible person's notice that an action is theirs."""
        return cls("action", str(action_id), "assigned", recipient=person)

    @classmethod
    def action_proposed(cls, action_id: int) -> OutboxKey:
        """Return the key of a partner's proposed action in the coordinators' channel."""
        return cls("action", str(action_id), "proposed")

    @classmethod
    def action_reminder(cls, action_id: int, due: date, person: str) -> OutboxKey:
        """Return the key of one person's reminder before an action's due date (once per date)."""
        return cls("action", str(action_id), "reminder", recipient=person, detail=due.isoformat())

    @classmethod
    def action_overdue(cls, action_id: int, due: date, person: str) -> OutboxKey:
        """Return the key of one person's notice that an action is overdue (once per due date)."""
        return cls("action", str(action_id), "overdue", recipient=person, detail=due.isoformat())

    @classmethod
    def action_notice(cls, action_id: int, person: str) -> OutboxKey:
        """Return a fresh key for a private notice about an action (sent once per event)."""
        return cls("action", str(action_id), "notice", recipient=person, nonce=_nonce())

    @classmethod
    def minutes_post(cls, minutes_id: int) -> OutboxKey:
        """Return the key of a meeting's minutes, posted in the thread of its call."""
        return cls("minutes", str(minutes_id), "post")

    @classmethod
    def report_reminder(cls, meeting_id: int, person: str) -> OutboxKey:
        """Return the key of a contact's report-back reminder before one owners' meeting.

        Its subject is not the meeting: a partner reminded to report is not told of the
        owners' meeting's changes.
        """
        return cls("report", str(meeting_id), "reminder", recipient=person)

    # --- keys derived from a key

    def to(self, recipient: str) -> OutboxKey:
        """Return the key of one person's own copy of this message."""
        return replace(self, recipient=recipient)

    def for_update(self) -> OutboxKey:
        """Return a fresh key for an update of the message posted under this key."""
        return replace(self, update=True, nonce=_nonce())

    def part(self, number: int) -> OutboxKey:
        """Return the key of part number (2, 3, …) of a message sent in several parts."""
        return replace(self, detail=str(number))

    def charts(self) -> OutboxKey:
        """Return the key of the charts uploaded into this message's thread."""
        return replace(self, detail="charts")

    @property
    def original(self) -> OutboxKey:
        """Return the key of the message an update updates (the key itself otherwise)."""
        return replace(self, update=False, nonce=None) if self.update else self

    @property
    def about(self) -> OutboxKey | None:
        """Return the key an alert is about (None for other keys)."""
        return OutboxKey.parse(self.id) if self.subject == "alert" else None


def _nonce() -> str:
    return uuid.uuid4().hex[:NONCE_LENGTH]


def about(subject: str, subject_id: int | str | None = None) -> ColumnElement[bool]:
    """Return the SQL condition "the row's key is about subject" (and subject_id, if given).

    For queries over the outbox elsewhere; read a found row's key with OutboxKey.parse.
    Raises ValueError for a subject no key has. Alerts are about "alert", not their message.
    """
    if not any(known == subject for known, _ in OutboxKey.SHAPES):
        raise ValueError(f"no outbox key has subject {subject!r}")
    prefix = f"{subject}:" if subject_id is None else f"{subject}:{subject_id}:"
    return OutboxMessage.key.like(_like(prefix) + "%", escape="\\")


def keys_about(
    session: Session,
    subject: str,
    subject_id: int | str,
    *,
    statuses: Collection[str],
    op: str = POST,
) -> list[tuple[OutboxKey, str]]:
    """Return (key, channel) of the rows about one subject in statuses, sent by op."""
    rows = session.execute(
        select(OutboxMessage.key, OutboxMessage.channel).where(
            about(subject, subject_id),
            OutboxMessage.status.in_(list(statuses)),
            OutboxMessage.op == op,
        )
    ).all()
    return [(OutboxKey.parse(key), str(channel)) for key, channel in rows]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ------------------------------------------------------------------------------------ rows


@dataclass(frozen=True)
class Claimed:
    """A row this process has claimed and must now send."""

    id: int
    key: str
    kind: str
    op: str
    channel: str
    user: str | None
    ref_key: str | None
    payload: dict[str, Any]
    attempts: int
    token: str
    interrupted: bool
    created_at: datetime


@dataclass(frozen=True)
class UploadFile:
    """One file of an upload: its name, title, text for those who cannot see it, its bytes."""

    filename: str
    title: str
    alt_text: str
    data: bytes


def enqueue(
    session: Session,
    *,
    key: OutboxKey,
    kind: str,
    channel: str,
    payload: dict[str, Any],
    now: datetime,
    due_at: datetime | None = None,
    op: str = POST,
    ref_key: OutboxKey | None = None,
    user: str | None = None,
    expires_at: datetime | None = None,
) -> bool:
    """Add a message unless one with the same key exists; tell whether it was added.

    op is POST (with ref_key: a reply in the thread of the message posted as ref_key, sent
    once that is posted), UPDATE (of the message posted as ref_key; a pending older update of
    it is superseded) or EPHEMERAL (shown to user in channel); uploads go by enqueue_upload.
    """
    if op == UPDATE and ref_key is not None:
        session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.ref_key == str(ref_key),
                OutboxMessage.op == UPDATE,
                OutboxMessage.status == PENDING,
            )
            .values(status=SUPERSEDED)
        )
    due = due_at or now
    return insert_ignore(
        session,
        OutboxMessage,
        {
            "key": str(key),
            "kind": kind,
            "op": op,
            "channel": channel,
            "user": user,
            "ref_key": str(ref_key) if ref_key is not None else None,
            "payload": payload,
            "due_at": due,
            "expires_at": expires_at,
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": due,
            "created_at": now,
        },
    )


def enqueue_upload(
    session: Session,
    *,
    key: OutboxKey,
    kind: str,
    channel: str,
    now: datetime,
    files: Sequence[UploadFile] = (),
    renderer: str | None = None,
    comment: str = "",
    ref_key: OutboxKey | None = None,
    due_at: datetime | None = None,
    expires_at: datetime | None = None,
) -> bool:
    """Queue files to upload once into channel (a user id: their direct message); tell if new.

    With ref_key the files go into the thread of the message posted under that key: the
    upload waits until it is posted, and fails if it never will be. Without files, the
    deliverer has the renderer registered under `renderer` draw them when the upload is
    first tried, and keeps them, so that a retry sends the very same files. Raises
    ValueError when there are neither files nor a renderer.
    """
    if not files and renderer is None:
        raise ValueError("an upload needs files or a renderer")
    payload: dict[str, Any] = {"initial_comment": comment}
    if renderer is not None:
        payload["renderer"] = renderer
    added = enqueue(
        session,
        key=key,
        kind=kind,
        channel=channel,
        payload=payload,
        now=now,
        due_at=due_at,
        op=UPLOAD,
        ref_key=ref_key,
        expires_at=expires_at,
    )
    if added and files:
        message_id = session.scalars(
            select(OutboxMessage.id).where(OutboxMessage.key == str(key))
        ).one()
        _add_files(session, message_id, files)
    return added


def _add_files(session: Session, message_id: int, files: Sequence[UploadFile]) -> None:
    session.add_all(
        OutboxFile(
            message_id=message_id,
            position=position,
            filename=f.filename[:200],
            title=f.title[:200],
            alt_text=f.alt_text[:1000],
            data=f.data,
        )
        for position, f in enumerate(files)
    )
    session.flush()


def files_of(session: Session, message_id: int) -> list[UploadFile]:
    """Return the files kept for an upload row, in order (none once it is settled)."""
    rows = session.scalars(
        select(OutboxFile).where(OutboxFile.message_id == message_id).order_by(OutboxFile.position)
    )
    return [UploadFile(r.filename, r.title, r.alt_text, r.data) for r in rows]


def keep_files(session: Session, claimed: Claimed, files: Sequence[UploadFile]) -> list[UploadFile]:
    """Keep the files drawn for a claimed upload; return those kept (another's, if first)."""
    kept = files_of(session, claimed.id)
    if kept:
        return kept
    _add_files(session, claimed.id, files)
    return list(files)


def expire_and_recover(session: Session, now: datetime, in_flight: Collection[int] = ()) -> None:
    """Expire rows whose moment has passed and free claims left by a process that died.

    Rows this process is sending right now (in_flight) are never taken for abandoned.
    """
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == PENDING,
            OutboxMessage.expires_at.is_not(None),
            OutboxMessage.expires_at <= now,
        )
        .values(status=EXPIRED, last_error="too_late")
    )
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == SENDING,
            OutboxMessage.claimed_at <= now - STALE_CLAIM,
            OutboxMessage.id.not_in(list(in_flight)),
        )
        .values(status=PENDING, last_error=INTERRUPTED, next_attempt_at=now)
    )


def claim(
    session: Session,
    now: datetime,
    *,
    keys: Collection[OutboxKey] | None = None,
    limit: int = 20,
) -> list[Claimed]:
    """Claim due rows for this process with a conditional UPDATE; return only those it won."""
    token = uuid.uuid4().hex
    candidates = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(limit)
    )
    if keys is not None:
        candidates = candidates.where(OutboxMessage.key.in_([str(key) for key in keys]))
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == PENDING)
        .values(
            status=SENDING,
            claim_token=token,
            claimed_at=now,
            attempts=OutboxMessage.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.claim_token == token).order_by(OutboxMessage.id)
    ).all()
    return [
        Claimed(
            id=row.id,
            key=row.key,
            kind=row.kind,
            op=row.op,
            channel=row.channel,
            user=row.user,
            ref_key=row.ref_key,
            payload=row.payload,
            attempts=row.attempts,
            token=token,
            interrupted=row.last_error == INTERRUPTED,
            created_at=row.created_at,
        )
        for row in rows
    ]


def posted_ts(session: Session, key: OutboxKey | str) -> tuple[str, str] | None:
    """Return (channel, ts) of the message sent as key (or its stored text), if it was sent."""
    row = session.execute(
        select(OutboxMessage.result_channel, OutboxMessage.ts).where(
            OutboxMessage.key == str(key), OutboxMessage.status == SENT
        )
    ).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return row[0], row[1]


def status_of(session: Session, key: OutboxKey | str) -> str | None:
    """Return the status of the row queued as key (or its stored text), if it was queued."""
    return session.scalar(select(OutboxMessage.status).where(OutboxMessage.key == str(key)))


def existing_keys(session: Session, keys: Collection[OutboxKey]) -> set[OutboxKey]:
    """Return which of keys are already queued (in any status)."""
    if not keys:
        return set()
    texts = {str(key): key for key in keys}
    found = session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(list(texts))))
    return {texts[text] for text in found}


def mark_sent(
    session: Session,
    claimed: Claimed,
    now: datetime,
    channel: str | None,
    ts: str | None,
    *,
    note: str | None = None,
) -> None:
    """Record that a claimed row was delivered (note: why there was nothing to send)."""
    done = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
        .values(status=SENT, sent_at=now, ts=ts, result_channel=channel, last_error=note)
    )
    _settled(session, claimed, done)


def mark_retry(
    session: Session, claimed: Claimed, error: str, next_attempt_at: datetime, *, count: bool = True
) -> None:
    """Give a claimed row back to be tried again at next_attempt_at."""
    values: dict[str, Any] = {
        "status": PENDING,
        "claim_token": None,
        "last_error": error[:200],
        "next_attempt_at": next_attempt_at,
    }
    if not count:
        values["attempts"] = OutboxMessage.attempts - 1
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
        .values(**values)
    )


def mark_failed(session: Session, claimed: Claimed, error: str) -> None:
    """Record a permanent failure, kept for the coordinators to see."""
    done = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
        .values(status=FAILED, claim_token=None, last_error=error[:200])
    )
    _settled(session, claimed, done)


def _settled(session: Session, claimed: Claimed, done: object) -> None:
    """Let go of a settled upload's files (only if this claim settled it)."""
    if claimed.op == UPLOAD and int(getattr(done, "rowcount", 0) or 0) > 0:
        session.execute(delete(OutboxFile).where(OutboxFile.message_id == claimed.id))


def failed_messages(session: Session, limit: int = 20) -> list[OutboxMessage]:
    """Return the messages that could not be delivered, newest first."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.status == FAILED)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
    )


def count_by_status(session: Session) -> dict[str, int]:
    """Count outbox rows per status."""
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    ).all()
    return {str(status): int(count) for status, count in rows}


def next_due(session: Session) -> datetime | None:
    """Return when the next pending row falls due."""
    return session.scalar(
        select(func.min(OutboxMessage.next_attempt_at)).where(
            OutboxMessage.status.in_((PENDING, SENDING))
        )
    )
