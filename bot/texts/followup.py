"""Texts of the follow-up: indicators, the owners' status summary, exports and the Home tab."""

from bot.texts import Count, Msg, trainings

# --- help ----------------------------------------------------------------------------------

HELP_STATUS = Msg(
    "• `/samverkan status`: statusrapporten enligt planen (visas bara för dig).",
    "• `/samverkan status`: the status summary following the plan (shown only to you).",
)
HELP_INDICATOR = Msg(
    "• `/samverkan indikator`: registrera ett värde för ett effektmål; `indikator lista` visar "
    "värdena, `indikator ny` lägger till en indikator (samverkansledare).",
    "• `/samverkan indicator`: record a value of an effect goal; `indicator list` shows the "
    "values, `indicator new` adds an indicator (coordinators).",
)
HELP_EXPORT = Msg(
    "• `/samverkan export`: allt underlag som Excel-fil i ett direktmeddelande "
    "(samverkansledare och samverkansägare).",
    "• `/samverkan export`: all the figures as an Excel file in a direct message "
    "(coordinators and owners).",
)

# --- built-in indicators ------------------------------------------------------------------

IND_WASTE_THC = Msg("Avloppsvatten: cannabis (THC-COOH)", "Wastewater: cannabis (THC-COOH)")
IND_WASTE_AMPHETAMINE = Msg("Avloppsvatten: amfetamin", "Wastewater: amphetamine")
IND_WASTE_COCAINE = Msg(
    "Avloppsvatten: kokain (bensoylekgonin)", "Wastewater: cocaine (benzoylecgonine)"
)
IND_WASTE_MDMA = Msg("Avloppsvatten: MDMA (ecstasy)", "Wastewater: MDMA (ecstasy)")
IND_WASTE_METH = Msg("Avloppsvatten: metamfetamin", "Wastewater: methamphetamine")
IND_CAN_YEAR9 = Msg(
    "CAN: använt narkotika senaste 12 mån, årskurs 9",
    "CAN: used narcotics in the last 12 months, school year 9",
)
IND_CAN_GY2 = Msg(
    "CAN: använt narkotika senaste 12 mån, gymnasiet år 2",
    "CAN: used narcotics in the last 12 months, upper-secondary year 2",
)
IND_HLV = Msg(
    "HLV: använt narkotika senaste 12 mån, 16–99 år",
    "HLV: used narcotics in the last 12 months, ages 16–99",
)
IND_DRUG_SCENES = Msg("Öppna narkotikascener i länet", "Open drug scenes in the county")
UNIT_WASTEWATER = Msg("mg/dag per 1 000 invånare", "mg/day per 1,000 inhabitants")
UNIT_PERCENT = Msg("%", "%")
UNIT_COUNT = Msg("st", "count")
PLACE_COUNTY = Msg("Hela länet", "The whole county")

# --- indicator forms ----------------------------------------------------------------------

