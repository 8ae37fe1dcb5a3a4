from django.core.management.base import BaseCommand

from places.services import municipalities_load_reference
from taxonomy.services import taxonomy_load_reference


class Command(BaseCommand):
    help = "Load the curated competencies, topics, target groups and municipalities (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing entries with the shipped data (loses coordinator edits).",
        )

    def handle(self, *args, update=False, **options):
        created = taxonomy_load_reference(update=update)
        created["municipalities"] = municipalities_load_reference(update=update)
        summary = ", ".join(f"{name}: {count}" for name, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded (new entries – {summary})."))
