"""Texts of the meeting rhythm: calls, answers, reminders, notices, lists and forms."""

from bot.texts import Count, Msg

# --- names -----------------------------------------------------------------------------

KIND_WORKING_GROUP = Msg("Arbetsgruppsmöte", "Working-group meeting")
KIND_PLANNING = Msg("Planeringsmöte", "Planning meeting")
KIND_OWNERS = Msg("Ägarmöte", "Owners' meeting")
ON_HOLIDAY_SKIP = Msg("Mötet ställs in", "The meeting is skipped")
ON_HOLIDAY_NEXT = Msg("Flyttas till närmaste vardag efter", "Moved to the next working day")
ON_HOLIDAY_PREVIOUS = Msg("Flyttas till närmaste vardag före", "Moved to the previous working day")
FREQ_WEEKLY = Msg("Varje vecka", "Every week")
FREQ_BIWEEKLY = Msg("Varannan vecka", "Every other week")
FREQ_MONTHLY = Msg("Varje månad", "Every month")
FREQ_HALF_YEARLY = Msg("Två gånger om året (var sjätte månad)", "Twice a year (every six months)")
WEEK_1 = Msg("Första", "First")
WEEK_2 = Msg("Andra", "Second")
WEEK_3 = Msg("Tredje", "Third")
WEEK_4 = Msg("Fjärde", "Fourth")
WEEK_LAST = Msg("Sista", "Last")
WHEN = Msg("{date} kl. {start}–{end}", "{date}, {start}–{end}")
WHEN_START = Msg("{date} kl. {start}", "{date} at {start}")
LOCATION_SUFFIX = Msg(" ({location})", " ({location})")
RULE_WEEKLY = Msg("varje {weekday}", "every {weekday}")
RULE_BIWEEKLY = Msg("varannan {weekday}", "every other {weekday}")
RULE_MONTHLY = Msg("{weeks} {weekday} i månaden", "the {weeks} {weekday} of the month")
RULE_HALF_YEARLY = Msg(
    "{weeks} {weekday} var sjätte månad", "the {weeks} {weekday} every six months"
)
RULE_CUSTOM = Msg("regel `{rule}`", "rule `{rule}`")
SERIES_TIME = Msg("kl. {time}, {duration}", "at {time}, {duration}")
SKIPS = Msg("inget möte i {months}", "no meeting in {months}")

# --- answers ---------------------------------------------------------------------------

ANSWER_YES = Msg("kommer", "attending")
ANSWER_NO = Msg("kommer inte", "not attending")
ANSWER_SUBSTITUTE = Msg("skickar ersättare ({name})", "sending a substitute ({name})")
ANSWER_NONE = Msg("inget svar än", "no answer yet")
BUTTON_YES = Msg("Jag kommer", "I'm attending")
BUTTON_NO = Msg("Jag kommer inte", "I'm not attending")
BUTTON_SUBSTITUTE = Msg("Jag skickar ersättare", "I'm sending a substitute")
BUTTON_AGENDA = Msg("Lägg till punkt", "Add agenda item")
BUTTON_INVITE = Msg("Bjud in kommunikatören", "Invite the communicator")
BUTTON_MOVE = Msg("Flytta", "Move")
BUTTON_CANCEL = Msg("Ställ in", "Cancel meeting")
BUTTON_FOLLOWUP = Msg("Närvaro och behov", "Attendance and needs")
BUTTON_NEW_SERIES = Msg("Ny mötesserie", "New meeting series")
BUTTON_EDIT_SERIES = Msg("Ändra", "Change")
BUTTON_PAUSE = Msg("Pausa", "Pause")
BUTTON_RESUME = Msg("Återuppta", "Resume")
BUTTON_CONTACTS = Msg("Kontaktpersoner", "Contact persons")
RSVP_SAVED_YES = Msg(
    "Tack! Du är anmäld till *{title}* {when}. Du kan ändra ditt svar fram till mötet.",
    "Thank you! You are signed up for *{title}* {when}. You can change your answer until the meeting.",
)
RSVP_SAVED_NO = Msg(
    "Tack för beskedet. Vi har noterat att du inte kommer till *{title}* {when}.",
    "Thank you for letting us know. We have noted that you will not attend *{title}* {when}.",
)
RSVP_SAVED_SUBSTITUTE = Msg(
    "Tack! Vi har noterat att *{name}* kommer i ditt ställe till *{title}* {when}.",
    "Thank you! We have noted that *{name}* attends *{title}* {when} in your place.",
)
RSVP_CLOSED = Msg(
    "*{title}* {when} har redan börjat, så svaren är stängda. Inget har ändrats.",
    "*{title}* {when} has already started, so answers are closed. Nothing was changed.",
)
MEETING_CANCELLED = Msg(
    "*{title}* {when} är inställt. Inget har ändrats.",
    "*{title}* {when} is cancelled. Nothing was changed.",
)
KIND_PARTICIPANTS = Msg("mötets deltagare", "the meeting's participants")
MEETING_NOT_FOUND = Msg(
    "Mötet finns inte längre. Se `/samverkan möten` för de kommande mötena.",
    "The meeting no longer exists. See `/samverkan meetings` for the coming meetings.",
)

