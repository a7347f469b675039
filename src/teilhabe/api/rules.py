"""API permissions: lines of the one permission table.

Which data a token reaches is decided by the permissions of the work areas (each scope
names one); this line only says who may make tokens at all: the roles that hold at least
one permission a scope needs.
"""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role

grant("api.manage_tokens", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT)
# School accounts get the line from schulen/rules.py (only with a school: ``own_school``).
