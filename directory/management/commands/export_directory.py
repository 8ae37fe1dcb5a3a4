from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.formats import FileRejected, format_from_filename
from directory.services import directory_export


class Command(BaseCommand):
    help = "Export the directory to a CSV, XLSX or JSON file (format from the extension)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path ending in .csv, .xlsx or .json")

    def handle(self, *args, file, **options):
        try:
            fmt = format_from_filename(file)
        except FileRejected as exc:
            raise CommandError(str(exc)) from exc
        data = directory_export(fmt=fmt)
        try:
            Path(file).write_bytes(data)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        self.stdout.write(f"{file}: {len(data):,} Bytes geschrieben.".replace(",", "."))
