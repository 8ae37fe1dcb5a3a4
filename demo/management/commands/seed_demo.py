import time

from django.core.management.base import BaseCommand

from demo.services import demo_seed


class Command(BaseCommand):
    help = "Load the reference data and the demo programme (idempotent) and print the logins."

    def handle(self, *args, **options):
        started = time.monotonic()
        result = demo_seed()
        seconds = time.monotonic() - started

        created = ", ".join(f"{n} {name}" for name, n in sorted(result.created.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready in {seconds:.1f} s.")
            + f" Created: {created or 'nothing, everything was already there'}."
        )
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        for login in result.logins:
            who = ", ".join(part for part in (login.name, login.party) if part)
            self.stdout.write(
                f"  {login.role:<13} {login.email:<35} password: {result.password}  ({who})"
            )
        self.stdout.write("")
        self.stdout.write("Counts:")
        for name, count in result.totals.items():
            self.stdout.write(f"  {name:<26} {count:>5}")
