"""What `/tryck` (`/press`) names: one or more button labels, and maybe the message they are on.

A label is always taken whole, so `/tryck Svara på utvärderingen` presses the button with that
text. Alternatives are separated by `|`. To say which message a button is on, quote the labels
and add `på` (`on`) and a text the message shows: `/tryck "Jag kommer" på Arbetsgruppsmöte`.
Only quoted labels can have a context, so no label is ever cut in two.
"""

from __future__ import annotations

from dataclasses import dataclass

QUOTES = frozenset('"“”')
ALTERNATIVES = "|"
CONTEXT_WORDS = frozenset({"på", "on"})


class PressSyntaxError(ValueError):
    """The text after /tryck is not one or more labels, with an optional context."""


@dataclass(frozen=True)
class PressQuery:
    """The labels a button may have (any one will do) and a text its message must show."""

    labels: tuple[str, ...]
    context: str = ""


def parse_press(text: str) -> PressQuery:
    """Read what follows /tryck: `A`, `A | B`, `"A"`, `"A" | "B" på C`; raise PressSyntaxError."""
    rest = text.strip()
    if not rest:
        raise PressSyntaxError(text)
    if rest[0] not in QUOTES:
        labels = tuple(part.strip() for part in rest.split(ALTERNATIVES))
        if not all(labels):
            raise PressSyntaxError(text)
        return PressQuery(labels)
    labels_found: list[str] = []
    while True:
        end = next((i for i in range(1, len(rest)) if rest[i] in QUOTES), None)
        label = rest[1:end].strip() if end is not None else ""
        if end is None or not label:
            raise PressSyntaxError(text)
        labels_found.append(label)
        rest = rest[end + 1 :].strip()
        if not rest.startswith(ALTERNATIVES):
            break
        rest = rest[1:].strip()
        if not rest or rest[0] not in QUOTES:
            raise PressSyntaxError(text)
    if not rest:
        return PressQuery(tuple(labels_found))
    word, _, context = rest.partition(" ")
    if word.casefold() not in CONTEXT_WORDS or not context.strip():
        raise PressSyntaxError(text)
    return PressQuery(tuple(labels_found), context.strip())
