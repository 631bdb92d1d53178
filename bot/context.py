"""What every listener and job needs: settings, configuration, database, clock, texts."""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.config import Config
from bot.domain.organizations import OrganizationInfo, merge_organizations
from bot.settings import Settings
from bot.texts import Texts
from storage.db import Database

if TYPE_CHECKING:
    from bot.delivery import Deliverer


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

    def finish(self) -> None:
        """Let running listeners and their sends finish; new work is refused."""
        if self.listeners is not None:
            self.listeners.shutdown(wait=True)

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

    def municipalities(self) -> list[OrganizationInfo]:
        """Return the municipalities among the partners."""
        return [info for info in self.organizations if info.kind == "municipality"]

    def deliver(self, keys: list[str]) -> None:
        """Send freshly queued outbox rows now, if a deliverer is wired."""
        if self.deliverer is not None and keys:
            self.deliverer.deliver(keys)
