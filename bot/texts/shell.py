"""Texts of the terminal shell and the demo (python -m bot shell | demo)."""

from bot.texts import Count, Msg

BANNER = Msg(
    "Samverkansbot i terminalen: {name}\n"
    "Ingen Slack behövs: du skriver det du skulle skriva i Slack, och ser det boten skickar.\n"
    "Konfiguration: {config} · databas: {database} · filer sparas i: {files}\n"
    "Skriv /hjälp för skalets kommandon, /sluta för att avsluta.",
    "Samverkansbot in the terminal: {name}\n"
    "No Slack needed: type what you would type in Slack, and see what the bot sends.\n"
    "Configuration: {config} · database: {database} · files are saved in: {files}\n"
    "Type /help for the shell's commands, /quit to quit.",
)
BUILT_IN_CONFIG = Msg("inbyggd demo", "built-in demo")
HELP = Msg(
    "*Skalets kommandon*\n"
    "• `/jag <e-post>`: var en annan person, t.ex. `/jag anna@tullverket.se`; "
    "`/jag ledare`, `/jag ägare`, `/jag kommunikatör` för rollerna; `/jag` visar vem du är "
    "och vilka som finns.\n"
    "• `/tid`: visar klockan; `/tid +7d` (eller +3h, +30m) flyttar tiden framåt, "
    "`/tid 2027-01-11T08:00` till en viss tidpunkt. Det som blir aktuellt under tiden skickas, "
    "som i Slack.\n"
    "• `/hem`: öppnar din hemflik.\n"
    "• `/kanal [arbetsgrupp|ledare|ägare|dm]`: visar de senaste meddelandena i en kanal.\n"
    "• `1`, `2`, …: trycker på knappen med det numret; `/tryck <text>` trycker på knappen "
    'med den texten, t.ex. `/tryck Svara på utvärderingen`; `/tryck "Jag kommer" på '
    "Arbetsgruppsmöte` på ett visst meddelande.\n"
    "• `/webb <sökväg>`: hämtar en av botens webbadresser (t.ex. en kalender) till en fil.\n"
    "• `/sluta`: avslutar (eller Ctrl-D).\n\n"
    "*Botens kommandon*, som i Slack: `/behov`, `/behov lista`, `/utbildning`, "
    "`/samverkan hjälp`, `/samverkan status` …\n"
    "I ett formulär svarar du på en fråga i taget: Enter behåller det som står, `-` tömmer ett "
    "valfritt fält, `/avbryt` stänger formuläret. En fråga ställs högst tre gånger.\n"
    "Skalet minns databasens tid, meddelanden och knappar till nästa gång.",
    "*The shell's commands*\n"
    "• `/me <e-mail>`: be someone else, e.g. `/me anna@tullverket.se`; "
    "`/me coordinator`, `/me owner`, `/me communicator` for the roles; `/me` shows who you are "
    "and who is there.\n"
    "• `/time`: shows the time; `/time +7d` (or +3h, +30m) moves time forward, "
    "`/time 2027-01-11T08:00` to a given moment. What falls due meanwhile is sent, as in "
    "Slack.\n"
    "• `/home`: opens your Home tab.\n"
    "• `/channel [working-group|coordinators|owners|dm]`: shows a channel's latest messages.\n"
    "• `1`, `2`, …: presses the button with that number; `/press <text>` presses the button "
    'with that text, e.g. `/press Answer the evaluation`; `/press "I\'m attending" on '
    "Arbetsgruppsmöte` on a given message.\n"
    "• `/web <path>`: fetches one of the bot's web addresses (e.g. a calendar) into a file.\n"
    "• `/quit`: quits (or Ctrl-D).\n\n"
    "*The bot's commands*, as in Slack: `/behov`, `/behov list`, `/utbildning`, "
    "`/samverkan help`, `/samverkan status` …\n"
    "In a form you answer one question at a time: Enter keeps what is there, `-` empties an "
    "optional field, `/cancel` closes the form. A question is asked at most three times.\n"
    "The shell remembers the database's time, messages and buttons until next time.",
)
PROMPT = Msg("{who} · {time} › ", "{who} · {time} › ")
TYPE_A_COMMAND = Msg(
    "Skriv ett kommando som i Slack, t.ex. `/behov`, eller `/hjälp` för skalets kommandon.",
    "Type a command as in Slack, e.g. `/behov`, or `/help` for the shell's commands.",
)
COMMENT = Msg("# {text}", "# {text}")
BYE = Msg("Hej då!", "Goodbye!")

