"""The one role × permission table of the whole installation.

Every app declares its permissions here, from its ``rules.py``, with the roles that hold
them and the object rule that applies (by default: the object belongs to the user's
centre). The table is compiled into django-rules, which is the only place a permission is
decided; code asks ``user.has_perm(...)`` and never compares role names.

    grant("schulen.manage_offers", Role.CENTRE_ADMIN, Role.SCHULAMT)       # same centre
    grant("schulen.manage_offers", Role.SCHOOL_STAFF, rule=own_school)     # own school only

Grants of one permission add up (any matching line allows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules

from teilhabe.centres.roles import STATEWIDE_ROLES, Role


def _role_predicate(roles: frozenset[str]) -> rules.Predicate:
    names = "_or_".join(sorted(roles))

    @rules.predicate(name=f"has_role_{names}")
    def predicate(user: Any) -> bool:
        if not (getattr(user, "is_authenticated", False) and user.is_active):
            return False
        if user.role not in roles:
            return False
        # A centre role without a centre is a broken account: it may do nothing.
        return user.role in STATEWIDE_ROLES or user.centre_id is not None

    return predicate


@rules.predicate
def same_centre(user: Any, obj: Any) -> bool:
    """The object belongs to the user's centre (objects without a centre never match)."""
    if obj is None:
        return True  # a model-level check; object checks pass the object
    centre_id = getattr(obj, "centre_id", None)
    return centre_id is not None and centre_id == getattr(user, "centre_id", None)


@rules.predicate
def anywhere(user: Any, obj: Any) -> bool:
    """Statewide permissions: not bound to one centre."""
    return True


@dataclass(frozen=True)
class Grant:
    roles: frozenset[str]
    rule: rules.Predicate


_TABLE: dict[str, list[Grant]] = {}


def grant(perm: str, *roles: Role, rule: rules.Predicate = same_centre) -> None:
    """Let ``roles`` hold ``perm`` on objects for which ``rule`` holds."""
    if "." not in perm or not roles:
        raise ValueError("grant('app.permission', Role.X, ...)")
    statewide = {r for r in roles if r in STATEWIDE_ROLES}
    if statewide and rule is same_centre:
        raise ValueError(f"{perm}: statewide roles need an explicit rule (e.g. anywhere)")
    _TABLE.setdefault(perm, []).append(Grant(frozenset(str(r) for r in roles), rule))
    predicate = rules.always_deny
    for line in _TABLE[perm]:
        predicate = predicate | (_role_predicate(line.roles) & line.rule)
    rules.set_perm(perm, predicate)


def declare(perm: str) -> None:
    """A permission that no role holds yet (it exists, so the table test lists it)."""
    _TABLE.setdefault(perm, [])
    if not rules.perm_exists(perm):
        rules.add_perm(perm, rules.always_deny)


def table() -> dict[str, frozenset[str]]:
    """Permission → the roles that hold it (for the table test and the docs)."""
    return {
        perm: frozenset().union(*(g.roles for g in grants)) if grants else frozenset()
        for perm, grants in _TABLE.items()
    }


def roles_holding(perm: str) -> frozenset[str]:
    """The roles holding ``perm`` (for querysets of accounts, which cannot ask has_perm)."""
    return table().get(perm, frozenset())


def role_holds(role: str, perm: str) -> bool:
    return role in roles_holding(perm)
