"""Texts of actions, decisions and minutes (/samverkan åtgärd, åtgärder, protokoll)."""

from bot.texts import Count, Msg, needs

# --- help ----------------------------------------------------------------------------------

HELP_ACTION = Msg(
    "• `/samverkan åtgärd`: ny åtgärd med ansvarig organisation och slutdatum "
    "(samverkansledare); parterna föreslår åtgärder för sin egen organisation.",
    "• `/samverkan action`: a new action with a responsible organisation and a due date "
    "(coordinators); partners propose actions for their own organisation.",
)
HELP_ACTIONS = Msg(
    "• `/samverkan åtgärder`: öppna åtgärder, försenade först; `åtgärder alla` visar även "
    "avslutade.",
    "• `/samverkan actions`: open actions, overdue first; `actions all` shows closed ones too.",
)
HELP_MINUTES = Msg(
    "• `/samverkan protokoll`: minnesanteckningar från mötena, med beslut och nya åtgärder.",
    "• `/samverkan minutes`: the minutes of the meetings, with decisions and new actions.",
)

# --- statuses and kinds -------------------------------------------------------------------

STATUS_PROPOSED = Msg("Föreslagen", "Proposed")
STATUS_PLANNED = Msg("Planerad", "Planned")
STATUS_IN_PROGRESS = Msg("Pågår", "In progress")
STATUS_DONE = Msg("Klar", "Done")
STATUS_CANCELLED = Msg("Avbruten", "Cancelled")
KIND_ACTION = Msg("Åtgärd", "Action")
KIND_DECISION = Msg(
    "Beslutsinhämtning i egen organisation", "Decision to obtain in one's own organisation"
)
PROGRESS_IN_PROGRESS = Msg("Pågår", "In progress")
PROGRESS_DONE = Msg("Klart", "Done")

# --- validation ---------------------------------------------------------------------------

ORGANIZATIONS_MISSING = Msg(
    "Välj minst en ansvarig organisation.", "Choose at least one responsible organisation."
)
ORGANIZATIONS_NOT_YOURS = Msg(
    "Du kan bara föreslå åtgärder för din egen organisation.",
    "You can only propose actions for your own organisation.",
)
DUE_PAST = Msg(
    "Datumet har redan passerat; välj i dag eller senare.",
    "That date has passed; choose today or later.",
)
DUE_FAR = Msg("Välj ett datum inom tre år.", "Choose a date within three years.")
REASON_FOR_DATE = Msg("Skriv varför slutdatumet ändras.", "Please say why the due date changes.")
PROGRESS_EMPTY = Msg(
    "Skriv vad som har hänt, välj Klart, eller välj ett nytt slutdatum.",
    "Say what has happened, choose Done, or choose a new due date.",
)
DECISIONS_TOO_MANY = Count(
    one=Msg(
        "Högst {limit} beslut, ett per rad.",
        "At most {limit} decision, one per line.",
    ),
    other=Msg(
        "Högst {limit} beslut, ett per rad.",
        "At most {limit} decisions, one per line.",
    ),
    by="limit",
)
MINUTES_TOO_LONG = Count(
    one=Msg(
        "Anteckningarna och besluten får vara högst {limit} tecken tillsammans (nu {length}); korta dem lite.",
        "The notes and decisions may be at most {limit} character together (now {length}); please shorten them a little.",
    ),
    other=Msg(
        "Anteckningarna och besluten får vara högst {limit} tecken tillsammans (nu {length}); korta dem lite.",
        "The notes and decisions may be at most {limit} characters together (now {length}); please shorten them a little.",
    ),
    by="limit",
)
MINUTES_EMPTY = Msg(
    "Minnesanteckningarna är tomma. Skriv något, eller stäng formuläret.",
    "The minutes are empty. Write something, or close the form.",
)

# --- the action form ----------------------------------------------------------------------

