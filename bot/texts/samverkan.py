"""Texts of the umbrella command /samverkan and of the App Home."""

from bot.texts import Count, Msg

HELP_HEADER = Msg(
    "*`/samverkan`: {name}*\nSamverkansbot stöttar samverkans vardag. Det här kan du göra:",
    "*`/samverkan`: {name}*\nSamverkansbot supports the collaboration's day-to-day. You can:",
)
HELP_ORGANIZATION = Msg(
    "• `/samverkan organisation`: se vilken organisation du företräder, eller be om att få "
    "företräda en (samverkansledare ser och ändrar här vem som företräder vilken organisation).",
    "• `/samverkan organisation`: see the organisation you represent, or ask to represent one "
    "(coordinators see and change here who represents which organisation).",
)
HELP_HELP = Msg("• `/samverkan hjälp`: den här hjälpen.", "• `/samverkan help`: this help.")
HELP_OTHER_COMMANDS = Msg(
    "Se också `/behov hjälp` och `/utbildning hjälp`.",
    "See also `/behov help` and `/utbildning help`.",
)
UNKNOWN_SUBCOMMAND = Msg("Jag känner inte igen `{word}`.", "I do not recognise `{word}`.")
ORGANIZATION_TITLE = Msg("Din organisation", "Your organisation")
ORGANIZATION_LABEL = Msg("Organisation du företräder", "Organisation you represent")
ORGANIZATION_INTRO = Msg(
    "Vi hittade ingen organisation för din e-postadress. Välj den organisation du företräder i "
    "samverkan. En samverkansledare tar ställning till din begäran. Till dess kan du svara på "
    "utvärderingar som skickas till dig, men inte använda samverkans övriga funktioner.",
    "We found no organisation for your e-mail address. Choose the organisation you represent in "
    "the collaboration. A coordinator will consider your request. Until then you can answer "
    "evaluations sent to you, but not use the collaboration's other functions.",
)
ORGANIZATION_INTRO_PENDING = Msg(
    "Din begäran att få företräda *{organization}* väntar på beslut av en samverkansledare. "
    "Har du valt fel, välj rätt organisation nedan; den tidigare begäran tas då bort.",
    "Your request to represent *{organization}* is waiting for a coordinator's decision. "
    "If you chose the wrong one, choose the right organisation below; the earlier request is "
    "then withdrawn.",
)
ORGANIZATION_SUBMIT = Msg("Skicka begäran", "Send request")
ORGANIZATION_FROM_EMAIL = Msg(
    "Du företräder *{organization}* (enligt din e-postadress). Stämmer det inte? Kontakta en "
    "samverkansledare.",
    "You represent *{organization}* (from your e-mail address). Not right? Contact a coordinator.",
)
ORGANIZATION_FROM_CONFIG = Msg(
    "Du företräder *{organization}* (enligt samverkans konfiguration). Stämmer det inte? "
    "Kontakta en samverkansledare.",
    "You represent *{organization}* (from the collaboration's configuration). Not right? "
    "Contact a coordinator.",
)
ORGANIZATION_FROM_APPROVAL = Msg(
    "Du företräder *{organization}* (godkänt av en samverkansledare). Stämmer det inte? "
    "Kontakta en samverkansledare.",
    "You represent *{organization}* (approved by a coordinator). Not right? Contact a coordinator.",
)
ORGANIZATION_REQUESTED = Msg(
    "Tack. Din begäran att få företräda *{organization}* har skickats till samverkansledarna, "
    "och du får besked här när de har tagit ställning. Till dess kan du svara på utvärderingar "
    "som skickas till dig, men inte använda samverkans övriga funktioner.",
    "Thank you. Your request to represent *{organization}* has been sent to the coordinators, "
    "and you will hear from them here. Until then you can answer evaluations sent to you, but "
    "not use the collaboration's other functions.",
)
ORGANIZATION_ALREADY_REQUESTED = Msg(
    "Din begäran att få företräda *{organization}* väntar redan på beslut. Du får besked här när "
    "en samverkansledare har tagit ställning.",
    "Your request to represent *{organization}* is already waiting for a decision. You will "
    "hear here when a coordinator has decided.",
)

