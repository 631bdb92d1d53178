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
AUDIT_EMPTY = Msg("Loggen är tom.", "The log is empty.")
AUDIT_LINE = Msg("`{at}` {actor} · {action} · {subject}", "`{at}` {actor} · {action} · {subject}")