FORM_TITLE = Msg("Ny åtgärd", "New action")
PROPOSE_TITLE = Msg("Föreslå åtgärd", "Propose an action")
FORM_INTRO = Msg(
    "Vad ska göras, av vem och när? De ansvariga organisationernas kontaktpersoner får besked "
    "nu och en påminnelse {lead} före slutdatumet. *Skriv bara öppen information.*",
    "What is to be done, by whom and when? The responsible organisations' contact persons are "
    "told now and reminded {lead} before the due date. *Only open information.*",
)
FORM_INTRO_PARTNER = Msg(
    "Föreslå en åtgärd för din organisation. En samverkansledare bekräftar förslaget; sedan får "
    "ni en påminnelse {lead} före slutdatumet. *Skriv bara öppen information.*",
    "Propose an action for your organisation. A coordinator confirms the proposal; then you are "
    "reminded {lead} before the due date. *Only open information.*",
)
LEAD_DAY = Msg("en dag", "one day")
LEAD_DAYS = Count(
    one=Msg(
        "{count} dag",
        "{count} day",
    ),
    other=Msg(
        "{count} dagar",
        "{count} days",
    ),
)
LEAD_HOUR = Msg("en timme", "one hour")
LEAD_HOURS = Count(
    one=Msg(
        "{count} timme",
        "{count} hour",
    ),
    other=Msg(
        "{count} timmar",
        "{count} hours",
    ),
)
FORM_MEETING = Msg("Från mötet {title} {when}.", "From the meeting {title} {when}.")
TITLE = Msg("Vad ska göras?", "What is to be done?")
TITLE_HINT = needs.TITLE_HINT
DESCRIPTION = Msg("Beskrivning", "Description")
DESCRIPTION_HINT = Count(
    one=Msg(
        "Frivilligt. Högst {limit} tecken.",
        "Optional. At most {limit} character.",
    ),
    other=Msg(
        "Frivilligt. Högst {limit} tecken.",
        "Optional. At most {limit} characters.",
    ),
    by="limit",
)
ORGANIZATIONS = Msg("Ansvarig organisation", "Responsible organisation")
CONTACT = Msg("Namngiven kontaktperson", "Named contact person")
CONTACT_HINT = Msg(
    "Frivilligt. Får beskeden och påminnelserna tillsammans med organisationens kontaktpersoner.",
    "Optional. Gets the notices and reminders together with the organisation's contact persons.",
)
DUE = Msg("Klart senast", "Due by")
KIND = Msg("Typ", "Kind")
NEEDS = Msg("Behov som åtgärden svarar på", "Needs the action answers")
NEEDS_HINT = Msg(
    "Frivilligt. Behovet flyttas till Åtgärd planerad, och till Klart när alla dess åtgärder "
    "är klara; den som lämnade det får då veta vad som gjordes.",
    "Optional. The need moves to Action planned, and to Done when all its actions are done; "
    "whoever submitted it is then told what was done.",
)
NEED_OPTION = Msg("#{id} {title}", "#{id} {title}")

# --- created, proposed, confirmed ---------------------------------------------------------

CREATED = Msg(
    "Sparat: åtgärd #{id} *{title}*, klart senast {due}. {told}",
    "Saved: action #{id} *{title}*, due by {due}. {told}",
)
TOLD_CONTACTS = Count(
    one=Msg(
        "{count} kontaktperson har fått besked.",
        "{count} contact person has been told.",
    ),
    other=Msg(
        "{count} kontaktpersoner har fått besked.",
        "{count} contact persons have been told.",
    ),
)
TOLD_NOBODY = Msg(
    "De ansvariga organisationerna har inga kontaktpersoner ännu; sätt dem med "
    "*Kontaktpersoner* i `/samverkan möten`.",
    "The responsible organisations have no contact persons yet; set them with *Contact persons* "
    "in `/samverkan meetings`.",
)
PROPOSED = Msg(
    "Tack! Ditt förslag #{id} *{title}* väntar nu på att en samverkansledare bekräftar det.",
    "Thank you! Your proposal #{id} *{title}* now waits for a coordinator to confirm it.",
)
PROPOSAL_MESSAGE = Msg(
    ":memo: *Förslag till åtgärd #{id}* från {organization} (<@{user}>): *{title}*, klart "
    "senast {due}.",
    ":memo: *Proposed action #{id}* from {organization} (<@{user}>): *{title}*, due by {due}.",
)
PROPOSAL_FALLBACK = Msg("Förslag till åtgärd #{id}: {title}", "Proposed action #{id}: {title}")
PROPOSAL_CONFIRMED = Msg(
    ":white_check_mark: Bekräftad av <@{user}>.", ":white_check_mark: Confirmed by <@{user}>."
)
PROPOSAL_DECLINED = Msg(
    ":no_entry: Avböjd av <@{user}>. Skäl: {reason}",
    ":no_entry: Declined by <@{user}>. Reason: {reason}",
)
CONFIRMED = Msg(
    "Bekräftat: åtgärd #{id} *{title}* är planerad. {told}",
    "Confirmed: action #{id} *{title}* is planned. {told}",
)
NOTICE_CONFIRMED = Msg(
    "Ditt förslag #{id} *{title}* är bekräftat av <@{user}>, klart senast {due}.",
    "Your proposal #{id} *{title}* was confirmed by <@{user}>, due by {due}.",
)
NOTICE_DECLINED = Msg(
    "Ditt förslag #{id} *{title}* avböjdes av <@{user}>. Skäl: {reason}",
    "Your proposal #{id} *{title}* was declined by <@{user}>. Reason: {reason}",
)
ASSIGNED = Msg(
    ":pushpin: *Ny åtgärd för {organizations}:* #{id} *{title}*, klart senast *{due}*.{meeting} "
    "Rapportera läget med knapparna här, eller i `/samverkan åtgärder`.",
    ":pushpin: *New action for {organizations}:* #{id} *{title}*, due by *{due}*.{meeting} "
    "Report progress with the buttons here, or in `/samverkan actions`.",
)
ASSIGNED_MEETING = Msg(" Beslutad på {title} {date}.", " Decided at {title} {date}.")
ASSIGNED_FALLBACK = Msg("Ny åtgärd #{id}: {title}", "New action #{id}: {title}")