# --- the coordinators' side: requests, decisions, revocations -------------------------------
REQUEST_CARD = Msg(
    ":bust_in_silhouette: <@{user}> ber om att få företräda *{organization}* i samverkan. "
    "Personens e-postadress hör inte till någon av samverkans organisationer, så begäran ger "
    "ingen behörighet förrän en samverkansledare har godkänt den. Godkänn bara om du vet att "
    "personen arbetar där.",
    ":bust_in_silhouette: <@{user}> asks to represent *{organization}* in the collaboration. "
    "Their e-mail address belongs to none of the collaboration's organisations, so the request "
    "gives no rights until a coordinator approves it. Approve only if you know they work there.",
)
REQUEST_CARD_DECIDED = Msg(
    ":bust_in_silhouette: <@{user}> bad om att få företräda *{organization}* i samverkan.",
    ":bust_in_silhouette: <@{user}> asked to represent *{organization}* in the collaboration.",
)
REQUEST_APPROVED_BY = Msg(
    ":white_check_mark: Godkänd av <@{by}> {date}.",
    ":white_check_mark: Approved by <@{by}> {date}.",
)
REQUEST_DECLINED_BY = Msg(":x: Avböjd av <@{by}> {date}.", ":x: Declined by <@{by}> {date}.")
REQUEST_REPLACED = Msg(
    ":leftwards_arrow_with_hook: Ersatt av en ny begäran {date}.",
    ":leftwards_arrow_with_hook: Replaced by a new request on {date}.",
)
BUTTON_APPROVE = Msg("Godkänn", "Approve")
BUTTON_DECLINE = Msg("Avböj", "Decline")
BUTTON_REVOKE = Msg("Återkalla", "Revoke")
REVOKE_CONFIRM_TITLE = Msg("Återkalla behörigheten?", "Revoke the membership?")
REVOKE_CONFIRM_TEXT = Msg(
    "Personen företräder då inte längre {organization} i samverkan och får besked om det.",
    "They will no longer represent {organization} in the collaboration, and will be told so.",
)
REVOKE_CONFIRM_YES = Msg("Återkalla", "Revoke")
APPROVED_DONE = Msg(
    "Godkänt: <@{user}> företräder nu *{organization}*. Personen har fått besked.",
    "Approved: <@{user}> now represents *{organization}*. They have been told.",
)
DECLINED_DONE = Msg(
    "Avböjt: <@{user}> företräder inte *{organization}*. Personen har fått besked.",
    "Declined: <@{user}> does not represent *{organization}*. They have been told.",
)
REVOKED_DONE = Msg(
    "Återkallat: <@{user}> företräder inte längre *{organization}*. Personen har fått besked.",
    "Revoked: <@{user}> no longer represents *{organization}*. They have been told.",
)
DECISION_APPROVED = Msg(
    "Din begäran är godkänd: du företräder nu *{organization}* i {collaboration}. Skriv "
    "`/samverkan hjälp` för att se vad du kan göra.",
    "Your request is approved: you now represent *{organization}* in {collaboration}. Type "
    "`/samverkan help` to see what you can do.",
)
DECISION_DECLINED = Msg(
    "Din begäran att få företräda *{organization}* i {collaboration} har inte godkänts. Har du "
    "frågor, kontakta en samverkansledare.",
    "Your request to represent *{organization}* in {collaboration} has not been approved. If "
    "you have questions, contact a coordinator.",
)
REVOKED_NOTICE = Msg(
    "En samverkansledare har återkallat din behörighet att företräda *{organization}* i "
    "{collaboration}. Har du frågor, kontakta en samverkansledare. Du kan be om att få "
    "företräda en organisation igen med `/samverkan organisation`.",
    "A coordinator has revoked your membership of *{organization}* in {collaboration}. If you "
    "have questions, contact a coordinator. You can ask to represent an organisation again "
    "with `/samverkan organisation`.",
)
REQUEST_NOT_FOUND = Msg(
    "Begäran finns inte längre; inget är ändrat.",
    "The request no longer exists; nothing was changed.",
)
REQUEST_ALREADY_DECIDED = Msg(
    "Begäran från <@{user}> är redan hanterad ({status}); inget är ändrat.",
    "The request from <@{user}> has already been handled ({status}); nothing was changed.",
)
STATUS_APPROVED = Msg("godkänd", "approved")
STATUS_DECLINED = Msg("avböjd", "declined")
STATUS_CANCELLED = Msg("ersatt av en ny begäran", "replaced by a new request")
REVOKE_CONFIGURED = Msg(
    "<@{user}> företräder *{organization}* enligt samverkans konfiguration. Ta bort personen ur "
    "`members` under organisationen i konfigurationsfilen och starta om boten.",
    "<@{user}> represents *{organization}* by the collaboration's configuration. Remove them "
    "from `members` under the organisation in the configuration file and restart the bot.",
)
REVOKE_STALE = Msg(
    "<@{user}> företräder inte *{organization}* längre; inget är ändrat.",
    "<@{user}> no longer represents *{organization}*; nothing was changed.",
)

