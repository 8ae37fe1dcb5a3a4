from django.core.management.base import BaseCommand

from matching.models import MatchingWeights
from matching.quality import evaluate


class Command(BaseCommand):
    help = (
        "Rank the labelled evaluation set and print nDCG@5, precision@3 and the share of "
        "unservable needs answered without a strong suggestion."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--split",
            choices=["dev", "test", "all"],
            default=None,
            help="only one split (default: dev, test and all)",
        )
        parser.add_argument(
            "--details",
            action="store_true",
            help="show each need's top three with the judged grades",
        )
        parser.add_argument(
            "--defaults", action="store_true", help="use the default weights, not the coordinator's"
        )

    def handle(self, *args, split=None, details=False, defaults=False, **options):
        weights = None if defaults else MatchingWeights.current()
        splits = [split] if split else ["dev", "test", "all"]
        self.stdout.write(
            f"{'split':<6} {'needs':>5} {'nDCG@5':>7} {'P@3':>6} {'unservable w/o strong':>22}"
        )
        for name in splits:
            figures, rows = evaluate(None if name == "all" else name, weights)
            self.stdout.write(
                f"{name:<6} {figures.needs:>5} {figures.ndcg5:>7.3f} {figures.precision3:>6.3f} "
                f"{figures.unservable_without_strong:>15.0%} of {figures.unservable}"
            )
            if details and name != "all":
                for raw, _need, ranking, grades in rows:
                    top = ", ".join(
                        f"{s.candidate_id}:{s.score}/{s.band[0]}/g{grades.get(s.candidate_id, 0)}"
                        for s in ranking[:3]
                    )
                    self.stdout.write(f"  {raw['key']}: {top}")