# --- reminders ----------------------------------------------------------------------------

REMINDER_DM = Msg(
    ":alarm_clock: Påminnelse: åtgärd #{id} *{title}* ({organizations}) ska vara klar *{due}*. "
    "Hur går det? Rapportera läget, eller markera den som klar.",
    ":alarm_clock: Reminder: action #{id} *{title}* ({organizations}) is due by *{due}*. How is "
    "it going? Report progress, or mark it done.",
)
REMINDER_FALLBACK = Msg("Påminnelse: åtgärd #{id} {title}", "Reminder: action #{id} {title}")
OVERDUE_DM = Msg(
    ":warning: Åtgärd #{id} *{title}* ({organizations}) skulle ha varit klar *{due}*. "
    "Rapportera läget, markera den som klar, eller ange ett nytt slutdatum med skäl.",
    ":warning: Action #{id} *{title}* ({organizations}) was due by *{due}*. Report progress, "
    "mark it done, or give a new due date with a reason.",
)
OVERDUE_FALLBACK = Msg("Försenad: åtgärd #{id} {title}", "Overdue: action #{id} {title}")
REPORT_REMINDER_DM = Msg(
    ":clipboard: Inför ägarmötet {when}: {organization} har inte återrapporterat någon "
    "utbildning det senaste halvåret. Har ni hållit någon? Rapportera den med "
    "`/utbildning rapportera`; det tar en minut.",
    ":clipboard: Before the owners' meeting {when}: {organization} has reported no training "
    "back in the last half-year. Have you held one? Report it with `/utbildning report`; "
    "it takes a minute.",
)
REPORT_REMINDER_FALLBACK = Msg(
    "Återrapportera utbildningar inför ägarmötet",
    "Report trainings back before the owners' meeting",
)

# --- buttons ------------------------------------------------------------------------------

BUTTON_REPORT = Msg("Rapportera läget", "Report progress")
BUTTON_DONE = Msg("Klart", "Done")
BUTTON_SHOW = Msg("Visa", "Show")
BUTTON_CANCEL = Msg("Avbryt åtgärden…", "Cancel the action…")
BUTTON_CONFIRM = Msg("Bekräfta", "Confirm")
BUTTON_DECLINE = Msg("Avböj…", "Decline…")
BUTTON_NEW = Msg("Ny åtgärd", "New action")
BUTTON_LIST = Msg("Alla åtgärder", "All actions")
BUTTON_FILTER_OWN = Msg("Bara min organisation", "Only my organisation")
BUTTON_FILTER_ALL = Msg("Alla organisationer", "All organisations")
DONE_CONFIRM_TITLE = Msg("Markera som klar?", "Mark as done?")
DONE_CONFIRM_TEXT = Msg(
    "Åtgärden markeras som klar, och den som lämnade ett behov som nu är klart får veta det.",
    "The action is marked done, and whoever submitted a need that is now done is told.",
)
DONE_CONFIRM_YES = Msg("Ja, klar", "Yes, done")