YOU_ARE = Msg(
    "Du är nu *{name}* ({email}){organization}{roles}.",
    "You are now *{name}* ({email}){organization}{roles}.",
)
ORGANIZATION_PART = Msg(", {organization}", ", {organization}")
ROLES_PART = Msg(", {roles}", ", {roles}")
NO_EMAIL = Msg("ingen e-post", "no e-mail")
PEOPLE_HEADER = Msg(
    "Personer i demon (byt med `/jag <e-post>`):",
    "People in the demo (switch with `/me <e-mail>`):",
)
PERSON_LINE = Msg("• {name} · {email}{roles}", "• {name} · {email}{roles}")
UNKNOWN_PERSON = Msg(
    "Jag hittar ingen med `{text}`. Skriv en e-postadress (då skapas personen), ett namn ur "
    "listan, eller `ledare`, `ägare`, `kommunikatör`.",
    "I find nobody called `{text}`. Type an e-mail address (the person is then created), a name "
    "from the list, or `coordinator`, `owner`, `communicator`.",
)
NO_ROLE_HOLDER = Msg(
    "Konfigurationen ger ingen rollen {role}.", "The configuration gives nobody the role {role}."
)

TIME_NOW = Msg("Klockan är {time}.", "The time is {time}.")
TIME_MOVED = Msg(
    "Tiden flyttades fram till {time}. Meddelanden som skickades under tiden: {count}.",
    "Time moved forward to {time}. Messages sent meanwhile: {count}.",
)
TIME_BAD = Msg(
    "Jag förstår inte `{text}`. Skriv t.ex. `/tid +7d`, `/tid +3h` eller `/tid 2027-01-11T08:00`.",
    "I do not understand `{text}`. Type e.g. `/time +7d`, `/time +3h` or `/time 2027-01-11T08:00`.",
)
TIME_BACKWARDS = Msg(
    "Tiden kan bara flyttas framåt (klockan är {time}).",
    "Time can only move forward (the time is {time}).",
)
TIME_TOO_FAR = Count(
    one=Msg(
        "Flytta högst {days} dag åt gången.",
        "Move at most {days} day at a time.",
    ),
    other=Msg(
        "Flytta högst {days} dagar åt gången.",
        "Move at most {days} days at a time.",
    ),
    by="days",
)
TIME_SEPARATOR = Msg("⏰ {time}", "⏰ {time}")

