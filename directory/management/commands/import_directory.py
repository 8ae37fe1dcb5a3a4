from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from directory.services import directory_import


class Command(BaseCommand):
    help = "Import companies, organisations, needs and offers from a CSV, XLSX or JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to a .csv, .xlsx or .json file")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument(
            "--as", dest="email", help="email of the importing coordinator (default: the only one)"
        )

    def handle(self, *args, file, dry_run, email, **options):
        by = _coordinator(email)
        try:
            with open(file, "rb") as handle:
                report = directory_import(file=handle, filename=file, by=by, dry_run=dry_run)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        for message in report.errors:
            self.stderr.write(message)
        for row in report.rows:
            line = f"{row.line:>6}  {row.type_label:<13} {row.label[:40]:<40} {row.action_label}"
            if row.errors:
                line += ": " + " | ".join(row.errors)
            self.stdout.write(line)
        self.stdout.write(report.summary())
        if not report.ok:
            raise CommandError("Es wurde nichts gespeichert.", returncode=1)
        self.stdout.write("Nur geprüft, nichts gespeichert." if dry_run else "Gespeichert.")


def _coordinator(email: str | None):
    coordinators = get_user_model().objects.filter(is_coordinator=True, is_active=True)
    if email:
        user = coordinators.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"{email} ist keine aktive Koordination.")
        return user
    if coordinators.count() != 1:
        raise CommandError("Bitte mit --as EMAIL angeben, wer importiert.")
    return coordinators.get()