# --- progress, done, cancel ---------------------------------------------------------------

PROGRESS_TITLE = Msg("Rapportera läget", "Report progress")
PROGRESS_INTRO = Msg(
    "#{id} *{title}* ({organizations}), klart senast {due}.",
    "#{id} *{title}* ({organizations}), due by {due}.",
)
PROGRESS_STATE = Msg("Läge", "Progress")
PROGRESS_TEXT = Msg("Vad har hänt?", "What has happened?")
PROGRESS_TEXT_HINT = Count(
    one=Msg(
        "Kort, högst {limit} tecken. Sparas i åtgärdens historik, som alla i samverkan ser.",
        "Briefly, at most {limit} character. Kept in the action's history, which the whole collaboration sees.",
    ),
    other=Msg(
        "Kort, högst {limit} tecken. Sparas i åtgärdens historik, som alla i samverkan ser.",
        "Briefly, at most {limit} characters. Kept in the action's history, which the whole collaboration sees.",
    ),
    by="limit",
)
PROGRESS_DUE = Msg("Nytt slutdatum", "New due date")
PROGRESS_DUE_HINT = Msg("Bara om slutdatumet ändras.", "Only if the due date changes.")
PROGRESS_REASON = Msg("Skäl till nytt slutdatum", "Reason for the new due date")
PROGRESS_SAVED = Msg(
    "Tack! Läget för åtgärd #{id} *{title}* är sparat ({status}).{due}",
    "Thank you! The progress of action #{id} *{title}* is saved ({status}).{due}",
)
DUE_SAVED = Msg(" Nytt slutdatum: {due}.", " New due date: {due}.")
DONE_SAVED = Msg(
    "Tack! Åtgärd #{id} *{title}* är klar.{needs}",
    "Thank you! Action #{id} *{title}* is done.{needs}",
)
DONE_NEEDS = Msg(
    " Behov som nu är klara: {needs}; de som lämnade dem har fått besked.",
    " Needs now done: {needs}; whoever submitted them has been told.",
)
CANCEL_TITLE = Msg("Avbryt åtgärd", "Cancel action")
DECLINE_TITLE = Msg("Avböj förslag", "Decline proposal")
CANCEL_REASON = Msg("Varför avbryts åtgärden?", "Why is the action cancelled?")
DECLINE_REASON = Msg("Varför avböjs förslaget?", "Why is the proposal declined?")
REASON_HINT = Msg(
    "Skälet sparas i historiken och visas för de ansvariga.",
    "The reason is kept in the history and shown to those responsible.",
)
CANCELLED = Msg("Åtgärd #{id} *{title}* är avbruten.", "Action #{id} *{title}* is cancelled.")
DECLINED = Msg(
    "Förslaget #{id} *{title}* är avböjt, och förslagsställaren har fått besked.",
    "Proposal #{id} *{title}* is declined, and whoever proposed it has been told.",
)

# --- refusals -----------------------------------------------------------------------------

NOT_FOUND = Msg(
    "Åtgärd #{id} finns inte längre. Se `/samverkan åtgärder`.",
    "Action #{id} no longer exists. See `/samverkan actions`.",
)
ALREADY_CLOSED = Msg(
    "Åtgärd #{id} är redan {status}. Inget har ändrats.",
    "Action #{id} is already {status}. Nothing was changed.",
)
NOT_A_PROPOSAL = Msg(
    "Åtgärd #{id} är inte längre ett förslag (den är {status}). Inget har ändrats.",
    "Action #{id} is no longer a proposal (it is {status}). Nothing was changed.",
)
NOT_YET_CONFIRMED = Msg(
    "Åtgärd #{id} väntar på att en samverkansledare bekräftar den; läget kan rapporteras sedan.",
    "Action #{id} waits for a coordinator to confirm it; progress can be reported then.",
)
WHO_PROPOSE = Msg(
    "samverkansledarna och parternas kontaktpersoner",
    "the coordinators and the partners' contact persons",
)
WHO_RESPONSIBLE = Msg(
    "samverkansledarna och de ansvariga organisationerna",
    "the coordinators and the responsible organisations",
)

# --- you said, we did ---------------------------------------------------------------------

