"""Who may see jobs: every staff member sees their own; starting one needs the kind's perm."""

import rules

from teilhabe.centres.rules import is_centre_staff

rules.add_perm("exports.view_jobs", is_centre_staff)
