"""Texts of trainings and their evaluation (/utbildning)."""

from bot.texts import Count, Msg

# --- subjects ------------------------------------------------------------------------------
SUBJECT_DRUG_SIGNS = Msg("Drogtecken (drogteckenutbildning)", "Drug signs (drug recognition)")
SUBJECT_NARCOTICS = Msg("Narkotika i allmänhet", "Narcotics in general")
SUBJECT_WELFARE_CRIME = Msg("Välfärdsbrott", "Welfare crime")
SUBJECT_OTHER = Msg("Annat", "Other")
TOPIC_DRUG_SIGNS = Msg("drogtecken", "drug signs")
TOPIC_NARCOTICS = Msg("narkotika", "narcotics")
TOPIC_WELFARE_CRIME = Msg("välfärdsbrott", "welfare crime")
TOPIC_OTHER = Msg("utbildningens ämne", "the training's subject")

# --- the training form -----------------------------------------------------------------------
FORM_TITLE = Msg("Ny utbildning", "New training")
FORM_INTRO = Msg(
    "Registrera en utbildning. När den är slut skickar boten en kort, anonym utvärdering till "
    "deltagarna: kunskapen före och efter utbildningen. *Skriv bara öppen information.*",
    "Register a training. When it ends the bot sends the participants a short, anonymous "
    "evaluation: their knowledge before and after the training. *Only open information.*",
)
TITLE = Msg("Utbildningens namn", "Name of the training")
TITLE_HINT = Count(
    one=Msg(
        "Högst {limit} tecken.",
        "At most {limit} character.",
    ),
    other=Msg(
        "Högst {limit} tecken.",
        "At most {limit} characters.",
    ),
    by="limit",
)
SUBJECT = Msg("Ämne", "Subject")
DATE = Msg("Datum", "Date")
START = Msg("Starttid", "Start time")
END = Msg("Sluttid", "End time")
END_HINT = Msg(
    "Utvärderingen skickas när utbildningen är slut.",
    "The evaluation is sent when the training ends.",
)
ORGANIZER = Msg("Arrangör", "Organiser")
TARGETS = Msg("Målgrupp (organisationer)", "Target organisations")
TARGETS_HINT = Msg(
    "Lämna tomt om utbildningen är öppen för alla parter.",
    "Leave empty if the training is open to all partners.",
)
EXPECTED = Msg("Förväntat antal deltagare", "Expected number of participants")
EXPECTED_HINT = Msg(
    "Ger svarsfrekvensen, och avgör om boten påminner om utvärderingen.",
    "Gives the response rate, and decides whether the bot reminds people to answer.",
)
PLACE = Msg("Plats", "Place")
PLACE_HINT = Msg(
    "T.ex. Länsstyrelsen i Gävle, eller Teams.", "E.g. the County Board in Gävle, or Teams."
)
TARGET = Msg("Vart ska utvärderingen skickas?", "Where should the evaluation go?")
TARGET_CHANNEL = Msg(
    "Till en kanal: alla i kanalen kan svara", "To a channel: anyone in it can answer"
)
TARGET_PARTICIPANTS = Msg("Privat till utvalda deltagare", "Privately to chosen participants")
CHANNEL = Msg("Kanal för utvärderingen", "Channel for the evaluation")
CHANNEL_HINT = Msg(
    "Fyll i när utvärderingen ska till en kanal. Boten behöver vara med i kanalen.",
    "Fill in when the evaluation goes to a channel. The bot needs to be in the channel.",
)
PARTICIPANTS = Msg("Deltagare", "Participants")
PARTICIPANTS_HINT = Msg(
    "Fyll i när utvärderingen ska skickas privat: var och en får ett eget meddelande.",
    "Fill in when the evaluation is sent privately: each person gets a message of their own.",
)
NEEDS = Msg("Behov som utbildningen svarar mot", "Needs the training answers")
NEEDS_HINT = Msg(
    "Frivilligt. När utvärderingen stängs får de som lämnade behoven veta hur det gick.",
    "Optional. When the evaluation closes, whoever submitted the needs hears how it went.",
)

