"""What /samverkan organisation writes on its buttons, read back through the codec."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from bot.config import USER_ID
from commands.edge.codec import RowId, Value

OrganizationId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
UserId = Annotated[str, Field(pattern=USER_ID, max_length=40)]


class RequestRef(Value):
    """A request to represent an organisation (the Approve and Decline buttons)."""

    request: RowId


class MemberRef(Value):
    """A person as the overview showed them: representing organization (the Revoke button)."""

    user: UserId
    organization: OrganizationId
