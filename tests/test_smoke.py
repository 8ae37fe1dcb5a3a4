"""Site-wide checks: migrations match the models, and every argument-free URL answers."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse


@pytest.mark.django_db
def test_makemigrations_reports_nothing():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:  # pragma: no cover - the message below is the useful part
        pytest.fail(f"Models and migrations disagree:\n{out.getvalue()}")


def _argument_free_paths(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern)
        if "<" in pattern or "(?P" in pattern or pattern.startswith("^"):
            continue
        if isinstance(entry, URLResolver):
            if pattern.startswith("verwaltung/"):
                continue  # Django's own admin has its own tests
            yield from _argument_free_paths(entry, prefix + pattern)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + pattern


PATHS = sorted(set(_argument_free_paths()))
# Pages that only some roles may see: everyone else gets a 404 (advisors 403 where read-only).
RESTRICTED = {
    "/parteien/freigaben/": {"coordinator", "advisor"},
    "/parteien/neu/": {"coordinator"},
    "/verzeichnis/": {"coordinator"},
    "/parteien/zusammenfuehren/": {"coordinator"},
    "/interessen/": {"coordinator", "advisor"},
    "/kompetenzen/vorschlaege/": {"coordinator", "advisor"},
    "/vorschlaege/": {"coordinator", "advisor"},
    "/vorschlaege/gewichtung/": {"coordinator", "advisor"},
    "/parteien/": {"coordinator", "advisor"},
    "/patenschaften/vorstellen/": {"coordinator"},
    "/siegel/": {"coordinator"},
    "/foerderkreis/": {"coordinator", "advisor"},
    "/foerderkreis/empfehlungen/": {"coordinator", "advisor"},
    "/foerderkreis/netzwerke/": {"coordinator", "advisor"},
    "/foerderkreis/netzwerke/neu/": {"coordinator", "advisor"},
    "/foerderkreis/verbindungen/neu/": {"coordinator", "advisor"},
    "/koordination/": {"coordinator"},
    "/koordination/pipeline/": {"coordinator", "advisor"},
    "/koordination/neue-bedarfe/": {"coordinator"},
    "/koordination/zwischengespraeche/": {"coordinator"},
    "/newsletter/ausgaben/": {"coordinator"},
    "/newsletter/ausgaben/neu/": {"coordinator"},
    "/newsletter/abonnenten/": {"coordinator"},
    "/jahresbericht/kennzahlen.csv": {"coordinator", "advisor"},
    "/jahresbericht/kennzahlen.xlsx": {"coordinator", "advisor"},
}
# POST-only actions: the roles allowed to use them get 405 for a GET.
POST_ONLY = {
    "/parteien/zusammenfuehren/bestaetigen/": {"coordinator"},
    "/benachrichtigungen/alle-gelesen/": {
        "coordinator",
        "advisor",
        "company_member",
        "organisation_member",
        "outsider",
    },
}
RESTRICTED.update(POST_ONLY)
# Logging out without being logged in just leads home.
ANONYMOUS_REDIRECTS = {"/konto/logout/": "/"}
PERSONAS = [
    "anonymous",
    "coordinator",
    "advisor",
    "company_member",
    "organisation_member",
    "outsider",
]


def test_there_are_paths_to_check():
    assert "/" in PATHS and "/konto/login/" in PATHS and "/parteien/freigaben/" in PATHS


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_argument_free_url_answers_each_role(client, request, persona, db):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    login_url = reverse("account_login")
    for path in PATHS:
        response = client.get(path)
        status = response.status_code
        if persona == "anonymous":
            target = ANONYMOUS_REDIRECTS.get(path, login_url)
            assert status == 200 or (status == 302 and response["Location"].startswith(target)), (
                f"{path} answered {status} to an anonymous visitor"
            )
        elif path in RESTRICTED and persona not in RESTRICTED[path]:
            expected = 403 if persona == "advisor" else 404
            assert status == expected, f"{path} answered {status} to {persona}"
        elif path in POST_ONLY:
            assert status == 405, f"{path} answered {status} to {persona}"
        else:
            assert status in (200, 302), f"{path} answered {status} to {persona}"
