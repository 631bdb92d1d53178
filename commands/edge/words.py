"""The words the slash commands take, each in Swedish and English and in other spellings.

Help, hints and errors name a word in the language of the person they are shown to (the
catalogue's Msg holds both); a command accepts every spelling in either language. A test reads
this module to check that no Swedish word is advertised in English, nor an English one in Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.texts import Language


@dataclass(frozen=True)
class Word:
    """A word a command takes: its Swedish and English names, and other spellings."""

    sv: str
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Return every spelling, the Swedish and English names first, each once."""
        return tuple(dict.fromkeys((self.sv, self.en, *self.aliases)))

    def shown(self, language: Language) -> str:
        """Return the name shown in language."""
        return self.sv if language == "sv" else self.en

    def matches(self, text: str) -> bool:
        """Tell whether text is one of the word's spellings (case-insensitively)."""
        folded = text.strip().casefold()
        return any(folded == name.casefold() for name in self.names)


def any_of(words: set[str], *wanted: Word) -> bool:
    """Tell whether any of the typed words is a spelling of one of wanted."""
    return any(word.matches(typed) for typed in words for word in wanted)


# --- subcommands --------------------------------------------------------------------------
HELP = Word("hjälp", "help", ("hjalp", "?"))
LIST = Word("lista", "list")
SEARCH = Word("sök", "search", ("sok",))
NEW = Word("ny", "new", ("lägg till", "lagg till"))
SHOW = Word("visa", "show", ("historik", "history"))
ALL = Word("alla", "all")
OWN = Word("egna", "own", ("mina", "min", "mine"))
CLOSED = Word("stängda", "closed", ("stangda",))
ORGANIZATION = Word("organisation", "organisation", ("organization", "org"))
AUDIT = Word("logg", "log", ("audit",))
MEETINGS = Word("möten", "meetings", ("moten", "möte", "meeting"))
CALENDAR = Word("kalender", "calendar")
ACTION = Word("åtgärd", "action", ("atgard",))
ACTIONS = Word("åtgärder", "actions", ("atgarder",))
MINUTES = Word("protokoll", "minutes", ("minnesanteckningar",))
STATUS = Word("status", "status", ("statusrapport", "rapport"))
INDICATOR = Word("indikator", "indicator", ("indikatorer", "indicators"))
EXPORT = Word("export", "export", ("exportera",))
REPORT = Word("rapportera", "report", ("rapport", "återrapportera", "aterrapportera"))
RESULTS = Word("resultat", "results", ("result",))
TOTALS = Word("sammanställning", "totals", ("sammanstallning", "summering", "summary"))