# --- the call --------------------------------------------------------------------------

CALL_HEADER = Msg("Kallelse: {title}", "Meeting call: {title}")
CALL_WHEN = Msg("*När:* {when}", "*When:* {when}")
CALL_WHERE = Msg("*Var:* {location}", "*Where:* {location}")
CALL_NO_LOCATION = Msg("*Var:* meddelas senare", "*Where:* to be announced")
CALL_HOLIDAY_MOVED = Msg("_Flyttat från {date} ({holiday})._", "_Moved from {date} ({holiday})._")
CALL_AGENDA = Msg("*Dagordning*", "*Agenda*")
CALL_AGENDA_EMPTY = Msg(
    "Ingen dagordning än. Lägg gärna till en punkt med knappen nedan.",
    "No agenda yet. Please add an item with the button below.",
)
AGENDA_ITEM_BY = Msg("{text} _({organization})_", "{text} _({organization})_")
CALL_NEEDS = Msg("*Öppna behov att ta upp* ({count})", "*Open needs to take up* ({count})")
CALL_NEEDS_NONE = Msg("Inga öppna behov just nu.", "No open needs just now.")
CALL_NEED_ITEM = Msg("#{id} {title} _({organization})_", "#{id} {title} _({organization})_")
CALL_NEEDS_MORE = Msg(
    "… och {count} till: se `/behov lista`.", "… and {count} more: see `/behov list`."
)
CALL_ANSWERS = Msg("*Svar per organisation*", "*Answers per organisation*")
ANSWERS_NONE = Msg("Inga svar än.", "No answers yet.")
ANSWER_LINE_YES = Msg("✅ *Kommer:* {list}", "✅ *Attending:* {list}")
ANSWER_LINE_SUBSTITUTE = Msg("🔁 *Skickar ersättare:* {list}", "🔁 *Sending a substitute:* {list}")
ANSWER_LINE_NO = Msg("❌ *Kommer inte:* {list}", "❌ *Not attending:* {list}")
ANSWER_LINE_WAITING = Msg("⏳ *Inget svar än:* {list}", "⏳ *No answer yet:* {list}")
CALL_CONTEXT = Msg(
    "Svara med knapparna; du kan ändra ditt svar fram till mötet. Föreslå punkter till "
    "dagordningen fram till mötet.",
    "Answer with the buttons; you can change your answer until the meeting. Suggest agenda "
    "items until the meeting.",
)
CALL_FALLBACK = Msg("Kallelse: {title}, {when}", "Meeting call: {title}, {when}")
CALL_CANCELLED_BANNER = Msg(
    ":no_entry: *Mötet är inställt.*{reason}", ":no_entry: *The meeting is cancelled.*{reason}"
)
CALL_HELD_BANNER = Msg(
    ":white_check_mark: *Mötet är genomfört.* Svaren nedan är de sista före mötet.",
    ":white_check_mark: *The meeting has been held.* The answers below are the last before it.",
)
CALL_UNCONFIRMED_BANNER = Msg(
    ":hourglass: *Mötet är inte uppföljt.* Ingen närvaro är förd och ingen samverkansledare har "
    "bekräftat att det hölls. Svaren nedan är de sista före mötet.",
    ":hourglass: *The meeting has not been followed up.* No attendance is recorded and no "
    "coordinator has confirmed that it was held. The answers below are the last before it.",
)
REASON_SUFFIX = Msg(" Skäl: {reason}", " Reason: {reason}")
REASON_SERIES_CHANGED = Msg("mötesserien har ändrats", "the meeting series was changed")
NO_ORGANIZATION_LABEL = Msg("Utan organisation", "No organisation")