# --- the coordinators' overview ---------------------------------------------------------------
OVERVIEW_HEADER = Msg("Vem företräder vilken organisation", "Who represents which organisation")
OVERVIEW_PENDING = Msg("*Begäranden som väntar på beslut*", "*Requests waiting for a decision*")
OVERVIEW_NO_PENDING = Msg("Inga begäranden väntar på beslut.", "No requests are waiting.")
OVERVIEW_REQUEST = Msg(
    "<@{user}> vill företräda *{organization}* (sedan {date})",
    "<@{user}> asks to represent *{organization}* (since {date})",
)
OVERVIEW_MEMBERS = Msg(
    "*Företrädare per organisation*, och varifrån uppgiften kommer",
    "*Members per organisation*, and where that comes from",
)
OVERVIEW_MEMBER = Msg("<@{user}> · {source}", "<@{user}> · {source}")
OVERVIEW_WITHOUT = Msg(
    "Ingen känd företrädare ännu: {organizations}.", "No known member yet: {organizations}."
)
SOURCE_EMAIL = Msg("e-postadress", "e-mail address")
SOURCE_CONFIG = Msg("konfigurationen", "the configuration")
SOURCE_APPROVAL = Msg("godkänd av en samverkansledare", "approved by a coordinator")
SOURCE_APPROVED_BY = Msg("godkänd av <@{by}>", "approved by <@{by}>")
WAITING_NOTICE = Count(
    one=Msg(
        ":hourglass_flowing_sand: *{count} begäran att få företräda en organisation väntar på beslut.* Förut räckte det att själv välja organisation; nu ger ett sådant val ingen behörighet förrän en samverkansledare har godkänt det. Till dess kan personerna bara svara på utvärderingar.\n{lines}\nGodkänn eller avböj med `/samverkan organisation`.",
        ":hourglass_flowing_sand: *{count} request to represent an organisation is waiting for a decision.* Choosing an organisation oneself used to be enough; now such a choice gives no rights until a coordinator approves it. Until then they can only answer evaluations.\n{lines}\nApprove or decline with `/samverkan organisation`.",
    ),
    other=Msg(
        ":hourglass_flowing_sand: *{count} begäranden att få företräda en organisation väntar på beslut.* Förut räckte det att själv välja organisation; nu ger ett sådant val ingen behörighet förrän en samverkansledare har godkänt det. Till dess kan personerna bara svara på utvärderingar.\n{lines}\nGodkänn eller avböj med `/samverkan organisation`.",
        ":hourglass_flowing_sand: *{count} requests to represent an organisation are waiting for a decision.* Choosing an organisation oneself used to be enough; now such a choice gives no rights until a coordinator approves it. Until then they can only answer evaluations.\n{lines}\nApprove or decline with `/samverkan organisation`.",
    ),
)
WAITING_LINE = Msg(
    "• <@{user}> vill företräda *{organization}*", "• <@{user}> asks to represent *{organization}*"
)
WAITING_MORE = Msg("• … och {count} till", "• … and {count} more")

HOME_HEADER = Msg("Samverkansbot: {name}", "Samverkansbot: {name}")
HOME_WHO = Msg("Du företräder *{organization}*{roles}.", "You represent *{organization}*{roles}.")
HOME_NO_ORGANIZATION = Msg(
    "Vi vet inte vilken organisation du företräder. Skriv `/samverkan organisation`.",
    "We do not know which organisation you represent. Type `/samverkan organisation`.",
)
HOME_ROLE_COORDINATOR = Msg("samverkansledare", "coordinator")
HOME_ROLE_OWNER = Msg("samverkansägare", "owner")
HOME_ROLE_COMMUNICATOR = Msg("kommunikatör", "communicator")
HOME_ROLES = Msg(" · roll: {roles}", " · role: {roles}")
HOME_NEEDS = Msg("*Öppna behov från din organisation*", "*Open needs from your organisation*")
HOME_NEEDS_ALL = Msg("*Nya behov att ta ställning till*", "*New needs to consider*")
HOME_NO_NEEDS = Msg("Inga öppna behov.", "No open needs.")
HOME_NO_NEW_NEEDS = Msg("Inga nya behov att ta ställning till.", "No new needs to consider.")
HOME_NEEDS_MORE = Msg(
    "… och {count} till. Se alla med `/behov lista`.",
    "… and {count} more. See them all with `/behov list`.",
)
HOME_NEEDS_UNDER_WAY = Count(
    one=Msg(
        "1 behov till är öppet och på gång ({statuses}). Se alla med `/behov lista`.",
        "1 more need is open and under way ({statuses}). See them all with `/behov list`.",
    ),
    other=Msg(
        "{count} behov till är öppna och på gång ({statuses}). Se alla med `/behov lista`.",
        "{count} more needs are open and under way ({statuses}). See them all with `/behov list`.",
    ),
    zero=Msg("Inga andra behov är öppna.", "No other needs are open."),
)
HOME_NEW_NEED = Msg("Nytt behov", "New need")

