"""/utbildning: trainings, their anonymous before/after evaluation, report-back and results."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.anonymity import respondent_key
from bot.domain.survey_stats import SurveyStats, summarize
from bot.domain.trainings import (
    EvaluationState,
    Origin,
    ReportInput,
    TrainingInput,
    evaluation_state,
    local_moment,
    may_open_now,
    may_register,
    may_see_results,
    organizer_choices,
    parse_rating,
    validate_answer,
    validate_rating,
    validate_report,
    validate_training,
)
from bot.texts import common as c
from bot.texts import trainings as t
from commands import blocks as b
from commands.blocks import ViewState
from commands.common import bot_of, inline_errors, post_private, resolve_actor
from commands.edge.ids import Action, Block, Callback
from commands.edge.legacy import SECTIONS
from commands.render.trainings import (
    ANSWER_FIELD_BLOCKS,
    REPORT_FIELD_BLOCKS,
    TRAINING_FIELD_BLOCKS,
    TrainingChoices,
    answer_page_after,
    answer_page_before,
    home_blocks,
    local_date,
    local_datetime,
    report_form,
    results_chart,
    results_message,
    thanks_view,
    title_text,
    totals_message,
    training_form,
    training_list,
    where_text,
)
from commands.router import Router
from commands.subcommands import Subcommands
from commands.trainings_planner import open_and_queue, queue_card, queue_created_notice
from storage import audit, outbox
from storage.db import DatabaseUnavailable
from storage.directory import organization_names
from storage.models import Training
from storage.needs import open_needs
from storage.outbox import OutboxKey, UploadFile
from storage.trainings import (
    answer_counts,
    answer_pairs,
    coming_trainings,
    create_report,
    create_training,
    find_answer,
    free_texts,
    get_training,
    latest_evaluated,
    open_evaluations_for,
    recent_trainings,
    report_back_status,
    save_answer,
    training_totals,
    training_totals_by_organization,
)

log = logging.getLogger(__name__)

RECENT_DAYS = 60
OPEN_NEEDS_OFFERED = 100
TOTALS_DEFAULT = timedelta(days=365)


# --- reading forms -------------------------------------------------------------------------------


def _raw(view: dict[str, Any], field: str, key: str) -> Any:
    """Return one raw value of a submitted view's state."""
    return ViewState(view).raw(field, key)


def _string(value: Any) -> str | None:
    """Return a non-empty string value, else None."""
    return value if isinstance(value, str) and value else None


def _strings(value: Any) -> list[str]:
    """Return a list value as strings."""
    return [str(v) for v in value] if isinstance(value, list) else []


def read_training_input(view: dict[str, Any]) -> TrainingInput:
    """Parse the training form's state into a TrainingInput."""
    state = ViewState(view)
    return TrainingInput(
        title=state.text(Block.TRAINING_TITLE),
        subject=state.selected(Block.TRAINING_SUBJECT),
        date=_string(_raw(view, Block.TRAINING_DATE, "selected_date")),
        start=_string(_raw(view, Block.TRAINING_START, "selected_time")),
        end=_string(_raw(view, Block.TRAINING_END, "selected_time")),
        organizer=state.selected(Block.TRAINING_ORGANIZER),
        targets=state.selected_many(Block.TRAINING_TARGETS),
        expected=state.text(Block.TRAINING_EXPECTED),
        place=state.text(Block.TRAINING_PLACE),
        target=state.selected(Block.TRAINING_TARGET),
        channel=_string(
            _raw(view, Block.TRAINING_CHANNEL, "selected_conversation")
        ),
        participants=_strings(
            _raw(view, Block.TRAINING_PARTICIPANTS, "selected_users")
        ),
        needs=state.selected_many(Block.TRAINING_NEEDS),
    )


def read_report_input(view: dict[str, Any]) -> ReportInput:
    """Parse the report-back form's state into a ReportInput."""
    state = ViewState(view)
    return ReportInput(
        organization=state.selected(Block.TRAINING_REPORT_ORGANIZATION),
        title=state.text(Block.TRAINING_TITLE),
        subject=state.selected(Block.TRAINING_SUBJECT),
        date=_string(_raw(view, Block.TRAINING_DATE, "selected_date")),
        participants=state.text(
            Block.TRAINING_REPORT_PARTICIPANTS
        ),
    )


