"""Who may do what with schools and seats (django-rules; deny by default).

School staff act only for their own school. A school_staff account without a school is
a misconfiguration; ``has_school`` makes such an account see nothing instead of guessing.
"""

from __future__ import annotations

from typing import Any

import rules

from teilhabe.centres.rules import (
    is_centre_admin,
    is_counsellor,
    is_school_staff,
    is_schulamt,
    is_statistics_reader,
)


@rules.predicate
def has_school(user: Any) -> bool:
    """The rule that a school_staff user must be linked to a school to act at all."""
    return getattr(user, "school_id", None) is not None


@rules.predicate
def own_school(user: Any, obj: Any) -> bool:
    """The object is the user's school or belongs to it (model-level checks pass)."""
    if obj is None:
        return True
    school_id = getattr(obj, "school_id", None) if not hasattr(obj, "schulnummer") else obj.pk
    return school_id is not None and school_id == getattr(user, "school_id", None)


school_user = is_school_staff & has_school & own_school
centre_office = is_centre_admin | is_schulamt

rules.add_perm("schulen.view_schools", is_centre_admin | is_counsellor | is_schulamt | school_user)
rules.add_perm("schulen.manage_offers", centre_office | school_user)
rules.add_perm("schulen.report_seats", centre_office | school_user)
rules.add_perm("schulen.decide_placement", centre_office | school_user)
rules.add_perm("schulen.import_directory", is_centre_admin)
rules.add_perm("schulen.manage_area", is_centre_admin)
rules.add_perm(
    "schulen.view_map", is_centre_admin | is_counsellor | is_schulamt | is_statistics_reader
)
rules.add_perm("schulen.export_placement", is_centre_admin | is_counsellor | is_schulamt)
rules.add_perm("schulen.import_proposals", centre_office)