NOT_A_COMMAND = Msg(
    "`{command}` är inget av botens kommandon i den här versionen. Prova `/samverkan hjälp`.",
    "`{command}` is not one of the bot's commands in this version. Try `/samverkan help`.",
)
BOT_ERROR = Msg(
    "Boten svarade med ett fel (HTTP {status}); i Slack hade du sett ”Det gick inte att nå "
    "appen”. Se felet i loggen ovan.",
    'The bot answered with an error (HTTP {status}); in Slack you would have seen "could not '
    'reach the app". See the error in the log above.',
)
BUTTON_UNHANDLED = Msg(
    "Ingen i boten tar hand om den knappen; i Slack hade en varningssymbol visats.",
    "Nothing in the bot handles that button; Slack would have shown a warning sign.",
)
NO_BUTTONS = Msg(
    "Det finns inga numrerade knappar just nu. Visa en kanal med `/kanal`.",
    "There are no numbered buttons right now. Show a channel with `/channel`.",
)
NO_SUCH_BUTTON = Msg(
    "Det finns ingen knapp {number}; de senaste knapparna har nummer 1–{count}.",
    "There is no button {number}; the latest buttons are numbered 1–{count}.",
)
NO_BUTTON_NAMED = Msg(
    "Jag hittar ingen knapp med texten ”{text}”.", 'I find no button with the text "{text}".'
)
PRESS_SYNTAX = Msg(
    "Skriv `/tryck <knappens text>`, t.ex. `/tryck Svara på utvärderingen`, eller flera "
    "alternativ med `|` emellan. Knappen på ett visst meddelande: citattecken runt texten och "
    '`på`, t.ex. `/tryck "Jag kommer" på Arbetsgruppsmöte`.',
    "Type `/press <the button's text>`, e.g. `/press Answer the evaluation`, or several "
    "alternatives with `|` between them. The button on a given message: quotes around the text "
    'and `on`, e.g. `/press "I\'m attending" on Arbetsgruppsmöte`.',
)
BUTTON_GONE = Msg(
    "Knappen finns inte längre på meddelandet (det har ändrats). Visa det igen med `/kanal`.",
    "The button is no longer on the message (it has changed). Show it again with `/channel`.",
)
MESSAGE_GONE = Msg("Meddelandet finns inte längre.", "The message no longer exists.")
NOT_YOURS = Msg(
    "Det här syns bara för {name}. Byt till den personen med `/jag` för att trycka.",
    "Only {name} sees this. Switch to that person with `/me` to press it.",
)
PRESSING = Msg("Du trycker på ”{label}”.", 'You press "{label}".')
PRESS_CANCELLED = Msg("Avbrutet; inget hände.", "Cancelled; nothing happened.")
FORM_CANCELLED = Msg(
    "Formuläret stängdes utan att skickas.", "The form was closed without sending."
)
FORM_GAVE_UP = Count(
    one=Msg(
        "”{label}” fick inget svar som godtogs på {tries} försök, så formuläret stängdes utan att skickas. Öppna det igen när du vill.",
        '"{label}" got no answer that was accepted in {tries} try, so the form was closed without sending. Open it again whenever you like.',
    ),
    other=Msg(
        "”{label}” fick inget svar som godtogs på {tries} försök, så formuläret stängdes utan att skickas. Öppna det igen när du vill.",
        '"{label}" got no answer that was accepted in {tries} tries, so the form was closed without sending. Open it again whenever you like.',
    ),
    by="tries",
)
FORM_REFUSED_TOO_OFTEN = Count(
    one=Msg(
        "Boten godtog inte formuläret på {tries} försök, så det stängdes utan att skickas. Öppna det igen när du vill.",
        "The bot did not accept the form in {tries} try, so it was closed without sending. Open it again whenever you like.",
    ),
    other=Msg(
        "Boten godtog inte formuläret på {tries} försök, så det stängdes utan att skickas. Öppna det igen när du vill.",
        "The bot did not accept the form in {tries} tries, so it was closed without sending. Open it again whenever you like.",
    ),
    by="tries",
)
INTERRUPTED = Msg(
    "Avbrutet med Ctrl-C. Svara på frågan, eller skriv `/avbryt` för att stänga formuläret.",
    "Interrupted with Ctrl-C. Answer the question, or type `/cancel` to close the form.",
)
NO_FORM_OPEN = Msg(
    "Inget formulär är öppet just nu. `/avbryt` stänger ett formulär medan det frågar; "
    "`/sluta` avslutar skalet.",
    "No form is open right now. `/cancel` closes a form while it asks; `/quit` quits the shell.",
)
SCRIPT_WHERE = Msg("{file}, rad {line}", "{file}, line {line}")
SCRIPT_REFUSED = Msg(
    "svaret godtogs inte för ”{label}”: {error} Skriptet stoppades.",
    'the answer was not accepted for "{label}": {error} The script was stopped.',
)
SCRIPT_COMMAND_IN_FORM = Msg(
    "formuläret frågar efter ”{label}”, men raden är ett kommando (`{line}`). Svara på frågan "
    "eller stäng formuläret med `/avbryt`. Skriptet stoppades.",
    'the form asks for "{label}", but the line is a command (`{line}`). Answer the question or '
    "close the form with `/cancel`. The script was stopped.",
)
STATE_UNREADABLE = Msg(
    "Det som sparades från förra gången ({file}) gick inte att läsa; meddelandena och "
    "knapparna därifrån visas inte.",
    "What was saved last time ({file}) could not be read; its messages and buttons are not shown.",
)
FORM_SENDING = Msg("→ {submit}", "→ {submit}")
FORM_SUBMIT = Msg("Skicka", "Submit")
FORM_ERRORS = Msg(
    "Boten godtog inte formuläret. Rätta det som är markerat:",
    "The bot did not accept the form. Correct what is marked:",
)
FORM_STILL = Msg("{label}: {value}", "{label}: {value}")
FORM_TITLE = Msg("📝 Formulär: {title}", "📝 Form: {title}")

