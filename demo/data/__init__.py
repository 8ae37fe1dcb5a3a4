"""The demo data set: an invented but believable programme around Weißwasser in the Lausitz.

Plain dictionaries, keyed by natural keys (party slug, titles), so that `demo.services.demo_seed`
can create them idempotently. Labels of competencies, topics, target groups and municipalities
are resolved against the reference data when seeding; a label that does not resolve is an error.
"""

from .accompaniment import ACCOMPANIMENT, CHECKIN_SUMMARIES
from .companies_craft import COMPANIES_CRAFT
from .companies_local import COMPANIES_LOCAL
from .companies_services import COMPANIES_SERVICES
from .foerderkreis import ADVISORS, INTERESTS, NETWORKS, RECOMMENDATIONS, TIES
from .introductions import DEFAULT_MESSAGE, INTRODUCTIONS
from .needs_clubs import NEEDS_CLUBS
from .needs_companies import NEEDS_COMPANIES
from .needs_schools import NEEDS_SCHOOLS
from .needs_social import NEEDS_SOCIAL
from .organisations_clubs import ORGANISATIONS_CLUBS
from .organisations_social import ORGANISATIONS_SOCIAL
from .patronships import PATRONSHIPS

COMPANIES = [*COMPANIES_CRAFT, *COMPANIES_SERVICES, *COMPANIES_LOCAL]
ORGANISATIONS = [*ORGANISATIONS_CLUBS, *ORGANISATIONS_SOCIAL]
NEEDS = [*NEEDS_CLUBS, *NEEDS_SCHOOLS, *NEEDS_SOCIAL, *NEEDS_COMPANIES]

__all__ = [
    "ACCOMPANIMENT",
    "ADVISORS",
    "CHECKIN_SUMMARIES",
    "COMPANIES",
    "DEFAULT_MESSAGE",
    "INTERESTS",
    "INTRODUCTIONS",
    "NEEDS",
    "NETWORKS",
    "ORGANISATIONS",
    "PATRONSHIPS",
    "RECOMMENDATIONS",
    "TIES",
]
