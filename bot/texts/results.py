"""Texts of an evaluation's results: the plain summary, the statistics, views and closing."""

from bot.texts import Count, Msg

# --- the results message -------------------------------------------------------------------------
HEADER = Msg("Utvärdering #{id}: {title}", "Evaluation #{id}: {title}")
ABOUT = Msg("{date} · {subject} · {organizer}", "{date} · {subject} · {organizer}")
COUNT = Count(
    one=Msg(
        "*{n} svar* (förväntade deltagare: {expected}, svarsfrekvens {rate}).",
        "*{n} answer* (expected participants: {expected}, response rate {rate}).",
    ),
    other=Msg(
        "*{n} svar* (förväntade deltagare: {expected}, svarsfrekvens {rate}).",
        "*{n} answers* (expected participants: {expected}, response rate {rate}).",
    ),
    by="n",
)
COUNT_PLAIN = Count(
    one=Msg(
        "*{n} svar.*",
        "*{n} answer.*",
    ),
    other=Msg(
        "*{n} svar.*",
        "*{n} answers.*",
    ),
    by="n",
)
COUNT_NONE = Msg("*Inga svar.*", "*No answers.*")
NOT_SENT = Msg("Utvärderingen har inte skickats än.", "The evaluation has not been sent yet.")
OPEN = Msg("Utvärderingen är öppen till {closes}.", "The evaluation is open until {closes}.")
CLOSED = Msg("Utvärderingen stängdes {closed}.", "The evaluation closed on {closed}.")
SHOWN_AT_CLOSE = Msg(
    "Resultatet visas när utvärderingen stänger, så att ingen kan räknas fram genom att två "
    "visningar jämförs.",
    "The results are shown when the evaluation closes, so that no one can be worked out by "
    "comparing two views.",
)
INTERIM = Count(
    one=Msg(
        "*Delresultat från {date}* med {n} svar. Hela resultatet visas när utvärderingen stänger.",
        "*Interim results from {date}* with {n} answer. The full results are shown when the evaluation closes.",
    ),
    other=Msg(
        "*Delresultat från {date}* med {n} svar. Hela resultatet visas när utvärderingen stänger.",
        "*Interim results from {date}* with {n} answers. The full results are shown when the evaluation closes.",
    ),
    by="n",
)
HELD_BACK = Count(
    one=Msg(
        "Resultatet bygger på det {n} svar som visades {date}. Svar som kom in eller ändrades efter det visas inte ({late} st.): så få svar skulle kunna pekas ut genom att resultaten jämförs.",
        "The results are those of the {n} answer shown on {date}. Answers that came in or changed after that are not shown ({late}): so few answers could be singled out by comparing the results.",
    ),
    other=Msg(
        "Resultatet bygger på de {n} svar som visades {date}. Svar som kom in eller ändrades efter det visas inte ({late} st.): så få svar skulle kunna pekas ut genom att resultaten jämförs.",
        "The results are those of the {n} answers shown on {date}. Answers that came in or changed after that are not shown ({late}): so few answers could be singled out by comparing the results.",
    ),
    by="n",
)
TOO_FEW = Count(
    one=Msg(
        "Resultatet visas när minst {min} har svarat, så att ingen kan identifieras.",
        "Results are shown once at least {min} person has answered, so that no one can be identified.",
    ),
    other=Msg(
        "Resultatet visas när minst {min} har svarat, så att ingen kan identifieras.",
        "Results are shown once at least {min} people have answered, so that no one can be identified.",
    ),
    by="min",
)
TOO_FEW_CLOSED = Count(
    one=Msg(
        "Färre än {min} svarade, så resultatet visas inte: då skulle enskilda svar kunna pekas ut.",
        "Fewer than {min} person answered, so the results are not shown: single answers could then be singled out.",
    ),
    other=Msg(
        "Färre än {min} svarade, så resultatet visas inte: då skulle enskilda svar kunna pekas ut.",
        "Fewer than {min} people answered, so the results are not shown: single answers could then be singled out.",
    ),
    by="min",
)
NONE_CAME = Msg(
    "Inga svar kom in, så det finns inget resultat att visa.",
    "No answers came in, so there are no results to show.",
)
NONE_FOUND = Msg("Det finns ingen utvärdering att visa än.", "There is no evaluation to show yet.")
BAD_ID = Msg(
    "Skriv utbildningens nummer, t.ex. `/utbildning resultat 3`. Numren står i "
    "`/utbildning lista`.",
    "Give the training's number, e.g. `/utbildning results 3`. The numbers are in "
    "`/utbildning list`.",
)