VALUE_FORM_TITLE = Msg("Indikatorvärde", "Indicator value")
CORRECT_FORM_TITLE = Msg("Rätta värde", "Correct a value")
NEW_INDICATOR_TITLE = Msg("Ny indikator", "New indicator")
VALUE_FORM_INTRO = Msg(
    "Registrera ett uppmätt värde för ett av planens effektmål. Finns redan ett värde för samma "
    "indikator, plats och period ersätts det, och det gamla sparas i historiken.",
    "Record a measured value of one of the plan's effect goals. If there already is a value for "
    "the same indicator, place and period it is replaced, and the old one is kept in the history.",
)
CORRECT_FORM_INTRO = Msg(
    "Du rättar *{indicator}*, {place}, {period}: nu *{value}* (källa: {source}). Det gamla "
    "värdet sparas i historiken.",
    "You are correcting *{indicator}*, {place}, {period}: now *{value}* (source: {source}). The "
    "old value is kept in the history.",
)
FIELD_INDICATOR = Msg("Indikator", "Indicator")
FIELD_PLACE = Msg("Plats", "Place")
FIELD_PERIOD = Msg("Period", "Period")
FIELD_PERIOD_HINT = Msg(
    "År 2026, halvår 2026-H1 (VT2026 = H1, HT2026 = H2), kvartal 2026-Q3, månad 2026-05, vecka "
    "2026-v12 (ISO-vecka) eller dag 2026-05-12. Samma period skriven på ett annat sätt ersätter "
    "värdet.",
    "Year 2026, half-year 2026-H1 or 2026-H2, quarter 2026-Q3, month 2026-05, ISO week "
    "2026-W12 or day 2026-05-12. The same period written another way replaces the value.",
)
FIELD_VALUE = Msg("Värde", "Value")
FIELD_VALUE_HINT = Msg(
    "Ett tal, med decimalkomma om det behövs (t.ex. 12,5).",
    "A number, with a decimal point if needed (e.g. 12.5).",
)
FIELD_SOURCE = Msg("Källa", "Source")
FIELD_SOURCE_HINT = Msg(
    "Var värdet kommer ifrån, t.ex. CAN 2026 eller Avloppsreningsverket Duvbacken.",
    "Where the value comes from, e.g. CAN 2026 or the Duvbacken treatment plant.",
)
FIELD_NOTE = Msg("Anteckning", "Note")
FIELD_NOTE_HINT = Msg(
    "Frivilligt: t.ex. ändrad mätmetod eller annat som påverkar jämförelsen.",
    "Optional: e.g. a changed method or anything else that affects the comparison.",
)
FIELD_NAME = Msg("Namn", "Name")
FIELD_UNIT = Msg("Enhet", "Unit")
FIELD_UNIT_HINT = Msg("T.ex. %, st eller mg/dag per 1 000 invånare.", "E.g. %, count or mg/day.")
FIELD_DIRECTION = Msg("Önskad riktning enligt planen", "Direction the plan wants")
DIRECTION_DOWN = Msg("Ska minska", "Should go down")
DIRECTION_UP = Msg("Ska öka", "Should go up")
DIRECTION_NONE = Msg("Ingen given riktning", "No given direction")
PERIOD_REQUIRED = Msg("Skriv vilken period värdet gäller.", "Write which period the value is for.")
PERIOD_INVALID = Msg(
    "Perioden känns inte igen. Skriv t.ex. 2026, 2026-H1 (eller VT2026), 2026-H2 (eller HT2026), "
    "2026-Q3, 2026-05, 2026-v12 eller 2026-05-12.",
    "The period is not recognised. Write e.g. 2026, 2026-H1, 2026-H2, 2026-Q3, 2026-05, "
    "2026-W12 or 2026-05-12.",
)
VALUE_REQUIRED = Msg("Skriv värdet.", "Write the value.")
VALUE_INVALID = Msg("Skriv ett tal, t.ex. 12 eller 12,5.", "Write a number, e.g. 12 or 12.5.")
VALUE_PERCENT = Msg("En andel ska vara mellan 0 och 100 %.", "A share must be between 0 and 100 %.")
VALUE_COUNT = Msg(
    "Ett antal ska vara ett heltal, 0 eller mer.", "A count must be a whole number, 0 or more."
)
VALUE_NEGATIVE = Msg("Värdet kan inte vara negativt.", "The value cannot be negative.")
COUNTY_ONLY = Msg(
    "Den här indikatorn gäller hela länet.", "This indicator is for the whole county."
)
INDICATOR_EXISTS = Msg(
    "Det finns redan en indikator med det namnet.", "An indicator with that name exists already."
)

VALUE_SAVED = Msg(
    "Sparat: *{indicator}*, {place}, {period}: *{value} {unit}*.",
    "Saved: *{indicator}*, {place}, {period}: *{value} {unit}*.",
)
VALUE_REPLACED = Msg(
    "Sparat: *{indicator}*, {place}, {period}: *{value} {unit}* (ersätter {old}; det gamla "
    "värdet finns kvar i historiken).",
    "Saved: *{indicator}*, {place}, {period}: *{value} {unit}* (replaces {old}; the old value "
    "stays in the history).",
)
VALUE_UNCHANGED = Msg(
    "Värdet var redan {value} {unit} med samma källa; inget ändrades.",
    "The value already was {value} {unit} with the same source; nothing changed.",
)
VALUE_GONE = Msg(
    "Det värdet har redan rättats av någon annan. Öppna listan igen och rätta det senaste.",
    "That value was already corrected by someone else. Open the list again and correct the latest.",
)
INDICATOR_SAVED = Msg(
    "Indikatorn *{name}* ({unit}) är tillagd. Registrera värden med `/samverkan indikator`.",
    "The indicator *{name}* ({unit}) is added. Record values with `/samverkan indicator`.",
)