YOU_SAID_WE_DID = Msg(
    ":tada: *Ni sa, vi gjorde.* Ditt behov #{id} *{title}* är nu klart. Det här har gjorts:\n"
    "{actions}",
    ":tada: *You said, we did.* Your need #{id} *{title}* is now done. This is what was done:\n"
    "{actions}",
)
DONE_ACTION_LINE = Msg(
    "• #{id} {title} ({organizations}){note}", "• #{id} {title} ({organizations}){note}"
)
NOTE_SUFFIX = Msg(": {note}", ": {note}")

# --- one action, shown --------------------------------------------------------------------

DETAIL_HEADER = Msg("Åtgärd #{id}: {title}", "Action #{id}: {title}")
DETAIL_KIND = Msg("*Typ:* {kind}", "*Kind:* {kind}")
DETAIL_STATUS = Msg("*Status:* {status}", "*Status:* {status}")
DETAIL_ORGANIZATIONS = Msg("*Ansvariga:* {organizations}", "*Responsible:* {organizations}")
DETAIL_CONTACT = Msg("*Kontaktperson:* <@{user}>", "*Contact person:* <@{user}>")
DETAIL_DUE = Msg("*Klart senast:* {due}{late}", "*Due by:* {due}{late}")
DETAIL_LATE = Count(
    one=Msg(
        " :warning: försenad {days} dag",
        " :warning: {days} day overdue",
    ),
    other=Msg(
        " :warning: försenad {days} dagar",
        " :warning: {days} days overdue",
    ),
    by="days",
)
DETAIL_NEEDS = Msg("*Behov:* {needs}", "*Needs:* {needs}")
DETAIL_MEETING = Msg("*Från mötet:* {meeting}", "*From the meeting:* {meeting}")
DETAIL_REASON = Msg("*Skäl:* {reason}", "*Reason:* {reason}")
HISTORY = Msg("*Historik*", "*History*")
HISTORY_LINE = Msg("`{date}` {what}{note}{who}", "`{date}` {what}{note}{who}")
HISTORY_BY = Msg(" (<@{user}>)", " (<@{user}>)")
EVENT_PROPOSED = Msg("föreslagen", "proposed")
EVENT_CREATED = Msg("planerad", "planned")
EVENT_CONFIRMED = Msg("bekräftad och planerad", "confirmed and planned")
EVENT_PROGRESS = Msg("läget rapporterat", "progress reported")
EVENT_DONE = Msg("klar", "done")
EVENT_DUE = Msg("nytt slutdatum {due}", "new due date {due}")
EVENT_CANCELLED = Msg("avbruten", "cancelled")
EVENT_DECLINED = Msg("avböjd", "declined")

# --- the list -----------------------------------------------------------------------------

LIST_HEADER = Msg("Öppna åtgärder", "Open actions")
LIST_HEADER_OWN = Msg("Öppna åtgärder för {organization}", "Open actions of {organization}")
LIST_HEADER_ALL = Msg("Alla åtgärder", "All actions")
LIST_HEADER_ALL_OWN = Msg("Alla åtgärder för {organization}", "All actions of {organization}")
LIST_EMPTY = Msg("Inga åtgärder att visa.", "No actions to show.")
LIST_OVERDUE = Msg("*:warning: Försenade ({count})*", "*:warning: Overdue ({count})*")
LIST_OPEN = Msg("*Öppna ({count})*", "*Open ({count})*")
LIST_PROPOSED = Msg(
    "*Förslag som väntar på bekräftelse ({count})*",
    "*Proposals waiting for confirmation ({count})*",
)
LIST_CLOSED = Msg("*Avslutade ({count})*", "*Closed ({count})*")
LIST_ITEM = Msg(
    "#{id} *{title}* · {organizations} · klart senast {due} · {status}",
    "#{id} *{title}* · {organizations} · due by {due} · {status}",
)
LIST_MORE = Msg("… och {count} till.", "… and {count} more.")
LIST_CONTEXT = Msg(
    "Tryck *Visa* för historiken och för att rapportera läget. `/samverkan åtgärder alla` visar "
    "även avslutade.",
    "Press *Show* for the history and to report progress. `/samverkan actions all` shows closed "
    "ones too.",
)

# --- the Home tab -------------------------------------------------------------------------