# --- the plain summary ---------------------------------------------------------------------------
PLAIN_UP = Msg(
    "Deltagarna skattade sin kunskap i genomsnitt {change} steg högre efter utbildningen"
    "{interval}; {improved} av {n} skattade högre.",
    "On average, participants rated their knowledge {change} steps higher after the training"
    "{interval}; {improved} of {n} rated it higher.",
)
PLAIN_DOWN = Msg(
    "Deltagarna skattade sin kunskap i genomsnitt {change} steg lägre efter utbildningen"
    "{interval}; {improved} av {n} skattade högre.",
    "On average, participants rated their knowledge {change} steps lower after the training"
    "{interval}; {improved} of {n} rated it higher.",
)
PLAIN_SAME = Msg(
    "Deltagarna skattade i genomsnitt sin kunskap lika högt före och efter utbildningen"
    "{interval}; {improved} av {n} skattade högre.",
    "On average, participants rated their knowledge the same before and after the training"
    "{interval}; {improved} of {n} rated it higher.",
)
INTERVAL = Msg(" (95 % konfidensintervall {low}–{high})", " (95% confidence interval {low}–{high})")
INTERVAL_ZERO = Msg(
    " (95 % konfidensintervall {low} till {high} steg, så skillnaden kan lika gärna vara slumpen)",
    " (95% confidence interval {low} to {high} on the scale, so the difference may just as well be chance)",
)
ALL_EQUAL = Msg(
    " (alla ändrade sin skattning lika mycket)",
    " (everyone changed their rating by the same amount)",
)
NO_ONE_CHANGED = Msg(" (ingen ändrade sin skattning)", " (no one changed their rating)")
SHARES = Msg(
    "*{improved}* skattade sin kunskap högre efter utbildningen, {same} lika högt och "
    "{declined} lägre.",
    "*{improved}* rated their knowledge higher after the training, {same} the same and "
    "{declined} lower.",
)
MEANS = Msg(
    "Medelvärde före utbildningen {before} och efter {after}, på skalan 1–5 (1 = mycket liten, "
    "5 = mycket stor kunskap).",
    "Mean before the training {before} and after {after}, on the 1–5 scale (1 = very little, "
    "5 = a great deal of knowledge).",
)