END_BEFORE_START = Msg("Sluttiden måste vara efter starttiden.", "The end must be after the start.")
TOO_OLD = Count(
    one=Msg(
        "Datumet ligger mer än {days} dag bakåt. Äldre utbildningar återrapporterar du med `/utbildning rapportera`.",
        "The date is more than {days} day ago. Report older trainings with `/utbildning report`.",
    ),
    other=Msg(
        "Datumet ligger mer än {days} dagar bakåt. Äldre utbildningar återrapporterar du med `/utbildning rapportera`.",
        "The date is more than {days} days ago. Report older trainings with `/utbildning report`.",
    ),
    by="days",
)
TOO_FAR = Msg(
    "Datumet ligger för långt fram; välj ett datum inom två år.",
    "The date is too far ahead; choose a date within two years.",
)
NUMBER_INVALID = Msg(
    "Skriv ett heltal från {low} till {high}.", "Enter a whole number from {low} to {high}."
)
CHANNEL_MISSING = Msg(
    "Välj kanalen som utvärderingen ska till.", "Choose the channel the evaluation goes to."
)
PARTICIPANTS_MISSING = Msg(
    "Välj minst en deltagare, eller skicka utvärderingen till en kanal.",
    "Choose at least one participant, or send the evaluation to a channel.",
)
PARTICIPANTS_TOO_MANY = Count(
    one=Msg(
        "Högst {limit} deltagare kan få utvärderingen privat; välj en kanal i stället.",
        "At most {limit} participant can get the evaluation privately; choose a channel instead.",
    ),
    other=Msg(
        "Högst {limit} deltagare kan få utvärderingen privat; välj en kanal i stället.",
        "At most {limit} participants can get the evaluation privately; choose a channel instead.",
    ),
    by="limit",
)
FUTURE_REPORT = Msg(
    "En återrapport gäller en utbildning som redan har hållits: välj ett datum som har varit.",
    "A report-back is about a training already held: choose a date that has passed.",
)

# --- report-back -----------------------------------------------------------------------------
REPORT_TITLE = Msg("Rapportera utbildning", "Report a training")
REPORT_INTRO = Msg(
    "Återrapportera en utbildning som din organisation har hållit, så att samverkan kan följa "
    "planens kunskapsmål. Ingen utvärdering skickas för en återrapport.",
    "Report back a training your organisation has held, so that the collaboration can follow "
    "the plan's knowledge goal. No evaluation is sent for a report-back.",
)
REPORT_ORGANIZATION = Msg("Organisation som höll utbildningen", "Organisation that held it")
REPORT_DATE = Msg("Datum då den hölls", "Date it was held")
REPORT_PARTICIPANTS = Msg("Antal deltagare", "Number of participants")
REPORT_SAVED = Count(
    one=Msg(
        "Tack! Utbildningen *{title}* ({date}, {participants} deltagare) är återrapporterad för {organization}.",
        "Thank you! The training *{title}* ({date}, {participants} participant) is reported for {organization}.",
    ),
    other=Msg(
        "Tack! Utbildningen *{title}* ({date}, {participants} deltagare) är återrapporterad för {organization}.",
        "Thank you! The training *{title}* ({date}, {participants} participants) is reported for {organization}.",
    ),
    by="participants",
)

