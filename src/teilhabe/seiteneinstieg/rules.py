"""Who may do what in the Seiteneinstieg casework: lines of the one permission table.

Model-level checks (``user.has_perm(perm)``) decide which pages a role sees; object checks
(``user.has_perm(perm, obj)``) add that the object belongs to the user's centre. Selectors
start from ``for_user(user)`` as well, so another centre's objects answer 404 first.
"""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role

CASEWORK = (Role.CENTRE_ADMIN, Role.COUNSELLOR)

grant("seiteneinstieg.register_family", *CASEWORK)
grant("seiteneinstieg.view_case", *CASEWORK, Role.SCHULAMT)
grant("seiteneinstieg.change_case", *CASEWORK)
grant("seiteneinstieg.assess_child", *CASEWORK)
grant("seiteneinstieg.view_documents", *CASEWORK)
grant("seiteneinstieg.manage_appointments", *CASEWORK)
# Offering slots for and booking on behalf of another counsellor of the centre.
grant("seiteneinstieg.manage_all_slots", Role.CENTRE_ADMIN)
grant("seiteneinstieg.view_waiting_list", *CASEWORK, Role.SCHULAMT)
grant("seiteneinstieg.export_waiting_list", *CASEWORK, Role.SCHULAMT)
grant("seiteneinstieg.view_statistics", *CASEWORK, Role.SCHULAMT, Role.STATISTICS)
# Exact small counts are case knowledge: roles without case access see "< 3" instead.
grant("seiteneinstieg.view_exact_figures", *CASEWORK, Role.SCHULAMT)
# The Schulamt's view of the children ready for a school place (start-page tile by level).
grant("seiteneinstieg.plan_placements", Role.CENTRE_ADMIN, Role.SCHULAMT)
# Right of access (Art. 15 GDPR): the ZIP with every record about a child or a guardian.
grant("seiteneinstieg.export_personal_data", *CASEWORK)