HELP_AUDIT = Msg(
    "• `/samverkan logg`: vem gjorde vad (bara för samverkansledare).",
    "• `/samverkan log`: who did what (coordinators only).",
)
AUDIT_HEADER = Msg("Logg: vem gjorde vad", "Log: who did what")
AUDIT_HEADER_FILTERED = Msg("Logg: {filter}", "Log: {filter}")
AUDIT_EMPTY = Msg("Loggen är tom.", "The log is empty.")
AUDIT_NONE_FOUND = Msg(
    "Inget i loggen stämmer med det du skrev.", "Nothing in the log matches what you wrote."
)
AUDIT_NOBODY = Msg(
    "Ingen person eller organisation i loggen heter ”{name}”. Skriv en del av ett namn, ett "
    "nummer (`#12`) eller ett datum (`2027-01-12` eller `2027-01`).",
    "No person or organisation in the log is called “{name}”. Write part of a name, a number "
    "(`#12`) or a date (`2027-01-12` or `2027-01`).",
)
AUDIT_FOOTER = Count(
    one=Msg(
        "Den senaste händelsen. Filtrera: `/samverkan logg Anna`, `/samverkan logg #12`, `/samverkan logg 2027-01-12`.",
        "The latest event. Filter: `/samverkan log Anna`, `/samverkan log #12`, `/samverkan log 2027-01-12`.",
    ),
    other=Msg(
        "De senaste {count} händelserna, nyaste först. Filtrera: `/samverkan logg Anna`, `/samverkan logg #12`, `/samverkan logg 2027-01-12`.",
        "The latest {count} events, newest first. Filter: `/samverkan log Anna`, `/samverkan log #12`, `/samverkan log 2027-01-12`.",
    ),
)
AUDIT_LINE = Msg("`{at}` {said}{changes}", "`{at}` {said}{changes}")
CHANGE = Msg("{field} {old} → {new}", "{field} {old} → {new}")
CHANGE_SET = Msg("{field}: {new}", "{field}: {new}")
ACTOR_WITH_ORGANIZATION = Msg("{name} ({organization})", "{name} ({organization})")
ACTOR_BOT = Msg("Samverkansbot", "Samverkansbot")
ACTOR_OPERATOR = Msg("Den som driftar boten", "The bot's operator")
ACTOR_ERASED = Msg("En raderad person", "An erased person")