def _metadata(view: dict[str, Any]) -> dict[str, Any]:
    """Return the view's private metadata as a dict."""
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _training_id(value: Any) -> int | None:
    """Parse a training id from a button value or metadata."""
    text = str(value or "")
    return int(text) if text.isdigit() else None


# --- helpers -------------------------------------------------------------------------------------


def _refuse(
    bot: BotContext, client: WebClient, body: dict[str, Any], msg: Any, **params: Any
) -> None:
    """Tell the clicking person something privately."""
    channel = (body.get("channel") or {}).get("id")
    post_private(client, channel, body["user"]["id"], bot.texts(msg, **params))


def _organization_ids(bot: BotContext) -> list[str]:
    """Return every partner's id."""
    return [o.id for o in bot.organizations]


def _load(bot: BotContext, training_id: int | None) -> Training | None:
    """Return a training by id, read in its own unit of work."""
    if training_id is None:
        return None
    with bot.db.reading() as session:
        return get_training(session, training_id)


def _stats(bot: BotContext, session: Any, training: Training) -> SurveyStats:
    """Return the statistics of a training's answers."""
    return summarize(
        answer_pairs(session, training.id),
        expected=training.expected_participants,
        min_answers=bot.config.evaluations.min_answers,
    )


def send_chart(bot: BotContext, user_id: str, training: Training, stats: SurveyStats) -> bool:
    """Queue the before/after chart for the person's direct message, and send it.

    Tell whether there was a chart to send; a Slack failure is retried by the outbox.
    """
    if not stats.shown:
        return False
    tr = bot.texts
    title = tr(t.CHART_TITLE, title=training.title)
    chart = UploadFile(
        f"utvardering-{training.id}.png", title, "", results_chart(tr, training.title, stats)
    )
    key = OutboxKey.training_chart(training.id, user_id)
    with bot.db.transaction() as session:
        outbox.enqueue_upload(
            session,
            key=key,
            kind="training_chart",
            channel=user_id,
            now=bot.clock.now(),
            files=[chart],
            comment=tr(t.CHART_COMMENT, title=title_text(training), n=stats.n),
        )
    bot.deliver([key])
    return True


def show_results(
    bot: BotContext,
    client: WebClient,
    actor: Actor,
    training: Training,
    answer: Callable[[dict[str, Any]], None],
) -> None:
    """Show one evaluation's results to an allowed person, and send its chart."""
    with bot.db.reading() as session:
        stats = _stats(bot, session, training)
        texts = free_texts(session, training.id) if stats.shown else ([], [])
        names = organization_names(session)
    message = results_message(
        bot.texts,
        training,
        stats,
        texts,
        names,
        bot.config.collaboration.tz,
        chart_sent=stats.shown,
    )
    answer(message)
    send_chart(bot, actor.user_id, training, stats)


# --- /utbildning ---------------------------------------------------------------------------------

SUBCOMMANDS = Subcommands()


def open_training_form(
    bot: BotContext, client: WebClient, trigger_id: str, actor: Actor, respond: Respond
) -> None:
    """Open the training form for a coordinator or a partner."""
    if not may_register(actor):
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    allowed = set(organizer_choices(actor, _organization_ids(bot)))
    with bot.db.reading() as session:
        needs = open_needs(session, limit=OPEN_NEEDS_OFFERED).needs
    choices = TrainingChoices(
        organizers=[o for o in bot.organizations if o.id in allowed],
        organizations=list(bot.organizations),
        needs=needs,
        default_channel=bot.config.channels.working_group,
    )
    try:
        client.views_open(trigger_id=trigger_id, view=training_form(bot.texts, choices))
    except SlackApiError as exc:
        log.warning("views.open failed: %s", exc.response.get("error"))
        respond(text=bot.texts(c.TRIGGER_EXPIRED), response_type="ephemeral")


