"""Who is acting, and what their role and organisation let them do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.config import Roles
from bot.texts import Language


class Role(StrEnum):
    """A role in the collaboration, given by the configuration."""

    COORDINATOR = "coordinator"
    OWNER = "owner"
    COMMUNICATOR = "communicator"


@dataclass(frozen=True)
class Actor:
    """A person acting in Slack, with their organisation and roles."""

    user_id: str
    organization_id: str | None = None
    roles: frozenset[Role] = field(default_factory=frozenset)
    # The language the person is answered in (their Slack locale's); None: the configured one.
    language: Language | None = None

    @property
    def is_coordinator(self) -> bool:
        """Tell whether the actor is a coordinator (full rights)."""
        return Role.COORDINATOR in self.roles

    @property
    def is_owner(self) -> bool:
        """Tell whether the actor is an owner (reads everything)."""
        return Role.OWNER in self.roles

    @property
    def reads_everything(self) -> bool:
        """Tell whether the actor may read every organisation's data."""
        return self.is_coordinator or self.is_owner

    @property
    def in_collaboration(self) -> bool:
        """Tell whether the actor has an organisation or a role."""
        return self.organization_id is not None or bool(self.roles)

    def acts_for(self, organization_id: str) -> bool:
        """Tell whether the actor may act for organization_id (their own, or any as coordinator)."""
        return self.is_coordinator or self.organization_id == organization_id


def roles_of(user_id: str, roles: Roles) -> frozenset[Role]:
    """Return the roles the configuration gives user_id."""
    given: set[Role] = set()
    if user_id in roles.coordinators:
        given.add(Role.COORDINATOR)
    if user_id in roles.owners:
        given.add(Role.OWNER)
    if user_id in roles.communicators:
        given.add(Role.COMMUNICATOR)
    return frozenset(given)