# --- the statistics, for those who want them -------------------------------------------------------
TECHNICAL = Msg(
    "*Statistiken, för den som vill veta mer*", "*The statistics, for those who want them*"
)
CHANGE = Msg(
    "*Parat t-intervall:* förändring {change}, 95 % konfidensintervall {low} till {high}.\n"
    "_Där den genomsnittliga förändringen troligen ligger, med hänsyn till hur få som svarade._",
    "*Paired t-interval:* change {change}, 95% confidence interval {low} to {high}.\n"
    "_Where the average change most likely lies, allowing for how few answered._",
)
CHANGE_NO_CI = Msg(
    "*Parat t-intervall:* förändring {change}; intervallet kan inte beräknas, eftersom alla "
    "ändrade sitt svar lika mycket.\n_Där den genomsnittliga förändringen troligen ligger._",
    "*Paired t-interval:* change {change}; no interval can be computed, since everyone changed "
    "their answer by the same amount.\n_Where the average change most likely lies._",
)
TEST = Msg(
    "*Wilcoxons teckenrangtest* (Pratts metod för nollskillnader): p = {p}, {method}.\n"
    "_Hur vanligt minst så här stora skillnader vore om utbildningen inte hade ändrat något; "
    "under 0,05 brukar räknas som en säker skillnad._",
    "*Wilcoxon signed-rank test* (Pratt's method for zero differences): p = {p}, {method}.\n"
    "_How common differences at least this large would be if the training had changed nothing; "
    "below 0.05 is usually taken as a clear difference._",
)
TEST_NONE = Msg(
    "*Wilcoxons teckenrangtest:* kan inte beräknas, eftersom ingen ändrade sitt svar.",
    "*Wilcoxon signed-rank test:* cannot be computed, since no one changed their answer.",
)
METHOD_EXACT = Msg("exakt fördelning", "exact distribution")
METHOD_PERMUTATION = Msg("exakt, alla teckenkombinationer", "exact, all sign combinations")
METHOD_NORMAL = Msg("normalapproximation", "normal approximation")
RANK_BISERIAL = Msg(
    "*Rangbiserial korrelation:* r = {r}.\n_Från −1 till 1: hur många fler som skattade högre "
    "än lägre, vägt efter hur mycket; 1 betyder att alla skattade högre._",
    "*Rank-biserial correlation:* r = {r}.\n_From −1 to 1: how many more rated higher than "
    "lower, weighted by how much; 1 means everyone rated higher._",
)
COHENS_DZ = Msg(
    "*Cohens d_z:* {dz}.\n_Förändringen jämförd med hur olika den var mellan deltagarna; "
    "omkring 0,2 räknas som en liten effekt, 0,5 som medelstor och 0,8 som stor._",
    "*Cohen's d_z:* {dz}.\n_The change compared with how much it varied between participants; "
    "about 0.2 counts as a small effect, 0.5 as medium and 0.8 as large._",
)
NOT_COMPUTABLE = Msg("kan inte beräknas", "not computable")
DISTRIBUTION = Msg(
    "*Fördelning av svaren* (antal per skalsteg, 1 = mycket liten, 5 = mycket stor kunskap)",
    "*Distribution of the answers* (count per step, 1 = very little, 5 = a great deal)",
)
ROW_SCALE = Msg("Skalsteg", "Step")
ROW_BEFORE = Msg("Före", "Before")
ROW_AFTER = Msg("Efter", "After")
USED = Msg("*Det här ska deltagarna använda*", "*What participants will use*")
MISSING = Msg("*Det här saknade deltagarna*", "*What participants missed*")
NO_TEXTS = Msg("Inga fritextsvar.", "No free-text answers.")
TEXTS_NOTE = Msg(
    "Fritexterna visas i slumpad ordning, utan namn.",
    "Free texts are shown in random order, without names.",
)
CHART_SENT = Msg(
    "Diagrammet skickas till dig i ett direktmeddelande från Samverkansbot.",
    "The chart is sent to you in a direct message from Samverkansbot.",
)

# --- interim results -------------------------------------------------------------------------------
BUTTON_RELEASE = Msg("Visa delresultat nu", "Show interim results now")
RELEASE_CONFIRM_TITLE = Msg("Visa delresultat?", "Show interim results?")
RELEASE_CONFIRM_TEXT = Msg(
    "Alla som får se resultatet ser då siffrorna och fritexterna från de svar som finns nu ({n}). Nästa delresultat kan visas först när minst {min} svar till har kommit in eller ändrats.",
    "Everyone allowed to see the results then sees the figures and free texts of the answers there are now ({n}). The next interim results can only be shown once {min} or more further answers have come in or changed.",
)
RELEASE_CONFIRM_YES = Msg("Visa", "Show")
RELEASE_NOT_YET = Msg(
    "Ett delresultat kan visas när minst {min} svar har kommit in eller ändrats sedan resultatet visades förra gången (nu {changed}).",
    "Interim results can be shown once {min} or more answers have come in or changed since the results were last shown (now {changed}).",
)
RELEASED = Count(
    one=Msg(
        "Klart: delresultatet med {n} svar visas nu för alla som får se resultatet.",
        "Done: the interim results of {n} answer are now shown to everyone allowed to see them.",
    ),
    other=Msg(
        "Klart: delresultatet med {n} svar visas nu för alla som får se resultatet.",
        "Done: the interim results of {n} answers are now shown to everyone allowed to see them.",
    ),
    by="n",
)
RELEASE_TOO_FEW = Msg(
    "Ett delresultat kan visas först när minst {min} svar har kommit in eller ändrats sedan resultatet visades förra gången; nu är det {changed}. Inget har ändrats.",
    "Interim results can only be shown once {min} or more answers have come in or changed since the results were last shown; so far: {changed}. Nothing was changed.",
)
RELEASE_NOT_OPEN = Msg(
    "Utvärderingen av *{title}* är inte öppen, så det finns inget delresultat att visa. Inget "
    "har ändrats.",
    "The evaluation of *{title}* is not open, so there are no interim results to show. Nothing "
    "was changed.",
)
WHO_COORDINATORS = Msg("samverkansledarna", "the coordinators")

