"""Who may read and run the council's office (public pages and OParl need no permission)."""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role

grant("integrationsrat.manage", Role.CENTRE_ADMIN, Role.COUNCIL_OFFICE)
grant(
    "integrationsrat.view",
    Role.CENTRE_ADMIN,
    Role.COUNCIL_OFFICE,
    Role.COUNSELLOR,
    Role.STATISTICS,
)