LIST_HEADER = Msg("Indikatorer: senaste värden", "Indicators: latest values")
LIST_EMPTY = Msg(
    "Inga indikatorvärden är registrerade ännu. Registrera med `/samverkan indikator`.",
    "No indicator values are recorded yet. Record them with `/samverkan indicator`.",
)
LIST_LINE = Msg(
    "*{indicator}* · {place} · {period}: *{value} {unit}*\n_Källa: {source}_{note}{history}",
    "*{indicator}* · {place} · {period}: *{value} {unit}*\n_Source: {source}_{note}{history}",
)
LIST_NOTE = Msg("\n_Anteckning: {note}_", "\n_Note: {note}_")
LIST_HISTORY = Msg("\n:pencil2: Rättat; tidigare: {old}", "\n:pencil2: Corrected; earlier: {old}")
LIST_OLD = Msg("{value} ({source}, {date})", "{value} ({source}, {date})")
LIST_MORE = Count(
    one=Msg(
        "… och {count} värde till. Alla finns i exporten (`/samverkan export`).",
        "… and {count} more value. All are in the export (`/samverkan export`).",
    ),
    other=Msg(
        "… och {count} värden till. Alla finns i exporten (`/samverkan export`).",
        "… and {count} more values. All are in the export (`/samverkan export`).",
    ),
)
BUTTON_CORRECT = Msg("Rätta", "Correct")
BUTTON_NEW_VALUE = Msg("Registrera värde", "Record a value")
BUTTON_NEW_INDICATOR = Msg("Ny indikator", "New indicator")

# --- the status summary -------------------------------------------------------------------

SUMMARY_HEADER = Msg("Statusrapport: {name}", "Status summary: {name}")
SUMMARY_PART = Msg("Statusrapport, del {part} av {parts}", "Status summary, part {part} of {parts}")
SUMMARY_PERIOD = Msg(
    "Perioden *{start} – {end}* (sedan förra ägarmötet) jämförs med perioden före, "
    "{previous_start} – {start}. Siffror inom parentes gäller perioden före.",
    "The period *{start} – {end}* (since the last owners' meeting) is compared with the period "
    "before, {previous_start} – {start}. Figures in brackets are for the period before.",
)
SUMMARY_PERIOD_DEFAULT = Msg(
    "Perioden *{start} – {end}* (senaste halvåret; inget tidigare ägarmöte finns) jämförs med "
    "perioden före, {previous_start} – {start}. Siffror inom parentes gäller perioden före.",
    "The period *{start} – {end}* (the last half year; there is no earlier owners' meeting) is "
    "compared with the period before, {previous_start} – {start}. Figures in brackets are for "
    "the period before.",
)
SUMMARY_FALLBACK = Msg(
    "Statusrapport för {name}, {start} – {end}. Nya behov: {new}. Öppna behov: {open}.",
    "Status summary for {name}, {start} – {end}. New needs: {new}. Open needs: {open}.",
)
SUMMARY_GENERATED = Msg("Sammanställd {at}.", "Compiled on {at}.")

NEEDS_TITLE = Msg("*1. Behov från organisationerna*", "*1. Needs from the organisations*")
NONE_WORD = Msg("inga", "none")
NEEDS_FIGURES = Msg(
    "Nya behov: *{new}* ({new_before}) {new_arrow}\nGenomförda under perioden: *{done}* "
    "({done_before}) {done_arrow}\nÖppna just nu: *{open}*",
    "New needs: *{new}* ({new_before}) {new_arrow}\nCompleted during the period: *{done}* "
    "({done_before}) {done_arrow}\nOpen now: *{open}*",
)
NEEDS_BY_STATUS = Msg(
    "*Periodens behov efter status nu:* {statuses}",
    "*The period's needs by status now:* {statuses}",
)
NEEDS_BY_ORGANIZATION = Msg("*Nya behov per organisation*", "*New needs per organisation*")
NEEDS_ORG_LINE = Msg(
    "• {organization}: {new} ({new_before}) · {open}",
    "• {organization}: {new} ({new_before}) · {open}",
)
NEEDS_OPEN_COUNT = Count(
    one=Msg("1 öppet", "1 open"),
    other=Msg("{count} öppna", "{count} open"),
    zero=Msg("inget öppet", "none open"),
)
NEEDS_NO_NEW = Msg("Inga nya behov under perioden.", "No new needs during the period.")
NEEDS_OTHER_ORGS = Count(
    one=Msg(
        "… och {count} organisation till med behov.",
        "… and {count} more organisation with needs.",
    ),
    other=Msg(
        "… och {count} organisationer till med behov.",
        "… and {count} more organisations with needs.",
    ),
)
NEEDS_OLDEST = Msg("*Äldsta öppna behov*", "*Oldest open needs*")
NEEDS_OLD_LINE = Count(
    one=Msg(
        "• #{id} {title} ({organization}) · {status} · inkom {date} ({days} dag)",
        "• #{id} {title} ({organization}) · {status} · came in {date} ({days} day)",
    ),
    other=Msg(
        "• #{id} {title} ({organization}) · {status} · inkom {date} ({days} dagar)",
        "• #{id} {title} ({organization}) · {status} · came in {date} ({days} days)",
    ),
    by="days",
)