# --- the training's message --------------------------------------------------------------------
CARD_HEADER = Msg("Utbildning #{id}: {title}", "Training #{id}: {title}")
CARD_SUBJECT = Msg("*Ämne*\n{subject}", "*Subject*\n{subject}")
CARD_WHEN = Msg("*När*\n{when}", "*When*\n{when}")
CARD_PLACE = Msg("*Plats*\n{place}", "*Place*\n{place}")
CARD_ORGANIZER = Msg("*Arrangör*\n{organizer}", "*Organiser*\n{organizer}")
CARD_TARGETS = Msg("*Målgrupp*\n{targets}", "*Target organisations*\n{targets}")
CARD_EXPECTED = Msg(
    "*Förväntat antal deltagare*\n{expected}", "*Expected participants*\n{expected}"
)
CARD_EVALUATION = Msg("*Utvärdering*\n{where}", "*Evaluation*\n{where}")
ALL_PARTNERS = Msg("Alla parter", "All partners")
EVAL_TO_CHANNEL = Msg("i <#{channel}>", "in <#{channel}>")
EVAL_TO_PARTICIPANTS = Count(
    one=Msg(
        "privat till {count} deltagare",
        "privately to {count} participant",
    ),
    other=Msg(
        "privat till {count} deltagare",
        "privately to {count} participants",
    ),
)
CARD_NEEDS = Msg("Svarar mot behov: {needs}", "Answers the needs: {needs}")
CARD_SCHEDULED = Msg(
    ":hourglass_flowing_sand: Utvärderingen skickas när utbildningen är slut ({end}).",
    ":hourglass_flowing_sand: The evaluation is sent when the training ends ({end}).",
)
CARD_OPEN = Msg(
    ":memo: Utvärderingen är öppen till {closes}.",
    ":memo: The evaluation is open until {closes}.",
)
CARD_CLOSED = Count(
    one=Msg(
        ":white_check_mark: Utvärderingen stängdes {closed} med {count} svar.",
        ":white_check_mark: The evaluation closed on {closed} with {count} answer.",
    ),
    other=Msg(
        ":white_check_mark: Utvärderingen stängdes {closed} med {count} svar.",
        ":white_check_mark: The evaluation closed on {closed} with {count} answers.",
    ),
)
CARD_CLOSED_NONE = Msg(
    ":white_check_mark: Utvärderingen stängdes {closed}. Inga svar kom in.",
    ":white_check_mark: The evaluation closed on {closed}. No answers came in.",
)
CARD_REGISTERED_BY = Msg("Registrerad av <@{user}> {date}", "Registered by <@{user}> {date}")
CARD_FALLBACK = Msg("Utbildning #{id}: {title} ({when})", "Training #{id}: {title} ({when})")
BUTTON_POST_NOW = Msg("Skicka utvärderingen nu", "Send the evaluation now")
POST_NOW_CONFIRM_TITLE = Msg("Skicka utvärderingen nu?", "Send the evaluation now?")
POST_NOW_CONFIRM_TEXT = Msg(
    "Deltagarna får utvärderingen direkt, i stället för när utbildningen är slut.",
    "The participants get the evaluation at once, instead of when the training ends.",
)
POST_NOW_CONFIRM_YES = Msg("Skicka nu", "Send now")
BUTTON_RESULTS = Msg("Visa resultat", "Show results")
CREATED = Msg(
    "Tack! Utbildningen *#{id} {title}* är registrerad ({when}). Utvärderingen skickas {where} "
    "när utbildningen är slut. Vill du skicka den tidigare, tryck på knappen nedan.",
    "Thank you! The training *#{id} {title}* is registered ({when}). The evaluation is sent "
    "{where} when the training ends. To send it earlier, press the button below.",
)

# --- the evaluation message ----------------------------------------------------------------------
EVAL_TEXT = Msg(
    "*Utvärdering av utbildningen {title}* ({date})\nHur mycket kunskap gav utbildningen dig? "
    "Två frågor och två frivilliga fritexter; det tar under en minut. Svaren är anonyma.",
    "*Evaluation of the training {title}* ({date})\nHow much knowledge did the training give "
    "you? Two questions and two optional free texts; it takes less than a minute. The answers "
    "are anonymous.",
)
EVAL_OPEN_UNTIL = Msg(
    "Öppen till {closes}. Du kan ändra ditt svar fram till dess.",
    "Open until {closes}. You can change your answer until then.",
)
EVAL_FALLBACK = Msg("Utvärdering: {title}", "Evaluation: {title}")
BUTTON_ANSWER = Msg("Svara på utvärderingen", "Answer the evaluation")
EVAL_CLOSED_TEXT = Count(
    one=Msg(
        "*Utvärderingen av {title} är stängd.* {count} svar kom in. Tack till alla som svarade!",
        "*The evaluation of {title} is closed.* {count} answer came in. Thanks to everyone who answered!",
    ),
    other=Msg(
        "*Utvärderingen av {title} är stängd.* {count} svar kom in. Tack till alla som svarade!",
        "*The evaluation of {title} is closed.* {count} answers came in. Thanks to everyone who answered!",
    ),
)
EVAL_CLOSED_NONE = Msg(
    "*Utvärderingen av {title} är stängd.* Inga svar kom in.",
    "*The evaluation of {title} is closed.* No answers came in.",
)
REMINDER_TEXT = Msg(
    "*Påminnelse:* har du svarat på utvärderingen av *{title}* ({date})? Det tar under en "
    "minut och är anonymt. Har du redan svarat: tack, du behöver inte göra något mer.",
    "*Reminder:* have you answered the evaluation of *{title}* ({date})? It takes less than a "
    "minute and is anonymous. Already answered? Thank you, there is nothing more to do.",
)