HOME_OWN = Msg("*Din organisations öppna åtgärder*", "*Your organisation's open actions*")
HOME_NONE = Msg("Inga öppna åtgärder.", "No open actions.")
HOME_ITEM = Msg(
    "• #{id} *{title}* · klart senast {due}{late}", "• #{id} *{title}* · due by {due}{late}"
)
HOME_LATE = Msg(" · :warning: försenad", " · :warning: overdue")
HOME_OVERDUE = Msg("*Försenade åtgärder ({count})*", "*Overdue actions ({count})*")
HOME_OVERDUE_ITEM = Msg(
    "• #{id} *{title}* · {organizations} · klart senast {due}",
    "• #{id} *{title}* · {organizations} · due by {due}",
)
HOME_PROPOSALS = Count(
    one=Msg(
        "{count} förslag till åtgärd väntar på din bekräftelse.",
        "{count} proposed action waits for your confirmation.",
    ),
    other=Msg(
        "{count} förslag till åtgärder väntar på din bekräftelse.",
        "{count} proposed actions wait for your confirmation.",
    ),
)

# --- minutes ------------------------------------------------------------------------------

MINUTES_TITLE = Msg("Minnesanteckningar", "Minutes")
MINUTES_INTRO = Msg(
    "*{title}* {when}. Anteckningarna publiceras i tråden under mötets kallelse och sparas. "
    "*Skriv bara öppen information.*",
    "*{title}* {when}. The minutes are posted in the thread of the meeting's call and kept. "
    "*Only open information.*",
)
MINUTES_ATTENDED = Msg("Organisationer som var med", "Organisations that attended")
MINUTES_ATTENDED_HINT = Msg(
    "Förifyllt från svaren på kallelsen.", "Filled in from the answers to the call."
)
MINUTES_NOTE = Msg("Anteckningar: {item}", "Notes: {item}")
MINUTES_OTHER = Msg("Övrigt", "Other")
MINUTES_DECISIONS = Msg("Beslut", "Decisions")
MINUTES_DECISIONS_HINT = Msg("Ett beslut per rad.", "One decision per line.")
MINUTES_ACTIONS_HEADER = Msg(
    "*Nya åtgärder*: upp till {count} åt gången. Lämna tomt det som inte behövs; fler kan "
    "läggas till med knappen under minnesanteckningarna.",
    "*New actions*: up to {count} at a time. Leave empty what is not needed; more can be added "
    "with the button under the minutes.",
)
SLOT_TITLE = Msg("Åtgärd {number}: vad ska göras?", "Action {number}: what is to be done?")
SLOT_ORGANIZATIONS = Msg(
    "Åtgärd {number}: ansvarig organisation", "Action {number}: responsible organisation"
)
SLOT_DUE = Msg("Åtgärd {number}: klart senast", "Action {number}: due by")
SLOT_KIND = Msg("Åtgärd {number}: typ", "Action {number}: kind")
SLOT_NEEDS = Msg("Åtgärd {number}: behov den svarar på", "Action {number}: needs it answers")
MINUTES_SAVED = Msg(
    "Sparat: minnesanteckningarna för *{title}* {when} publiceras {where}.{actions}",
    "Saved: the minutes of *{title}* {when} are posted {where}.{actions}",
)
WHERE_THREAD = Msg("i tråden under kallelsen", "in the thread of the call")
WHERE_CHANNEL = Msg("i <#{channel}>", "in <#{channel}>")
WHERE_NOWHERE = Msg(
    "inte (ingen kanal är inställd) men finns i `/samverkan protokoll`",
    "nowhere (no channel is set) but are in `/samverkan minutes`",
)
MINUTES_ACTIONS_CREATED = Count(
    one=Msg(
        " {count} ny åtgärd är planerad, och de ansvariga har fått besked.",
        " {count} new action is planned, and those responsible have been told.",
    ),
    other=Msg(
        " {count} nya åtgärder är planerade, och de ansvariga har fått besked.",
        " {count} new actions are planned, and those responsible have been told.",
    ),
)
MINUTES_HEADER = Msg("Minnesanteckningar: {title}", "Minutes: {title}")
MINUTES_CONTEXT = Msg("{when} · skrivna av <@{user}>", "{when} · written by <@{user}>")
MINUTES_CHANGED = Msg("Ändrade {date} av <@{user}>", "Changed on {date} by <@{user}>")
MINUTES_PRESENT = Msg(
    "*Närvarande ({count}):* {organizations}", "*Present ({count}):* {organizations}"
)
MINUTES_PRESENT_NONE = Msg("*Närvarande:* ingen registrerad", "*Present:* none recorded")
MINUTES_ITEM = Msg("*{item}*", "*{item}*")
MINUTES_DECISIONS_HEADER = Msg("*Beslut*", "*Decisions*")
MINUTES_NEW_ACTIONS = Msg("*Åtgärder från mötet*", "*Actions from the meeting*")
MINUTES_ACTION_LINE = Msg(
    "• #{id} {title} ({organizations}), klart senast {due} · {status}",
    "• #{id} {title} ({organizations}), due by {due} · {status}",
)
MINUTES_FALLBACK = Msg("Minnesanteckningar från {title} {when}", "Minutes of {title} {when}")
MINUTES_NOT_ENDED = Msg(
    "Minnesanteckningar kan skrivas först när mötet är slut. Inget har ändrats.",
    "Minutes can be written only once the meeting is over. Nothing was changed.",
)
MINUTES_CANCELLED = Msg(
    "Mötet är inställt eller blev inte av, så det har inga minnesanteckningar.",
    "The meeting was cancelled or not held, so it has no minutes.",
)
MINUTES_NOT_FOUND = Msg(
    "De minnesanteckningarna finns inte längre. Se `/samverkan protokoll`.",
    "Those minutes no longer exist. See `/samverkan minutes`.",
)
FOLLOWUP_MINUTES = Msg(
    "Skriv också minnesanteckningarna, med beslut och nya åtgärder; de publiceras i tråden "
    "under kallelsen.",
    "Also write the minutes, with decisions and new actions; they are posted in the thread of "
    "the call.",
)
BUTTON_MINUTES = Msg("Minnesanteckningar", "Minutes")
BUTTON_MORE_ACTIONS = Msg("Ny åtgärd från mötet", "New action from the meeting")
BUTTON_MINUTES_SHOW = Msg("Visa minnesanteckningarna", "Show the minutes")
BUTTON_NOT_HELD = Msg("Mötet blev inte av", "The meeting was not held")
NOT_HELD_CONFIRM_TITLE = Msg("Blev mötet inte av?", "Was the meeting not held?")
NOT_HELD_CONFIRM_TEXT = Msg(
    "Mötet räknas då som inställt överallt: i närvaron, statusrapporten och exporten.",
    "The meeting then counts as cancelled everywhere: in attendance, the summary and the export.",
)
NOT_HELD_CONFIRM_YES = Msg("Ja, det blev inte av", "Yes, not held")
NOT_HELD_DONE = Msg(
    "*{title}* {when} är markerat som inte genomfört och räknas nu som inställt.",
    "*{title}* {when} is marked as not held and now counts as cancelled.",
)
NOT_HELD_HAS_MINUTES = Msg(
    "Mötet har minnesanteckningar, så det hölls. Inget har ändrats.",
    "The meeting has minutes, so it was held. Nothing was changed.",
)
MINUTES_LIST_HEADER = Msg("Minnesanteckningar", "Minutes")
MINUTES_LIST_EMPTY = Msg("Inga minnesanteckningar än.", "No minutes yet.")
MINUTES_LIST_ITEM = Msg(
    "*{title}* {when} · {decisions} · {actions}", "*{title}* {when} · {decisions} · {actions}"
)
ACTIONS_COUNT = Count(
    one=Msg("{count} åtgärd", "{count} action"),
    other=Msg("{count} åtgärder", "{count} actions"),
    zero=Msg("inga åtgärder", "no actions"),
)
MINUTES_MISSING = Msg("*Möten utan minnesanteckningar*", "*Meetings without minutes*")
MINUTES_MISSING_ITEM = Msg("*{title}* {when}", "*{title}* {when}")
MINUTES_LIST_MORE = Msg(
    "Äldre minnesanteckningar finns i exporten (`/samverkan export`).",
    "Older minutes are in the export (`/samverkan export`).",
)

