"""What every listener and job needs: settings, configuration, database, clock, texts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.clock import Clock
from bot.config import Config
from bot.domain.organizations import OrganizationInfo, merge_organizations
from bot.settings import Settings
from bot.texts import Language, Texts, language_of
from storage.db import Database
from storage.directory import get_person
from storage.directory import organization_names as stored_organization_names

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.delivery import Deliverer
    from storage.outbox import OutboxKey

log = logging.getLogger(__name__)


@dataclass
class BotContext:
    """The bot's shared services, built once at start and passed down."""

    settings: Settings
    config: Config
    db: Database
    clock: Clock
    texts: Texts = field(init=False)
    organizations: list[OrganizationInfo] = field(init=False)
    deliverer: Deliverer | None = None
    # Runs handlers after their ack (see commands/edge/dispatch.py).
    work: Executor | None = None
    # Sends what handlers queued, in a few threads of its own.
    sender: Executor | None = None
    _names: dict[str, str] | None = field(default=None, init=False, repr=False)
    # Slack's users.info answers of the last few minutes by user id, in memory only (see
    # commands/edge/actor.py): (when asked, the user object).
    lookups: dict[str, tuple[datetime, dict[str, Any]]] = field(
        default_factory=dict, init=False, repr=False
    )

    def finish(self) -> None:
        """Let running handlers and their sends finish; new work is refused."""
        if self.work is not None:
            self.work.shutdown(wait=True)
        if self.sender is not None and self.sender is not self.work:
            self.sender.shutdown(wait=True)

    def __post_init__(self) -> None:
        """Derive the texts and the organisation list from the configuration."""
        self.texts = Texts(self.config.collaboration.language)
        self.organizations = merge_organizations(self.config.organizations)

    def texts_in(self, language: Language | None) -> Texts:
        """Return the texts in language (a person's), or in the configured language for None."""
        if language is None or language == self.texts.language:
            return self.texts
        return Texts(language)

    def language_of(self, locale: str | None) -> Language:
        """Return the language for a person's Slack locale: Swedish or English, else configured."""
        return language_of(locale, self.texts.language)

    def texts_for(self, session: Session, user_id: str) -> Texts:
        """Return the texts in a person's language, as their stored Slack locale gives it."""
        person = get_person(session, user_id)
        return self.texts_in(self.language_of(person.locale if person is not None else None))

    def organization_name(self, organization_id: str | None) -> str:
        """Return an organisation's display name, or its id if it is unknown."""
        for info in self.organizations:
            if info.id == organization_id:
                return info.name
        return organization_id or "–"

    def organization_names(self, session: Session) -> dict[str, str]:
        """Return every organisation's name by id, inactive ones too (read once: set at start)."""
        if self._names is None:
            self._names = stored_organization_names(session)
        return self._names

    def municipalities(self) -> list[OrganizationInfo]:
        """Return the municipalities among the partners."""
        return [info for info in self.organizations if info.kind == "municipality"]

    def deliver(self, keys: Sequence[OutboxKey]) -> None:
        """Send freshly queued outbox rows soon (in the sender), if wired.

        The rows are already stored, so nothing is lost if this process stops first: the
        scheduler sends whatever is still due.
        """
        deliverer = self.deliverer
        if deliverer is None or not keys:
            return
        if self.sender is not None:
            try:
                self.sender.submit(self._send, deliverer, list(keys))
                return
            except RuntimeError:  # shutting down: send in this thread instead
                pass
        self._send(deliverer, list(keys))

    def _send(self, deliverer: Deliverer, keys: list[OutboxKey]) -> None:
        """Send rows; an error is logged, and the rows stay queued for the scheduler."""
        try:
            deliverer.deliver(keys)
        except Exception:
            log.exception("sending %d queued messages failed; the scheduler tries again", len(keys))
