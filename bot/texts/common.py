"""Texts shared by every surface."""

from bot.texts import Count, Msg

TEMPORARY_ERROR = Msg(
    "Något gick fel hos oss just nu, och inget har sparats. Försök igen om en stund.",
    "Something went wrong on our side just now, and nothing was saved. Please try again shortly.",
)
DATABASE_DOWN = Msg(
    "Samverkansbot kan inte nå sin databas just nu. Inget har sparats; försök igen om en stund.",
    "Samverkansbot cannot reach its database just now. Nothing was saved; please try again shortly.",
)
UNSURE_IF_SAVED = Msg(
    "Något gick fel hos oss innan vi hann svara dig, och det är inte säkert om det du gjorde "
    "sparades. Titta efter innan du försöker igen.",
    "Something went wrong on our side before we could answer you, and what you did may or may "
    "not have been saved. Please check before you try again.",
)
TRIGGER_EXPIRED = Msg(
    "Formuläret hann inte öppnas (Slack gav oss för kort tid). Skriv kommandot igen.",
    "The form could not be opened in time (Slack's window closed). Please type the command again.",
)
NOT_ALLOWED = Msg(
    "Det här får bara {who} göra. Inget har ändrats.",
    "Only {who} can do this. Nothing was changed.",
)
WHO_COORDINATORS = Msg("samverkansledarna", "the coordinators")
WHO_OWN_ORGANIZATION = Msg(
    "samverkansledarna och den egna organisationen",
    "the coordinators and the organisation itself",
)
WHO_COORDINATORS_AND_OWNERS = Msg(
    "samverkansledarna och samverkansägarna", "the coordinators and the owners"
)
NO_ORGANIZATION = Msg(
    "Vi vet inte vilken organisation du företräder. Be om att få företräda den med "
    "`/samverkan organisation`; när en samverkansledare har godkänt det kommer du åt det här.",
    "We do not know which organisation you represent. Ask to represent it with "
    "`/samverkan organisation`; once a coordinator has approved, you get access to this.",
)
CANCEL = Msg("Avbryt", "Cancel")
LOADING = Msg(
    ":hourglass_flowing_sand: Hämtar formuläret …", ":hourglass_flowing_sand: Loading the form …"
)
CLOSE = Msg("Stäng", "Close")
SAVE = Msg("Spara", "Save")
SEND = Msg("Skicka", "Send")
IDENTITY_NUMBER = Msg(
    "Det här ser ut som ett personnummer eller samordningsnummer: {found}. Samverkan hanterar "
    "bara öppen information, så ta bort numret och försök igen. Är det något annat, till exempel "
    "ett datum och ett klockslag, skriv det på ett annat sätt (2026-01-01 kl. 08.00).",
    "This looks like a Swedish personal identity or coordination number: {found}. The "
    "collaboration only handles open information, so remove the number and try again. If it is "
    "something else, such as a date and a time, write it another way (2026-01-01 at 08:00).",
)
REQUIRED = Msg("Fyll i det här fältet.", "Please fill in this field.")
TOO_LONG = Count(
    one=Msg(
        "Högst {limit} tecken (nu {length}).",
        "At most {limit} character (now {length}).",
    ),
    other=Msg(
        "Högst {limit} tecken (nu {length}).",
        "At most {limit} characters (now {length}).",
    ),
    by="limit",
)
TOO_SHORT = Count(
    one=Msg(
        "Minst {limit} tecken (nu {length}).",
        "At least {limit} character (now {length}).",
    ),
    other=Msg(
        "Minst {limit} tecken (nu {length}).",
        "At least {limit} characters (now {length}).",
    ),
    by="limit",
)
CHOOSE_ONE = Msg("Välj ett alternativ.", "Please choose an option.")
UNKNOWN_CHOICE = Msg(
    "Det valet finns inte längre; välj igen.", "That choice no longer exists; please choose again."
)
BAD_REQUEST = Msg(
    "Det där kunde Samverkansbot inte läsa, så inget har ändrats. Försök igen, eller skriv "
    "`/samverkan hjälp`.",
    "Samverkansbot could not read that, so nothing was changed. Please try again, or type "
    "`/samverkan help`.",
)
UNKNOWN_COMMAND = Msg(
    "Kommandot {command} känner Samverkansbot inte till. Skriv `/samverkan hjälp` för att se "
    "vad som finns.",
    "Samverkansbot does not know the command {command}. Type `/samverkan help` to see what "
    "there is.",
)
STALE_BUTTON = Msg(
    "Den här knappen fungerar inte längre, så inget har ändrats. Öppna meddelandet eller "
    "listan på nytt och försök igen.",
    "This button no longer works, so nothing was changed. Open the message or the list again "
    "and try once more.",
)
UNKNOWN_FORM = Msg(
    "Det här formuläret känns inte igen, så inget har sparats. Stäng det och öppna det på nytt.",
    "This form is not recognised, so nothing was saved. Close it and open it again.",
)
