"""What a person types into a select that searches: words and numbers, in any case."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUERY_MAX = 200  # characters of a query read; Slack sends what is typed, a line at most
TOKENS_MAX = 10  # words of a query matched; the rest are ignored
NUMBER_DIGITS = 18  # a row number within 64 bits
_NUMBER = re.compile(rf"#?([0-9]{{1,{NUMBER_DIGITS}}})")


@dataclass(frozen=True)
class SearchQuery:
    """A typed query as words (casefolded); each must occur in a row's text or start its number."""

    tokens: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> SearchQuery:
        """Read what was typed: words split on white space, "#12" or "12" a number (never fails)."""
        words = text[:QUERY_MAX].casefold().split()
        return cls(tuple(words[:TOKENS_MAX]))

    @property
    def number(self) -> int | None:
        """Return the number the whole query names ("#12", "12"), else None."""
        if len(self.tokens) != 1:
            return None
        match = _NUMBER.fullmatch(self.tokens[0])
        return int(match.group(1)) if match else None

    def matches(self, text: str, number: int | None = None) -> bool:
        """Tell whether every word occurs in text or, as "#12" or "12", begins number's digits.

        An empty query matches everything.
        """
        folded = text.casefold()
        digits = str(number) if number is not None else None
        for token in self.tokens:
            if token in folded:
                continue
            match = _NUMBER.fullmatch(token)
            if digits is None or match is None:
                return False
            if not digits.startswith(str(int(match.group(1)))):
                return False
        return True