@SUBCOMMANDS.add("lista", "list")
def _list(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """List coming and recent trainings."""
    actor = resolve_actor(bot, client, command["user_id"])
    if not actor.in_collaboration:
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    now = bot.clock.now()
    with bot.db.reading() as session:
        coming = coming_trainings(session, now)
        recent = recent_trainings(session, now, now - timedelta(days=RECENT_DAYS))
        counts = answer_counts(session, [x.id for x in coming + recent])
        names = organization_names(session)
    message = training_list(
        bot.texts, coming, recent, counts, names, bot.config.collaboration.tz, days=RECENT_DAYS
    )
    respond(response_type="ephemeral", **message)


@SUBCOMMANDS.add("rapportera", "rapport", "report", "återrapportera", "aterrapportera")
def _report(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Open the report-back form."""
    actor = resolve_actor(bot, client, command["user_id"])
    if not may_register(actor):
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    allowed = set(organizer_choices(actor, _organization_ids(bot)))
    organizations = [o for o in bot.organizations if o.id in allowed]
    try:
        client.views_open(
            trigger_id=command["trigger_id"], view=report_form(bot.texts, organizations)
        )
    except SlackApiError:
        respond(text=bot.texts(c.TRIGGER_EXPIRED), response_type="ephemeral")


@SUBCOMMANDS.add("resultat", "results", "result")
def _results(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Show the results of a training (default: the latest evaluated)."""
    actor = resolve_actor(bot, client, command["user_id"])
    word = rest.strip().lstrip("#")
    if word and not word.isdigit():
        respond(text=bot.texts(t.RESULTS_BAD_ID), response_type="ephemeral")
        return
    with bot.db.reading() as session:
        if word:
            training = get_training(session, int(word))
        elif actor.reads_everything:
            training = latest_evaluated(session)
        else:
            training = latest_evaluated(
                session, organization_id=actor.organization_id, created_by=actor.user_id
            )
    if training is None:
        msg = t.NOT_FOUND if word else t.RESULTS_NONE
        respond(text=bot.texts(msg, id=word), response_type="ephemeral")
        return
    if training.origin != Origin.REGISTERED:
        respond(
            text=bot.texts(t.NO_EVALUATION_FOR_REPORT, id=training.id), response_type="ephemeral"
        )
        return
    if not may_see_results(actor, training.organizer_id, training.created_by):
        respond(
            text=bot.texts(c.NOT_ALLOWED, who=bot.texts(t.WHO_ORGANIZER)),
            response_type="ephemeral",
        )
        return

    def answer(message: dict[str, Any]) -> None:
        """Answer privately through the command's response URL."""
        respond(response_type="ephemeral", **message)

    show_results(bot, client, actor, training, answer)


def parse_period(text: str, now: datetime, tz: Any) -> tuple[date, date] | None:
    """Parse a period: empty (the last 12 months), a year, or two dates; end date inclusive."""
    words = text.split()
    today = now.astimezone(tz).date()
    try:
        if not words:
            return today - TOTALS_DEFAULT + timedelta(days=1), today
        if len(words) == 1 and re.fullmatch(r"\d{4}", words[0]):
            year = int(words[0])
            return date(year, 1, 1), date(year, 12, 31)
        if len(words) == 2:
            first, last = date.fromisoformat(words[0]), date.fromisoformat(words[1])
            return (first, last) if first <= last else None
    except ValueError:
        return None
    return None


@SUBCOMMANDS.add(
    "sammanställning", "sammanstallning", "summering", "summary", "totals"
)
def _totals(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Show totals per subject and organiser, and who has reported back."""
    actor = resolve_actor(bot, client, command["user_id"])
    if not actor.in_collaboration:
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    tz = bot.config.collaboration.tz
    period = parse_period(rest, bot.clock.now(), tz)
    if period is None:
        respond(text=bot.texts(t.PERIOD_BAD), response_type="ephemeral")
        return
    start = local_moment(period[0], time(0, 0), tz)
    end = local_moment(period[1] + timedelta(days=1), time(0, 0), tz)
    minimum = bot.config.evaluations.min_answers
    with bot.db.reading() as session:
        subjects = training_totals(session, start, end, min_answers=minimum)
        organizations = training_totals_by_organization(session, start, end, min_answers=minimum)
        reported = report_back_status(session, start, end)
        names = organization_names(session)
    message = totals_message(
        bot.texts,
        subjects,
        organizations,
        reported,
        names,
        (period[0].isoformat(), period[1].isoformat()),
    )
    respond(response_type="ephemeral", **message)


@SUBCOMMANDS.add("hjälp", "hjalp", "help", "?")
def _help(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Show the help."""
    respond(text=bot.texts(t.HELP), response_type="ephemeral")


def handle_utbildning(
    ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Handle /utbildning [lista|rapportera|resultat [nr]|sammanställning [år]|hjälp]."""
    ack()
    bot = bot_of(context)
    text = (command.get("text") or "").strip()
    found = SUBCOMMANDS.find(text)
    if found is not None:
        handler, rest = found
        handler(bot, client, command, rest, respond)
        return
    if text:
        word = b.escape(b.clip(text.partition(" ")[0], 40)).replace("`", "'")
        respond(
            text=bot.texts(t.UNKNOWN_SUBCOMMAND, word=word) + "\n" + bot.texts(t.HELP),
            response_type="ephemeral",
        )
        return
    actor = resolve_actor(bot, client, command["user_id"])
    open_training_form(bot, client, command["trigger_id"], actor, respond)


# --- registering and reporting -------------------------------------------------------------------


def handle_training_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Store a new training and post its message, or show the form's errors inline."""
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not may_register(actor):
        ack(response_action="errors", errors={Block.TRAINING_TITLE: bot.texts(c.NO_ORGANIZATION)})
        return
    now = bot.clock.now()
    with bot.db.reading() as session:
        open_ids = {n.id for n in open_needs(session, limit=10_000).needs}
    check = validate_training(
        read_training_input(view),
        allowed_organizers=set(organizer_choices(actor, _organization_ids(bot))),
        organization_ids=set(_organization_ids(bot)),
        open_need_ids=open_ids,
        tz=bot.config.collaboration.tz,
        now=now,
    )
    if check.draft is None:
        ack(
            response_action="errors", errors=inline_errors(bot, check.errors, TRAINING_FIELD_BLOCKS)
        )
        return
    keys: list[OutboxKey | None] = []
    try:
        with bot.db.transaction() as session:
            training = create_training(
                session, check.draft, created_by=user, source_key=view["id"], now=now
            )
            if training is not None:
                keys.append(queue_card(bot, session, training, update=False))
                keys.append(queue_created_notice(bot, session, training))
                if training.ends_at <= now:
                    keys += open_and_queue(bot, session, training, now)
                audit.record(
                    session,
                    actor=user,
                    action="training_created",
                    subject=f"training:{training.id}",
                    now=now,
                )
    except DatabaseUnavailable:
        ack(response_action="errors", errors={Block.TRAINING_TITLE: bot.texts(c.DATABASE_DOWN)})
        return
    ack()
    bot.deliver([k for k in keys if k])


def handle_report_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Store a training reported back by a partner, or show the form's errors inline."""
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not may_register(actor):
        ack(
            response_action="errors",
            errors={Block.TRAINING_REPORT_ORGANIZATION: bot.texts(c.NO_ORGANIZATION)},
        )
        return
    now = bot.clock.now()
    check = validate_report(
        read_report_input(view),
        allowed_organizations=set(organizer_choices(actor, _organization_ids(bot))),
        tz=bot.config.collaboration.tz,
        now=now,
    )
    if check.draft is None:
        ack(response_action="errors", errors=inline_errors(bot, check.errors, REPORT_FIELD_BLOCKS))
        return
    draft = check.draft
    key: OutboxKey | None = None
    try:
        with bot.db.transaction() as session:
            training = create_report(
                session, draft, reported_by=user, source_key=view["id"], now=now
            )
            if training is not None:
                key = OutboxKey.training_reported(training.id)
                text = bot.texts(
                    t.REPORT_SAVED,
                    title=title_text(training),
                    date=draft.held_on.isoformat(),
                    participants=draft.participants,
                    organization=b.escape(bot.organization_name(draft.organization_id)),
                )
                outbox.enqueue(
                    session,
                    key=key,
                    kind="training_notice",
                    channel=user,
                    payload={"text": text},
                    now=now,
                )
                audit.record(
                    session,
                    actor=user,
                    action="training_reported",
                    subject=f"training:{training.id}",
                    now=now,
                    detail=draft.organization_id,
                )
    except DatabaseUnavailable:
        ack(
            response_action="errors",
            errors={Block.TRAINING_TITLE: bot.texts(c.DATABASE_DOWN)},
        )
        return
    ack()
    if key:
        bot.deliver([key])


# --- buttons on the training's message -----------------------------------------------------------


def handle_post_now(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Send a training's evaluation at once (coordinators, or whoever registered it)."""
    ack()
    bot = bot_of(context)
    training = _load(bot, _training_id(action.get("value")))
    if training is None:
        _refuse(bot, client, body, t.NOT_FOUND, id=action.get("value", ""))
        return
    actor = resolve_actor(bot, client, body["user"]["id"])
    if not may_open_now(actor, training.created_by):
        _refuse(bot, client, body, c.NOT_ALLOWED, who=bot.texts(t.WHO_REGISTRAR))
        return
    now = bot.clock.now()
    with bot.db.transaction() as session:
        stored = get_training(session, training.id)
        keys = open_and_queue(bot, session, stored, now) if stored is not None else []
        if keys:
            audit.record(
                session,
                actor=actor.user_id,
                action="training_evaluation_sent",
                subject=f"training:{training.id}",
                now=now,
            )
    if not keys:
        opened = training.evaluation_opened_at or now
        _refuse(
            bot,
            client,
            body,
            t.ALREADY_OPEN,
            title=title_text(training),
            opened=local_datetime(opened, bot.config.collaboration.tz),
        )
        return
    bot.deliver(keys)
    _refuse(
        bot,
        client,
        body,
        t.POSTED_NOW,
        title=title_text(training),
        where=where_text(bot.texts, training),
    )


def handle_results_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Show a training's results privately to an allowed person."""
    ack()
    bot = bot_of(context)
    training = _load(bot, _training_id(action.get("value")))
    if training is None:
        _refuse(bot, client, body, t.NOT_FOUND, id=action.get("value", ""))
        return
    actor = resolve_actor(bot, client, body["user"]["id"])
    if not may_see_results(actor, training.organizer_id, training.created_by):
        _refuse(bot, client, body, c.NOT_ALLOWED, who=bot.texts(t.WHO_ORGANIZER))
        return
    channel = (body.get("channel") or {}).get("id")

    def answer(message: dict[str, Any]) -> None:
        """Post the results privately where the button was pressed."""
        post_private(client, channel, actor.user_id, message["text"], message["blocks"])

    show_results(bot, client, actor, training, answer)


# --- answering -----------------------------------------------------------------------------------
# Nothing here resolves or stores who answers: no person row, no audit entry, no outbox row.


def _may_answer(training: Training, user_id: str) -> bool:
    """Tell whether a person may answer: anyone in a channel, else the chosen participants."""
    return training.evaluation_channel is not None or user_id in training.evaluation_participants


def _closed_or_missing(bot: BotContext, training: Training | None) -> str | None:
    """Return why a training cannot be answered now, or None when it can."""
    if training is None:
        return bot.texts(t.NOT_FOUND, id="?")
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    tz = bot.config.collaboration.tz
    if state is EvaluationState.CLOSED or (
        training.evaluation_closes_at is not None
        and training.evaluation_closes_at <= bot.clock.now()
    ):
        closed = training.evaluation_closed_at or training.evaluation_closes_at or bot.clock.now()
        return bot.texts(t.EVAL_CLOSED, title=title_text(training), closed=local_date(closed, tz))
    if state is not EvaluationState.OPEN:
        return bot.texts(t.EVAL_NOT_OPEN, title=title_text(training))
    return None


def handle_answer_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the evaluation form, filled in with the person's earlier answer if any."""
    ack()
    bot = bot_of(context)
    user = body["user"]["id"]
    training_id = _training_id(action.get("value"))
    with bot.db.reading() as session:
        training = get_training(session, training_id) if training_id is not None else None
        previous = (
            find_answer(
                session, training.id, respondent_key(bot.settings.secret_key(), training.id, user)
            )
            if training is not None
            else None
        )
    problem = _closed_or_missing(bot, training)
    channel = (body.get("channel") or {}).get("id")
    if problem is not None or training is None:
        post_private(client, channel, user, problem or "")
        return
    if not _may_answer(training, user):
        post_private(
            client, channel, user, bot.texts(t.NOT_A_PARTICIPANT, title=title_text(training))
        )
        return
    view = answer_page_after(
        bot.texts,
        training,
        bot.config.collaboration.tz,
        previous=previous,
        min_answers=bot.config.evaluations.min_answers,
    )
    try:
        client.views_open(trigger_id=body["trigger_id"], view=view)
    except SlackApiError:
        post_private(client, channel, user, bot.texts(c.TRIGGER_EXPIRED))


def handle_after_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Take page 1 (knowledge now) and push page 2 (knowledge before, free texts)."""
    bot = bot_of(context)
    user = body["user"]["id"]
    state = ViewState(view)
    after, error = validate_rating(
        "after", state.selected(Block.TRAINING_EVAL_AFTER)
    )
    if error is not None or after is None:
        ack(
            response_action="errors",
            errors=inline_errors(bot, [error] if error else [], ANSWER_FIELD_BLOCKS),
        )
        return
    training_id = _training_id(_metadata(view).get("training"))
    with bot.db.reading() as session:
        training = get_training(session, training_id) if training_id is not None else None
        previous = (
            find_answer(
                session, training.id, respondent_key(bot.settings.secret_key(), training.id, user)
            )
            if training is not None
            else None
        )
    problem = _closed_or_missing(bot, training)
    if problem is None and training is not None and not _may_answer(training, user):
        problem = bot.texts(t.NOT_A_PARTICIPANT, title=title_text(training))
    if problem is not None or training is None:
        ack(response_action="errors", errors={Block.TRAINING_EVAL_AFTER: problem or ""})
        return
    page = answer_page_before(
        bot.texts,
        training,
        after=after,
        previous=previous,
        min_answers=bot.config.evaluations.min_answers,
    )
    ack(response_action="push", view=page)


def handle_before_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Store the complete answer anonymously (replacing an earlier one) and say thanks."""
    bot = bot_of(context)
    user = body["user"]["id"]
    state = ViewState(view)
    check = validate_answer(
        state.selected(Block.TRAINING_EVAL_BEFORE),
        state.text(Block.TRAINING_EVAL_USED),
        state.text(Block.TRAINING_EVAL_MISSING),
    )
    if check.errors or check.before is None:
        ack(response_action="errors", errors=inline_errors(bot, check.errors, ANSWER_FIELD_BLOCKS))
        return
    meta = _metadata(view)
    training_id = _training_id(meta.get("training"))
    after = parse_rating(str(meta.get("after", "")))
    training = _load(bot, training_id)
    problem = _closed_or_missing(bot, training)
    if problem is None and training is not None and not _may_answer(training, user):
        problem = bot.texts(t.NOT_A_PARTICIPANT, title=title_text(training))
    if problem is not None or training is None or after is None:
        ack(
            response_action="errors",
            errors={Block.TRAINING_EVAL_BEFORE: problem or bot.texts(c.TEMPORARY_ERROR)},
        )
        return
    now = bot.clock.now()
    try:
        with bot.db.transaction() as session:
            replaced = save_answer(
                session,
                training_id=training.id,
                respondent=respondent_key(bot.settings.secret_key(), training.id, user),
                before=check.before,
                after=after,
                will_use=check.used,
                was_missing=check.missing,
                today=now.astimezone(bot.config.collaboration.tz).date(),
            )
    except DatabaseUnavailable:
        ack(
            response_action="errors",
            errors={Block.TRAINING_EVAL_BEFORE: bot.texts(c.DATABASE_DOWN)},
        )
        return
    ack(response_action="update", view=thanks_view(bot.texts, replaced=replaced))


# --- the App Home --------------------------------------------------------------------------------


def home_section(bot: BotContext, actor: Actor) -> list[Any]:
    """Return the Home tab's list of evaluations waiting for the person's answer."""
    with bot.db.reading() as session:
        waiting = open_evaluations_for(
            session, actor.user_id, bot.clock.now(), secret=bot.settings.secret_key()
        )
    return home_blocks(bot.texts, waiting, bot.config.collaboration.tz)


def register(routes: Router) -> None:
    """Register the trainings' listeners and their Home section."""
    routes.command("/utbildning")(handle_utbildning)
    routes.view(Callback.TRAINING_FORM.value)(handle_training_submission)
    routes.view(Callback.TRAINING_REPORT.value)(handle_report_submission)
    routes.view(Callback.TRAINING_EVAL_AFTER.value)(handle_after_submission)
    routes.view(Callback.TRAINING_EVAL_BEFORE.value)(handle_before_submission)
    routes.action(Action.TRAINING_POST_NOW.value)(handle_post_now)
    routes.action(Action.TRAINING_RESULTS.value)(handle_results_button)
    routes.action(Action.TRAINING_ANSWER.value)(handle_answer_button)
    if home_section not in SECTIONS:
        SECTIONS.append(home_section)
