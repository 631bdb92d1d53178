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
    # actions and minutes (issue 15)
    ACTION_FORM = "action_form"
    ACTION_PROGRESS = "action_progress"
    ACTION_CANCEL = "action_cancel"
    MINUTES_FORM = "minutes_form"


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
    # follow-up: the value form ("indicator_value_" + ValueInput's field names) ...
    INDICATOR_CHOICE = "indicator_value_indicator"
    INDICATOR_PLACE = "indicator_value_place"
    INDICATOR_PERIOD = "indicator_value_period"
    INDICATOR_AMOUNT = "indicator_value_value"
    INDICATOR_SOURCE = "indicator_value_source"
    INDICATOR_NOTE = "indicator_value_note"
    # ... and the new-indicator form ("indicator_new_" + IndicatorInput's)
    INDICATOR_NAME = "indicator_new_name"
    INDICATOR_UNIT = "indicator_new_unit"
    INDICATOR_DIRECTION = "indicator_new_direction"
    # trainings: the training form ("training_"), the report-back form ("training_report_"),
    # the evaluation's two pages ("training_eval_")
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
    TRAINING_REPORT_TITLE = "training_report_title"
    TRAINING_REPORT_SUBJECT = "training_report_subject"
    TRAINING_REPORT_DATE = "training_report_date"
    TRAINING_REPORT_PARTICIPANTS = "training_report_participants"
    TRAINING_EVAL_AFTER = "training_eval_after"
    TRAINING_EVAL_BEFORE = "training_eval_before"
    TRAINING_EVAL_USED = "training_eval_used"
    TRAINING_EVAL_MISSING = "training_eval_missing"
    # meetings (issue 3): the series form ("meeting_series_"), the forms of one meeting
    SERIES_KIND = "meeting_series_kind"
    SERIES_TITLE = "meeting_series_title"
    SERIES_FIRST_DATE = "meeting_series_first_date"
    SERIES_FIRST_TIME = "meeting_series_first_time"
    SERIES_DURATION = "meeting_series_duration"
    SERIES_FREQUENCY = "meeting_series_frequency"
    SERIES_WEEKS = "meeting_series_weeks"
    SERIES_RRULE = "meeting_series_rrule"
    SERIES_LOCATION = "meeting_series_location"
    SERIES_CALL_BEFORE = "meeting_series_call_before"
    SERIES_REMINDER_BEFORE = "meeting_series_reminder_before"
    SERIES_SUMMARY_BEFORE = "meeting_series_summary_before"
    SERIES_SKIP_MONTHS = "meeting_series_skip_months"
    SERIES_ON_HOLIDAY = "meeting_series_on_holiday"
    SERIES_AGENDA = "meeting_series_agenda"
    MEETING_SUBSTITUTE_NAME = "meeting_substitute_name"
    MEETING_AGENDA_ITEM = "meeting_agenda_item"
    MEETING_DATE = "meeting_date"
    MEETING_TIME = "meeting_time"
    MEETING_REASON = "meeting_reason"
    MEETING_ATTENDED = "meeting_attended"
    MEETING_NEEDS_TAKEN_UP = "meeting_needs_taken_up"
    MEETING_CONTACT_USERS = "meeting_contact_users"
    # actions (issue 15): the action form ("action_" + ActionInput's field names), the
    # progress form ("action_progress_" + ProgressInput's), the cancel form
    ACTION_TITLE = "action_title"
    ACTION_DESCRIPTION = "action_description"
    ACTION_ORGANIZATIONS = "action_organizations"
    ACTION_CONTACT = "action_contact"
    ACTION_DUE = "action_due_date"
    ACTION_KIND = "action_kind"
    ACTION_NEEDS = "action_needs"  # a static select of open needs for now
    ACTION_PROGRESS_STATE = "action_progress_state"
    ACTION_PROGRESS_TEXT = "action_progress_text"
    ACTION_PROGRESS_DUE = "action_progress_due_date"
    ACTION_PROGRESS_REASON = "action_progress_reason"
    ACTION_CANCEL_REASON = "action_cancel_reason"
    # minutes ("minutes_" + MinutesInput's names; the notes of agenda item i are
    # "minutes_note:<i>", and slot n of new actions is "minutes_action<n>_" + ActionInput's)
    MINUTES_ATTENDED = "minutes_attended"
    MINUTES_NOTE = "minutes_note"
    MINUTES_OTHER = "minutes_other"
    MINUTES_DECISIONS = "minutes_decisions"
    MINUTES_ACTION1_TITLE = "minutes_action1_title"
    MINUTES_ACTION1_ORGANIZATIONS = "minutes_action1_organizations"
    MINUTES_ACTION1_DUE = "minutes_action1_due_date"
    MINUTES_ACTION1_KIND = "minutes_action1_kind"
    MINUTES_ACTION1_NEEDS = "minutes_action1_needs"
    MINUTES_ACTION2_TITLE = "minutes_action2_title"
    MINUTES_ACTION2_ORGANIZATIONS = "minutes_action2_organizations"
    MINUTES_ACTION2_DUE = "minutes_action2_due_date"
    MINUTES_ACTION2_KIND = "minutes_action2_kind"
    MINUTES_ACTION2_NEEDS = "minutes_action2_needs"
    MINUTES_ACTION3_TITLE = "minutes_action3_title"
    MINUTES_ACTION3_ORGANIZATIONS = "minutes_action3_organizations"
    MINUTES_ACTION3_DUE = "minutes_action3_due_date"
    MINUTES_ACTION3_KIND = "minutes_action3_kind"
    MINUTES_ACTION3_NEEDS = "minutes_action3_needs"


