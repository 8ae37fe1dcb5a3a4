import json

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from exchange.models import Need
from matching.services import rank_need


class Command(BaseCommand):
    help = "Print the ranking for one need, given by its id or its import ref."

    def add_arguments(self, parser):
        parser.add_argument("ref", help="the need's id or external ref")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, ref, limit, **options):
        lookup = Q(ref=ref) | (Q(pk=int(ref)) if ref.isdigit() else Q(pk__in=[]))
        need = Need.objects.select_related("party").filter(lookup).first()
        if need is None:
            raise CommandError(f"No need with id or ref {ref!r}.")
        result = rank_need(need=need, limit=limit)
        if options["json"]:
            self.stdout.write(_dumps(result))
            return
        self.stdout.write(f"{need.title} ({need.party.name})")
        if not result["has_good"]:
            self.stdout.write("kein passender Vorschlag")
        for row in result["suggestions"]:
            self.stdout.write(
                f"{row['rank']:>2}. {row['score']:>3} {row['band']:<8} {row['party']}\n"
                f"      {'; '.join(row['reasons'])}"
                + (f"\n      aber: {'; '.join(row['concerns'])}" if row["concerns"] else "")
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