# --- reminders, invitations and notices --------------------------------------------------

REMINDER_CHANNEL = Msg(
    "⏰ *Påminnelse:* *{title}* {when}{location}. {attending} Har du inte svarat än? Gör det här.",
    "⏰ *Reminder:* *{title}* {when}{location}. {attending} Not answered yet? Please do so here.",
)
ATTENDING_COUNT = Count(
    one=Msg(
        "En organisation har svarat att den kommer.",
        "One organisation has said it will attend.",
    ),
    other=Msg(
        "{count} organisationer har svarat att de kommer.",
        "{count} organisations have said they will attend.",
    ),
    zero=Msg(
        "Ingen organisation har svarat att den kommer än.",
        "No organisation has said it will attend yet.",
    ),
)
REMINDER_DM = Msg(
    "⏰ Hej! Du har inte svarat på kallelsen till *{title}* {when}{location}. Kommer du?",
    "⏰ Hello! You have not answered the call to *{title}* {when}{location}. Will you attend?",
)
REMINDER_FALLBACK = Msg("Påminnelse: {title} {when}", "Reminder: {title} {when}")
INVITE_DM = Msg(
    "Hej! Samverkansledarna bjuder in dig till *{title}* {when}{location}. Kommer du?",
    "Hello! The coordinators invite you to *{title}* {when}{location}. Will you attend?",
)
INVITE_DONE = Msg("Inbjudan är skickad till {users}.", "The invitation was sent to {users}.")
INVITE_ALREADY = Msg(
    "{users} är redan inbjuden till mötet. Inget nytt skickades.",
    "{users} is already invited to the meeting. Nothing new was sent.",
)
INVITE_NONE = Msg(
    "Det finns ingen kommunikatör i konfigurationen (`[roles] communicators`). Inget skickades.",
    "There is no communicator in the configuration (`[roles] communicators`). Nothing was sent.",
)
NOTICE_MOVED = Msg(
    ":arrows_counterclockwise: *{title}* är flyttat från {old} till *{new}*{location}.{reason}",
    ":arrows_counterclockwise: *{title}* has moved from {old} to *{new}*{location}.{reason}",
)
NOTICE_CANCELLED = Msg(
    ":no_entry: *{title}* {when} är inställt.{reason}",
    ":no_entry: *{title}* {when} is cancelled.{reason}",
)

# --- after the meeting ------------------------------------------------------------------