def form_fields(prefix: str) -> dict[str, str]:
    """Map a form's domain field names to their field ids: "need_title" is "title" of "need_"."""
    return {f.value.removeprefix(prefix): f.value for f in Field if f.value.startswith(prefix)}


class Block(StrEnum):
    """Block ids of inputs and of blocks the bot finds again."""

    NEED_ACTIONS = "need_actions"
    ORGANIZATION_REQUEST = "organization_request"
    # meetings (issue 3)
    MEETING_ACTIONS = "meeting_actions"
    MEETING_SERIES_ACTIONS = "meeting_series_actions"
    # trainings (issue 4)
    TRAINING_ACTIONS = "training_actions"
    TRAINING_EVAL_ACTIONS = "training_eval_actions"
    TRAINING_HOME = "training_home"
    TRAINING_RESULTS_ACTIONS = "training_results_actions"
    # follow-up (issue 5)
    INDICATOR_VALUE_ROW = "indicator_value_row"
    FOLLOWUP_HOME = "followup_home"
    # actions and minutes (issue 15)
    ACTION_ROW = "action_row"
    ACTION_BUTTONS = "action_buttons"
    ACTIONS_HOME = "actions_home"
    MINUTES_ROW = "minutes_row"
    MINUTES_BUTTONS = "minutes_buttons"


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
    MEETING_RSVP_YES = "meeting_rsvp_yes"
    MEETING_RSVP_NO = "meeting_rsvp_no"
    MEETING_RSVP_SUBSTITUTE = "meeting_rsvp_substitute"
    MEETING_AGENDA_ADD = "meeting_agenda_add"
    MEETING_INVITE = "meeting_invite"
    MEETING_MOVE_OPEN = "meeting_move_open"
    MEETING_CANCEL_OPEN = "meeting_cancel_open"
    MEETING_FOLLOWUP_OPEN = "meeting_followup_open"
    MEETING_CONFIRM_HELD = "meeting_confirm_held"
    MEETING_CONFIRM_NOT_HELD = "meeting_confirm_not_held"
    MEETING_SERIES_NEW = "meeting_series_new"
    MEETING_SERIES_EDIT = "meeting_series_edit"
    MEETING_SERIES_PAUSE = "meeting_series_pause"
    MEETING_SERIES_RESUME = "meeting_series_resume"
    MEETING_CONTACTS_OPEN = "meeting_contacts_open"
    # trainings (issue 4)
    TRAINING_POST_NOW = "training_post_now"
    TRAINING_ANSWER = "training_answer"
    TRAINING_RESULTS = "training_results"
    TRAINING_RELEASE = "training_release"
    # follow-up (issue 5)
    INDICATOR_CORRECT = "indicator_correct"
    INDICATOR_OPEN_FORM = "indicator_open_form"
    INDICATOR_OPEN_NEW = "indicator_open_new"
    SUMMARY_PUBLISH = "summary_publish"
    HOME_STATUS = "home_status"
    HOME_EXPORT = "home_export"
    # actions and minutes (issue 15)
    ACTION_NEW = "action_new"
    ACTION_NEW_FROM_MEETING = "action_new_from_meeting"
    ACTION_SHOW = "action_show"
    ACTION_REPORT = "action_report"
    ACTION_DONE = "action_done"
    ACTION_CANCEL_OPEN = "action_cancel_open"
    ACTION_CONFIRM = "action_confirm"
    ACTION_LIST = "action_list"
    MINUTES_OPEN = "minutes_open"
    MINUTES_SHOW = "minutes_show"
    MEETING_NOT_HELD = "meeting_not_held"
