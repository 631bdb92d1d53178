"""Every action, block, field and callback id the bot uses, in one place.

Ids are unique across the whole app: the edge routes by them, and a test or the shell
presses a button by its id. A block id that carries data appends it after a colon; so does
an action id that must differ between buttons of one message (the edge routes by the part
before the colon). A form field has one id, used as its block id and its action id; its
inline errors are mapped from the domain's field names by `form_fields`.
"""

from __future__ import annotations

from enum import StrEnum


class Callback(StrEnum):
    """Callback ids of modals."""

    NEED_FORM = "need_form"
    NEED_EDIT = "need_edit"
    NEED_DECLINE = "need_decline"
    ORGANIZATION_FORM = "organization_form"
    # meetings (issue 3)
    MEETING_SERIES_FORM = "meeting_series_form"
    MEETING_SUBSTITUTE = "meeting_substitute"
    MEETING_AGENDA = "meeting_agenda"
    MEETING_MOVE = "meeting_move"
    MEETING_CANCEL = "meeting_cancel"
    MEETING_ATTENDANCE = "meeting_attendance"
    MEETING_CONTACTS = "meeting_contacts"
    # trainings (issue 4)
    TRAINING_FORM = "training_form"
    TRAINING_REPORT = "training_report"
    TRAINING_EVAL_AFTER = "training_eval_after"
    TRAINING_EVAL_BEFORE = "training_eval_before"
    TRAINING_EVAL_THANKS = "training_eval_thanks"
    # follow-up (issue 5)
    INDICATOR_VALUE = "indicator_value"
    INDICATOR_NEW = "indicator_new"


class Field(StrEnum):
    """Form fields: one id each, used as block id and action id (domain name after the prefix)."""

    NEED_ORGANIZATION = "need_organization"
    NEED_TITLE = "need_title"
    NEED_DESCRIPTION = "need_description"
    NEED_FOCUS = "need_focus_area"
    NEED_SCOPE = "need_scope"
    NEED_MUNICIPALITIES = "need_municipalities"
    NEED_URGENCY = "need_urgency"
    NEED_SUPPORT = "need_support"
    NEED_CONFIRM_CONTACT = "need_contact_confirmed"
    NEED_REASON = "need_reason"
    ORGANIZATION_CHOICE = "organization_choice"


def form_fields(prefix: str) -> dict[str, str]:
    """Map a form's domain field names to their field ids: "need_title" is "title" of "need_"."""
    return {f.value.removeprefix(prefix): f.value for f in Field if f.value.startswith(prefix)}