# --- the evaluation form -------------------------------------------------------------------------
EVAL_TITLE = Msg("Utvärdering", "Evaluation")
NEXT = Msg("Nästa", "Next")
BACK = Msg("Tillbaka", "Back")
PAGE1_INTRO = Msg(
    "*{title}* ({date})\nFörst en fråga om hur det är *nu*. På nästa sida frågar vi om hur det "
    "var före utbildningen.",
    "*{title}* ({date})\nFirst a question about how it is *now*. The next page asks how it was "
    "before the training.",
)
AFTER_QUESTION = Msg(
    "Din kunskap om {topic} nu, efter utbildningen",
    "Your knowledge of {topic} now, after the training",
)
PAGE2_INTRO = Msg(
    "Tänk tillbaka: hur stor var din kunskap *innan* utbildningen? Svara utifrån det du vet nu; "
    "det är vanligt att man i efterhand ser att man kunde mindre än man trodde.",
    "Think back: how much did you know *before* the training? Answer from what you know now; "
    "it is common to see afterwards that one knew less than one thought.",
)
BEFORE_QUESTION = Msg(
    "Din kunskap om {topic} före utbildningen", "Your knowledge of {topic} before the training"
)
SCALE_1 = Msg("1 – Mycket liten kunskap", "1 – Very little knowledge")
SCALE_5 = Msg("5 – Mycket stor kunskap", "5 – A great deal of knowledge")
USED = Msg("Vad kommer du att använda i ditt arbete?", "What will you use in your work?")
MISSING = Msg("Vad saknade du?", "What was missing?")
FREE_TEXT_HINT = Count(
    one=Msg(
        "Frivilligt, högst {limit} tecken. Skriv inget som avslöjar vem du eller någon annan är.",
        "Optional, at most {limit} character. Write nothing that reveals who you or anyone else is.",
    ),
    other=Msg(
        "Frivilligt, högst {limit} tecken. Skriv inget som avslöjar vem du eller någon annan är.",
        "Optional, at most {limit} characters. Write nothing that reveals who you or anyone else is.",
    ),
    by="limit",
)
ANONYMITY = Count(
    one=Msg(
        ":lock: *Så är dina svar anonyma.* Ditt namn och ditt Slack-id sparas inte med svaret. Boten sparar i stället en kod som bara den kan räkna fram ur ditt id, så att du har ett svar per utbildning och kan ändra det; i databasen och i rapporterna går koden inte att spåra tillbaka till dig. Bara den som driftar boten och har både databasen och botens hemliga nyckel skulle kunna göra det. Boten sparar bara dagen du svarade, inte klockslaget eller i vilken ordning svaren kom. Resultatet visas när utvärderingen stänger (ett delresultat tidigare bara när minst {min} svar har kommit in eller ändrats sedan förra visningen), bara som sammanställningar och bara om minst {min} har svarat; fritexterna visas ordagrant men utan namn och i slumpad ordning. Skriv därför inget i fritexterna som avslöjar vem du är.",
        ":lock: *How your answers stay anonymous.* Your name and Slack id are not stored with the answer. The bot stores a code instead that only it can compute from your id, so that you have one answer per training and can change it; in the database and in reports the code cannot be traced back to you; only whoever runs the bot, holding both the database and the bot's secret key, could do that. The bot keeps only the day you answered, not the time or the order in which answers came. Results are shown when the evaluation closes (interim results earlier only once at least {min} answer has come in or changed since they were last shown), only as summaries and only if at least {min} person has answered; free texts are shown word for word but without names and in random order. So write nothing in the free texts that reveals who you are.",
    ),
    other=Msg(
        ":lock: *Så är dina svar anonyma.* Ditt namn och ditt Slack-id sparas inte med svaret. Boten sparar i stället en kod som bara den kan räkna fram ur ditt id, så att du har ett svar per utbildning och kan ändra det; i databasen och i rapporterna går koden inte att spåra tillbaka till dig. Bara den som driftar boten och har både databasen och botens hemliga nyckel skulle kunna göra det. Boten sparar bara dagen du svarade, inte klockslaget eller i vilken ordning svaren kom. Resultatet visas när utvärderingen stänger (ett delresultat tidigare bara när minst {min} svar har kommit in eller ändrats sedan förra visningen), bara som sammanställningar och bara om minst {min} har svarat; fritexterna visas ordagrant men utan namn och i slumpad ordning. Skriv därför inget i fritexterna som avslöjar vem du är.",
        ":lock: *How your answers stay anonymous.* Your name and Slack id are not stored with the answer. The bot stores a code instead that only it can compute from your id, so that you have one answer per training and can change it; in the database and in reports the code cannot be traced back to you; only whoever runs the bot, holding both the database and the bot's secret key, could do that. The bot keeps only the day you answered, not the time or the order in which answers came. Results are shown when the evaluation closes (interim results earlier only once at least {min} answers have come in or changed since they were last shown), only as summaries and only if at least {min} people have answered; free texts are shown word for word but without names and in random order. So write nothing in the free texts that reveals who you are.",
    ),
    by="min",
)
ALREADY_ANSWERED = Msg(
    ":pencil2: Du har redan svarat. Ditt förra svar är ifyllt; skickar du igen ersätter det "
    "nya svaret det förra.",
    ":pencil2: You have already answered. Your earlier answer is filled in; if you send again, "
    "the new answer replaces it.",
)
THANKS_TITLE = Msg("Tack!", "Thank you!")
THANKS_TEXT = Msg(
    "Tack för ditt svar! Det är sparat utan ditt namn, och du kan ändra det tills "
    "utvärderingen stänger {closes}.",
    "Thank you for your answer! It is stored without your name, and you can change it until "
    "the evaluation closes on {closes}.",
)
THANKS_REPLACED = Msg(
    "Tack! Ditt nya svar har ersatt det förra. Det är sparat utan ditt namn, och du kan ändra "
    "det tills utvärderingen stänger {closes}.",
    "Thank you! Your new answer has replaced the earlier one. It is stored without your name, "
    "and you can change it until the evaluation closes on {closes}.",
)
WHO_SEES_WHAT = Count(
    one=Msg(
        "*Vem ser vad, och när?* När utvärderingen har stängts ser samverkansledarna, samverkansägarna, de som företräder {organizer} (arrangören) och den som registrerade utbildningen resultatet: hur många som svarade, medelvärden och fördelningen av skattningarna, och fritexterna ordagrant, utan namn och i slumpad ordning. Den som har lämnat ett behov som utbildningen svarar mot får en mening om resultatet, och samverkansägarna ser sammanställningar i statusrapporten och exporten. Ingen ser vem som svarade vad, och inga siffror visas om färre än {min} har svarat. En samverkansledare kan visa ett delresultat innan utvärderingen stänger, men bara när minst {min} svar har kommit in eller ändrats sedan resultatet visades förra gången.",
        "*Who sees what, and when?* Once the evaluation has closed, the coordinators, the owners, the people representing {organizer} (the organiser) and whoever registered the training see the results: how many answered, the means and the spread of the ratings, and the free texts word for word, without names and in random order. Whoever submitted a need the training answers gets one sentence about the results, and the owners see totals in the status summary and the export. No one sees who answered what, and no figures are shown if fewer than {min} person answered. A coordinator can show interim results before the evaluation closes, but only once at least {min} answer has come in or changed since the results were last shown.",
    ),
    other=Msg(
        "*Vem ser vad, och när?* När utvärderingen har stängts ser samverkansledarna, samverkansägarna, de som företräder {organizer} (arrangören) och den som registrerade utbildningen resultatet: hur många som svarade, medelvärden och fördelningen av skattningarna, och fritexterna ordagrant, utan namn och i slumpad ordning. Den som har lämnat ett behov som utbildningen svarar mot får en mening om resultatet, och samverkansägarna ser sammanställningar i statusrapporten och exporten. Ingen ser vem som svarade vad, och inga siffror visas om färre än {min} har svarat. En samverkansledare kan visa ett delresultat innan utvärderingen stänger, men bara när minst {min} svar har kommit in eller ändrats sedan resultatet visades förra gången.",
        "*Who sees what, and when?* Once the evaluation has closed, the coordinators, the owners, the people representing {organizer} (the organiser) and whoever registered the training see the results: how many answered, the means and the spread of the ratings, and the free texts word for word, without names and in random order. Whoever submitted a need the training answers gets one sentence about the results, and the owners see totals in the status summary and the export. No one sees who answered what, and no figures are shown if fewer than {min} people answered. A coordinator can show interim results before the evaluation closes, but only once at least {min} answers have come in or changed since the results were last shown.",
    ),
    by="min",
)
EVAL_NOT_OPEN = Msg(
    "Utvärderingen av *{title}* är inte öppen än; den skickas när utbildningen är slut.",
    "The evaluation of *{title}* is not open yet; it is sent when the training ends.",
)
EVAL_CLOSED = Msg(
    "Utvärderingen av *{title}* stängdes {closed}, så det går inte att svara längre. Tack ändå!",
    "The evaluation of *{title}* closed on {closed}, so it no longer takes answers. Thanks anyway!",
)
NOT_A_PARTICIPANT = Msg(
    "Utvärderingen av *{title}* skickades privat till deltagarna, och du finns inte bland dem. "
    "Hör av dig till arrangören om det är fel.",
    "The evaluation of *{title}* was sent privately to the participants, and you are not among "
    "them. Contact the organiser if that is wrong.",
)
NOT_FOUND = Msg("Jag hittar ingen utbildning #{id}.", "I cannot find a training #{id}.")
ALREADY_OPEN = Msg(
    "Utvärderingen av *{title}* är redan skickad ({opened}). Inget har ändrats.",
    "The evaluation of *{title}* was already sent ({opened}). Nothing was changed.",
)
POSTED_NOW = Msg(
    "Klart: utvärderingen av *{title}* är skickad {where}.",
    "Done: the evaluation of *{title}* is sent {where}.",
)
NO_EVALUATION_FOR_REPORT = Msg(
    "Utbildning #{id} är en återrapport och har ingen utvärdering.",
    "Training #{id} is a report-back and has no evaluation.",
)