# --- the next call ------------------------------------------------------------------------

CALL_PREVIOUS = Msg(
    "*Förra mötets minnesanteckningar* ({when}), med {decisions} och {actions}, ligger i tråden "
    "under förra kallelsen.",
    "*The last meeting's minutes* ({when}), with {decisions} and {actions}, are in the thread of "
    "the last call.",
)
DECISIONS_COUNT = Count(
    one=Msg("{count} beslut", "{count} decision"),
    other=Msg("{count} beslut", "{count} decisions"),
    zero=Msg("inga beslut", "no decisions"),
)
NEW_ACTIONS_COUNT = Count(
    one=Msg("{count} ny åtgärd", "{count} new action"),
    other=Msg("{count} nya åtgärder", "{count} new actions"),
    zero=Msg("inga nya åtgärder", "no new actions"),
)
CALL_ACTIONS = Msg("*Åtgärder att följa upp ({count})*", "*Actions to follow up ({count})*")
CALL_ACTION_ITEM = Msg(
    "• #{id} {title} ({organizations}), klart senast {due}{late}",
    "• #{id} {title} ({organizations}), due by {due}{late}",
)
CALL_ACTION_LATE = Msg(" · :warning: *försenad*", " · :warning: *overdue*")
CALL_ACTIONS_MORE = Msg(
    "… och {count} till: `/samverkan åtgärder`.", "… and {count} more: `/samverkan actions`."
)

