"""Who edits the public site and reads its feedback (the public pages need no permission)."""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role

grant("portal.manage_content", Role.CENTRE_ADMIN, Role.COUNSELLOR)
grant("portal.view_feedback", Role.CENTRE_ADMIN, Role.COUNSELLOR)
