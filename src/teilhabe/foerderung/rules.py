"""Who may do what in funding. The four-eyes rule (whoever reviewed an application may not
decide it) is a check on the object in ``services.decide``, not a role."""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import Role

grant("foerderung.view", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.STATISTICS)
grant("foerderung.manage_calls", Role.CENTRE_ADMIN)
grant("foerderung.review", Role.CENTRE_ADMIN, Role.COUNSELLOR)
grant("foerderung.decide", Role.CENTRE_ADMIN)
grant("foerderung.pay", Role.CENTRE_ADMIN)