# --- closing -----------------------------------------------------------------------------------
CLOSED_SUMMARY = Count(
    one=Msg(
        "Utvärderingen av *#{id} {title}* är stängd med {n} svar. {figures} Hela resultatet: `/utbildning resultat {id}`.",
        "The evaluation of *#{id} {title}* closed with {n} answer. {figures} Full results: `/utbildning results {id}`.",
    ),
    other=Msg(
        "Utvärderingen av *#{id} {title}* är stängd med {n} svar. {figures} Hela resultatet: `/utbildning resultat {id}`.",
        "The evaluation of *#{id} {title}* closed with {n} answers. {figures} Full results: `/utbildning results {id}`.",
    ),
    by="n",
)
CLOSED_SUMMARY_NONE = Msg(
    "Utvärderingen av *#{id} {title}* är stängd. Inga svar kom in, så det finns inget resultat "
    "att visa.",
    "The evaluation of *#{id} {title}* is closed. No answers came in, so there are no results "
    "to show.",
)
FIGURES_HIDDEN = Msg(
    "Det är för få svar för att visa resultatet utan att någon kan identifieras.",
    "There are too few answers to show the results without anyone being identifiable.",
)
FIGURES_FROM_VIEW = Count(
    one=Msg(
        "(Siffrorna bygger på det {n} svar som visades {date}.)",
        "(The figures are those of the {n} answer shown on {date}.)",
    ),
    other=Msg(
        "(Siffrorna bygger på de {n} svar som visades {date}.)",
        "(The figures are those of the {n} answers shown on {date}.)",
    ),
    by="n",
)
NEED_CLOSED = Count(
    one=Msg(
        ":speech_balloon: *Ni sa, vi gjorde.* Du lämnade behovet *#{need_id} {need_title}*. Utbildningen *{title}* ({date}) hölls för att möta det, och {n} deltagare svarade på utvärderingen. {figures}",
        ":speech_balloon: *You said, we did.* You submitted the need *#{need_id} {need_title}*. The training *{title}* ({date}) was held to meet it, and {n} participant answered the evaluation. {figures}",
    ),
    other=Msg(
        ":speech_balloon: *Ni sa, vi gjorde.* Du lämnade behovet *#{need_id} {need_title}*. Utbildningen *{title}* ({date}) hölls för att möta det, och {n} deltagare svarade på utvärderingen. {figures}",
        ":speech_balloon: *You said, we did.* You submitted the need *#{need_id} {need_title}*. The training *{title}* ({date}) was held to meet it, and {n} participants answered the evaluation. {figures}",
    ),
    by="n",
)
NEED_CLOSED_NONE = Msg(
    ":speech_balloon: *Ni sa, vi gjorde.* Du lämnade behovet *#{need_id} {need_title}*. "
    "Utbildningen *{title}* ({date}) hölls för att möta det. Ingen svarade på utvärderingen, "
    "så det finns inget resultat att berätta om.",
    ":speech_balloon: *You said, we did.* You submitted the need *#{need_id} {need_title}*. "
    "The training *{title}* ({date}) was held to meet it. No one answered the evaluation, so "
    "there are no results to tell.",
)