MEETINGS_TITLE = Msg("*2. Möten*", "*2. Meetings*")
MEETINGS_FIGURES = Msg(
    "Hållna arbetsgruppsmöten: *{working}* ({working_before}) {arrow} · alla hållna möten: {all} "
    "({all_before})",
    "Working-group meetings held: *{working}* ({working_before}) {arrow} · all meetings held: "
    "{all} ({all_before})",
)
MEETINGS_NOT_FOLLOWED_UP = Count(
    one=Msg(
        "*Inte uppföljt:* 1 möte är slut utan förd närvaro eller bekräftelse och räknas inte som "
        "hållet.",
        "*Not followed up:* 1 meeting ended with no attendance recorded and no confirmation, and "
        "does not count as held.",
    ),
    other=Msg(
        "*Inte uppföljda:* {count} möten är slut utan förd närvaro eller bekräftelse och räknas "
        "inte som hållna.",
        "*Not followed up:* {count} meetings ended with no attendance recorded and no "
        "confirmation, and do not count as held.",
    ),
    zero=Msg("Alla avslutade möten är uppföljda.", "Every meeting that ended is followed up."),
)
MEETINGS_ATTENDANCE = Msg(
    "*Närvaro per organisation* (arbetsgruppsmöten)",
    "*Attendance per organisation* (working group)",
)
MEETINGS_ATTENDANCE_LINE = Msg(
    "• {organization}: {attended} av {held} ({rate})",
    "• {organization}: {attended} of {held} ({rate})",
)
MEETINGS_ATTENDANCE_NONE = Msg(
    "• {organization}: inte med (0 av {held})", "• {organization}: not present (0 of {held})"
)
MEETINGS_OF_INVITED = Count(
    one=Msg("{missed} av {count} möte", "{missed} of {count} meeting"),
    other=Msg("{missed} av {count} möten", "{missed} of {count} meetings"),
)
MEETINGS_MISSED_ONE = Msg(
    "*Missade flest möten:* {organization} missade {of}.",
    "*Missed the most meetings:* {organization} missed {of}.",
)
MEETINGS_MISSED_TIED = Msg(
    "*Missade flest möten:* {organizations} missade {of} var.",
    "*Missed the most meetings:* {organizations} each missed {of}.",
)
MEETINGS_MISSED_COUNTED = Count(
    one=Msg(
        "*Missade flest möten:* {count} organisation missade {of}.",
        "*Missed the most meetings:* {count} organisation missed {of}.",
    ),
    other=Msg(
        "*Missade flest möten:* {count} organisationer missade {of} var.",
        "*Missed the most meetings:* {count} organisations each missed {of}.",
    ),
)
MEETINGS_NONE_MISSED = Msg(
    "Alla organisationer var med på alla möten.", "Every organisation attended every meeting."
)
MEETINGS_NONE = Msg("Inga möten hölls under perioden.", "No meetings were held during the period.")

TRAININGS_TITLE = Msg("*3. Utbildningar och kunskapslyft*", "*3. Trainings and knowledge gain*")
TRAININGS_FIGURES = Msg(
    "Hållna utbildningar: *{held}* ({held_before}) {arrow}",
    "Trainings held: *{held}* ({held_before}) {arrow}",
)
TRAININGS_PARTICIPANTS = Msg(
    "Deltagare enligt partnernas återrapporter: *{reported}* ({reported_before}) · förväntade "
    "deltagare på registrerade utbildningar: *{expected}* ({expected_before}) · svar på "
    "utvärderingarna: *{answered}* ({answered_before})",
    "Participants according to the partners' report-backs: *{reported}* ({reported_before}) · "
    "expected participants at registered trainings: *{expected}* ({expected_before}) · answers "
    "to the evaluations: *{answered}* ({answered_before})",
)
TRAININGS_COUNT = Count(
    one=Msg("1 utbildning", "1 training"),
    other=Msg("{count} utbildningar", "{count} trainings"),
    zero=Msg("inga utbildningar", "no trainings"),
)
PARTICIPANTS_EXPECTED = Count(
    one=Msg("1 förväntad deltagare", "1 expected participant"),
    other=Msg("{count} förväntade deltagare", "{count} expected participants"),
    zero=Msg("inga förväntade deltagare", "no expected participants"),
)
PARTICIPANTS_REPORTED = Count(
    one=Msg("1 deltagare enligt återrapport", "1 participant according to report-back"),
    other=Msg(
        "{count} deltagare enligt återrapport", "{count} participants according to report-back"
    ),
    zero=Msg("inga deltagare enligt återrapport", "no participants according to report-back"),
)
PARTICIPANTS_ANSWERED = Count(
    one=Msg("1 svar", "1 answer"),
    other=Msg("{count} svar", "{count} answers"),
    zero=Msg("inga svar", "no answers"),
)
TRAININGS_SUBJECT = Msg(
    "• *{subject}*: {figures} · kunskap före {before} → efter {after} (*{change}*) · "
    "svarsfrekvens {rate}",
    "• *{subject}*: {figures} · knowledge before {before} → after {after} (*{change}*) · "
    "response rate {rate}",
)
TRAININGS_SUBJECT_HIDDEN = Msg(
    "• *{subject}*: {figures} · för få svar ({answers}) för att visa kunskapslyftet",
    "• *{subject}*: {figures} · too few answers ({answers}) to show the knowledge gain",
)
TRAININGS_SUBJECT_UNANSWERED = Msg(
    "• *{subject}*: {figures} · ingen har svarat på utvärderingen, så kunskapslyftet är okänt",
    "• *{subject}*: {figures} · nobody answered the evaluation, so the knowledge gain is unknown",
)
TRAININGS_SUBJECT_REPORTED = Msg(
    "• *{subject}*: {figures} · återrapporterade utbildningar utvärderas inte",
    "• *{subject}*: {figures} · reported-back trainings are not evaluated",
)
TRAININGS_SCALE = Msg(
    "Kunskap skattas av deltagarna på en skala 1–5, före och efter utbildningen.",
    "Participants rate their knowledge on a scale of 1–5, before and after the training.",
)
TRAININGS_MORE = Count(
    one=Msg(
        "… och {count} ämne till (se exporten).",
        "… and {count} more subject (see the export).",
    ),
    other=Msg(
        "… och {count} ämnen till (se exporten).",
        "… and {count} more subjects (see the export).",
    ),
)
TRAININGS_NONE = Msg(
    "Inga utbildningar hölls under perioden.", "No trainings were held during the period."
)

