"""Block Kit and charts for trainings: forms, the training's message, the evaluation, results."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import (
    ConversationFilter,
    ConversationSelectElement,
    DatePickerElement,
    InputBlock,
    NumberInputElement,
    TimePickerElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.domain.organizations import OrganizationInfo
from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN, PMethod, SurveyStats
from bot.domain.trainings import (
    FREE_TEXT_MAX,
    PARTICIPANTS_MAX,
    PLACE_MAX,
    PRIVATE_RECIPIENTS_MAX,
    SUBJECT_LABELS,
    SUBJECT_TOPICS,
    TITLE_MAX,
    EvaluationState,
    EvaluationTarget,
    Subject,
    evaluation_state,
)
from bot.texts import Msg, Texts
from bot.texts import common as c
from bot.texts import trainings as t
from commands import blocks as b
from commands.edge.ids import Action, Block, Callback
from storage.models import Need, SurveyResponse, Training
from storage.trainings import OrganizationTotals, SubjectTotals

# Form fields (as domain validation names them) -> block ids, for inline errors.
TRAINING_FIELD_BLOCKS: dict[str, str] = {
    "title": Block.TRAINING_TITLE,
    "subject": Block.TRAINING_SUBJECT,
    "date": Block.TRAINING_DATE,
    "start": Block.TRAINING_START,
    "end": Block.TRAINING_END,
    "organizer": Block.TRAINING_ORGANIZER,
    "targets": Block.TRAINING_TARGETS,
    "expected": Block.TRAINING_EXPECTED,
    "place": Block.TRAINING_PLACE,
    "target": Block.TRAINING_TARGET,
    "channel": Block.TRAINING_CHANNEL,
    "participants": Block.TRAINING_PARTICIPANTS,
    "needs": Block.TRAINING_NEEDS,
}
REPORT_FIELD_BLOCKS: dict[str, str] = {
    "organization": Block.TRAINING_REPORT_ORGANIZATION,
    "title": Block.TRAINING_TITLE,
    "subject": Block.TRAINING_SUBJECT,
    "date": Block.TRAINING_DATE,
    "participants": Block.TRAINING_REPORT_PARTICIPANTS,
}
ANSWER_FIELD_BLOCKS: dict[str, str] = {
    "after": Block.TRAINING_EVAL_AFTER,
    "before": Block.TRAINING_EVAL_BEFORE,
    "used": Block.TRAINING_EVAL_USED,
    "missing": Block.TRAINING_EVAL_MISSING,
}
FREE_TEXT_SHOWN = 300
TEXT_SECTION_MAX = 2800
METHOD_LABELS: dict[PMethod, Msg] = {
    PMethod.EXACT: t.METHOD_EXACT,
    PMethod.PERMUTATION: t.METHOD_PERMUTATION,
    PMethod.NORMAL: t.METHOD_NORMAL,
}


# --- formatting ----------------------------------------------------------------------------------


def decimal(tr: Texts, value: float, digits: int = 1) -> str:
    """Write a number with the language's decimal mark (2,5 in Swedish)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if tr.language == "sv" else text


def signed(tr: Texts, value: float, digits: int = 1) -> str:
    """Write a change with its sign (+1,2 / −0,5)."""
    text = decimal(tr, abs(value), digits)
    if round(value, digits) == 0:
        return decimal(tr, 0.0, digits)
    return f"+{text}" if value > 0 else f"−{text}"


def percent(tr: Texts, share: float) -> str:
    """Write a share as a whole percentage (75 % in Swedish)."""
    number = f"{round(share * 100)}"
    return f"{number} %" if tr.language == "sv" else f"{number}%"


def p_value(tr: Texts, value: float) -> str:
    """Write a p-value with two or three decimals, or as below 0.001."""
    if value < 0.001:
        return "< " + decimal(tr, 0.001, 3)
    return decimal(tr, value, 2 if value >= 0.01 else 3)


