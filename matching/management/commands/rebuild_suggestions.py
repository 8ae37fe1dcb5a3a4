import time

from django.core.management.base import BaseCommand

from matching.services import suggestions_rebuild


class Command(BaseCommand):
    help = "Recompute the suggestions of every open need."

    def handle(self, *args, **options):
        started = time.perf_counter()
        stored = suggestions_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"{stored} suggestions stored in {time.perf_counter() - started:.2f} s."
            )
        )