REPORTS_TITLE = Msg(
    "*4. Partnernas återrapportering av utbildningar*", "*4. Partners' report-back of trainings*"
)
REPORTS_DONE = Msg("*Har rapporterat:* {organizations}", "*Have reported:* {organizations}")
REPORTS_MISSING = Msg(
    "*Har inte rapporterat:* {organizations}", "*Have not reported:* {organizations}"
)
REPORTS_ITEM = Msg("{organization} ({count})", "{organization} ({count})")
REPORTS_NOBODY = Msg("ingen ännu", "nobody yet")
REPORTS_EVERYBODY = Msg("alla har rapporterat", "everybody has reported")

INDICATORS_TITLE = Msg("*5. Indikatorer för effektmålen*", "*5. Indicators of the effect goals*")
INDICATOR_LINE = Msg(
    "• {indicator}, {place}: *{value} {unit}* ({period}) {trend}",
    "• {indicator}, {place}: *{value} {unit}* ({period}) {trend}",
)
INDICATOR_COMPARED = Msg(
    "{arrow} {word}: {period} jämfört med {previous} ({value} {unit}){wanted}",
    "{arrow} {word}: {period} compared with {previous} ({value} {unit}){wanted}",
)
INDICATOR_FIRST = Msg("· första värdet", "· first value")
INDICATOR_NO_LIKE = Msg(
    "· inget tidigare {kind} att jämföra med", "· no earlier {kind} to compare with"
)
KIND_YEAR = Msg("år", "year")
KIND_HALF = Msg("halvår", "half-year")
KIND_QUARTER = Msg("kvartal", "quarter")
KIND_MONTH = Msg("månadsvärde", "month")
KIND_WEEK = Msg("veckovärde", "week")
KIND_DAY = Msg("dagsvärde", "day")
INDICATORS_NONE = Msg(
    "Inga indikatorvärden är registrerade. Samverkansledarna registrerar dem med "
    "`/samverkan indikator`.",
    "No indicator values are recorded. The coordinators record them with `/samverkan indicator`.",
)
INDICATORS_MORE = Count(
    one=Msg(
        "… och {count} serie till (se exporten och diagrammen).",
        "… and {count} more series (see the export and the charts).",
    ),
    other=Msg(
        "… och {count} serier till (se exporten och diagrammen).",
        "… and {count} more series (see the export and the charts).",
    ),
)
TREND_UP = Msg("ökar", "up")
TREND_DOWN = Msg("minskar", "down")
TREND_STABLE = Msg("oförändrat", "unchanged")
WANTED_YES = Msg(", i planens riktning", ", the way the plan wants")
WANTED_NO = Msg(", mot planens riktning", ", against the way the plan wants")