class Block(StrEnum):
    """Block ids of inputs and of blocks the bot finds again."""

    NEED_ACTIONS = "need_actions"
    ORGANIZATION_REQUEST = "organization_request"
    # meetings (issue 3)
    MEETING_KIND = "meeting_kind"
    MEETING_TITLE = "meeting_title"
    MEETING_FIRST_DATE = "meeting_first_date"
    MEETING_FIRST_TIME = "meeting_first_time"
    MEETING_DURATION = "meeting_duration"
    MEETING_FREQUENCY = "meeting_frequency"
    MEETING_WEEKS = "meeting_weeks"
    MEETING_RRULE = "meeting_rrule"
    MEETING_LOCATION = "meeting_location"
    MEETING_CALL_BEFORE = "meeting_call_before"
    MEETING_REMINDER_BEFORE = "meeting_reminder_before"
    MEETING_SUMMARY_BEFORE = "meeting_summary_before"
    MEETING_SKIP_MONTHS = "meeting_skip_months"
    MEETING_ON_HOLIDAY = "meeting_on_holiday"
    MEETING_AGENDA_LINES = "meeting_agenda_lines"
    MEETING_SUBSTITUTE_NAME = "meeting_substitute_name"
    MEETING_AGENDA_ITEM = "meeting_agenda_item"
    MEETING_MOVE_DATE = "meeting_move_date"
    MEETING_MOVE_TIME = "meeting_move_time"
    MEETING_REASON = "meeting_reason"
    MEETING_ATTENDED = "meeting_attended"
    MEETING_NEEDS_TAKEN_UP = "meeting_needs_taken_up"
    MEETING_CONTACT_USERS = "meeting_contact_users"
    MEETING_ACTIONS = "meeting_actions"
    MEETING_SERIES_ACTIONS = "meeting_series_actions"
    MEETING_HOME = "meeting_home"
    # trainings (issue 4)
    TRAINING_TITLE = "training_title"
    TRAINING_SUBJECT = "training_subject"
    TRAINING_DATE = "training_date"
    TRAINING_START = "training_start"
    TRAINING_END = "training_end"
    TRAINING_ORGANIZER = "training_organizer"
    TRAINING_TARGETS = "training_targets"
    TRAINING_EXPECTED = "training_expected"
    TRAINING_PLACE = "training_place"
    TRAINING_TARGET = "training_target"
    TRAINING_CHANNEL = "training_channel"
    TRAINING_PARTICIPANTS = "training_participants"
    TRAINING_NEEDS = "training_needs"
    TRAINING_REPORT_ORGANIZATION = "training_report_organization"
    TRAINING_REPORT_PARTICIPANTS = "training_report_participants"
    TRAINING_EVAL_AFTER = "training_eval_after"
    TRAINING_EVAL_BEFORE = "training_eval_before"
    TRAINING_EVAL_USED = "training_eval_used"
    TRAINING_EVAL_MISSING = "training_eval_missing"
    TRAINING_ACTIONS = "training_actions"
    TRAINING_EVAL_ACTIONS = "training_eval_actions"
    TRAINING_HOME = "training_home"
    # follow-up (issue 5)
    INDICATOR_CHOICE = "indicator_choice"
    INDICATOR_PLACE = "indicator_place"
    INDICATOR_PERIOD = "indicator_period"
    INDICATOR_AMOUNT = "indicator_amount"
    INDICATOR_SOURCE = "indicator_source"
    INDICATOR_NOTE = "indicator_note"
    INDICATOR_NAME = "indicator_name"
    INDICATOR_UNIT = "indicator_unit"
    INDICATOR_DIRECTION = "indicator_direction"
    INDICATOR_VALUE_ROW = "indicator_value_row"
    FOLLOWUP_HOME = "followup_home"


