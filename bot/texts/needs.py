"""Texts of the needs register (/behov)."""

from bot.texts import Count, Msg

FORM_TITLE = Msg("Nytt behov", "New need")
EDIT_TITLE = Msg("Ändra behov", "Edit need")
DECLINE_TITLE = Msg("Avböj behov", "Decline need")
FORM_INTRO = Msg(
    "Beskriv ett behov i din organisation som samverkan kan hjälpa till med. Arbetsgruppen tar "
    "upp behoven på sitt månadsmöte. *Skriv bara öppen information*: inga personnummer, "
    "namn på enskilda eller uppgifter om pågående ärenden.",
    "Describe a need in your organisation that the collaboration can help with. The working "
    "group takes needs up at its monthly meeting. *Only open information*: no identity numbers, "
    "names of individuals or details of ongoing cases.",
)
ORGANIZATION = Msg("Organisation", "Organisation")
TITLE = Msg("Rubrik", "Title")
TITLE_HINT = Count(
    one=Msg(
        "En kort mening, högst {limit} tecken.",
        "One short sentence, at most {limit} character.",
    ),
    other=Msg(
        "En kort mening, högst {limit} tecken.",
        "One short sentence, at most {limit} characters.",
    ),
    by="limit",
)
DESCRIPTION = Msg("Beskrivning", "Description")
DESCRIPTION_HINT = Count(
    one=Msg(
        "Vad behöver ni, och varför? Högst {limit} tecken.",
        "What do you need, and why? At most {limit} character.",
    ),
    other=Msg(
        "Vad behöver ni, och varför? Högst {limit} tecken.",
        "What do you need, and why? At most {limit} characters.",
    ),
    by="limit",
)
FOCUS = Msg("Fokusområde", "Focus area")
SCOPE = Msg("Var gäller behovet?", "Where does the need apply?")
SCOPE_COUNTY = Msg("Hela länet", "The whole county")
SCOPE_MUNICIPALITIES = Msg("Valda kommuner", "Chosen municipalities")
MUNICIPALITIES = Msg("Kommuner", "Municipalities")
MUNICIPALITIES_HINT = Msg(
    "Fyll i om behovet gäller valda kommuner.",
    "Fill in when the need applies to chosen municipalities.",
)
MUNICIPALITIES_MISSING = Msg(
    "Välj minst en kommun, eller välj hela länet.",
    "Choose at least one municipality, or the whole county.",
)
URGENCY = Msg("Hur brådskande?", "How urgent?")
SUPPORT = Msg("Vilket stöd önskas?", "What kind of support is wanted?")
DECLINE_REASON = Msg("Varför avböjs behovet?", "Why is the need declined?")
DECLINE_REASON_HINT = Msg(
    "Skälet visas för den som lämnade behovet.",
    "The reason is shown to whoever submitted the need.",
)
CONTACT_WARNING = Msg(
    "Texten innehåller en e-postadress eller ett telefonnummer. Samverkan hanterar bara öppen "
    "information. Kryssa i rutan nedan om uppgiften får delas med alla parter, och skicka igen.",
    "The text contains an e-mail address or a phone number. The collaboration only handles open "
    "information. Tick the box below if it may be shared with all partners, and send again.",
)
CONTACT_CONFIRM = Msg("Bekräfta", "Confirm")
CONTACT_CONFIRM_OPTION = Msg(
    "Kontaktuppgiften är öppen och får delas med alla parter",
    "The contact detail is open and may be shared with all partners",
)

FOCUS_TRAINING = Msg("Utbildning och kompetens", "Training and competence")
FOCUS_INFORMATION = Msg("Information och kunskapsläge", "Information and knowledge")
FOCUS_COLLABORATION = Msg("Samverkan mellan parter", "Collaboration between partners")
FOCUS_DECISION = Msg("Beslut behövs i egen organisation", "Decision needed in own organisation")
FOCUS_OTHER = Msg("Annat", "Other")

URGENCY_LOW = Msg("Kan vänta", "Can wait")
URGENCY_NORMAL = Msg("Inom några månader", "Within a few months")
URGENCY_HIGH = Msg("Brådskande", "Urgent")

SUPPORT_TRAINING = Msg("Utbildning", "Training")
SUPPORT_MATERIAL = Msg("Informationsmaterial", "Information material")
SUPPORT_EXPERT = Msg("Expertstöd", "Expert advice")
SUPPORT_CONTACTS = Msg("Kontakter och nätverk", "Contacts and network")
SUPPORT_JOINT = Msg("Gemensam insats", "Joint action")
SUPPORT_OTHER = Msg("Annat", "Other")

STATUS_NEW = Msg("Nytt", "New")
STATUS_TAKEN_UP = Msg("Taget upp på möte", "Taken up at a meeting")
STATUS_PLANNED = Msg("Åtgärd planerad", "Action planned")
STATUS_DONE = Msg("Klart", "Done")
STATUS_DECLINED = Msg("Avböjt", "Declined")
STATUS_WITHDRAWN = Msg("Tillbakadraget", "Withdrawn")

