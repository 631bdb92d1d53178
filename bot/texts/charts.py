"""Texts of the charts: the owners' summary's charts and an evaluation's chart."""

from bot.texts import Count, Msg

# --- shared ----------------------------------------------------------------------------------
PERIOD = Msg("{start} – {end}", "{start} – {end}")
BEFORE = Msg("Före", "Before")
AFTER = Msg("Efter", "After")
SCALE_AXIS = Msg(
    "Skattad kunskap, 1 = mycket liten, 5 = mycket stor",
    "Rated knowledge, 1 = very little, 5 = a great deal",
)

# --- the owners' summary -----------------------------------------------------------------------
NEEDS_TITLE = Msg(
    "Nya behov per månad, efter status i dag, {period}",
    "New needs per month, by status today, {period}",
)
NEEDS_Y = Msg("Antal behov", "Number of needs")
ATTENDANCE_TITLE = Msg(
    "Närvaro på arbetsgruppsmöten per organisation, {period}",
    "Working-group attendance per organisation, {period}",
)
ATTENDANCE_X = Msg("Andel av mötena (%)", "Share of the meetings (%)")
ATTENDANCE_LABEL = Msg("{attended} av {held}", "{attended} of {held}")
KNOWLEDGE_TITLE = Msg(
    "Kunskap före och efter, per utbildning, {period}",
    "Knowledge before and after, per training, {period}",
)
KNOWLEDGE_LABEL = Msg("{title} (n = {n})", "{title} (n = {n})")
INDICATORS_TITLE = Msg(
    "Indikatorer för effektmålen, värden till och med {date}",
    "Indicators of the effect goals, values up to {date}",
)
INDICATOR_SPAN = Msg("{first} – {last}", "{first} – {last}")
NEEDS_ALT = Msg(
    "Stapeldiagram: nya behov per månad {period}, uppdelade efter status i dag, med antalet "
    "ovanför varje stapel.",
    "Bar chart: new needs per month {period}, split by status today, with the count above "
    "each bar.",
)
ATTENDANCE_ALT = Msg(
    "Stapeldiagram: andel av arbetsgruppsmötena {period} som varje organisation deltog i.",
    "Bar chart: the share of the working-group meetings {period} each organisation attended.",
)
KNOWLEDGE_ALT = Msg(
    "Punktdiagram på skalan 1–5: deltagarnas kunskap före och efter varje utbildning {period}.",
    "Dot chart on the 1–5 scale: participants' knowledge before and after each training {period}.",
)
INDICATORS_ALT = Msg(
    "Linjediagram: varje indikators värden över tid.",
    "Line charts: each indicator's values over time.",
)
FILE_NEEDS = Msg("behov", "needs")
FILE_ATTENDANCE = Msg("narvaro", "attendance")
FILE_KNOWLEDGE = Msg("kunskap", "knowledge")
FILE_INDICATORS = Msg("indikatorer", "indicators")
LEFT_OUT_NEEDS = Msg(
    "Inget diagram över behov: inga nya behov kom in under perioden.",
    "No chart of needs: no new needs came in during the period.",
)
LEFT_OUT_ATTENDANCE = Msg(
    "Inget diagram över närvaro: ingen närvaro är registrerad för perioden.",
    "No chart of attendance: no attendance is recorded for the period.",
)
LEFT_OUT_KNOWLEDGE = Msg(
    "Inget diagram över kunskap: ingen utvärdering under perioden har ett resultat som kan visas.",
    "No chart of knowledge: no evaluation in the period has results that can be shown.",
)
LEFT_OUT_INDICATORS = Msg(
    "Inga diagram över indikatorer: inga värden är registrerade.",
    "No charts of indicators: no values are recorded.",
)

# --- one evaluation ------------------------------------------------------------------------------
EVALUATION_TITLE = Msg(
    "Kunskap före och efter: {title}, {date} (n = {n})",
    "Knowledge before and after: {title}, {date} (n = {n})",
)
EVALUATION_INTERIM = Msg("delresultat {date}", "interim results {date}")
EVALUATION_MEANS = Msg(
    "Medelvärde med 95 % konfidensintervall", "Mean with 95% confidence interval"
)
EVALUATION_COUNTS = Msg("Antal svar per skalsteg", "Answers per step of the scale")
EVALUATION_COUNT_AXIS = Msg("Antal svar", "Number of answers")
EVALUATION_FILE = Msg("utvardering-{id}.png", "evaluation-{id}.png")
EVALUATION_ALT = Msg(
    "Diagram: medelvärdet före och efter på skalan 1–5 med konfidensintervall, och antalet "
    "svar per skalsteg före och efter.",
    "Chart: the mean before and after on the 1–5 scale with confidence intervals, and the "
    "number of answers per step before and after.",
)
EVALUATION_COMMENT = Count(
    one=Msg(
        "Diagram för utvärderingen av *{title}* ({n} svar).",
        "Chart of the evaluation of *{title}* ({n} answer).",
    ),
    other=Msg(
        "Diagram för utvärderingen av *{title}* ({n} svar).",
        "Chart of the evaluation of *{title}* ({n} answers).",
    ),
    by="n",
)