FOLLOWUP_MESSAGE = Msg(
    "*{title}* {when} är avslutat. Enligt svaren var *{count} av {total}* organisationer med. "
    "Stämmer närvaron? Markera också vilka behov som togs upp.",
    "*{title}* {when} is over. According to the answers *{count} of {total}* organisations "
    "attended. Is the attendance right? Also mark which needs were taken up.",
)
UNCONFIRMED_MESSAGE = Msg(
    "*{title}* {when} är slut, men ingen svarade att de skulle komma och ingen närvaro är förd, "
    "så mötet räknas inte som hållet. Hölls det? Svara med knapparna, så blir uppföljningen rätt.",
    "*{title}* {when} is over, but nobody answered that they would attend and no attendance is "
    "recorded, so the meeting does not count as held. Was it held? Answer with the buttons, so "
    "that the follow-up is right.",
)
UNCONFIRMED_WORKING_GROUP = Msg(
    "*{title}* {when} är slut, men ingen organisation svarade att den skulle komma, så ingen "
    "närvaro är förd och mötet räknas inte som hållet. Hölls det? För in närvaron, eller säg att "
    "det inte blev av.",
    "*{title}* {when} is over, but no organisation answered that it would attend, so no "
    "attendance is recorded and the meeting does not count as held. Was it held? Record the "
    "attendance, or say that it did not take place.",
)
UNCONFIRMED_FALLBACK = Msg(
    "{title} är inte uppföljt: hölls mötet?", "{title} is not followed up: was it held?"
)
BUTTON_CONFIRM_HELD = Msg("Mötet hölls", "It was held")
BUTTON_NOT_HELD = Msg("Mötet blev inte av", "It did not take place")
CONFIRMED_HELD = Msg(
    "Sparat: *{title}* {when} räknas som hållet.", "Saved: *{title}* {when} counts as held."
)
CONFIRMED_NOT_HELD = Msg(
    "Sparat: *{title}* {when} blev inte av och räknas inte som hållet.",
    "Saved: *{title}* {when} did not take place and does not count as held.",
)
ALREADY_FOLLOWED_UP = Msg(
    "*{title}* {when} är redan uppföljt: {status}. Inget har ändrats.",
    "*{title}* {when} is followed up already: {status}. Nothing was changed.",
)
FOLLOWED_UP_HELD = Msg("det räknas som hållet", "it counts as held")
FOLLOWED_UP_CANCELLED = Msg("det räknas som inställt", "it counts as cancelled")
NOT_HELD_REASON = Msg(
    "mötet blev inte av (enligt samverkansledarna)",
    "the meeting did not take place (according to the coordinators)",
)
FOLLOWUP_FALLBACK = Msg(
    "{title} är avslutat: närvaro och behov", "{title} is over: attendance and needs"
)
ATTENDANCE_TITLE = Msg("Närvaro och behov", "Attendance and needs")
ATTENDANCE_INTRO = Msg("*{title}* {when}", "*{title}* {when}")
ATTENDANCE_LABEL = Msg("Organisationer som var med", "Organisations that attended")
ATTENDANCE_NEEDS_LABEL = Msg("Behov som togs upp på mötet", "Needs taken up at the meeting")
ATTENDANCE_NEEDS_HINT = Msg(
    "De markerade behoven får status Taget upp på möte, och den som lämnade behovet får besked.",
    "The marked needs get the status Taken up at a meeting, and whoever submitted them is told.",
)
ATTENDANCE_NO_NEEDS = Msg(
    "Det finns inga nya behov att markera.", "There are no new needs to mark."
)
ATTENDANCE_SAVED = Msg(
    "Sparat för *{title}* {when}: {present} och {needs}.",
    "Saved for *{title}* {when}: {present} and {needs}.",
)
ORGANIZATIONS_PRESENT = Count(
    one=Msg("{count} organisation var med", "{count} organisation attended"),
    other=Msg("{count} organisationer var med", "{count} organisations attended"),
    zero=Msg("ingen organisation var med", "no organisation attended"),
)
NEEDS_TAKEN_UP = Count(
    one=Msg(
        "{count} behov markerades som taget upp på mötet",
        "{count} need was marked as taken up at the meeting",
    ),
    other=Msg(
        "{count} behov markerades som tagna upp på mötet",
        "{count} needs were marked as taken up at the meeting",
    ),
    zero=Msg("inget behov markerades som taget upp", "no need was marked as taken up"),
)
ATTENDANCE_NOT_YET = Msg(
    "Närvaron kan registreras först när mötet är slut. Inget har ändrats.",
    "Attendance can be recorded only when the meeting is over. Nothing was changed.",
)

# --- moving and cancelling one meeting ---------------------------------------------------

MOVE_TITLE = Msg("Flytta möte", "Move meeting")
MOVE_INTRO = Msg(
    "*{title}* {when}. Alla som har fått kallelsen eller svarat får besked om den nya tiden.",
    "*{title}* {when}. Everyone who received the call or answered is told of the new time.",
)
MOVE_DATE = Msg("Nytt datum", "New date")
MOVE_TIME = Msg("Ny starttid", "New start time")
MOVE_SUBMIT = Msg("Flytta", "Move")
MOVE_IN_PAST = Msg("Välj en tid som inte har passerat.", "Choose a time that has not passed.")
REASON_LABEL = Msg("Skäl", "Reason")
REASON_HINT = Msg(
    "Visas för deltagarna. Bara öppen information.",
    "Shown to the participants. Open information only.",
)
MOVE_DONE = Msg("*{title}* är flyttat till {when}. {told}", "*{title}* has moved to {when}. {told}")
CANCEL_TITLE = Msg("Ställ in möte", "Cancel meeting")
CANCEL_INTRO = Msg(
    "*{title}* {when}. Alla som har fått kallelsen eller svarat får besked.",
    "*{title}* {when}. Everyone who received the call or answered is told.",
)
CANCEL_SUBMIT = Msg("Ställ in mötet", "Cancel the meeting")
CANCEL_DONE = Msg("*{title}* {when} är inställt. {told}", "*{title}* {when} is cancelled. {told}")
TOLD = Msg("Besked går till {channel}{people}.", "Notices go to {channel}{people}.")
TOLD_CHANNEL = Msg("kanalen", "the channel")
TOLD_NO_CHANNEL = Msg("ingen kanal", "no channel")
TOLD_PEOPLE = Count(
    one=Msg(
        " och {count} person",
        " and {count} person",
    ),
    other=Msg(
        " och {count} personer",
        " and {count} people",
    ),
)
NOBODY_TOLD = Msg(
    "Ingen hade fått kallelsen än, så inga besked behövdes.",
    "Nobody had received the call yet, so no notices were needed.",
)
ALREADY_STARTED = Msg(
    "*{title}* {when} har redan börjat och kan inte ändras. Inget har ändrats.",
    "*{title}* {when} has already started and cannot be changed. Nothing was changed.",
)

