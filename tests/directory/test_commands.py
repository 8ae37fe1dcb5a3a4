import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from exchange.models import Need
from parties.models import Party
from tests.directory.conftest import company, csv_file, need, organisation
from tests.factories import UserFactory

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def _write(tmp_path, rows, name="liste.csv") -> str:
    path = tmp_path / name
    path.write_bytes(csv_file(rows))
    return str(path)


def test_import_command_prints_the_report(tmp_path, coordinator):
    path = _write(tmp_path, [company(), organisation(), need()])
    out = StringIO()
    call_command("import_directory", path, "--dry-run", stdout=out)
    assert "     4  Bedarf        B-1" in out.getvalue()
    assert "3 neu, 0 geändert, 0 unverändert, 0 Fehler" in out.getvalue()
    assert not Party.objects.exists()
    call_command("import_directory", path, "--as", coordinator.email, stdout=StringIO())
    assert Party.objects.count() == 2 and Need.objects.count() == 1


def test_import_command_fails_with_exit_code_one_on_bad_rows(tmp_path, coordinator):
    path = _write(tmp_path, [company(), company("U-2", groesse="riesig")])
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_directory", path, stdout=out)
    assert failure.value.returncode == 1
    assert "     3  Unternehmen   U-2" in out.getvalue()
    assert "groesse: „riesig“ ist nicht erlaubt." in out.getvalue()
    assert not Party.objects.exists()


def test_import_command_needs_to_know_the_coordinator(tmp_path, coordinator):
    UserFactory(is_coordinator=True)
    path = _write(tmp_path, [company()])
    with pytest.raises(CommandError, match="--as EMAIL"):
        call_command("import_directory", path)
    with pytest.raises(CommandError, match="keine aktive Koordination"):
        call_command("import_directory", path, "--as", "otto@example.org")


def test_export_command_takes_the_format_from_the_extension(tmp_path, coordinator):
    call_command("import_directory", _write(tmp_path, [company()]), stdout=StringIO())
    target = tmp_path / "verzeichnis.json"
    call_command("export_directory", str(target), stdout=StringIO())
    assert json.loads(target.read_text())[0]["ref"] == "U-1"
    with pytest.raises(CommandError, match="Dateiformat"):
        call_command("export_directory", str(tmp_path / "verzeichnis.ods"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_the_documented_examples_import_cleanly(coordinator, reference, fmt):
    out = StringIO()
    call_command("import_directory", str(EXAMPLES / f"directory.{fmt}"), stdout=out)
    assert "8 neu, 0 geändert, 0 unverändert, 0 Fehler" in out.getvalue()
    assert Party.objects.get(ref="U-0002").municipality.name == "Görlitz"
