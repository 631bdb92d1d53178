"""The plan's partners, built in, merged with the configuration's additions and renames.

A person belongs to a partner by the e-mail domain of their Slack profile, by the
configuration (`[[organizations]] members`), or by a coordinator's approval of their request;
a request alone gives no rights (DESIGN.md, "Who may do what").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.config import OrganizationEntry, slugify


@dataclass(frozen=True)
class OrganizationInfo:
    """A partner organisation: stable id, display name, kind, e-mail domains, configured members."""

    id: str
    name: str
    kind: str
    email_domains: tuple[str, ...]
    members: tuple[str, ...] = ()


class Source(StrEnum):
    """Where a person's organisation came from (stored in people.organization_source)."""

    EMAIL = "email"  # the e-mail domain of their Slack profile
    CONFIG = "config"  # the configuration names them (never stored: read at start)
    APPROVAL = "approval"  # a coordinator approved their request
    NONE = "none"  # no organisation known
    REVOKED = "revoked"  # a coordinator took the organisation away; e-mail no longer gives one


# Sources a coordinator decided: the e-mail domain is then not looked up again.
DECIDED = frozenset({Source.APPROVAL, Source.REVOKED})


BUILT_IN: tuple[OrganizationInfo, ...] = (
    OrganizationInfo("lansstyrelsen", "Länsstyrelsen Gävleborg", "state", ("lansstyrelsen.se",)),
    OrganizationInfo("polisen", "Polismyndigheten Region Mitt", "state", ("polisen.se",)),
    OrganizationInfo("tullverket", "Tullverket", "state", ("tullverket.se",)),
    OrganizationInfo("aklagarmyndigheten", "Åklagarmyndigheten", "state", ("aklagare.se",)),
    OrganizationInfo("hig", "Högskolan i Gävle", "state", ("hig.se",)),
    OrganizationInfo("region", "Region Gävleborg", "region", ("regiongavleborg.se",)),
    OrganizationInfo("kronofogden", "Kronofogden", "state", ("kronofogden.se",)),
    OrganizationInfo("forsakringskassan", "Försäkringskassan", "state", ("forsakringskassan.se",)),
    OrganizationInfo("skatteverket", "Skatteverket", "state", ("skatteverket.se",)),
    OrganizationInfo(
        "arbetsformedlingen", "Arbetsförmedlingen", "state", ("arbetsformedlingen.se",)
    ),
    OrganizationInfo("gavle", "Gävle kommun", "municipality", ("gavle.se",)),
    OrganizationInfo("sandviken", "Sandvikens kommun", "municipality", ("sandviken.se",)),
    OrganizationInfo("hofors", "Hofors kommun", "municipality", ("hofors.se",)),
    OrganizationInfo("ockelbo", "Ockelbo kommun", "municipality", ("ockelbo.se",)),
    OrganizationInfo("ovanaker", "Ovanåkers kommun", "municipality", ("ovanaker.se",)),
    OrganizationInfo("bollnas", "Bollnäs kommun", "municipality", ("bollnas.se",)),
    OrganizationInfo("soderhamn", "Söderhamns kommun", "municipality", ("soderhamn.se",)),
    OrganizationInfo("hudiksvall", "Hudiksvalls kommun", "municipality", ("hudiksvall.se",)),
    OrganizationInfo("nordanstig", "Nordanstigs kommun", "municipality", ("nordanstig.se",)),
    OrganizationInfo("ljusdal", "Ljusdals kommun", "municipality", ("ljusdal.se",)),
)


def _matches(info: OrganizationInfo, entry: OrganizationEntry) -> bool:
    if entry.id is not None:
        return info.id == entry.id
    short = info.name.casefold()
    name = entry.name.casefold()
    return name in {short, short.removesuffix(" kommun"), short.removesuffix("s kommun")}


def merge_organizations(entries: list[OrganizationEntry]) -> list[OrganizationInfo]:
    """Apply the configuration's entries to the built-in partners, in the plan's order."""
    merged = list(BUILT_IN)
    for entry in entries:
        index = next((i for i, info in enumerate(merged) if _matches(info, entry)), None)
        if index is None:
            merged.append(
                OrganizationInfo(
                    entry.id or slugify(entry.name),
                    entry.name,
                    entry.kind or "other",
                    tuple(entry.email_domains),
                    tuple(entry.members),
                )
            )
            continue
        old = merged[index]
        merged[index] = OrganizationInfo(
            old.id,
            entry.name,
            entry.kind or old.kind,
            tuple(entry.email_domains) or old.email_domains,
            tuple(entry.members),
        )
    return merged


def configured_organization(user_id: str, organizations: list[OrganizationInfo]) -> str | None:
    """Return the id of the organisation whose configured members include user_id, if any."""
    for info in organizations:
        if user_id in info.members:
            return info.id
    return None


def organization_for_email(email: str, organizations: list[OrganizationInfo]) -> str | None:
    """Return the id of the organisation whose e-mail domain matches email, if any."""
    domain = email.rpartition("@")[2].casefold().strip()
    if not domain:
        return None
    for info in organizations:
        for known in info.email_domains:
            if domain == known or domain.endswith("." + known):
                return info.id
    return None