class Action(StrEnum):
    """Action ids of buttons, selects and inputs."""

    NEED_MOVE = "need_move"
    NEED_DECLINE = "need_decline"
    NEED_EDIT = "need_edit"
    NEED_WITHDRAW = "need_withdraw"
    NEED_LIST_FILTER = "need_list_filter"
    ORGANIZATION_APPROVE = "organization_approve"
    ORGANIZATION_DECLINE = "organization_decline"
    ORGANIZATION_REVOKE = "organization_revoke"
    HOME_NEW_NEED = "home_new_need"
    # meetings (issue 3)
    MEETING_KIND = "meeting_kind"
    MEETING_TITLE = "meeting_title"
    MEETING_FIRST_DATE = "meeting_first_date"
    MEETING_FIRST_TIME = "meeting_first_time"
    MEETING_DURATION = "meeting_duration"
    MEETING_FREQUENCY = "meeting_frequency"
    MEETING_WEEKS = "meeting_weeks"
    MEETING_RRULE = "meeting_rrule"
    MEETING_LOCATION = "meeting_location"
    MEETING_CALL_BEFORE = "meeting_call_before"
    MEETING_REMINDER_BEFORE = "meeting_reminder_before"
    MEETING_SUMMARY_BEFORE = "meeting_summary_before"
    MEETING_SKIP_MONTHS = "meeting_skip_months"
    MEETING_ON_HOLIDAY = "meeting_on_holiday"
    MEETING_AGENDA_LINES = "meeting_agenda_lines"
    MEETING_SUBSTITUTE_NAME = "meeting_substitute_name"
    MEETING_AGENDA_ITEM = "meeting_agenda_item"
    MEETING_MOVE_DATE = "meeting_move_date"
    MEETING_MOVE_TIME = "meeting_move_time"
    MEETING_REASON = "meeting_reason"
    MEETING_ATTENDED = "meeting_attended"
    MEETING_NEEDS_TAKEN_UP = "meeting_needs_taken_up"
    MEETING_CONTACT_USERS = "meeting_contact_users"
    MEETING_RSVP_YES = "meeting_rsvp_yes"
    MEETING_RSVP_NO = "meeting_rsvp_no"
    MEETING_RSVP_SUBSTITUTE = "meeting_rsvp_substitute"
    MEETING_AGENDA_ADD = "meeting_agenda_add"
    MEETING_INVITE = "meeting_invite"
    MEETING_MOVE_OPEN = "meeting_move_open"
    MEETING_CANCEL_OPEN = "meeting_cancel_open"
    MEETING_FOLLOWUP_OPEN = "meeting_followup_open"
    MEETING_SERIES_NEW = "meeting_series_new"
    MEETING_SERIES_EDIT = "meeting_series_edit"
    MEETING_SERIES_PAUSE = "meeting_series_pause"
    MEETING_SERIES_RESUME = "meeting_series_resume"
    MEETING_CONTACTS_OPEN = "meeting_contacts_open"
    # trainings (issue 4)
    TRAINING_TITLE = "training_title"
    TRAINING_SUBJECT = "training_subject"
    TRAINING_DATE = "training_date"
    TRAINING_START = "training_start"
    TRAINING_END = "training_end"
    TRAINING_ORGANIZER = "training_organizer"
    TRAINING_TARGETS = "training_targets"
    TRAINING_EXPECTED = "training_expected"
    TRAINING_PLACE = "training_place"
    TRAINING_TARGET = "training_target"
    TRAINING_CHANNEL = "training_channel"
    TRAINING_PARTICIPANTS = "training_participants"
    TRAINING_NEEDS = "training_needs"
    TRAINING_REPORT_ORGANIZATION = "training_report_organization"
    TRAINING_REPORT_PARTICIPANTS = "training_report_participants"
    TRAINING_EVAL_AFTER = "training_eval_after"
    TRAINING_EVAL_BEFORE = "training_eval_before"
    TRAINING_EVAL_USED = "training_eval_used"
    TRAINING_EVAL_MISSING = "training_eval_missing"
    TRAINING_POST_NOW = "training_post_now"
    TRAINING_ANSWER = "training_answer"
    TRAINING_RESULTS = "training_results"
    # follow-up (issue 5)
    INDICATOR_CHOICE = "indicator_choice"
    INDICATOR_PLACE = "indicator_place"
    INDICATOR_PERIOD = "indicator_period"
    INDICATOR_AMOUNT = "indicator_amount"
    INDICATOR_SOURCE = "indicator_source"
    INDICATOR_NOTE = "indicator_note"
    INDICATOR_NAME = "indicator_name"
    INDICATOR_UNIT = "indicator_unit"
    INDICATOR_DIRECTION = "indicator_direction"
    INDICATOR_CORRECT = "indicator_correct"
    INDICATOR_OPEN_FORM = "indicator_open_form"
    INDICATOR_OPEN_NEW = "indicator_open_new"
    SUMMARY_PUBLISH = "summary_publish"
    HOME_STATUS = "home_status"
    HOME_EXPORT = "home_export"


# The indicator forms' fields (as domain validation names them) -> their block ids.
INDICATOR_FIELD_BLOCKS: dict[str, Block] = {
    "indicator": Block.INDICATOR_CHOICE,
    "place": Block.INDICATOR_PLACE,
    "period": Block.INDICATOR_PERIOD,
    "value": Block.INDICATOR_AMOUNT,
    "source": Block.INDICATOR_SOURCE,
    "note": Block.INDICATOR_NOTE,
    "name": Block.INDICATOR_NAME,
    "unit": Block.INDICATOR_UNIT,
    "direction": Block.INDICATOR_DIRECTION,
}