CAUTION = Msg(
    ":mag: *Pröva andra förklaringar först.* Planen säger att uppföljningen ska pröva alternativa "
    "orsaker innan en förändring tillskrivs samverkan, för att undvika att vi bara ser det vi "
    "hoppas på. Fråga till exempel: har mätmetod, urval eller svarsfrekvens ändrats? Har "
    "tillgång eller pris på narkotika, polisens insatser, befolkningen eller händelser i "
    "omvärlden förändrats? Går utvecklingen likadant i andra län? En trend visar att något "
    "hänt samtidigt, inte att samverkan orsakat det.",
    ":mag: *Examine other explanations first.* The plan says that the follow-up must examine "
    "alternative causes before a change is credited to the collaboration, to avoid seeing only "
    "what we hope for. Ask for example: have the method, the sample or the response rate "
    "changed? Have the supply or price of drugs, police operations, the population or events "
    "in the world changed? Do other counties show the same development? A trend shows that "
    "something happened at the same time, not that the collaboration caused it.",
)
NOT_AVAILABLE = Msg(
    "_Uppgifterna finns inte i boten ännu._", "_These figures are not in the bot yet._"
)
BUTTON_PUBLISH = Msg("Publicera i ägarnas kanal", "Publish to the owners' channel")
PUBLISH_CONFIRM_TITLE = Msg("Publicera statusrapporten?", "Publish the status summary?")
PUBLISH_CONFIRM_TEXT = Msg(
    "Rapporten, med diagram, skickas till samverkansägarnas kanal.",
    "The summary, with charts, is sent to the owners' channel.",
)
PUBLISH_CONFIRM_YES = Msg("Publicera", "Publish")
PUBLISHED = Msg(
    "Statusrapporten är skickad till <#{channel}>; diagrammen kommer i en tråd under den.",
    "The status summary is sent to <#{channel}>; the charts follow in a thread below it.",
)
NO_OWNERS_CHANNEL = Msg(
    "Ingen kanal för samverkansägarna är inställd (`channels.owners` i konfigurationen). "
    "Inget har skickats.",
    "No channel for the owners is configured (`channels.owners` in the configuration). "
    "Nothing was sent.",
)
CHARTS_COMMENT = Msg("Diagram till statusrapporten.", "Charts for the status summary.")
STATUS_CHARTS_NOTE = Msg(
    "Diagrammen följer med när rapporten publiceras i ägarnas kanal.",
    "The charts come along when the summary is published to the owners' channel.",
)

# --- export -------------------------------------------------------------------------------