def local_date(moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date."""
    return moment.astimezone(tz).strftime("%Y-%m-%d")


def local_datetime(moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date and time."""
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def when_text(training: Training, tz: ZoneInfo) -> str:
    """Write when a training is: date and local times, or only the date of a report-back."""
    if training.ends_at <= training.starts_at:
        return local_date(training.starts_at, tz)
    start, end = training.starts_at.astimezone(tz), training.ends_at.astimezone(tz)
    return f"{start:%Y-%m-%d} {start:%H:%M}–{end:%H:%M}"


def subject_label(tr: Texts, subject: str) -> str:
    """Return a subject's label, or the stored value if it is no longer known."""
    try:
        return tr(SUBJECT_LABELS[Subject(subject)])
    except ValueError:
        return subject


def topic(tr: Texts, subject: str) -> str:
    """Return the phrase the evaluation's questions use for a subject."""
    try:
        return tr(SUBJECT_TOPICS[Subject(subject)])
    except ValueError:
        return tr(t.TOPIC_OTHER)


def title_text(training: Training) -> str:
    """Return a training's title, escaped for mrkdwn and without bold markers."""
    return b.escape(training.title.replace("*", ""))


def _chunks(lines: Sequence[str], limit: int = TEXT_SECTION_MAX) -> list[str]:
    """Join lines into section texts that stay within Slack's limit."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + len(line) + 1 > limit:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


# --- forms ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingChoices:
    """What the training form offers."""

    organizers: list[OrganizationInfo]
    organizations: list[OrganizationInfo]
    needs: list[Need]
    default_channel: str | None


def _input(
    label: str, block_id: str, element: Any, *, optional: bool = False, hint: str | None = None
) -> InputBlock:
    """Return an input block around any element."""
    return InputBlock(
        label=b.plain(label),
        block_id=block_id,
        element=element,
        optional=optional,
        hint=b.plain(hint) if hint else None,
    )


def _number_input(label: str, field: str, hint: str | None = None) -> InputBlock:
    """Return an input block for a whole number of participants."""
    return _input(
        label,
        field,
        NumberInputElement(
            action_id=field, is_decimal_allowed=False, min_value=1, max_value=PARTICIPANTS_MAX
        ),
        hint=hint,
    )


def _subject_options(tr: Texts) -> list[Any]:
    """Return the subjects as select options."""
    return [b.option(tr(label), subject.value) for subject, label in SUBJECT_LABELS.items()]


def training_form(tr: Texts, choices: TrainingChoices) -> View:
    """Return the form that registers a training."""
    organizers = [b.option(o.name, o.id) for o in choices.organizers]
    blocks: list[SlackBlock] = [
        b.section(tr(t.FORM_INTRO)),
        b.text_input(
            tr(t.TITLE),
            Block.TRAINING_TITLE,
            max_length=TITLE_MAX,
            hint=tr(t.TITLE_HINT, limit=TITLE_MAX),
        ),
        b.select_input(
            tr(t.SUBJECT), Block.TRAINING_SUBJECT, _subject_options(tr)
        ),
        _input(tr(t.DATE), Block.TRAINING_DATE, DatePickerElement(action_id=Action.TRAINING_DATE)),
        _input(
            tr(t.START), Block.TRAINING_START, TimePickerElement(action_id=Action.TRAINING_START)
        ),
        _input(
            tr(t.END),
            Block.TRAINING_END,
            TimePickerElement(action_id=Action.TRAINING_END),
            hint=tr(t.END_HINT),
        ),
        b.select_input(
            tr(t.ORGANIZER),
            Block.TRAINING_ORGANIZER,
            organizers,
            initial=choices.organizers[0].id if len(choices.organizers) == 1 else None,
        ),
        b.multi_select_input(
            tr(t.TARGETS),
            Block.TRAINING_TARGETS,
            [b.option(o.name, o.id) for o in choices.organizations],
            optional=True,
            hint=tr(t.TARGETS_HINT),
        ),
        _number_input(
            tr(t.EXPECTED), Block.TRAINING_EXPECTED, tr(t.EXPECTED_HINT)
        ),
        b.text_input(
            tr(t.PLACE),
            Block.TRAINING_PLACE,
            max_length=PLACE_MAX,
            hint=tr(t.PLACE_HINT),
        ),
        b.radio_input(
            tr(t.TARGET),
            Block.TRAINING_TARGET,
            [
                b.option(tr(t.TARGET_CHANNEL), EvaluationTarget.CHANNEL.value),
                b.option(tr(t.TARGET_PARTICIPANTS), EvaluationTarget.PARTICIPANTS.value),
            ],
            initial=EvaluationTarget.CHANNEL.value,
        ),
        _input(
            tr(t.CHANNEL),
            Block.TRAINING_CHANNEL,
            ConversationSelectElement(
                action_id=Action.TRAINING_CHANNEL,
                initial_conversation=choices.default_channel,
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
            ),
            optional=True,
            hint=tr(t.CHANNEL_HINT),
        ),
        _input(
            tr(t.PARTICIPANTS),
            Block.TRAINING_PARTICIPANTS,
            UserMultiSelectElement(
                action_id=Action.TRAINING_PARTICIPANTS, max_selected_items=PRIVATE_RECIPIENTS_MAX
            ),
            optional=True,
            hint=tr(t.PARTICIPANTS_HINT),
        ),
    ]
    if choices.needs:
        blocks.append(
            b.multi_select_input(
                tr(t.NEEDS),
                Block.TRAINING_NEEDS,
                [b.option(f"#{n.id} {n.title}", str(n.id)) for n in choices.needs[:100]],
                optional=True,
                hint=tr(t.NEEDS_HINT),
            )
        )
    return b.modal(
        tr(t.FORM_TITLE),
        blocks,
        callback_id=Callback.TRAINING_FORM,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
    )


def report_form(tr: Texts, organizations: list[OrganizationInfo]) -> View:
    """Return the form that reports back a training held in one's own organisation."""
    return b.modal(
        tr(t.REPORT_TITLE),
        [
            b.section(tr(t.REPORT_INTRO)),
            b.select_input(
                tr(t.REPORT_ORGANIZATION),
                Block.TRAINING_REPORT_ORGANIZATION,
                [b.option(o.name, o.id) for o in organizations],
                initial=organizations[0].id if len(organizations) == 1 else None,
            ),
            b.text_input(
                tr(t.TITLE),
                Block.TRAINING_TITLE,
                max_length=TITLE_MAX,
                hint=tr(t.TITLE_HINT, limit=TITLE_MAX),
            ),
            b.select_input(
                tr(t.SUBJECT), Block.TRAINING_SUBJECT, _subject_options(tr)
            ),
            _input(
                tr(t.REPORT_DATE),
                Block.TRAINING_DATE,
                DatePickerElement(action_id=Action.TRAINING_DATE),
            ),
            _number_input(
                tr(t.REPORT_PARTICIPANTS),
                Block.TRAINING_REPORT_PARTICIPANTS,
            ),
        ],
        callback_id=Callback.TRAINING_REPORT,
        submit=tr(c.SEND),
        close=tr(c.CANCEL),
    )


# --- the training's message ----------------------------------------------------------------------


def where_text(tr: Texts, training: Training) -> str:
    """Say where the evaluation goes."""
    if training.evaluation_channel:
        return tr(t.EVAL_TO_CHANNEL, channel=training.evaluation_channel)
    return tr(t.EVAL_TO_PARTICIPANTS, count=len(training.evaluation_participants))


def _status_line(tr: Texts, training: Training, tz: ZoneInfo, answers: int) -> str:
    """Say where a training's evaluation stands, for its message."""
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    if state is EvaluationState.OPEN and training.evaluation_closes_at is not None:
        return tr(t.CARD_OPEN, closes=local_datetime(training.evaluation_closes_at, tz))
    if state is EvaluationState.CLOSED and training.evaluation_closed_at is not None:
        return tr(
            t.CARD_CLOSED, closed=local_date(training.evaluation_closed_at, tz), count=answers
        )
    return tr(t.CARD_SCHEDULED, end=local_datetime(training.ends_at, tz))


def post_now_button(tr: Texts, training_id: int) -> Any:
    """Return the button that sends a training's evaluation at once."""
    return b.button(
        tr(t.BUTTON_POST_NOW),
        Action.TRAINING_POST_NOW,
        str(training_id),
        style="primary",
        confirm=b.confirm(
            tr(t.POST_NOW_CONFIRM_TITLE),
            tr(t.POST_NOW_CONFIRM_TEXT),
            tr(t.POST_NOW_CONFIRM_YES),
            tr(c.CANCEL),
        ),
    )


def training_card(
    tr: Texts,
    training: Training,
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    need_ids: Sequence[int] = (),
    answers: int = 0,
) -> dict[str, Any]:
    """Return the channel message of a training, with the buttons its evaluation's state allows."""
    targets = ", ".join(names.get(o, o) for o in training.target_organizations) or tr(
        t.ALL_PARTNERS
    )
    fields = [
        tr(t.CARD_SUBJECT, subject=subject_label(tr, training.subject)),
        tr(t.CARD_WHEN, when=when_text(training, tz)),
        tr(t.CARD_PLACE, place=b.escape(training.place) or "–"),
        tr(t.CARD_ORGANIZER, organizer=b.escape(names.get(training.organizer_id, "–"))),
        tr(t.CARD_TARGETS, targets=b.escape(targets)),
        tr(t.CARD_EXPECTED, expected=training.expected_participants or "–"),
        tr(t.CARD_EVALUATION, where=where_text(tr, training)),
    ]
    blocks: list[SlackBlock] = [
        b.header(tr(t.CARD_HEADER, id=training.id, title=training.title)),
        b.fields_section(fields),
        b.section(_status_line(tr, training, tz, answers)),
    ]
    if need_ids:
        needs = ", ".join(f"#{n}" for n in need_ids)
        blocks.append(b.context(tr(t.CARD_NEEDS, needs=needs)))
    if training.created_by:
        blocks.append(
            b.context(
                tr(
                    t.CARD_REGISTERED_BY,
                    user=training.created_by,
                    date=local_date(training.created_at, tz),
                )
            )
        )
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    buttons: list[Any] = []
    if state is EvaluationState.SCHEDULED:
        buttons.append(post_now_button(tr, training.id))
    if state in (EvaluationState.OPEN, EvaluationState.CLOSED):
        buttons.append(b.button(tr(t.BUTTON_RESULTS), Action.TRAINING_RESULTS, str(training.id)))
    if buttons:
        blocks.append(b.actions(buttons, block_id=f"{Block.TRAINING_ACTIONS}:{training.id}"))
    text = tr(
        t.CARD_FALLBACK, id=training.id, title=title_text(training), when=when_text(training, tz)
    )
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def created_notice(tr: Texts, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    """Return the private confirmation to whoever registered a training."""
    text = tr(
        t.CREATED,
        id=training.id,
        title=title_text(training),
        when=when_text(training, tz),
        where=where_text(tr, training),
    )
    blocks = [
        b.section(text),
        b.actions(
            [post_now_button(tr, training.id)], block_id=f"{Block.TRAINING_ACTIONS}:{training.id}"
        ),
    ]
    return {"text": text, "blocks": b.blocks_dict(blocks)}


# --- the evaluation message ----------------------------------------------------------------------


def evaluation_message(tr: Texts, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    """Return the short message with one button that opens the evaluation form."""
    closes = training.evaluation_closes_at or training.ends_at
    blocks = [
        b.section(
            tr(
                t.EVAL_TEXT,
                title=title_text(training),
                date=local_date(training.starts_at, tz),
            )
        ),
        b.actions(
            [
                b.button(
                    tr(t.BUTTON_ANSWER), Action.TRAINING_ANSWER, str(training.id), style="primary"
                )
            ],
            block_id=f"{Block.TRAINING_EVAL_ACTIONS}:{training.id}",
        ),
        b.context(tr(t.EVAL_OPEN_UNTIL, closes=local_datetime(closes, tz))),
    ]
    return {
        "text": tr(t.EVAL_FALLBACK, title=title_text(training)),
        "blocks": b.blocks_dict(blocks),
    }


def reminder_message(tr: Texts, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    """Return the one reminder to answer, with the same button."""
    text = tr(t.REMINDER_TEXT, title=title_text(training), date=local_date(training.starts_at, tz))
    blocks = [
        b.section(text),
        b.actions(
            [
                b.button(
                    tr(t.BUTTON_ANSWER), Action.TRAINING_ANSWER, str(training.id), style="primary"
                )
            ],
            block_id=f"{Block.TRAINING_EVAL_ACTIONS}:{training.id}",
        ),
    ]
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def evaluation_closed_message(tr: Texts, training: Training, answers: int) -> dict[str, Any]:
    """Return the evaluation message as it reads once closed: no button."""
    text = tr(t.EVAL_CLOSED_TEXT, title=title_text(training), count=answers)
    return {"text": text, "blocks": b.blocks_dict([b.section(text)])}


# --- the evaluation form -------------------------------------------------------------------------


def _scale_options(tr: Texts) -> list[Any]:
    """Return the 1-5 scale as radio options with labelled ends."""
    labels = {SCALE_MIN: tr(t.SCALE_1), SCALE_MAX: tr(t.SCALE_5)}
    return [
        b.option(labels.get(step, str(step)), str(step)) for step in range(SCALE_MIN, SCALE_MAX + 1)
    ]


def answer_page_after(
    tr: Texts,
    training: Training,
    tz: ZoneInfo,
    *,
    previous: SurveyResponse | None,
    min_answers: int,
) -> View:
    """Return page 1 of the evaluation: knowledge now, after the training."""
    blocks: list[SlackBlock] = [
        b.section(
            tr(t.PAGE1_INTRO, title=title_text(training), date=local_date(training.starts_at, tz))
        )
    ]
    if previous is not None:
        blocks.append(b.context(tr(t.ALREADY_ANSWERED)))
    blocks += [
        b.radio_input(
            tr(t.AFTER_QUESTION, topic=topic(tr, training.subject)),
            Block.TRAINING_EVAL_AFTER,
            _scale_options(tr),
            initial=str(previous.knowledge_after) if previous is not None else None,
        ),
        b.context(tr(t.ANONYMITY, min=min_answers)),
    ]
    return b.modal(
        tr(t.EVAL_TITLE),
        blocks,
        callback_id=Callback.TRAINING_EVAL_AFTER,
        submit=tr(t.NEXT),
        close=tr(c.CANCEL),
        private_metadata=json.dumps({"training": training.id}),
    )


def answer_page_before(
    tr: Texts,
    training: Training,
    *,
    after: int,
    previous: SurveyResponse | None,
    min_answers: int,
) -> View:
    """Return page 2 (pushed): knowledge before the training, and two optional free texts."""
    hint = tr(t.FREE_TEXT_HINT, limit=FREE_TEXT_MAX)
    blocks: list[SlackBlock] = [
        b.section(tr(t.PAGE2_INTRO)),
        b.radio_input(
            tr(t.BEFORE_QUESTION, topic=topic(tr, training.subject)),
            Block.TRAINING_EVAL_BEFORE,
            _scale_options(tr),
            initial=str(previous.knowledge_before) if previous is not None else None,
        ),
        b.text_input(
            tr(t.USED),
            Block.TRAINING_EVAL_USED,
            multiline=True,
            max_length=FREE_TEXT_MAX,
            initial=previous.will_use if previous is not None else None,
            hint=hint,
            optional=True,
        ),
        b.text_input(
            tr(t.MISSING),
            Block.TRAINING_EVAL_MISSING,
            multiline=True,
            max_length=FREE_TEXT_MAX,
            initial=previous.was_missing if previous is not None else None,
            hint=hint,
            optional=True,
        ),
        b.context(tr(t.ANONYMITY, min=min_answers)),
    ]
    return b.modal(
        tr(t.EVAL_TITLE),
        blocks,
        callback_id=Callback.TRAINING_EVAL_BEFORE,
        submit=tr(c.SEND),
        close=tr(t.BACK),
        private_metadata=json.dumps({"training": training.id, "after": after}),
    )


def thanks_view(tr: Texts, *, replaced: bool) -> View:
    """Return the last page: thanks; closing it closes the whole form."""
    view = b.modal(
        tr(t.THANKS_TITLE),
        [b.section(tr(t.THANKS_REPLACED if replaced else t.THANKS_TEXT))],
        callback_id=Callback.TRAINING_EVAL_THANKS,
        close=tr(c.CLOSE),
    )
    view.clear_on_close = True
    return view


# --- results -------------------------------------------------------------------------------------


def _distribution_table(tr: Texts, stats: SurveyStats) -> str:
    """Return the counts per scale step as a fixed-width table."""
    steps = range(SCALE_MIN, SCALE_MAX + 1)
    labels = [tr(t.ROW_SCALE), tr(t.ROW_BEFORE), tr(t.ROW_AFTER)]
    width = max(len(label) for label in labels) + 2
    rows = [
        labels[0].ljust(width) + "".join(f"{step:>4}" for step in steps),
        labels[1].ljust(width) + "".join(f"{n:>4}" for n in stats.distribution_before),
        labels[2].ljust(width) + "".join(f"{n:>4}" for n in stats.distribution_after),
    ]
    return "```\n" + "\n".join(rows) + "\n```"


def figure_lines(tr: Texts, stats: SurveyStats) -> list[str]:
    """Return the lines of figures of a shown evaluation (means, change, test, effect, shares)."""
    if stats.mean_before is None or stats.mean_after is None or stats.mean_change is None:
        return []
    lines = [
        tr(
            t.RESULTS_MEANS,
            before=decimal(tr, stats.mean_before),
            after=decimal(tr, stats.mean_after),
        )
    ]
    change = signed(tr, stats.mean_change, 2)
    if stats.ci_low is not None and stats.ci_high is not None:
        lines.append(
            tr(
                t.RESULTS_CHANGE,
                change=change,
                low=signed(tr, stats.ci_low, 2),
                high=signed(tr, stats.ci_high, 2),
            )
        )
    else:
        lines.append(tr(t.RESULTS_CHANGE_NO_CI, change=change))
    if stats.p_value is not None and stats.p_method is not None:
        lines.append(
            tr(
                t.RESULTS_TEST,
                p=p_value(tr, stats.p_value),
                method=tr(METHOD_LABELS[stats.p_method]),
            )
        )
    else:
        lines.append(tr(t.RESULTS_TEST_NONE))
    missing = tr(t.NOT_COMPUTABLE)
    lines.append(
        tr(
            t.RESULTS_EFFECT,
            r=decimal(tr, stats.rank_biserial, 2) if stats.rank_biserial is not None else missing,
            dz=decimal(tr, stats.cohens_dz, 2) if stats.cohens_dz is not None else missing,
        )
    )

    def share(count: int) -> str:
        """Write a count with its share of the answers."""
        return tr(t.SHARE, count=count, percent=percent(tr, stats.share(count)))

    lines.append(
        tr(
            t.RESULTS_SHARES,
            improved=share(stats.improved),
            same=share(stats.same),
            declined=share(stats.declined),
        )
    )
    return lines


def _count_line(tr: Texts, stats: SurveyStats) -> str:
    """Say how many answered, and the response rate when participants were expected."""
    if stats.expected and stats.response_rate is not None:
        return tr(
            t.RESULTS_COUNT,
            n=stats.n,
            expected=stats.expected,
            rate=percent(tr, stats.response_rate),
        )
    return tr(t.RESULTS_COUNT_PLAIN, n=stats.n)


def _state_line(tr: Texts, training: Training, tz: ZoneInfo) -> str:
    """Say whether the evaluation is open, closed or not yet sent."""
    if training.evaluation_closed_at is not None:
        return tr(t.RESULTS_CLOSED, closed=local_date(training.evaluation_closed_at, tz))
    if training.evaluation_opened_at is not None and training.evaluation_closes_at is not None:
        return tr(t.RESULTS_OPEN, closes=local_datetime(training.evaluation_closes_at, tz))
    return tr(t.RESULTS_NOT_SENT)


def _text_blocks(tr: Texts, heading: Msg, texts: list[str]) -> list[SlackBlock]:
    """Return the free texts under a heading, escaped and clipped."""
    lines = [f"• {b.escape(b.clip(' '.join(text.split()), FREE_TEXT_SHOWN))}" for text in texts]
    chunks = _chunks([tr(heading), *(lines or [tr(t.RESULTS_NO_TEXTS)])])
    return [b.section(chunk) for chunk in chunks]


def results_message(
    tr: Texts,
    training: Training,
    stats: SurveyStats,
    texts: tuple[list[str], list[str]],
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    chart_sent: bool,
) -> dict[str, Any]:
    """Return the results of one evaluation; below the minimum only the count."""
    heading = tr(t.RESULTS_HEADER, id=training.id, title=training.title)
    blocks: list[SlackBlock] = [
        b.header(heading),
        b.context(
            tr(
                t.RESULTS_ABOUT,
                date=when_text(training, tz),
                subject=subject_label(tr, training.subject),
                organizer=b.escape(names.get(training.organizer_id, training.organizer_id)),
            )
        ),
        b.section(_count_line(tr, stats) + "\n" + _state_line(tr, training, tz)),
    ]
    if not stats.shown:
        blocks.append(b.section(tr(t.RESULTS_TOO_FEW, min=stats.min_answers)))
        return {"text": heading, "blocks": b.blocks_dict(blocks)}
    blocks.append(b.section("\n".join(figure_lines(tr, stats))))
    blocks.append(b.section(tr(t.RESULTS_DISTRIBUTION) + "\n" + _distribution_table(tr, stats)))
    used, missing = texts
    blocks.append(b.divider())
    text_blocks = _text_blocks(tr, t.RESULTS_USED, used) + _text_blocks(
        tr, t.RESULTS_MISSING, missing
    )
    room = b.MESSAGE_BLOCKS_MAX - len(blocks) - 2
    blocks += text_blocks[:room]
    notes = [tr(t.RESULTS_TEXTS_NOTE)]
    if chart_sent:
        notes.append(tr(t.RESULTS_CHART_SENT))
    blocks.append(b.context(*notes))
    return {"text": heading, "blocks": b.blocks_dict(blocks)}


def results_chart(tr: Texts, title: str, stats: SurveyStats) -> bytes:
    """Draw the before/after distribution as a PNG (matplotlib, Agg canvas, no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7.5, 4.5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    steps = list(range(SCALE_MIN, SCALE_MAX + 1))
    width = 0.38
    before = axes.bar(
        [s - width / 2 for s in steps],
        stats.distribution_before,
        width,
        label=tr(t.ROW_BEFORE),
        color="#9aa5b1",
    )
    after = axes.bar(
        [s + width / 2 for s in steps],
        stats.distribution_after,
        width,
        label=tr(t.ROW_AFTER),
        color="#1d4f91",
    )
    axes.bar_label(before, padding=2, fontsize=9)
    axes.bar_label(after, padding=2, fontsize=9)
    axes.set_xticks(steps)
    axes.set_xlabel(tr(t.CHART_X))
    axes.set_ylabel(tr(t.CHART_Y))
    top = max([*stats.distribution_before, *stats.distribution_after, 1])
    axes.set_ylim(0, top * 1.2 + 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(b.clip(tr(t.CHART_TITLE, title=title), 80), fontsize=11)
    if stats.mean_before is not None and stats.mean_after is not None:
        axes.text(
            0.01,
            0.97,
            tr(
                t.CHART_MEANS,
                before=decimal(tr, stats.mean_before),
                after=decimal(tr, stats.mean_after),
                n=stats.n,
            ),
            transform=axes.transAxes,
            va="top",
            fontsize=9,
        )
    axes.legend(loc="upper right")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def figures_sentence(tr: Texts, stats: SurveyStats) -> str:
    """Say in one sentence how knowledge changed, or that there are too few answers."""
    if not stats.shown or stats.mean_before is None or stats.mean_after is None:
        return tr(t.FIGURES_HIDDEN)
    return tr(
        t.FIGURES_SHOWN,
        before=decimal(tr, stats.mean_before),
        after=decimal(tr, stats.mean_after),
    )


# --- list, totals and home -----------------------------------------------------------------------


def status_text(tr: Texts, training: Training, answers: int) -> str:
    """Say where a training's evaluation stands, for the list."""
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    if state is EvaluationState.NONE:
        return tr(t.STATUS_REPORTED, participants=training.reported_participants or 0)
    if state is EvaluationState.OPEN:
        return tr(t.STATUS_OPEN, n=answers)
    if state is EvaluationState.CLOSED:
        return tr(t.STATUS_CLOSED, n=answers)
    return tr(t.STATUS_SCHEDULED)


def training_list(
    tr: Texts,
    coming: list[Training],
    recent: list[Training],
    counts: dict[int, int],
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    days: int,
) -> dict[str, Any]:
    """Return the list of coming and recent trainings."""

    def line(training: Training) -> str:
        """Write one training as a list line."""
        return "• " + tr(
            t.LIST_ITEM,
            id=training.id,
            title=b.escape(b.clip(training.title.replace("*", ""), 80)),
            when=when_text(training, tz),
            organizer=b.escape(names.get(training.organizer_id, training.organizer_id)),
            status=status_text(tr, training, counts.get(training.id, 0)),
        )

    blocks: list[SlackBlock] = [b.header(tr(t.LIST_HEADER))]
    for heading, group in ((tr(t.LIST_COMING), coming), (tr(t.LIST_RECENT, days=days), recent)):
        lines = [heading, *([line(x) for x in group] or [tr(t.LIST_NONE)])]
        blocks += [b.section(chunk) for chunk in _chunks(lines)]
    blocks.append(b.context(tr(t.LIST_FOOTER)))
    return {"text": tr(t.LIST_HEADER), "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def _totals_line(tr: Texts, name: str, totals: SubjectTotals | OrganizationTotals) -> str:
    """Return one line of totals, with the means when there are enough answers."""
    figures = ""
    if totals.mean_before is not None and totals.mean_after is not None:
        figures = tr(
            t.TOTALS_FIGURES,
            before=decimal(tr, totals.mean_before),
            after=decimal(tr, totals.mean_after),
            change=signed(tr, totals.mean_after - totals.mean_before, 2),
        )
    return tr(
        t.TOTALS_LINE,
        name=b.escape(name),
        held=totals.trainings_held,
        participants=totals.participants,
        answers=totals.answers,
        figures=figures,
    )


def totals_message(
    tr: Texts,
    subjects: list[SubjectTotals],
    organizations: list[OrganizationTotals],
    reported: dict[str, int],
    names: dict[str, str],
    period: tuple[str, str],
) -> dict[str, Any]:
    """Return the totals per subject and per organiser, and who has reported back."""
    heading = tr(t.TOTALS_HEADER, start=period[0], end=period[1])
    blocks: list[SlackBlock] = [b.header(heading)]
    if not subjects:
        blocks.append(b.section(tr(t.TOTALS_EMPTY)))
    else:
        subject_lines = [tr(t.TOTALS_SUBJECT)] + [
            _totals_line(tr, subject_label(tr, s.subject), s) for s in subjects
        ]
        blocks += [b.section(chunk) for chunk in _chunks(subject_lines)]
        org_lines = [tr(t.TOTALS_ORGANIZATION)] + [
            _totals_line(tr, names.get(o.organization_id, o.organization_id), o)
            for o in organizations
        ]
        blocks += [b.section(chunk) for chunk in _chunks(org_lines)]
    blocks.append(b.divider())
    done = [
        tr(t.REPORTED_LINE, name=b.escape(names.get(org, org)), count=count)
        for org, count in reported.items()
        if count
    ]
    silent = [b.escape(names.get(org, org)) for org, count in reported.items() if not count]
    lines = [tr(t.REPORTED_HEADER), " · ".join(done) or tr(t.LIST_NONE)]
    lines.append(tr(t.NOT_REPORTED, names=", ".join(silent)) if silent else tr(t.ALL_REPORTED))
    blocks += [b.section(chunk) for chunk in _chunks(lines)]
    return {"text": heading, "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def home_blocks(tr: Texts, trainings: list[Training], tz: ZoneInfo) -> list[SlackBlock]:
    """Return the Home tab's section of evaluations waiting for the person's answer."""
    if not trainings:
        return []
    blocks: list[SlackBlock] = [b.divider(), b.section(tr(t.HOME_EVALUATIONS))]
    for training in trainings[:10]:
        closes = training.evaluation_closes_at or training.ends_at
        blocks.append(
            b.section(
                tr(
                    t.HOME_EVALUATION,
                    title=title_text(training),
                    date=local_date(training.starts_at, tz),
                    closes=local_date(closes, tz),
                ),
                block_id=f"{Block.TRAINING_HOME}:{training.id}",
                accessory=b.button(tr(t.BUTTON_ANSWER), Action.TRAINING_ANSWER, str(training.id)),
            )
        )
    return blocks
