"""Block Kit of the trainings' forms: registering, reporting back, the evaluation's two pages."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import (
    ConversationFilter,
    ConversationSelectElement,
    DatePickerElement,
    InputBlock,
    NumberInputElement,
    Option,
    TimePickerElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.domain.organizations import OrganizationInfo
from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN
from bot.domain.trainings import (
    FREE_TEXT_MAX,
    PARTICIPANTS_MAX,
    PLACE_MAX,
    PRIVATE_RECIPIENTS_MAX,
    SUBJECT_LABELS,
    TITLE_MAX,
    EvaluationTarget,
)
from bot.texts import Msg, Phrase, Texts
from bot.texts import common as c
from bot.texts import trainings as t
from commands import blocks as b
from commands.edge.codec import Value, encode_metadata
from commands.edge.ids import Callback, Field
from commands.edge.suggestions import organization_options
from commands.needs.search import needs_input
from commands.trainings.render_format import local_date, title_text, topic
from commands.trainings.values import AnswerAfter, TrainingRef
from storage.models import SurveyResponse, Training


@dataclass(frozen=True)
class TrainingChoices:
    """What the training form offers; its needs are searched as the person types."""

    organizers: list[OrganizationInfo]
    organizations: list[OrganizationInfo]
    offers_needs: bool  # whether any need is open, to link the training to
    default_channel: str | None
    own_organization: str | None = None  # the organiser chosen already, when it is offered


def _participants(field: Field) -> NumberInputElement:
    """Return a whole number of participants."""
    return NumberInputElement(
        action_id=field, is_decimal_allowed=False, min_value=1, max_value=PARTICIPANTS_MAX
    )


def _title_input(tr: Texts, field: Field) -> InputBlock:
    """Return the title field of the training and report-back forms."""
    hint = tr(t.TITLE_HINT, limit=TITLE_MAX)
    return b.text_input(tr(t.TITLE), field, max_length=TITLE_MAX, hint=hint)


def _subject_input(tr: Texts, field: Field) -> InputBlock:
    """Return the subject field of the training and report-back forms."""
    options = [b.option(tr(label), subject.value) for subject, label in SUBJECT_LABELS.items()]
    return b.select_input(tr(t.SUBJECT), field, options)


def _organization_input(
    label: str, field: Field, organizations: list[OrganizationInfo], own: str | None = None
) -> InputBlock:
    """Return a choice of organisation: the person's own chosen already, or the only one."""
    offered = [o.id for o in organizations]
    initial = own if own in offered else (offered[0] if len(offered) == 1 else None)
    return b.select_input(
        label,
        field,
        organization_options(organizations),
        initial=initial,
        served=True,
    )


def training_form(tr: Texts, choices: TrainingChoices) -> View:
    """Return the form that registers a training."""
    blocks: list[SlackBlock] = [
        b.section(tr(t.FORM_INTRO)),
        _title_input(tr, Field.TRAINING_TITLE),
        _subject_input(tr, Field.TRAINING_SUBJECT),
        b.input_block(tr(t.DATE), DatePickerElement(action_id=Field.TRAINING_DATE)),
        b.input_block(tr(t.START), TimePickerElement(action_id=Field.TRAINING_START)),
        b.input_block(
            tr(t.END), TimePickerElement(action_id=Field.TRAINING_END), hint=tr(t.END_HINT)
        ),
        _organization_input(
            tr(t.ORGANIZER), Field.TRAINING_ORGANIZER, choices.organizers, choices.own_organization
        ),
        b.multi_select_input(
            tr(t.TARGETS),
            Field.TRAINING_TARGETS,
            organization_options(choices.organizations),
            optional=True,
            hint=tr(t.TARGETS_HINT),
            served=True,
        ),
        b.input_block(
            tr(t.EXPECTED), _participants(Field.TRAINING_EXPECTED), hint=tr(t.EXPECTED_HINT)
        ),
        b.text_input(
            tr(t.PLACE), Field.TRAINING_PLACE, max_length=PLACE_MAX, hint=tr(t.PLACE_HINT)
        ),
        b.radio_input(
            tr(t.TARGET),
            Field.TRAINING_TARGET,
            [
                b.option(tr(t.TARGET_CHANNEL), EvaluationTarget.CHANNEL.value),
                b.option(tr(t.TARGET_PARTICIPANTS), EvaluationTarget.PARTICIPANTS.value),
            ],
            initial=EvaluationTarget.CHANNEL.value,
        ),
        b.input_block(
            tr(t.CHANNEL),
            ConversationSelectElement(
                action_id=Field.TRAINING_CHANNEL,
                initial_conversation=choices.default_channel,
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
            ),
            optional=True,
            hint=tr(t.CHANNEL_HINT),
        ),
        b.input_block(
            tr(t.PARTICIPANTS),
            UserMultiSelectElement(
                action_id=Field.TRAINING_PARTICIPANTS, max_selected_items=PRIVATE_RECIPIENTS_MAX
            ),
            optional=True,
            hint=tr(t.PARTICIPANTS_HINT),
        ),
    ]
    if choices.offers_needs:
        blocks.append(needs_input(tr, tr(t.NEEDS), Field.TRAINING_NEEDS, hint=tr(t.NEEDS_HINT)))
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
            _organization_input(
                tr(t.REPORT_ORGANIZATION), Field.TRAINING_REPORT_ORGANIZATION, organizations
            ),
            _title_input(tr, Field.TRAINING_REPORT_TITLE),
            _subject_input(tr, Field.TRAINING_REPORT_SUBJECT),
            b.input_block(
                tr(t.REPORT_DATE), DatePickerElement(action_id=Field.TRAINING_REPORT_DATE)
            ),
            b.input_block(
                tr(t.REPORT_PARTICIPANTS), _participants(Field.TRAINING_REPORT_PARTICIPANTS)
            ),
        ],
        callback_id=Callback.TRAINING_REPORT,
        submit=tr(c.SEND),
        close=tr(c.CANCEL),
    )


