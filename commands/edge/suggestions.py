"""Options served to external selects: the offered ones that match what the person typed.

A select whose options can exceed Slack's 100 is an external select (commands.blocks); Slack
asks the bot for its options as the person types (block_suggestion, routed by action id through
Surface.suggestions, over HTTP and Socket Mode alike) and shows the at most 100 answered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from slack_sdk.models.blocks import Option

from bot.domain.organizations import OrganizationInfo
from bot.domain.search import SearchQuery
from commands import blocks as b
from commands.blocks import STATIC_OPTIONS_MAX
from commands.edge.interaction import Suggestion
from commands.edge.surface import SuggestHandler

OPTIONS_PER_ANSWER = STATIC_OPTIONS_MAX  # Slack shows at most 100 options of an answer


def matching(options: Sequence[Option], query: str) -> list[Option]:
    """Return the first 100 options whose text holds every word of query (any case)."""
    search = SearchQuery.parse(query)
    found = [o for o in options if search.matches(_text(o))]
    return found[:OPTIONS_PER_ANSWER]


def suggest_from(offered: Callable[[Suggestion], Sequence[Option]]) -> SuggestHandler:
    """Return a suggestion handler serving what offered gives the asking person, filtered.

    offered returns the same options the form would list statically (e.g. the organisations
    the person may choose); an empty sequence when they may choose none.
    """

    def suggest(ix: Suggestion) -> list[Option]:
        """Answer the options of ix's select that match what was typed."""
        return matching(offered(ix), ix.query)

    return suggest


def organization_options(organizations: Iterable[OrganizationInfo]) -> list[Option]:
    """Return organisations as a select's options: the name shown, the id as the value."""
    return [b.option(o.name, o.id) for o in organizations]


def suggest_organizations(
    offered: Callable[[Suggestion], Iterable[OrganizationInfo]],
) -> SuggestHandler:
    """Return the suggestion handler of an organisation select (see suggest_from)."""
    return suggest_from(lambda ix: organization_options(offered(ix)))


def _text(option: Option) -> str:
    """Return an option's shown text."""
    text = option.text
    return str(getattr(text, "text", text) or "")
