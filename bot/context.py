"""What every listener and job needs: settings, configuration, database, clock, texts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.acks import AckWatch
from bot.clock import Clock
from bot.config import Config
from bot.domain.organizations import OrganizationInfo, merge_organizations
from bot.settings import Settings
from bot.texts import Texts
from storage.db import Database
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
    listeners: Executor | None = None
    # Sends what listeners queued, after their ack, in few threads that give way to requests
    # still waiting for theirs: under a crowd the acks come first (Slack allows 3 s for an
    # ack, and a confirmation a moment later harms no one).
    sender: Executor | None = None
    acks: AckWatch = field(default_factory=AckWatch)
    gives_way: float = 0.0  # seconds work after an ack waits at most for others' acks
    _names: dict[str, str] | None = field(default=None, init=False, repr=False)

    def finish(self) -> None:
        """Let running listeners and their sends finish; new work is refused."""
        if self.listeners is not None:
            self.listeners.shutdown(wait=True)
        if self.sender is not None and self.sender is not self.listeners:
            self.sender.shutdown(wait=True)

    def __post_init__(self) -> None:
        """Derive the texts and the organisation list from the configuration."""
        self.texts = Texts(self.config.collaboration.language)
        self.organizations = merge_organizations(self.config.organizations)

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
                self.sender.submit(self._send, deliverer, list(keys), True)
                return
            except RuntimeError:  # shutting down: send in this thread instead
                pass
        self._send(deliverer, list(keys), False)

    def give_way(self) -> None:
        """Let requests that still wait for their ack go first (when this process says so)."""
        if self.gives_way > 0:
            self.acks.wait_quiet(self.gives_way)

    def _send(self, deliverer: Deliverer, keys: list[OutboxKey], later: bool) -> None:
        """Send rows (after the pending acks when later).

        An error is logged; the rows stay queued and the scheduler sends them.
        """
        if later:
            self.give_way()
        try:
            deliverer.deliver(keys)
        except Exception:
            log.exception("sending %d queued messages failed; the scheduler tries again", len(keys))