# --- list and totals -------------------------------------------------------------------------
LIST_HEADER = Msg("Utbildningar", "Trainings")
LIST_COMING = Msg("*Kommande*", "*Coming*")
LIST_RECENT = Count(
    one=Msg(
        "*Det senaste dygnet*",
        "*The last day*",
    ),
    other=Msg(
        "*De senaste {days} dagarna*",
        "*The last {days} days*",
    ),
    by="days",
)
LIST_NONE = Msg("Inga.", "None.")
LIST_ITEM = Msg(
    "#{id} *{title}* · {when} · {organizer} · {status}",
    "#{id} *{title}* · {when} · {organizer} · {status}",
)
STATUS_SCHEDULED = Msg("utvärdering efter utbildningen", "evaluation after the training")
STATUS_OPEN = Count(
    one=Msg(
        "utvärdering öppen, {n} svar",
        "evaluation open, {n} answer",
    ),
    other=Msg(
        "utvärdering öppen, {n} svar",
        "evaluation open, {n} answers",
    ),
    by="n",
)
STATUS_CLOSED = Count(
    one=Msg(
        "utvärdering stängd, {n} svar",
        "evaluation closed, {n} answer",
    ),
    other=Msg(
        "utvärdering stängd, {n} svar",
        "evaluation closed, {n} answers",
    ),
    by="n",
)
STATUS_REPORTED = Count(
    one=Msg(
        "återrapporterad, {participants} deltagare",
        "reported back, {participants} participant",
    ),
    other=Msg(
        "återrapporterad, {participants} deltagare",
        "reported back, {participants} participants",
    ),
    by="participants",
)
LIST_FOOTER = Msg(
    "Registrera: `/utbildning` · Återrapportera: `/utbildning rapportera` · "
    "Resultat: `/utbildning resultat <nummer>`",
    "Register: `/utbildning` · Report back: `/utbildning report` · "
    "Results: `/utbildning results <number>`",
)
TOTALS_HEADER = Msg("Utbildningar {start} – {end}", "Trainings {start} – {end}")
TOTALS_SUBJECT = Msg("*Per ämne*", "*Per subject*")
TOTALS_ORGANIZATION = Msg("*Per arrangör*", "*Per organiser*")
TOTALS_LINE = Msg("• *{name}*: {participants}{figures}", "• *{name}*: {participants}{figures}")
TOTALS_FIGURES = Count(
    one=Msg(
        " · kunskap {before} → {after} ({change}; {shown} svar i visade resultat)",
        " · knowledge {before} → {after} ({change}; {shown} answer in results shown)",
    ),
    other=Msg(
        " · kunskap {before} → {after} ({change}; {shown} svar i visade resultat)",
        " · knowledge {before} → {after} ({change}; {shown} answers in results shown)",
    ),
    by="shown",
)
TOTALS_EMPTY = Msg("Inga utbildningar under perioden.", "No trainings in the period.")
REPORTED_HEADER = Msg(
    "*Återrapporterade utbildningar per organisation*", "*Trainings reported back per organisation*"
)
REPORTED_LINE = Msg("{name}: {count}", "{name}: {count}")
NOT_REPORTED = Msg("*Har inte återrapporterat:* {names}", "*Has not reported back:* {names}")
ALL_REPORTED = Msg(
    "Alla parter har återrapporterat minst en utbildning.",
    "Every partner has reported back at least one training.",
)
PERIOD_BAD = Msg(
    "Skriv perioden som ett år (`2027`) eller två datum (`2027-01-01 2027-06-30`).",
    "Give the period as a year (`2027`) or two dates (`2027-01-01 2027-06-30`).",
)