# --- agenda items and substitutes ---------------------------------------------------------

SUBSTITUTE_TITLE = Msg("Skicka ersättare", "Send a substitute")
SUBSTITUTE_INTRO = Msg(
    "Vem kommer i ditt ställe till *{title}* {when}?", "Who attends *{title}* {when} in your place?"
)
SUBSTITUTE_LABEL = Msg("Ersättarens namn", "The substitute's name")
SUBSTITUTE_HINT = Msg("Bara namnet, t.ex. Kim Larsson.", "Just the name, e.g. Kim Larsson.")
AGENDA_TITLE = Msg("Punkt på dagordningen", "Agenda item")
AGENDA_INTRO = Msg(
    "Föreslå en punkt till *{title}* {when}. Den visas i kallelsen med din organisation.",
    "Suggest an item for *{title}* {when}. It is shown in the call with your organisation.",
)
AGENDA_LABEL = Msg("Punkt", "Item")
AGENDA_HINT = Count(
    one=Msg(
        "Högst {limit} tecken. Bara öppen information.",
        "At most {limit} character. Open information only.",
    ),
    other=Msg(
        "Högst {limit} tecken. Bara öppen information.",
        "At most {limit} characters. Open information only.",
    ),
    by="limit",
)
AGENDA_SAVED = Msg(
    "Tack! Punkten finns nu på dagordningen för *{title}* {when}.",
    "Thank you! The item is now on the agenda of *{title}* {when}.",
)
AGENDA_CLOSED = Msg(
    "Dagordningen för *{title}* {when} är stängd, eftersom mötet har börjat. Inget har sparats.",
    "The agenda of *{title}* {when} is closed, as the meeting has started. Nothing was saved.",
)

# --- the list, series and contacts ---------------------------------------------------------