AUDIT_NEED_CREATED = Msg(
    "{actor} lämnade behov #{number} ”{label}”", "{actor} submitted need #{number} “{label}”"
)
AUDIT_NEED_EDITED = Msg(
    "{actor} ändrade behov #{number} ”{label}”", "{actor} edited need #{number} “{label}”"
)
AUDIT_NEED_WITHDRAWN = Msg(
    "{actor} drog tillbaka behov #{number} ”{label}”",
    "{actor} withdrew need #{number} “{label}”",
)
AUDIT_NEED_DECLINED = Msg(
    "{actor} avböjde behov #{number} ”{label}”", "{actor} declined need #{number} “{label}”"
)
AUDIT_NEED_MOVED = Msg(
    "{actor} ändrade status för behov #{number} ”{label}”",
    "{actor} changed the status of need #{number} “{label}”",
)
AUDIT_NEED_REOPENED = Msg(
    "{actor} öppnade behov #{number} ”{label}” igen",
    "{actor} reopened need #{number} “{label}”",
)
AUDIT_MEETING_MOVED = Msg("{actor} flyttade {label}", "{actor} moved {label}")
AUDIT_MEETING_CANCELLED = Msg("{actor} ställde in {label}", "{actor} cancelled {label}")
AUDIT_MEETING_INVITED = Msg(
    "{actor} bjöd in kommunikatören till {label}", "{actor} invited the communicator to {label}"
)
AUDIT_MEETING_ATTENDANCE = Msg(
    "{actor} förde närvaron för {label}", "{actor} recorded the attendance of {label}"
)
AUDIT_MEETING_CONFIRMED = Msg(
    "{actor} bekräftade att {label} hölls", "{actor} confirmed that {label} was held"
)
AUDIT_MEETING_NOT_HELD = Msg(
    "{actor} noterade att {label} inte blev av", "{actor} noted that {label} did not take place"
)
AUDIT_MEETING_CONTACTS = Msg(
    "{actor} ändrade arbetsgruppens kontaktpersoner ({detail})",
    "{actor} changed the working group's contact persons ({detail})",
)
AUDIT_SERIES_CREATED = Msg(
    "{actor} skapade mötesserien ”{detail}”", "{actor} created the meeting series “{detail}”"
)
AUDIT_SERIES_CHANGED = Msg(
    "{actor} ändrade mötesserien ”{detail}”", "{actor} changed the meeting series “{detail}”"
)
AUDIT_SERIES_PAUSED = Msg(
    "{actor} pausade mötesserie nr {number}", "{actor} paused meeting series no. {number}"
)
AUDIT_SERIES_RESUMED = Msg(
    "{actor} återupptog mötesserie nr {number}", "{actor} resumed meeting series no. {number}"
)
AUDIT_TRAINING_CREATED = Msg(
    "{actor} registrerade utbildning #{number} ”{label}”",
    "{actor} registered training #{number} “{label}”",
)
AUDIT_TRAINING_REPORTED = Msg(
    "{actor} återrapporterade utbildning #{number} ”{label}”",
    "{actor} reported back training #{number} “{label}”",
)
AUDIT_TRAINING_EVALUATION_SENT = Msg(
    "{actor} skickade utvärderingen av utbildning #{number} ”{label}” i förväg",
    "{actor} sent the evaluation of training #{number} “{label}” early",
)
AUDIT_INDICATOR_RECORDED = Msg(
    "{actor} registrerade ett indikatorvärde: {label}",
    "{actor} recorded an indicator value: {label}",
)
AUDIT_INDICATOR_CORRECTED = Msg(
    "{actor} rättade ett indikatorvärde: {label}", "{actor} corrected an indicator value: {label}"
)
AUDIT_INDICATOR_ADDED = Msg(
    "{actor} lade till indikatorn ”{label}”", "{actor} added the indicator “{label}”"
)
AUDIT_EXPORT = Msg("{actor} tog ut exporten {label}", "{actor} took out the export {label}")
AUDIT_SUMMARY_PUBLISHED = Msg(
    "{actor} publicerade statusrapporten i ägarnas kanal",
    "{actor} published the status summary to the owners' channel",
)
AUDIT_ORGANIZATION_CHOSEN = Msg(
    "{actor} valde vilken organisation hen företräder",
    "{actor} chose the organisation they represent",
)
AUDIT_RETENTION = Msg(
    "{actor} gallrade gamla uppgifter enligt reglerna ({detail})",
    "{actor} removed old data as the rules say ({detail})",
)
AUDIT_ERASE_USER = Msg(
    "{actor} raderade uppgifterna om en person ({detail})",
    "{actor} erased what was stored about a person ({detail})",
)
AUDIT_OTHER = Msg("{actor}: {label}", "{actor}: {label}")

FIELD_STATUS = Msg("status", "status")
FIELD_ORGANIZATION = Msg("organisation", "organisation")
FIELD_TITLE = Msg("rubrik", "title")
FIELD_DESCRIPTION = Msg("beskrivning", "description")
FIELD_FOCUS = Msg("fokusområde", "focus area")
FIELD_MUNICIPALITIES = Msg("kommuner", "municipalities")
FIELD_URGENCY = Msg("brådska", "urgency")
FIELD_SUPPORT = Msg("önskat stöd", "support wanted")
FIELD_REASON = Msg("skäl", "reason")
FIELD_START = Msg("tid", "time")
FIELD_ATTENDANCE = Msg("närvarande", "present")
FIELD_VALUE = Msg("värde", "value")
FIELD_SOURCE = Msg("källa", "source")
FIELD_NOTE = Msg("anteckning", "note")
FIELD_UNIT = Msg("enhet", "unit")
MEETING_SCHEDULED = Msg("Planerat", "Planned")
MEETING_HELD = Msg("Hållet", "Held")
MEETING_UNCONFIRMED = Msg("Inte uppföljt", "Not followed up")
MEETING_CANCELLED = Msg("Inställt", "Cancelled")
MEETING_DROPPED = Msg("Struket", "Dropped")