EXPORT_WORKING = Msg(
    "Exporten tas fram och kommer strax som en fil i ditt direktmeddelande med mig.",
    "The export is being prepared and arrives shortly as a file in your direct message with me.",
)
EXPORT_DONE = Msg(
    "Här är exporten för {name}, {date}. Utvärderingarna finns bara som sammanställningar, "
    "aldrig som enskilda svar.",
    "Here is the export for {name}, {date}. Evaluations are only given as aggregates, never as "
    "single answers.",
)
SHEET_NEEDS = Msg("Behov", "Needs")
SHEET_MEETINGS = Msg("Möten", "Meetings")
SHEET_ATTENDANCE = Msg("Närvaro", "Attendance")
SHEET_TRAININGS = Msg("Utbildningar och utvärderingar", "Trainings and evaluations")
SHEET_REPORTS = Msg("Återrapportering", "Report-back")
SHEET_INDICATORS = Msg("Indikatorer", "Indicators")
SHEET_ABOUT = Msg("Om exporten", "About")
COL_ID = Msg("Nr", "No")
COL_CREATED = Msg("Inkom", "Received")
COL_UPDATED = Msg("Senast ändrad", "Last changed")
COL_ORGANIZATION = Msg("Organisation", "Organisation")
COL_TITLE = Msg("Rubrik", "Title")
COL_FOCUS = Msg("Fokusområde", "Focus area")
COL_URGENCY = Msg("Brådska", "Urgency")
COL_SCOPE = Msg("Gäller", "Applies to")
COL_STATUS = Msg("Status", "Status")
COL_DATE = Msg("Datum", "Date")
COL_KIND = Msg("Slag", "Kind")
COL_MEETINGS_HELD = Msg("Hållna arbetsgruppsmöten {period}", "Working-group meetings held {period}")
COL_ATTENDED = Msg("Deltog {period}", "Attended {period}")
COL_RATE = Msg("Andel {period} (%)", "Share {period} (%)")
COL_DESCRIPTION = Msg("Beskrivning", "Description")
COL_MEETING = Msg("Möte", "Meeting")
COL_PRESENT = Msg("Organisationer närvarande", "Organisations present")
KIND_WORKING_GROUP = Msg("Arbetsgruppsmöte", "Working-group meeting")
KIND_PLANNING = Msg("Planeringsmöte", "Planning meeting")
KIND_OWNERS = Msg("Ägarmöte", "Owners' meeting")
MEETING_HELD = Msg("hållet", "held")
MEETING_CANCELLED = Msg("inställt", "cancelled")
COL_ORIGIN = Msg("Slag", "Kind")
ORIGIN_REGISTERED = Msg("registrerad i förväg", "registered ahead")
ORIGIN_REPORTED = Msg("återrapporterad", "reported back")
COL_REPORTED_PERIOD = Msg("Rapporterade {period}", "Reported {period}")
COL_TOTAL = Msg("Totalt", "Total")
PERIOD_NOW = Msg("(perioden {start} – {end})", "(period {start} – {end})")
COL_COUNT = Msg("Antal", "Count")
COL_SUBJECT = Msg("Ämne", "Subject")
COL_TRAININGS = Msg("Utbildningar", "Trainings")
COL_ANSWERS = Msg("Svar", "Answers")
COL_BEFORE = Msg("Kunskap före (medel)", "Knowledge before (mean)")
COL_AFTER = Msg("Kunskap efter (medel)", "Knowledge after (mean)")
COL_CHANGE = Msg("Förändring (medel)", "Change (mean)")
COL_RESPONSE_RATE = Msg("Svarsfrekvens (%)", "Response rate (%)")
COL_INDICATOR = Msg("Indikator", "Indicator")
COL_PLACE = Msg("Plats", "Place")
COL_PERIOD = Msg("Period", "Period")
COL_VALUE = Msg("Värde", "Value")
COL_UNIT = Msg("Enhet", "Unit")
COL_SOURCE = Msg("Källa", "Source")
COL_NOTE = Msg("Anteckning", "Note")
COL_RECORDED = Msg("Registrerat", "Recorded")
COL_RECORDED_BY = Msg("Registrerat av", "Recorded by")
COL_CURRENT = Msg("Gällande", "Current")
COL_REPLACED_BY = Msg("Ersatt av nr", "Replaced by no")
YES = Msg("ja", "yes")
NO = Msg("nej", "no")
ABOUT_LINES = Msg(
    "Export från Samverkansbot för {name}, {date}.\n"
    "Perioden: Närvaro och Återrapportering gäller perioden {period} (samma som "
    "statusrapporten) och perioden före, {previous}. Behov, Möten, Utbildningar och "
    "Indikatorer innehåller allt som finns i registren.\n"
    "Personer anges med det namn deras Slack-profil visade när de senast använde boten, aldrig "
    "med Slack-id.\n"
    "Utelämnat för att skydda deltagarnas anonymitet: enskilda svar på utvärderingarna, "
    "fritextsvaren och vilka som svarade. Utvärderingar redovisas bara som sammanställningar per "
    "utbildning, och medelvärdena visas inte när färre än {min_answers} har svarat.\n"
    "Utelämnat om möten: vem som svarade vad på kallelserna och namn på ersättare; bladet Möten "
    "visar bara antalet svar.\n"
    "Deltagare: förväntade deltagare (vid registrering), rapporterade deltagare (vid "
    "återrapport) och svar på utvärderingen är olika saker och räknas var för sig.\n"
    "Ett möte räknas som hållet bara när närvaron är förd eller en samverkansledare har "
    "bekräftat det; annars står det som inte uppföljt.\n"
    "Indikatorbladet innehåller hela historiken: rättade värden står kvar med 'Gällande' = nej.\n"
    "Varje blad har filter i rubrikraden.",
    "Export from Samverkansbot for {name}, {date}.\n"
    "The period: Attendance and Report-back cover the period {period} (the same as the status "
    "summary) and the period before, {previous}. Needs, Meetings, "
    "Trainings and Indicators hold everything in the registers.\n"
    "People are named as their Slack profile showed them when they last used the bot, never by "
    "Slack id.\n"
    "Left out to protect the participants' anonymity: single evaluation answers, the free-text "
    "answers and who answered. Evaluations are given only as aggregates per training, and the "
    "means are not shown when fewer than {min_answers} answered.\n"
    "Left out about meetings: who answered what to the calls and the names of substitutes; the "
    "Meetings sheet shows only the number of answers.\n"
    "Participants: expected participants (at registration), reported participants (at "
    "report-back) and evaluation answers are different things and are counted apart.\n"
    "A meeting counts as held only when its attendance is recorded or a coordinator confirmed "
    "it; otherwise it is marked as not followed up.\n"
    "The indicators sheet holds the whole history: corrected values remain with 'Current' = no.\n"
    "Every sheet has filters in its header row.",
)
COL_SUPPORT = Msg("Önskat stöd", "Support wanted")
COL_DECLINE_REASON = Msg("Skäl (avböjt)", "Reason (declined)")
COL_SUBMITTED_BY = Msg("Lämnat av", "Submitted by")
COL_SUBMITTER_ORGANIZATION = Msg("Lämnat av, organisation", "Submitted by, organisation")
COL_CANCEL_REASON = Msg("Skäl (inställt)", "Reason (cancelled)")
COL_PRESENT_NAMES = Msg("Närvarande organisationer", "Organisations present, by name")
COL_ANSWERS_YES = Msg("Svar: kommer", "Answers: attending")
COL_ANSWERS_SUBSTITUTE = Msg("Svar: ersättare", "Answers: substitute")
COL_ANSWERS_NO = Msg("Svar: kommer inte", "Answers: not attending")
COL_AGENDA_ADDED = Msg("Tillagda dagordningspunkter", "Agenda items added")
MEETING_UNCONFIRMED = Msg("inte uppföljt", "not followed up")
COL_ENDS = Msg("Slut", "Ends")
COL_ORGANIZER = Msg("Arrangör", "Organiser")
COL_TARGETS = Msg("Målgrupp", "Target organisations")
COL_EXPECTED = Msg("Förväntade deltagare", "Expected participants")
COL_REPORTED = Msg("Rapporterade deltagare", "Reported participants")
COL_EVALUATION_TO = Msg("Utvärderingen skickades", "Evaluation sent")
COL_NEEDS = Msg("Behov som utbildningen svarar mot", "Needs the training answers")
COL_REGISTERED_BY = Msg("Registrerad eller rapporterad av", "Registered or reported by")
EVALUATION_TO_CHANNEL = Msg("i en kanal", "in a channel")
EVALUATION_TO_PEOPLE = trainings.EVAL_TO_PARTICIPANTS
COL_PERIOD_START = Msg("Periodens början", "Period starts")
COL_PERIOD_END = Msg("Periodens slut", "Period ends")
PERSON_UNKNOWN = Msg("(namnet okänt)", "(name unknown)")
EXPORT_NOT_AVAILABLE = Msg(
    "Uppgifterna finns inte i boten ännu.", "These figures are not in the bot yet."
)