HEAD_CHANNEL = Msg("#{channel} · {time}", "#{channel} · {time}")
HEAD_DM = Msg("✉ Direktmeddelande till {name} · {time}", "✉ Direct message to {name} · {time}")
HEAD_THREAD = Msg(
    "↳ Svar i tråden i #{channel} · {time}", "↳ Reply in the thread in #{channel} · {time}"
)
HEAD_UPDATED = Msg("✎ Ändrat i {where} · {time}", "✎ Changed in {where} · {time}")
HEAD_DELETED = Msg("✖ Ett meddelande togs bort i {where}.", "✖ A message was removed in {where}.")
HEAD_EPHEMERAL = Msg(
    "🔒 Bara för {name}, i {where} · {time}", "🔒 Only for {name}, in {where} · {time}"
)
HEAD_HOME = Msg("🏠 Din hemflik · {time}", "🏠 Your Home tab · {time}")
HOME_UPDATED = Msg(
    "🏠 Din hemflik uppdaterades (visa den med `/hem`).",
    "🏠 Your Home tab was updated (show it with `/home`).",
)
HEAD_FILE = Msg("📎 Fil i {where} · {time}", "📎 File in {where} · {time}")
FILE_SAVED = Msg("Sparad som: {path}", "Saved as: {path}")
YOU = Msg("dig", "you")
DM_WHERE = Msg("direktmeddelande med {name}", "direct message with {name}")
CHANNEL_WORKING_GROUP = Msg("arbetsgrupp", "working-group")
CHANNEL_COORDINATORS = Msg("samverkansledare", "coordinators")
CHANNEL_OWNERS = Msg("samverkansägare", "owners")
CHANNEL_EMPTY = Msg("Inga meddelanden i {where} ännu.", "No messages in {where} yet.")
CHANNEL_UNKNOWN = Msg(
    "Jag känner inte till kanalen `{text}`. Välj bland: {known}.",
    "I do not know the channel `{text}`. Choose among: {known}.",
)
CHANNEL_WORDS_DM = Msg("dm", "dm")

WEB_SAVED = Msg(
    "Hämtade {path} (HTTP {status}); sparad som: {file}",
    "Fetched {path} (HTTP {status}); saved as: {file}",
)
WEB_NOT_FOUND = Msg(
    "Boten har ingen webbadress {path} (HTTP {status}).",
    "The bot has no web address {path} (HTTP {status}).",
)

SHORT_MOMENT = Msg("{weekday} {day} {month} {hour}", "{weekday} {day} {month} {hour}")
LONG_MOMENT = Msg(
    "{weekday} {day} {month} {year} kl. {hour}", "{weekday} {day} {month} {year} at {hour}"
)

FILE_IN_MESSAGE = Msg("📎 {name}", "📎 {name}")
IMAGE = Msg("🖼 Bild: {alt} {url}", "🖼 Image: {alt} {url}")
INPUT_IN_MESSAGE = Msg("(fält i meddelandet: {label})", "(field in the message: {label})")
CHOOSE = Msg("Välj", "Choose")

OPTIONAL = Msg("(valfritt)", "(optional)")
KEEP = Msg("Enter behåller: {value}", "Enter keeps: {value}")
CONFIRM_PROMPT = Msg("Fortsätta? (j/n) ›", "Continue? (y/n) ›")
GUIDE_ONE = Msg("Svara med ett nummer.", "Answer with a number.")
GUIDE_MANY = Msg(
    "Svara med ett eller flera nummer, t.ex. 1,3.", "Answer with one or more numbers, e.g. 1,3."
)
GUIDE_DATE = Msg(
    "Datum som 2027-01-15, eller idag, imorgon, +7d.", "A date like 2027-01-15, or today, +7d."
)
GUIDE_TIME = Msg("Klockslag som 13:30.", "A time like 13:30.")
GUIDE_DATETIME = Msg("Som 2027-01-15 13:30.", "Like 2027-01-15 13:30.")
GUIDE_NUMBER = Msg("Ett tal.", "A number.")
GUIDE_MULTILINE = Msg("En rad; skriv \\n för radbrytning.", "One line; type \\n for a line break.")
GUIDE_SEARCH = Msg(
    "Skriv ett ord eller ett nummer att söka efter.", "Type a word or a number to search for."
)
GUIDE_SEARCH_MANY = Msg(
    "Skriv ett ord eller ett nummer att söka efter; flera med komma emellan.",
    "Type a word or a number to search for; several separated by commas.",
)
GUIDE_NONE = Msg("", "")
DEMO_TEXT = Msg("Demotext", "Demo text")
YES = Msg("ja", "yes")