LIST_HEADER = Msg("Kommande möten", "Coming meetings")
LIST_EMPTY = Msg("Inga kommande möten är planerade.", "No coming meetings are planned.")
LIST_ITEM = Msg(
    "*{title}* · {when}{location}\nDitt svar: *{answer}*",
    "*{title}* · {when}{location}\nYour answer: *{answer}*",
)
LIST_ITEM_CANCELLED = Msg(
    "~*{title}* · {when}~ _inställt_{reason}", "~*{title}* · {when}~ _cancelled_{reason}"
)
LIST_HOLIDAY = Msg(" _(flyttat från {date}, {holiday})_", " _(moved from {date}, {holiday})_")
LIST_MORE = Msg(
    "Fler möten längre fram finns i kalenderfilen: `/samverkan kalender`.",
    "More meetings further ahead are in the calendar file: `/samverkan calendar`.",
)
LIST_CONTEXT = Msg(
    "Kalenderfil: `/samverkan kalender` · Hjälp: `/samverkan möten hjälp`",
    "Calendar file: `/samverkan calendar` · Help: `/samverkan meetings help`",
)
LIST_LAST_HELD = Count(
    one=Msg(
        "Senaste arbetsgruppsmötet: *{when}* ({count} organisation registrerad som närvarande).",
        "Last working-group meeting: *{when}* ({count} organisation recorded as attending).",
    ),
    other=Msg(
        "Senaste arbetsgruppsmötet: *{when}* ({count} organisationer registrerade som närvarande).",
        "Last working-group meeting: *{when}* ({count} organisations recorded as attending).",
    ),
)
SERIES_HEADER = Msg("*Mötesserier*", "*Meeting series*")
SERIES_LINE = Msg(
    "*{title}*{kind} · {rule} · {time}{skips}{paused}",
    "*{title}*{kind} · {rule} · {time}{skips}{paused}",
)
SERIES_KIND_SUFFIX = Msg(" ({kind})", " ({kind})")
SERIES_PAUSED_MARK = Msg(" · :double_vertical_bar: _pausad_", " · :double_vertical_bar: _paused_")
SERIES_NONE = Msg(
    "Inga mötesserier än. Lägg till en med knappen nedan eller i konfigurationsfilen "
    "(`[[meetings]]`).",
    "No meeting series yet. Add one with the button below or in the configuration file "
    "(`[[meetings]]`).",
)
FAILURES = Msg(
    ":warning: *{count} mötesmeddelanden kunde inte skickas.* Senaste: {what} för *{title}*: {reason}.",
    ":warning: *{count} meeting messages could not be delivered.* Latest: {what} for *{title}*: {reason}.",
)
ERROR_CHANNEL_NOT_FOUND = Msg(
    "kanalen {channel} finns inte (kontrollera `[channels]` i konfigurationen)",
    "channel {channel} does not exist (check `[channels]` in the configuration)",
)
ERROR_NOT_IN_CHANNEL = Msg(
    "boten är inte med i kanalen {channel} (skriv `/invite @Samverkansbot` där)",
    "the bot is not in channel {channel} (type `/invite @Samverkansbot` there)",
)
ERROR_ARCHIVED = Msg("kanalen {channel} är arkiverad", "channel {channel} is archived")
ERROR_OTHER = Msg("Slack svarade `{error}`", "Slack answered `{error}`")
WHAT_CALL = Msg("kallelsen", "the call")
WHAT_REMINDER = Msg("påminnelsen", "the reminder")
WHAT_NOTICE = Msg("ett besked", "a notice")
WHAT_OTHER = Msg("ett meddelande", "a message")
ALERT_DM = Msg(
    ":warning: Samverkansbot kunde inte skicka {what} för *{title}* {when}: {reason}. Rätta "
    "felet så går nästa meddelande fram; se också `/samverkan möten`.",
    ":warning: Samverkansbot could not send {what} for *{title}* {when}: {reason}. Fix the "
    "problem and the next message goes through; see also `/samverkan meetings`.",
)
ALERT_FALLBACK = Msg(
    "Ett mötesmeddelande kunde inte skickas", "A meeting message could not be delivered"
)

