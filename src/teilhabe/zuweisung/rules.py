"""Placement permissions: lines of the one permission table."""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role
from teilhabe.schulen.rules import in_centre, own_school

OFFICE = (Role.CENTRE_ADMIN, Role.SCHULAMT)
CASEWORK = (Role.CENTRE_ADMIN, Role.COUNSELLOR)

# Runs: a batch run (Schulamt or counsellor), one child between runs, the review.
grant("zuweisung.view_runs", *CASEWORK, Role.SCHULAMT)
grant("zuweisung.run_engine", *CASEWORK, Role.SCHULAMT)
grant("zuweisung.request_single", *CASEWORK, Role.SCHULAMT)
grant("zuweisung.review_runs", *OFFICE)
# The school's answer (the office may record it, e.g. after a phone call).
grant("zuweisung.decide_placement", *OFFICE, rule=in_centre)
grant("zuweisung.decide_placement", Role.SCHOOL_STAFF, rule=own_school)
grant("zuweisung.view_map", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT, Role.STATISTICS)
grant("zuweisung.export_placement", *CASEWORK, Role.SCHULAMT)
grant("zuweisung.import_proposals", *OFFICE)
# Metrics: exact for case roles, protected for the statistics role.
grant("zuweisung.view_metrics", *CASEWORK, Role.SCHULAMT, Role.STATISTICS)