MOVE_TO = Msg("Flytta till: {status}", "Move to: {status}")
BUTTON_TAKEN_UP = Msg("Taget upp på möte", "Taken up at a meeting")
BUTTON_PLANNED = Msg("Åtgärd planerad", "Action planned")
BUTTON_DONE = Msg("Klart", "Done")
BUTTON_DECLINE = Msg("Avböj…", "Decline…")
BUTTON_REOPEN = Msg("Öppna igen", "Reopen")
BUTTON_EDIT = Msg("Ändra", "Edit")
BUTTON_WITHDRAW = Msg("Dra tillbaka", "Withdraw")
WITHDRAW_CONFIRM_TITLE = Msg("Dra tillbaka behovet?", "Withdraw the need?")
WITHDRAW_CONFIRM_TEXT = Msg(
    "Behovet tas bort från arbetsgruppens lista. Historiken sparas.",
    "The need is removed from the working group's list. Its history is kept.",
)
WITHDRAW_CONFIRM_YES = Msg("Dra tillbaka", "Withdraw")

CARD_TITLE = Msg("Behov #{id}: {title}", "Need #{id}: {title}")
CARD_FROM = Msg("*Från:* {organization}", "*From:* {organization}")
CARD_STATUS = Msg("*Status:* {status}", "*Status:* {status}")
CARD_FOCUS = Msg("*Fokusområde:* {focus}", "*Focus area:* {focus}")
CARD_URGENCY = Msg("*Brådska:* {urgency}", "*Urgency:* {urgency}")
CARD_SCOPE = Msg("*Gäller:* {scope}", "*Applies to:* {scope}")
CARD_SUPPORT = Msg("*Önskat stöd:* {support}", "*Support wanted:* {support}")
CARD_SUBMITTED = Msg(
    "Lämnat {date} av <@{user}> · senast ändrat {updated}",
    "Submitted on {date} by <@{user}> · last changed on {updated}",
)
CARD_SUBMITTED_ANON = Msg(
    "Lämnat {date} · senast ändrat {updated}", "Submitted on {date} · last changed on {updated}"
)
CARD_DECLINE_REASON = Msg("*Skäl:* {reason}", "*Reason:* {reason}")
CARD_FALLBACK = Msg(
    "Behov #{id} från {organization}: {title} ({status})",
    "Need #{id} from {organization}: {title} ({status})",
)
NONE_CHOSEN = Msg("–", "–")

MAYBE_SAVED = Msg(
    "Samverkansbot tappade kontakten med sin databas just när behovet sparades och vet inte om "
    "det hann sparas. Skicka formuläret igen: samma formulär sparas aldrig två gånger.",
    "Samverkansbot lost its database just as the need was being saved and cannot tell whether "
    "it was. Please submit the form again: the same form is never stored twice.",
)
CONFIRM_CREATED = Msg(
    "Tack! Ditt behov *#{id} {title}* är registrerat och visas för arbetsgruppen. Du får besked "
    "här när dess status ändras. Ändra eller dra tillbaka det med knapparna på behovet, eller se alla "
    "med `/behov lista`.",
    "Thank you! Your need *#{id} {title}* is registered and shown to the working group. You will "
    "hear here when its status changes. Edit or withdraw it with the buttons on the need, or see all with "
    "`/behov list`.",
)
CONFIRM_EDITED = Msg("Behov *#{id}* är ändrat.", "Need *#{id}* has been edited.")
CONFIRM_WITHDRAWN = Msg("Behov *#{id}* drogs tillbaka.", "Need *#{id}* was withdrawn.")
NOTICE_MOVED = Msg(
    "Ditt behov *#{id} {title}* har nu status *{status}*. Ändrat av <@{actor}>.",
    "Your need *#{id} {title}* now has the status *{status}*. Changed by <@{actor}>.",
)
NOTICE_WITHDRAWN = Msg(
    "Ditt behov *#{id} {title}* drogs tillbaka av <@{actor}>.",
    "Your need *#{id} {title}* was withdrawn by <@{actor}>.",
)
NOTICE_DECLINED = Msg(
    "Ditt behov *#{id} {title}* har avböjts av <@{actor}>. Skäl: {reason}",
    "Your need *#{id} {title}* has been declined by <@{actor}>. Reason: {reason}",
)
MOVED_EPHEMERAL = Msg("Behov #{id} är nu: {status}.", "Need #{id} is now: {status}.")
ALREADY_MOVED = Msg(
    "Behov #{id} har redan status {status}; inget ändrades.",
    "Need #{id} already has status {status}; nothing was changed.",
)
NOT_MOVABLE = Msg(
    "Behov #{id} kan inte gå från {current} till {target}.",
    "Need #{id} cannot go from {current} to {target}.",
)
NOT_FOUND = Msg("Behov #{id} finns inte.", "Need #{id} does not exist.")
CLOSED = Msg(
    "Behov #{id} är avslutat ({status}) och kan inte ändras.",
    "Need #{id} is closed ({status}) and cannot be changed.",
)

