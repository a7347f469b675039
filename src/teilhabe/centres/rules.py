"""Permissions of the centres app (accounts, audit, the statewide office).

The role × permission table lives in ``permissions.py``; this module only declares lines.
"""

from teilhabe.centres.permissions import anywhere, grant
from teilhabe.centres.roles import Role

grant("centres.view_audit", Role.CENTRE_ADMIN)
# Who read which case (page views, letters, documents, exports): GDPR Art. 5(2), Art. 32.
grant("audit.view_read_log", Role.CENTRE_ADMIN)
# The record of processing activities (Art. 30 DSGVO), built from the retention registry.
grant("audit.view_processing_record", Role.CENTRE_ADMIN)
grant("centres.manage_users", Role.CENTRE_ADMIN)
# The statewide office: centres, their first administrator, statewide figures.
grant("centres.manage_centres", Role.STATE_OFFICE, rule=anywhere)
grant("centres.view_statewide_figures", Role.STATE_OFFICE, rule=anywhere)
# Privacy texts of the public forms (self-registration, volunteers): new versions.
grant("centres.manage_privacy_notices", Role.CENTRE_ADMIN)