REQUIRED = Msg("Fyll i det här fältet.", "Please fill in this field.")
TOO_LONG = Count(
    one=Msg(
        "Högst {most} tecken (nu {length}).",
        "At most {most} character (now {length}).",
    ),
    other=Msg(
        "Högst {most} tecken (nu {length}).",
        "At most {most} characters (now {length}).",
    ),
    by="most",
)
TOO_SHORT = Count(
    one=Msg(
        "Minst {least} tecken (nu {length}).",
        "At least {least} character (now {length}).",
    ),
    other=Msg(
        "Minst {least} tecken (nu {length}).",
        "At least {least} characters (now {length}).",
    ),
    by="least",
)
NOT_EMAIL = Msg("Skriv en e-postadress.", "Type an e-mail address.")
NOT_URL = Msg(
    "Skriv en webbadress som börjar med https://.", "Type a web address starting with https://."
)
NOT_A_NUMBER = Msg("Skriv ett tal.", "Type a number.")
NOT_A_WHOLE_NUMBER = Msg("Skriv ett heltal.", "Type a whole number.")
NUMBER_RANGE = Msg(
    "Skriv ett tal från {least} till {most}.", "Type a number from {least} to {most}."
)
NOT_A_DATE = Msg(
    "Skriv ett datum som 2027-01-15 (eller idag, imorgon, +7d).",
    "Type a date like 2027-01-15 (or today, tomorrow, +7d).",
)
NOT_A_TIME = Msg("Skriv ett klockslag som 13:30.", "Type a time like 13:30.")
NO_SUCH_CHOICE = Msg(
    "”{text}” är inget av valen; svara med ett nummer från 1 till {count}.",
    '"{text}" is not one of the choices; answer with a number from 1 to {count}.',
)
AMBIGUOUS_CHOICE = Msg(
    "”{text}” passar flera val; svara med numret.",
    '"{text}" fits several choices; answer with the number.',
)
TOO_MANY = Msg("Välj högst {most}.", "Choose at most {most}.")
NO_SUGGESTIONS_FOR = Msg(
    "Inga träffar för ”{text}”; prova något annat.", 'No matches for "{text}"; try something else.'
)
PICK_SUGGESTION = Msg(
    "Flera träffar; svara med numret.", "Several matches; answer with the number."
)

DEMO_INTRO = Msg(
    "En månad i {name}, på en minut.\n"
    "Allt nedan går genom samma Slack-app och samma kod som i produktion; bara Slack är "
    "simulerat. Personerna är påhittade.",
    "A month of {name}, in a minute.\n"
    "Everything below goes through the same Slack app and the same code as in production; only "
    "Slack is simulated. The people are made up.",
)
DEMO_STEP = Msg("▶ {title}", "▶ {title}")
DEMO_SKIPPED = Msg("(hoppar över: {reason})", "(skipped: {reason})")
DEMO_MISSING_COMMAND = Msg(
    "{command} finns inte i den här versionen ännu", "{command} is not in this version yet"
)
DEMO_NO_BUTTON = Msg(
    "(ingen knapp ”{labels}” att trycka på; steget hoppas över)",
    '(no button "{labels}" to press; the step is skipped)',
)
DEMO_END = Msg(
    "Det var en månad. Utforska samma månad vidare i skalet: `python -m bot shell --demo` "
    "(skriv `/hjälp` där).\n"
    "Vill du spara månaden: `python -m bot demo --database sqlite:///demo.db`, sedan "
    "`python -m bot shell --database sqlite:///demo.db`.\n"
    "Databasen från demon låg i en tillfällig fil och är borttagen; filerna ligger i {files}.",
    "That was a month. Go on exploring the same month in the shell: "
    "`python -m bot shell --demo` (type `/help` there).\n"
    "To keep the month: `python -m bot demo --database sqlite:///demo.db`, then "
    "`python -m bot shell --database sqlite:///demo.db`.\n"
    "The demo's database was a temporary file and is gone; the files are in {files}.",
)
DEMO_END_KEPT = Msg(
    "Det var en månad. Den finns kvar i {database}: utforska den vidare med "
    "`python -m bot shell --database {database}` (skriv `/hjälp` där). Filerna ligger i {files}.",
    "That was a month. It is kept in {database}: go on exploring it with "
    "`python -m bot shell --database {database}` (type `/help` there). The files are in {files}.",
)
DEMO_PLAYING = Msg(
    "Spelar upp demons månad i en tillfällig databas, som tas bort när du slutar (det tar en "
    "stund) …",
    "Playing the demo's month into a temporary database, removed when you quit (this takes a "
    "moment) …",
)
DEMO_PLAYING_INTO = Msg(
    "Spelar upp demons månad i {database} (det tar en stund) …",
    "Playing the demo's month into {database} (this takes a moment) …",
)
RESUMED = Msg(
    "Du fortsätter där förra sessionen på den här databasen slutade. Knapparna har kvar sina "
    "nummer.",
    "You go on where the last session on this database ended. The buttons keep their numbers.",
)
