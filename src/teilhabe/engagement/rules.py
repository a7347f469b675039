"""Who may do what in engagement: lines of the one permission table.

The coordinators (centre administration and counselling) keep the registry of
organisations, the volunteers, the needs and the matching. Counsellors see the needs of
their own centre's families through the same permission. Volunteers and organisations have
no account: they act through personal links (``links.py``), never through this table.
"""

from __future__ import annotations

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role

KI = (Role.CENTRE_ADMIN, Role.COUNSELLOR)

grant("engagement.manage", *KI)
grant("engagement.view_organisations", *KI, Role.STATISTICS, Role.COUNCIL_OFFICE)