# --- the status summary -------------------------------------------------------------------

SUMMARY_TITLE = Msg("*6. Åtgärder och beslut*", "*6. Actions and decisions*")
SUMMARY_FIGURES = Msg(
    "Under perioden: planerade {planned}, klara {done}, avbrutna {cancelled}. Öppna nu: {open}, varav försenade {overdue}.",
    "In the period: planned {planned}, done {done}, cancelled {cancelled}. Open now: {open}, of which overdue {overdue}.",
)
SUMMARY_BY_ORGANIZATION = Msg(
    "Per organisation (planerade / klara / avbrutna / försenade nu):",
    "Per organisation (planned / done / cancelled / overdue now):",
)
SUMMARY_ORG_LINE = Msg(
    "• {organization}: {planned} / {done} / {cancelled} / {overdue}",
    "• {organization}: {planned} / {done} / {cancelled} / {overdue}",
)
SUMMARY_OLDEST = Msg("Äldsta försenade:", "Oldest overdue:")
SUMMARY_OLD_LINE = Count(
    one=Msg(
        "• #{id} {title} ({organizations}): klart senast {due}, försenad {days} dag",
        "• #{id} {title} ({organizations}): due by {due}, {days} day late",
    ),
    other=Msg(
        "• #{id} {title} ({organizations}): klart senast {due}, försenad {days} dagar",
        "• #{id} {title} ({organizations}): due by {due}, {days} days late",
    ),
    by="days",
)
SUMMARY_NONE = Msg("Inga åtgärder under perioden.", "No actions in the period.")

# --- the export ---------------------------------------------------------------------------

SHEET_ACTIONS = Msg("Åtgärder", "Actions")
SHEET_HISTORY = Msg("Åtgärdshistorik", "Action history")
SHEET_MINUTES = Msg("Minnesanteckningar", "Minutes")
COL_ID = Msg("Nr", "No.")
COL_TITLE = Msg("Åtgärd", "Action")
COL_DESCRIPTION = Msg("Beskrivning", "Description")
COL_KIND = Msg("Typ", "Kind")
COL_STATUS = Msg("Status", "Status")
COL_ORGANIZATIONS = Msg("Ansvariga", "Responsible")
COL_DUE = Msg("Klart senast", "Due by")
COL_OVERDUE = Msg("Försenad", "Overdue")
COL_NEEDS = Msg("Behov", "Needs")
COL_MEETING = Msg("Möte", "Meeting")
COL_CREATED = Msg("Skapad", "Created")
COL_CLOSED = Msg("Avslutad", "Closed")
COL_REASON = Msg("Skäl (avbruten)", "Reason (cancelled)")
COL_ACTION = Msg("Åtgärd nr", "Action no.")
COL_AT = Msg("När", "When")
COL_EVENT = Msg("Händelse", "Event")
COL_NEW_DUE = Msg("Nytt slutdatum", "New due date")
COL_NOTE = Msg("Anteckning", "Note")
COL_BY = Msg("Av", "By")
COL_DATE = Msg("Mötesdatum", "Meeting date")
COL_PART = Msg("Del", "Part")
COL_ITEM = Msg("Punkt", "Item")
COL_TEXT = Msg("Text", "Text")
PART_PRESENT = Msg("Närvarande", "Present")
PART_NOTE = Msg("Anteckning", "Note")
PART_DECISION = Msg("Beslut", "Decision")
YES = Msg("ja", "yes")
NO = Msg("nej", "no")
