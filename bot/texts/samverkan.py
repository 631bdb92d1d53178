"""Texts of the umbrella command /samverkan and of the App Home."""

from bot.texts import Count, Msg

HELP_HEADER = Msg(
    "*`/samverkan`: {name}*\nSamverkansbot stöttar samverkans vardag. Det här kan du göra:",
    "*`/samverkan`: {name}*\nSamverkansbot supports the collaboration's day-to-day. You can:",
)
HELP_ORGANIZATION = Msg(
    "• `/samverkan organisation`: se eller välj vilken organisation du företräder.",
    "• `/samverkan organisation`: see or choose the organisation you represent.",
)
HELP_HELP = Msg("• `/samverkan hjälp`: den här hjälpen.", "• `/samverkan hjälp`: this help.")
HELP_OTHER_COMMANDS = Msg(
    "Se också `/behov hjälp` och `/utbildning hjälp`.",
    "See also `/behov hjälp` and `/utbildning hjälp`.",
)
UNKNOWN_SUBCOMMAND = Msg("Jag känner inte igen `{word}`.", "I do not recognise `{word}`.")
ORGANIZATION_TITLE = Msg("Din organisation", "Your organisation")
ORGANIZATION_LABEL = Msg("Organisation du företräder", "Organisation you represent")
ORGANIZATION_INTRO = Msg(
    "Vi hittade ingen organisation för din e-postadress. Välj den organisation du företräder i "
    "samverkan; valet sparas.",
    "We found no organisation for your e-mail address. Choose the organisation you represent in "
    "the collaboration; your choice is remembered.",
)
ORGANIZATION_FROM_EMAIL = Msg(
    "Du företräder *{organization}* (enligt din e-postadress). Stämmer det inte? Kontakta en "
    "samverkansledare.",
    "You represent *{organization}* (from your e-mail address). Not right? Contact a coordinator.",
)
ORGANIZATION_SAVED = Msg(
    "Sparat: du företräder nu *{organization}*.", "Saved: you now represent *{organization}*."
)

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
    "… and {count} more. See them all with `/behov lista`.",
)
HOME_NEEDS_UNDER_WAY = Count(
    Msg("Inga andra behov är öppna.", "No other needs are open."),
    Msg(
        "1 behov till är öppet och på gång ({statuses}). Se alla med `/behov lista`.",
        "1 more need is open and under way ({statuses}). See them all with `/behov lista`.",
    ),
    Msg(
        "{count} behov till är öppna och på gång ({statuses}). Se alla med `/behov lista`.",
        "{count} more needs are open and under way ({statuses}). See them all with `/behov lista`.",
    ),
)
HOME_NEW_NEED = Msg("Nytt behov", "New need")

HELP_AUDIT = Msg(
    "• `/samverkan logg`: vem gjorde vad (bara för samverkansledare).",
    "• `/samverkan logg`: who did what (coordinators only).",
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
    "No person or organisation in the log is called ”{name}”. Write part of a name, a number "
    "(`#12`) or a date (`2027-01-12` or `2027-01`).",
)
AUDIT_FOOTER = Msg(
    "De senaste {count} händelserna, nyaste först. Filtrera: `/samverkan logg Anna`, "
    "`/samverkan logg #12`, `/samverkan logg 2027-01-12`.",
    "The latest {count} events, newest first. Filter: `/samverkan logg Anna`, "
    "`/samverkan logg #12`, `/samverkan logg 2027-01-12`.",
)
AUDIT_LINE = Msg("`{at}` {said}{changes}", "`{at}` {said}{changes}")
CHANGE = Msg("{field} {old} → {new}", "{field} {old} → {new}")
CHANGE_SET = Msg("{field}: {new}", "{field}: {new}")
ACTOR_WITH_ORGANIZATION = Msg("{name} ({organization})", "{name} ({organization})")
ACTOR_BOT = Msg("Samverkansbot", "Samverkansbot")
ACTOR_OPERATOR = Msg("Den som driftar boten", "The bot's operator")
ACTOR_ERASED = Msg("En raderad person", "An erased person")

AUDIT_NEED_CREATED = Msg(
    "{actor} lämnade behov #{number} ”{label}”", "{actor} submitted need #{number} ”{label}”"
)
AUDIT_NEED_EDITED = Msg(
    "{actor} ändrade behov #{number} ”{label}”", "{actor} edited need #{number} ”{label}”"
)
AUDIT_NEED_WITHDRAWN = Msg(
    "{actor} drog tillbaka behov #{number} ”{label}”",
    "{actor} withdrew need #{number} ”{label}”",
)
AUDIT_NEED_DECLINED = Msg(
    "{actor} avböjde behov #{number} ”{label}”", "{actor} declined need #{number} ”{label}”"
)
AUDIT_NEED_MOVED = Msg(
    "{actor} flyttade behov #{number} ”{label}”", "{actor} moved need #{number} ”{label}”"
)
AUDIT_NEED_REOPENED = Msg(
    "{actor} öppnade behov #{number} ”{label}” igen",
    "{actor} reopened need #{number} ”{label}”",
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
    "{actor} skapade mötesserien ”{detail}”", "{actor} created the meeting series ”{detail}”"
)
AUDIT_SERIES_CHANGED = Msg(
    "{actor} ändrade mötesserien ”{detail}”", "{actor} changed the meeting series ”{detail}”"
)
AUDIT_SERIES_PAUSED = Msg(
    "{actor} pausade mötesserie nr {number}", "{actor} paused meeting series no. {number}"
)
AUDIT_SERIES_RESUMED = Msg(
    "{actor} återupptog mötesserie nr {number}", "{actor} resumed meeting series no. {number}"
)
AUDIT_TRAINING_CREATED = Msg(
    "{actor} registrerade utbildning #{number} ”{label}”",
    "{actor} registered training #{number} ”{label}”",
)
AUDIT_TRAINING_REPORTED = Msg(
    "{actor} återrapporterade utbildning #{number} ”{label}”",
    "{actor} reported back training #{number} ”{label}”",
)
AUDIT_TRAINING_EVALUATION_SENT = Msg(
    "{actor} skickade utvärderingen av utbildning #{number} ”{label}” i förväg",
    "{actor} sent the evaluation of training #{number} ”{label}” early",
)
AUDIT_INDICATOR_RECORDED = Msg(
    "{actor} registrerade ett indikatorvärde: {label}",
    "{actor} recorded an indicator value: {label}",
)
AUDIT_INDICATOR_CORRECTED = Msg(
    "{actor} rättade ett indikatorvärde: {label}", "{actor} corrected an indicator value: {label}"
)
AUDIT_INDICATOR_ADDED = Msg(
    "{actor} lade till indikatorn ”{label}”", "{actor} added the indicator ”{label}”"
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
