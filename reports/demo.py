"""Demo data for the annual report: last year's report, written and published.

`reports_demo_seed()` is idempotent. The figures need no seeding: they come from the demo's
patronships, contributions and introductions. Call it after those exist.
"""

from collections import Counter

from django.contrib.auth import get_user_model
from django.utils import timezone

from .impact import impact_data_load
from .models import AnnualReport

FOREWORD = (
    "Liebe Freundinnen und Freunde der Lausitzer Sozialpaten,\n\n"
    "in diesem Jahr haben Handwerksbetriebe, Steuerbüros und Autohäuser Vereinen, "
    "Initiativen und Kirchgemeinden geholfen – mit dem, was sie am besten können. Und die "
    "Vereine haben zurückgegeben: Workshops, Teamtage, Kontakte zu jungen Leuten.\n\n"
    "Danke allen, die mitgemacht haben. Die Zahlen auf den folgenden Seiten stammen "
    "unmittelbar aus dem Portal; die Geschichten erzählen wir mit Zustimmung beider Partner."
)


def reports_demo_seed() -> Counter:
    created: Counter = Counter()
    year = timezone.localdate().year - 1
    if year not in impact_data_load().years():
        return created  # the demo has no records for last year
    coordinator = get_user_model().objects.filter(is_coordinator=True).order_by("pk").first()
    if not AnnualReport.objects.filter(year=year).exists():
        AnnualReport.objects.create(
            year=year,
            foreword=FOREWORD,
            published_at=timezone.now(),
            published_by=coordinator,
            updated_by=coordinator,
        )
        created["annual reports"] += 1
    return created