SERIES_TITLE_NEW = Msg("Ny mötesserie", "New meeting series")
SERIES_TITLE_EDIT = Msg("Ändra mötesserie", "Change meeting series")
SERIES_INTRO = Msg(
    "Mötena planeras i svensk tid, även över sommar- och vintertid. Ändringar gäller möten som "
    "ingen har kallats till än.",
    "Meetings are planned in Swedish time, across summer and winter time. Changes apply to "
    "meetings nobody has been called to yet.",
)
SERIES_KIND = Msg("Slags möte", "Kind of meeting")
SERIES_NAME = Msg("Namn", "Name")
SERIES_FIRST_DATE = Msg("Första mötet", "First meeting")
SERIES_FIRST_TIME = Msg("Starttid", "Start time")
SERIES_DURATION = Msg("Längd", "Length")
DURATION_HINT = Msg("T.ex. 90m eller 2h.", "E.g. 90m or 2h.")
SERIES_FREQUENCY = Msg("Hur ofta?", "How often?")
SERIES_WEEKS = Msg("Vilka veckor i månaden?", "Which weeks of the month?")
WEEKS_HINT = Msg(
    "För möten varje månad eller två gånger om året. Tomt: samma vecka som första mötet. "
    "Veckodagen är första mötets.",
    "For monthly or twice-yearly meetings. Empty: the same week as the first meeting. The "
    "weekday is the first meeting's.",
)
SERIES_RRULE = Msg("Egen regel", "Custom rule")
RRULE_HINT = Msg(
    "För den som vill: en RFC 5545-regel, t.ex. FREQ=MONTHLY;BYDAY=2TU. Går före valen ovan.",
    "If you like: an RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=2TU. Overrides the choices above.",
)
SERIES_LOCATION = Msg("Plats eller länk", "Place or link")
SERIES_CALL_BEFORE = Msg("Kallelsen skickas hur långt före?", "Send the call how long before?")
LEAD_HINT = Msg(
    "T.ex. 7d (sju dagar), 2h (två timmar) eller 90m.",
    "E.g. 7d (seven days), 2h (two hours) or 90m.",
)
SERIES_REMINDER_BEFORE = Msg(
    "Påminnelsen skickas hur långt före?", "Send the reminder how long before?"
)
SERIES_SUMMARY_BEFORE = Msg(
    "Statussammanfattning hur långt före?", "Status summary how long before?"
)
SUMMARY_HINT = Msg("Gäller ägarmöten, t.ex. 14d.", "For owners' meetings, e.g. 14d.")
SERIES_SKIP_MONTHS = Msg("Månader utan möte", "Months without a meeting")
SERIES_ON_HOLIDAY = Msg(
    "Om mötet infaller på en helgdag", "When the meeting falls on a public holiday"
)
SERIES_AGENDA = Msg("Stående dagordning", "Standing agenda")
AGENDA_LINES_HINT = Msg("En punkt per rad.", "One item per line.")
AGENDA_TOO_MANY = Count(
    one=Msg(
        "Högst {limit} punkt.",
        "At most {limit} item.",
    ),
    other=Msg(
        "Högst {limit} punkter.",
        "At most {limit} items.",
    ),
    by="limit",
)
BAD_DURATION = Msg(
    "”{value}” är ingen tidslängd. Skriv t.ex. 30m, 2h eller 7d.",
    "“{value}” is not a length of time. Write e.g. 30m, 2h or 7d.",
)
DURATION_RANGE = Msg(
    "Välj en tid som är större än noll och inte för lång (ett möte högst 24h, förvarning högst 365d).",
    "Choose a time above zero and not too long (a meeting at most 24h, notice at most 365d).",
)
REMINDER_AFTER_CALL = Msg(
    "Påminnelsen ska gå ut efter kallelsen: välj en kortare tid än för kallelsen.",
    "The reminder goes out after the call: choose a shorter time than for the call.",
)
BAD_RRULE = Msg(
    "Regeln kunde inte läsas. Skriv t.ex. FREQ=MONTHLY;BYDAY=2TU, eller töm fältet och välj "
    "upprepning ovan.",
    "The rule could not be read. Write e.g. FREQ=MONTHLY;BYDAY=2TU, or empty the field and "
    "choose above.",
)
RULE_TOO_FREQUENT = Count(
    one=Msg(
        "Det blir fler än {limit} möte om året. Välj en glesare upprepning.",
        "That makes more than {limit} meeting a year. Choose a sparser rhythm.",
    ),
    other=Msg(
        "Det blir fler än {limit} möten om året. Välj en glesare upprepning.",
        "That makes more than {limit} meetings a year. Choose a sparser rhythm.",
    ),
    by="limit",
)
RULE_EMPTY = Msg(
    "Regeln ger inga möten det kommande året.", "The rule gives no meetings in the coming year."
)
SERIES_SAVED = Msg(
    "Mötesserien *{title}* är sparad. Nästa möte: {next}.",
    "The meeting series *{title}* is saved. Next meeting: {next}.",
)
SERIES_NO_NEXT = Msg("inget inom ett år", "none within a year")
SERIES_PAUSED = Msg(
    "*{title}* är pausad. Möten som redan har kallats till blir kvar; ställ in dem ett och ett "
    "om det behövs.",
    "*{title}* is paused. Meetings already called stay; cancel them one by one if needed.",
)
SERIES_RESUMED = Msg("*{title}* är återupptagen.", "*{title}* is resumed.")
SERIES_NOT_FOUND = Msg("Mötesserien finns inte längre.", "The meeting series no longer exists.")

