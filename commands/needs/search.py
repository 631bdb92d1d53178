"""The needs search behind every select of needs: by number and by words, newest first.

A form that picks needs (registering a training, the needs taken up at a meeting, an action)
draws its field with `needs_input` and routes the field's options to `need_suggestions`:

    suggestions={Field.X_NEEDS: need_suggestions(OPEN_STATUSES)}

Slack then asks the bot as the person types; "#12" or "12" finds need 12 (first) and the needs
whose number begins so, words find the needs whose title holds them all, at most 100 an answer.
The submission still checks every chosen id itself: a select's options are only an offer.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from slack_sdk.models.blocks import InputBlock, Option

from bot.domain.needs import OPEN_STATUSES, NeedStatus
from bot.domain.search import SearchQuery
from bot.texts import Texts
from bot.texts import needs as t
from commands import blocks as b
from commands.edge.interaction import Suggestion
from commands.edge.suggestions import OPTIONS_PER_ANSWER
from commands.edge.surface import SuggestHandler
from storage.needs import NeedTitle, search_needs

ROW_ID_DIGITS = 18  # a need's number as a select wrote it: ASCII digits within 64 bits


def chosen_need_ids(values: Sequence[str]) -> list[int]:
    """Return the needs' numbers among a needs select's chosen values; others are left out."""
    return [
        int(value)
        for value in values
        if value.isascii() and value.isdigit() and len(value) <= ROW_ID_DIGITS
    ]


def need_option(need: NeedTitle) -> Option:
    """Return a need as a select's option: "#12 Title" (clipped), its number as the value."""
    return b.option(f"#{need.id} {need.title}", str(need.id))


def in_collaboration(ix: Suggestion) -> bool:
    """Tell whether the person asking may see the needs' titles (partners, coordinators, owners)."""
    return ix.actor.in_collaboration


def need_suggestions(
    statuses: Collection[NeedStatus] | None = OPEN_STATUSES,
    *,
    may: Callable[[Suggestion], bool] = in_collaboration,
) -> SuggestHandler:
    """Return the suggestion handler of a needs select: needs in statuses (None: any) matching.

    A person for whom may(ix) is false (by default: anyone outside the collaboration) gets no
    options. Answers at most 100 options, the need named by number first, then newest first.
    """

    def suggest(ix: Suggestion) -> list[Option]:
        """Answer the needs matching what the person typed."""
        if not may(ix):
            return []
        query = SearchQuery.parse(ix.query)
        with ix.bot.db.reading() as session:
            found = search_needs(session, query, statuses=statuses, limit=OPTIONS_PER_ANSWER)
        return [need_option(need) for need in found]

    return suggest


def needs_input(
    tr: Texts,
    label: str,
    field: str,
    *,
    initial: Sequence[NeedTitle] = (),
    optional: bool = True,
    hint: str | None = None,
) -> InputBlock:
    """Return a multi select of needs served by need_suggestions; initial shown chosen.

    Route field to need_suggestions in the surface. Read the choice with
    FormState.selected_many(field) and chosen_need_ids: the needs' numbers. A form reopened
    with needs chosen passes them as initial (see storage.needs.need_titles).
    """
    return b.multi_external_select_input(
        label,
        field,
        initial=[need_option(need) for need in initial],
        optional=optional,
        hint=hint,
        placeholder=tr(t.SEARCH_PLACEHOLDER),
    )
