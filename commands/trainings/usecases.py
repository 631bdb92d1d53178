"""Use cases of trainings: register, report back, send an evaluation now, show results and lists.

Each takes an open session and does its whole unit of work in it: check, store, queue the
outbox rows (the training's card, confirmations, evaluation messages, the results chart) and
write the audit entry. None makes a Slack call; the caller sends the queued rows (by their
keys) once the transaction is committed. The evaluation's anonymous answers have their own
module, usecases_evaluation.py, and its results usecases_results.py.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.needs import OPEN_STATUSES
from bot.domain.organizations import OrganizationInfo
from bot.domain.trainings import (
    ReportInput,
    TrainingInput,
    local_moment,
    may_open_now,
    may_register,
    organizer_choices,
    validate_report,
    validate_training,
)
from bot.texts import Texts, formats
from bot.texts import common as c
from bot.texts import trainings as t
from commands import blocks as b
from commands.edge.outcome import Done, Invalid, Refusal
from commands.needs.search import chosen_need_ids
from commands.trainings.planner import (
    open_and_queue,
    queue_card,
    queue_created_notice,
    queue_notice,
)
from commands.trainings.render_format import local_datetime, title_text, where_text
from commands.trainings.render_forms import TrainingChoices
from commands.trainings.render_lists import totals_message, training_list
from storage import audit
from storage import trainings as store
from storage.directory import organization_names
from storage.models import Training
from storage.needs import any_needs, need_titles
from storage.outbox import OutboxKey

RECENT_DAYS = 60


def _organizers(bot: BotContext, actor: Actor) -> set[str] | Refusal:
    """Return the organisations the actor may register or report trainings for, or a refusal."""
    if not may_register(actor):
        return Refusal(c.NO_ORGANIZATION)
    return set(organizer_choices(actor, [o.id for o in bot.organizations]))


def audit_training(
    session: Session, actor: Actor, action: str, training: Training, now: datetime, detail: str = ""
) -> None:
    """Write the audit entry of something the actor did to a training (keeping its title)."""
    subject = f"training:{training.id}"
    audit.record(
        session,
        actor=actor.user_id,
        action=action,
        subject=subject,
        now=now,
        detail=detail,
        label=training.title,
    )


def training_choices(bot: BotContext, session: Session, actor: Actor) -> TrainingChoices | Refusal:
    """Return what the training form offers the actor, or why they may not register."""
    allowed = _organizers(bot, actor)
    if isinstance(allowed, Refusal):
        return allowed
    return TrainingChoices(
        organizers=[o for o in bot.organizations if o.id in allowed],
        organizations=list(bot.organizations),
        offers_needs=any_needs(session, OPEN_STATUSES),
        default_channel=bot.config.channels.working_group,
        own_organization=actor.organization_id,
    )


def _open_needs_among(session: Session, chosen: list[str]) -> set[int]:
    """Return the numbers of the chosen needs (as the form sent them) that are open."""
    ids = chosen_need_ids(chosen)
    return {n.id for n in need_titles(session, ids, statuses=OPEN_STATUSES)}


def report_choices(bot: BotContext, actor: Actor) -> list[OrganizationInfo] | Refusal:
    """Return the organisations the actor may report back for, or why they may not."""
    allowed = _organizers(bot, actor)
    if isinstance(allowed, Refusal):
        return allowed
    return [o for o in bot.organizations if o.id in allowed]


def register_training(
    bot: BotContext, session: Session, actor: Actor, data: TrainingInput, *, source_key: str
) -> Done | Invalid | Refusal:
    """Check and store a training, queue its card and confirmation, and audit it.

    A training that has ended already has its evaluation opened at once. source_key (the
    form's view id) makes a retried submission store nothing a second time.
    """
    allowed, now = _organizers(bot, actor), bot.clock.now()
    if isinstance(allowed, Refusal):
        return allowed
    check = validate_training(
        data,
        allowed_organizers=allowed,
        organization_ids={o.id for o in bot.organizations},
        open_need_ids=_open_needs_among(session, data.needs),
        tz=bot.config.collaboration.tz,
        now=now,
    )
    if check.draft is None:
        return Invalid(check.errors)
    training = store.create_training(
        session, check.draft, created_by=actor.user_id, source_key=source_key, now=now
    )
    if training is None:
        return Done([])
    keys = [queue_card(bot, session, training, update=False)]
    keys.append(queue_created_notice(bot, session, training))
    if training.ends_at <= now:
        keys += open_and_queue(bot, session, training, now)
    audit_training(session, actor, "training_created", training, now)
    return Done([k for k in keys if k])


def report_training(
    bot: BotContext, session: Session, actor: Actor, data: ReportInput, *, source_key: str
) -> Done | Invalid | Refusal:
    """Check and store a training reported back, queue the reporter's confirmation, audit it."""
    allowed, now, tz = _organizers(bot, actor), bot.clock.now(), bot.config.collaboration.tz
    if isinstance(allowed, Refusal):
        return allowed
    check = validate_report(data, allowed_organizations=allowed, tz=tz, now=now)
    if (draft := check.draft) is None:
        return Invalid(check.errors)
    training = store.create_report(
        session, draft, reported_by=actor.user_id, source_key=source_key, now=now
    )
    if training is None:
        return Done([])
    reader = bot.texts_in(actor.language)
    text = reader(
        t.REPORT_SAVED,
        title=title_text(training),
        date=formats.short_date(reader.language, draft.held_on),
        participants=draft.participants,
        organization=b.escape(bot.organization_name(draft.organization_id)),
    )
    key = queue_notice(session, OutboxKey.training_reported(training.id), actor.user_id, text, now)
    audit_training(session, actor, "training_reported", training, now, draft.organization_id)
    return Done([key])


def send_evaluation_now(
    bot: BotContext, session: Session, actor: Actor, training_id: int
) -> Done | Refusal:
    """Open a training's evaluation at once and queue its messages (coordinators, registrar)."""
    training = store.get_training(session, training_id)
    if training is None:
        return Refusal(t.NOT_FOUND, {"id": training_id})
    if not may_open_now(actor, training.created_by):
        return Refusal(c.NOT_ALLOWED, {"who": t.WHO_REGISTRAR})
    now, title = bot.clock.now(), title_text(training)
    keys = open_and_queue(bot, session, training, now)
    if not keys:
        opened = local_datetime(
            bot.texts_in(actor.language),
            training.evaluation_opened_at or now,
            bot.config.collaboration.tz,
        )
        return Refusal(t.ALREADY_OPEN, {"title": title, "opened": opened})
    audit_training(session, actor, "training_evaluation_sent", training, now)
    where = where_text(bot.texts_in(actor.language), training)
    return Done(keys, t.POSTED_NOW, {"title": title, "where": where})


def trainings_list(bot: BotContext, session: Session, tr: Texts) -> dict[str, Any]:
    """Return the list of coming trainings and those of the last RECENT_DAYS days, in tr."""
    now = bot.clock.now()
    coming = store.coming_trainings(session, now)
    recent = store.recent_trainings(session, now, now - timedelta(days=RECENT_DAYS))
    return training_list(
        tr,
        coming,
        recent,
        store.answer_counts(session, [x.id for x in coming + recent]),
        organization_names(session),
        bot.config.collaboration.tz,
        days=RECENT_DAYS,
    )


def totals(
    bot: BotContext, session: Session, tr: Texts, first: date, last: date
) -> dict[str, Any]:
    """Return the totals per subject and organiser, first to last day, and who reported back."""
    tz = bot.config.collaboration.tz
    start: datetime = local_moment(first, time(0, 0), tz)
    end: datetime = local_moment(last + timedelta(days=1), time(0, 0), tz)
    minimum = bot.config.evaluations.min_answers
    return totals_message(
        tr,
        store.training_totals(session, start, end, min_answers=minimum),
        store.training_totals_by_organization(session, start, end, min_answers=minimum),
        store.report_back_status(session, start, end),
        organization_names(session),
        (
            formats.short_date(tr.language, first),
            formats.short_date(tr.language, last),
        ),
    )