def _scale_input(
    tr: Texts, question: Msg, training: Training, field: Field, initial: int | None
) -> InputBlock:
    """Return a question on the 1-5 scale as radio buttons with labelled ends."""
    labels = {SCALE_MIN: tr(t.SCALE_1), SCALE_MAX: tr(t.SCALE_5)}
    options: list[Option] = [
        b.option(labels.get(step, str(step)), str(step)) for step in range(SCALE_MIN, SCALE_MAX + 1)
    ]
    label = tr(question, topic=topic(tr, training.subject))
    return b.radio_input(label, field, options, initial=None if initial is None else str(initial))


def _free_text_input(tr: Texts, label: Msg, field: Field, initial: str | None) -> InputBlock:
    """Return one of page 2's optional free texts."""
    return b.text_input(
        tr(label),
        field,
        multiline=True,
        max_length=FREE_TEXT_MAX,
        initial=initial,
        hint=tr(t.FREE_TEXT_HINT, limit=FREE_TEXT_MAX),
        optional=True,
    )


def _page(
    tr: Texts, blocks: list[SlackBlock], min_answers: int, metadata: Value, **buttons: str
) -> View:
    """Return a page of the evaluation, ending with the promise of anonymity."""
    return b.modal(
        tr(t.EVAL_TITLE),
        [*blocks, b.context(tr(t.ANONYMITY, min=min_answers))],
        private_metadata=encode_metadata(metadata),
        **buttons,
    )


def answer_page_after(
    tr: Texts,
    training: Training,
    tz: ZoneInfo,
    *,
    previous: SurveyResponse | None,
    min_answers: int,
) -> View:
    """Return page 1 of the evaluation: knowledge now, after the training."""
    date = local_date(tr, training.starts_at, tz)
    blocks: list[SlackBlock] = [b.section(tr(t.PAGE1_INTRO, title=title_text(training), date=date))]
    if previous is not None:
        blocks.append(b.context(tr(t.ALREADY_ANSWERED)))
    after = previous.knowledge_after if previous is not None else None
    blocks.append(_scale_input(tr, t.AFTER_QUESTION, training, Field.TRAINING_EVAL_AFTER, after))
    return _page(
        tr,
        blocks,
        min_answers,
        TrainingRef(training=training.id),
        callback_id=Callback.TRAINING_EVAL_AFTER,
        submit=tr(t.NEXT),
        close=tr(c.CANCEL),
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
    before, used, missing = (
        (previous.knowledge_before, previous.will_use, previous.was_missing)
        if previous is not None
        else (None, None, None)
    )
    blocks: list[SlackBlock] = [
        b.section(tr(t.PAGE2_INTRO)),
        _scale_input(tr, t.BEFORE_QUESTION, training, Field.TRAINING_EVAL_BEFORE, before),
        _free_text_input(tr, t.USED, Field.TRAINING_EVAL_USED, used),
        _free_text_input(tr, t.MISSING, Field.TRAINING_EVAL_MISSING, missing),
    ]
    return _page(
        tr,
        blocks,
        min_answers,
        AnswerAfter(training=training.id, after=after),
        callback_id=Callback.TRAINING_EVAL_BEFORE,
        submit=tr(c.SEND),
        close=tr(t.BACK),
    )


def thanks_view(
    tr: Texts, *, replaced: bool, closes: str | Phrase, organizer: str, min_answers: int
) -> View:
    """Return the last page: thanks, and who sees what of the answers, when.

    closes is the day the evaluation closes, organizer the organiser's name. Closing the page
    closes the whole form.
    """
    thanks = tr(t.THANKS_REPLACED if replaced else t.THANKS_TEXT, closes=closes)
    who = tr(t.WHO_SEES_WHAT, organizer=b.escape(organizer), min=min_answers)
    view = b.modal(
        tr(t.THANKS_TITLE),
        [b.section(thanks), b.section(who)],
        callback_id=Callback.TRAINING_EVAL_THANKS,
        close=tr(c.CLOSE),
    )
    view.clear_on_close = True
    return view
