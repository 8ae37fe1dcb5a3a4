"""The annual report as PDF: page count, German letters, and what it may load."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from reports.content import annual_report_content
from reports.models import AnnualReport
from reports.pdf import BlockedResource, _url_fetcher, report_document
from tests.publication.conftest import add_photo, consent, public_story

YEAR = 2024


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def report(world, coordinator):
    story = public_story(
        patronship=world.p1,
        title="Größer als gedacht: ein Dach für den Jugendfußball",
        teaser="Die Dachdeckerei Krüger deckt das Vereinsheim in Weißwasser neu.",
    )
    add_photo(story)
    consent(world.p2, world.c2, show_name=True)
    return AnnualReport.objects.create(
        year=YEAR,
        foreword="Übers Jahr haben Betriebe und Vereine füreinander gearbeitet.",
        story_ids=[story.pk],
        published_at=timezone.now(),
        published_by=coordinator,
    )


def test_pdf_pages_and_german_text(client, report):
    response = client.get(reverse("reports:pdf", args=[YEAR]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="jahresbericht-2024.pdf"' in response["Content-Disposition"]
    pages, text = pdf_text(response.content)
    # Cover; foreword and figures; two pages of charts; stories, sponsors and method.
    assert pages == 5
    for words in (
        "Jahresbericht 2024",
        "Übers Jahr haben Betriebe und Vereine füreinander gearbeitet.",
        "Größer als gedacht: ein Dach für den Jugendfußball",
        "Weißwasser/O.L.",
        "Steuerbüro Lehmann",
        "Geleistete Stunden in beide Richtungen",
        "Seite 2 von 5",
    ):
        assert words in text, words
    assert "Entwurf" not in text


def test_the_document_counts_the_same_pages(report):
    document = report_document(annual_report_content(YEAR))
    assert len(document.pages) == 5


def test_a_draft_pdf_says_so(client, world, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("reports:pdf", args=[YEAR]))
    _pages, text = pdf_text(response.content)
    assert "Entwurf – nicht öffentlich" in text
    assert "Für dieses Jahr sind noch keine Geschichten veröffentlicht." in text


def test_published_pdf_is_cached_and_follows_a_withdrawn_consent(
    client, report, world, django_capture_on_commit_callbacks
):
    first = client.get(reverse("reports:pdf", args=[YEAR])).content
    assert client.get(reverse("reports:pdf", args=[YEAR])).content == first
    with django_capture_on_commit_callbacks(execute=True):
        consent(world.p2, world.c2, show_name=False)  # raises the public version
    _pages, text = pdf_text(client.get(reverse("reports:pdf", args=[YEAR])).content)
    assert "Steuerbüro Lehmann" not in text


def test_the_pdf_loads_only_local_media(settings, tmp_path):
    fetcher = _url_fetcher()
    with pytest.raises(BlockedResource):
        fetcher.fetch("https://example.org/tracker.png")
    with pytest.raises(BlockedResource):
        fetcher.fetch("file:///etc/passwd")
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    response = fetcher.fetch((tmp_path / "bild.png").as_uri())
    assert response.read() == b"\x89PNG" and response.content_type == "image/png"