LIST_HEADER = Msg("Öppna behov", "Open needs")
LIST_HEADER_OWN = Msg("Öppna behov från {organization}", "Open needs from {organization}")
LIST_EMPTY = Msg("Det finns inga öppna behov just nu.", "There are no open needs right now.")
LIST_EMPTY_OWN = Msg(
    "{organization} har inga öppna behov just nu.", "{organization} has no open needs right now."
)
LIST_GROUP = Msg("*{status}* ({count})", "*{status}* ({count})")
LIST_ITEM = Msg(
    "#{id} *{title}*: {organization} · {focus} · {urgency} · {date}",
    "#{id} *{title}*: {organization} · {focus} · {urgency} · {date}",
)
LIST_MORE = Msg(
    "… och {count} till. Se alla i exporten eller filtrera på din organisation.",
    "… and {count} more. See all in the export or filter on your organisation.",
)
HISTORY_HEADER = Msg("Alla behov, med historik", "All needs, with their history")
HISTORY_HEADER_CLOSED = Msg("Stängda behov, med historik", "Closed needs, with their history")
HISTORY_HEADER_OWN = Msg(
    "Alla behov från {organization}, med historik", "All needs from {organization}, with history"
)
HISTORY_HEADER_CLOSED_OWN = Msg(
    "Stängda behov från {organization}, med historik",
    "Closed needs from {organization}, with history",
)
HISTORY_EMPTY = Msg("Det finns inga sådana behov.", "There are no such needs.")
HISTORY_ITEM = Msg(
    "#{id} *{title}*: {organization} · *{status}*",
    "#{id} *{title}*: {organization} · *{status}*",
)
HISTORY_STEP = Msg("{date} {status}", "{date} {status}")
HISTORY_REASON = Msg("skäl: {reason}", "reason: {reason}")
HISTORY_MORE = Msg(
    "… och {count} till, äldre. Alla finns i exporten (`/samverkan export`).",
    "… and {count} more, older. All are in the export (`/samverkan export`).",
)
SEARCH_HEADER = Msg("Behov som innehåller ”{words}”", "Needs that contain “{words}”")
SEARCH_EMPTY = Msg(
    "Inga behov innehåller ”{words}” i rubriken eller beskrivningen.",
    "No need holds “{words}” in its title or description.",
)
SEARCH_USAGE = Msg(
    "Skriv vad du söker efter, till exempel `/behov sök cannabis föräldrar`.",
    "Write what you are looking for, for example `/behov search cannabis parents`.",
)
LIST_FILTER_OWN = Msg("Bara min organisation", "Only my organisation")
LIST_FILTER_ALL = Msg("Alla organisationer", "All organisations")

HELP = Msg(
    "*`/behov`: arbetsgruppens behovsregister*\n"
    "• `/behov`: öppnar formuläret för ett nytt behov från din organisation.\n"
    "• `/behov <text>`: öppnar formuläret med texten ifylld.\n"
    "• `/behov lista`: visar öppna behov, nyast först, grupperade efter status.\n"
    "• `/behov lista egna`: bara din organisations behov.\n"
    "• `/behov lista alla`: även stängda behov (klara, avböjda, tillbakadragna), med historik; "
    "`/behov lista stängda` bara de stängda.\n"
    "• `/behov sök <ord>`: behov vars rubrik eller beskrivning innehåller orden.\n"
    "• `/behov hjälp`: den här hjälpen.\n\n"
    "Ett behov går igenom statusarna *Nytt → Taget upp på möte → Åtgärd planerad → Klart* "
    "(eller *Avböjt*, med skäl). Bara samverkansledarna flyttar behov; din organisation kan "
    "ändra eller dra tillbaka sina egna med knapparna på behovet. Du får besked när ditt behov "
    "byter status.\n"
    "Samverkan hanterar bara öppen information: formuläret tar inte emot personnummer.",
    "*`/behov`: the working group's register of needs*\n"
    "• `/behov`: opens the form for a new need from your organisation.\n"
    "• `/behov <text>`: opens the form with the text filled in.\n"
    "• `/behov list`: lists open needs, newest first, grouped by status.\n"
    "• `/behov list own`: only your organisation's needs.\n"
    "• `/behov list all`: closed needs too (done, declined, withdrawn), with their history; "
    "`/behov list closed` only the closed ones.\n"
    "• `/behov search <words>`: needs whose title or description holds the words.\n"
    "• `/behov help`: this help.\n\n"
    "A need moves through *New → Taken up at a meeting → Action planned → Done* (or "
    "*Declined*, with a reason). Only the coordinators move needs; your organisation can edit "
    "or withdraw its own with the buttons on the need. You are told when your need's status "
    "changes.\n"
    "The collaboration only handles open information: the form refuses identity numbers.",
)
SEARCH_PLACEHOLDER = Msg(
    "Skriv behovets nummer eller ord ur rubriken", "Type the need's number or words of its title"
)