# --- help and home ---------------------------------------------------------------------------
HELP = Msg(
    "*`/utbildning`: utbildningar och deras utvärdering*\n"
    "• `/utbildning`: registrera en utbildning (samverkansledare och parter). När den är slut "
    "skickar boten en anonym utvärdering: kunskapen före och efter.\n"
    "• `/utbildning lista`: kommande och senaste utbildningar.\n"
    "• `/utbildning rapportera`: återrapportera en utbildning som din organisation har hållit.\n"
    "• `/utbildning resultat [nummer]`: utvärderingens resultat med diagram, när den har stängts "
    "(den senaste om du inte anger nummer).\n"
    "• `/utbildning sammanställning [år]`: per ämne och per arrangör, och vilka parter som har "
    "återrapporterat.\n"
    "• `/utbildning hjälp`: den här hjälpen.",
    "*`/utbildning`: trainings and their evaluation*\n"
    "• `/utbildning`: register a training (coordinators and partners). When it ends the bot "
    "sends an anonymous evaluation: knowledge before and after.\n"
    "• `/utbildning list`: coming and recent trainings.\n"
    "• `/utbildning report`: report back a training your organisation has held.\n"
    "• `/utbildning results [number]`: the evaluation's results with a chart, once it has "
    "closed (the latest if you give no number).\n"
    "• `/utbildning totals [year]`: per subject and per organiser, and which partners "
    "have reported back.\n"
    "• `/utbildning help`: this help.",
)
UNKNOWN_SUBCOMMAND = Msg("Jag känner inte igen `{word}`.", "I do not recognise `{word}`.")
HOME_EVALUATIONS = Msg("*Utvärderingar att svara på*", "*Evaluations to answer*")
HOME_EVALUATION = Msg(
    "*{title}* ({date}), öppen till {closes}", "*{title}* ({date}), open until {closes}"
)
WHO_ORGANIZER = Msg(
    "samverkansledarna, samverkansägarna och arrangören",
    "the coordinators, the owners and the organiser",
)
WHO_REGISTRAR = Msg(
    "samverkansledarna och den som registrerade utbildningen",
    "the coordinators and whoever registered the training",
)