# --- home ---------------------------------------------------------------------------------

HOME_TODO = Msg("*Det här väntar på dig som samverkansledare*", "*Waiting for you as coordinator*")
HOME_TODO_NEW_NEEDS = Count(
    one=Msg(
        "• {count} nytt behov att ta ställning till",
        "• {count} new need to consider",
    ),
    other=Msg(
        "• {count} nya behov att ta ställning till",
        "• {count} new needs to consider",
    ),
)
HOME_TODO_NO_CALL = Count(
    one=Msg(
        "• {count} kommande möte utan utskickad kallelse: {meetings}",
        "• {count} coming meeting without a call sent: {meetings}",
    ),
    other=Msg(
        "• {count} kommande möten utan utskickad kallelse: {meetings}",
        "• {count} coming meetings without a call sent: {meetings}",
    ),
)
HOME_TODO_UNCONFIRMED = Count(
    one=Msg(
        "• 1 möte är inte uppföljt (ingen närvaro förd, inte bekräftat): {meetings}",
        "• 1 meeting is not followed up (no attendance, not confirmed): {meetings}",
    ),
    other=Msg(
        "• {count} möten är inte uppföljda (ingen närvaro förd, inte bekräftade): {meetings}",
        "• {count} meetings are not followed up (no attendance, not confirmed): {meetings}",
    ),
)
HOME_TODO_FAILED = Count(
    one=Msg(
        "• {count} meddelande eller fil kunde inte skickas",
        "• {count} message or file could not be delivered",
    ),
    other=Msg(
        "• {count} meddelanden eller filer kunde inte skickas",
        "• {count} messages or files could not be delivered",
    ),
)
HOME_TODO_NOTHING = Msg(
    "Inget väntar just nu. :white_check_mark:", "Nothing is waiting right now. :white_check_mark:"
)
HOME_FOLLOWUP = Msg("*Uppföljning*", "*Follow-up*")
HOME_NEXT_OWNERS = Msg(
    "Nästa ägarmöte: {date}. Statusrapporten skickas till ägarna {summary_date}.",
    "Next owners' meeting: {date}. The status summary goes to the owners on {summary_date}.",
)
HOME_MEETINGS = Msg("*Dina nästa möten*", "*Your next meetings*")
HOME_MEETING_LINE = Msg("• {date} {title}{rsvp}", "• {date} {title}{rsvp}")
HOME_RSVP = Msg(" · ditt svar: {answer}", " · your answer: {answer}")
HOME_RSVP_NONE = Msg(" · du har inte svarat", " · you have not answered")
HOME_NO_MEETINGS = Msg("Inga inplanerade möten.", "No meetings planned.")
HOME_EVALUATIONS = Msg(
    "*Utvärderingar som väntar på ditt svar*", "*Evaluations waiting for your answer*"
)
HOME_EVALUATION_LINE = Msg("• {title} ({date})", "• {title} ({date})")
BUTTON_STATUS = Msg("Statusrapport", "Status summary")
BUTTON_EXPORT = Msg("Exportera till Excel", "Export to Excel")
