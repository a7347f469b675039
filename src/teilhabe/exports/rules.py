"""Who may see jobs: every centre staff member sees their own; starting one needs the
permission of the job's kind (see ``registry.register_job``)."""

from teilhabe.centres.permissions import grant
from teilhabe.centres.roles import CENTRE_ROLES

grant("exports.view_jobs", *CENTRE_ROLES)