CONTACTS_TITLE = Msg("Kontaktpersoner", "Contact persons")
CONTACTS_INTRO = Msg(
    "Kontaktpersonerna får en privat påminnelse om de inte har svarat på kallelsen till "
    "arbetsgruppens möte. Den som svarar på en kallelse blir kontaktperson för sin organisation.",
    "Contact persons get a private reminder when they have not answered the call to the "
    "working group's meeting. Whoever answers a call becomes a contact of their organisation.",
)
CONTACTS_LABEL = Msg("Arbetsgruppens kontaktpersoner", "The working group's contact persons")
CONTACTS_SAVED = Count(
    one=Msg(
        "Sparat: {count} kontaktperson.",
        "Saved: {count} contact person.",
    ),
    other=Msg(
        "Sparat: {count} kontaktpersoner.",
        "Saved: {count} contact persons.",
    ),
)
CONTACTS_UNKNOWN = Msg(
    " Utan känd organisation, och därför inte sparade: {users}. De kan be om att få företräda "
    "en organisation med `/samverkan organisation`.",
    " Without a known organisation, and so not saved: {users}. They can ask to represent an "
    "organisation with `/samverkan organisation`.",
)

# --- help and calendar ---------------------------------------------------------------------

HELP_MEETINGS = Msg(
    "• `/samverkan möten`: kommande möten och ditt svar; samverkansledarna hanterar mötesserier "
    "och enskilda möten där.",
    "• `/samverkan meetings`: coming meetings and your answer; the coordinators manage meeting "
    "series and single meetings there.",
)
HELP_CALENDAR = Msg(
    "• `/samverkan kalender`: de kommande mötena som kalenderfil (.ics) till Outlook.",
    "• `/samverkan calendar`: the coming meetings as a calendar file (.ics) for Outlook.",
)
MEETINGS_HELP = Msg(
    "*`/samverkan möten`: mötesrytmen*\n"
    "• `/samverkan möten`: de kommande mötena, med knappar för att svara.\n"
    "• `/samverkan kalender`: mötena som kalenderfil (.ics).\n"
    "Kallelsen kommer till kanalen en tid före mötet, med dagordning, öppna behov och knappar: "
    "*Jag kommer*, *Jag kommer inte*, *Jag skickar ersättare* och *Lägg till punkt*. Den som "
    "inte har svarat får en påminnelse.\n"
    "Samverkansledarna kan lägga till, ändra och pausa mötesserier, flytta eller ställa in ett "
    "enskilt möte, välja kontaktpersoner och registrera närvaro och behov efter mötet.",
    "*`/samverkan meetings`: the meeting rhythm*\n"
    "• `/samverkan meetings`: the coming meetings, with buttons to answer.\n"
    "• `/samverkan calendar`: the meetings as a calendar file (.ics).\n"
    "The call comes to the channel some time before the meeting, with the agenda, open needs "
    "and buttons: *I'm attending*, *I'm not attending*, *I'm sending a substitute* and *Add "
    "agenda item*. Whoever has not answered gets a reminder.\n"
    "The coordinators can add, change and pause meeting series, move or cancel a single "
    "meeting, choose contact persons, and record attendance and needs after the meeting.",
)
CALENDAR_NAME = Msg("{name}: möten", "{name}: meetings")
CALENDAR_SENT = Count(
    one=Msg(
        "Här är kalenderfilen med {count} kommande möte. Öppna den i Outlook för att lägga in mötet.",
        "Here is the calendar file with {count} coming meeting. Open it in Outlook to add the meeting.",
    ),
    other=Msg(
        "Här är kalenderfilen med {count} kommande möten. Öppna den i Outlook för att lägga in mötena.",
        "Here is the calendar file with {count} coming meetings. Open it in Outlook to add the meetings.",
    ),
)
CALENDAR_IN_DM = Msg(
    "Kalenderfilen finns i ditt direktmeddelande från Samverkansbot.",
    "The calendar file is in your direct messages from Samverkansbot.",
)
CALENDAR_EMPTY = Msg(
    "Det finns inga kommande möten att lägga i en kalender.",
    "There are no coming meetings to put in a calendar.",
)
CALENDAR_DESCRIPTION = Msg("{kind}, {name}", "{kind}, {name}")

# --- the Home tab --------------------------------------------------------------------------

HOME_MEETINGS = Msg("*Dina nästa möten*", "*Your next meetings*")
HOME_NO_MEETINGS = Msg("Inga kommande möten.", "No coming meetings.")
