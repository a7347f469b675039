"""Placement permissions: lines of the one permission table."""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role
from teilhabe.schulen.rules import own_school

OFFICE = (Role.CENTRE_ADMIN, Role.SCHULAMT)

grant("zuweisung.decide_placement", *OFFICE)
grant("zuweisung.decide_placement", Role.SCHOOL_STAFF, rule=own_school)
grant("zuweisung.view_map", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT, Role.STATISTICS)
grant("zuweisung.export_placement", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT)
grant("zuweisung.import_proposals", *OFFICE)
