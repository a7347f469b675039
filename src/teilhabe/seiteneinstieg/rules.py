"""Who may do what in the Seiteneinstieg casework (django-rules; deny by default).

Model-level checks (``user.has_perm(perm)``) decide which pages a role sees; object checks
(``user.has_perm(perm, obj)``) add that the object belongs to the user's centre. Selectors
filter by centre as well, so another centre's objects answer 404 before any rule runs.
"""

import rules

from teilhabe.centres.rules import (
    is_centre_admin,
    is_counsellor,
    is_schulamt,
    is_statistics_reader,
    same_centre,
)

casework = is_centre_admin | is_counsellor

rules.add_perm("seiteneinstieg.register_family", casework)
rules.add_perm("seiteneinstieg.view_case", (casework | is_schulamt) & same_centre)
rules.add_perm("seiteneinstieg.change_case", casework & same_centre)
rules.add_perm("seiteneinstieg.assess_child", casework & same_centre)
rules.add_perm("seiteneinstieg.view_documents", casework & same_centre)
rules.add_perm("seiteneinstieg.manage_appointments", casework & same_centre)
rules.add_perm("seiteneinstieg.view_waiting_list", casework | is_schulamt)
rules.add_perm("seiteneinstieg.export_waiting_list", casework | is_schulamt)
rules.add_perm(
    "seiteneinstieg.view_statistics",
    is_centre_admin | is_counsellor | is_schulamt | is_statistics_reader,
)
