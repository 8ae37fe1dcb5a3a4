"""The pipeline board: columns by stage, filters, read-only for advisors, query budget."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from patronships.models import IntroductionStatus, PatronshipStatus
from tests.factories import (
    CompanyFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PatronshipFactory,
    TopicFactory,
    UserFactory,
)
from tests.workspace.conftest import IntroductionFactory, backdate, days_ago, grow
from workspace.pipeline import CARDS_PER_COLUMN, Stage

URL = reverse("workspace:pipeline")
S = PatronshipStatus


def _columns(response) -> dict[str, list[str]]:
    return {c.key: [p.title for p in c.queue.rows] for c in response.context["columns"]}


# --- who may see it ----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("advisor", 200),
        ("company_member", 404),
        ("organisation_member", 404),
        ("outsider", 404),
    ],
)
def test_the_board_is_for_the_pipeline_only(client, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == status
    assert client.get(URL + "?status=active").status_code == status


# --- columns -----------------------------------------------------------------------------


@pytest.fixture
def one_of_each(db):
    """One patronship per stage, titled after it."""
    IntroductionFactory(patronship__title="wartet")
    IntroductionFactory(
        patronship__title="angenommen",
        status=IntroductionStatus.ACCEPTED,
        sponsor_answer="accepted",
        recipient_answer="accepted",
        closed_at=timezone.now(),
    )
    for status in (S.AGREED, S.ACTIVE, S.COMPLETED, S.RENEWED, S.ENDED_EARLY):
        PatronshipFactory(title=status.value, status=status)
    declined = PatronshipFactory(title="abgelehnt", status=S.DECLINED)
    IntroductionFactory(patronship=declined, status=IntroductionStatus.DECLINED)


def test_each_patronship_stands_in_the_column_of_its_stage(client, coordinator, one_of_each):
    client.force_login(coordinator)
    response = client.get(URL)
    assert _columns(response) == {
        "waiting": ["wartet"],
        "accepted": ["angenommen"],
        "agreed": ["agreed"],
        "active": ["active"],
        "completed": ["completed"],
        "renewed": ["renewed"],
        "ended_early": ["ended_early"],
        "declined": ["abgelehnt"],
    }
    page = response.content.decode()
    # Columns are sections with headings, in the order of the pipeline, and a jump list.
    headings = [page.index(f'id="spalte-{stage.value}-titel"') for stage in Stage]
    assert headings == sorted(headings)
    assert 'href="#spalte-waiting"' in page
    assert "abgelehnt</dd>" in page  # the declined card says what happened to the introduction


def test_waiting_column_puts_escalated_first_and_shows_the_days(client, coordinator):
    young = IntroductionFactory(patronship__title="Jung")
    backdate(young, proposed_at=days_ago(2))
    old = IntroductionFactory(patronship__title="Alt")
    backdate(old, proposed_at=days_ago(12))
    escalated = IntroductionFactory(patronship__title="Eskaliert")
    backdate(escalated, proposed_at=days_ago(15), escalated_at=days_ago(1))
    client.force_login(coordinator)
    response = client.get(URL)
    assert _columns(response)["waiting"] == ["Eskaliert", "Alt", "Jung"]
    page = response.content.decode()
    assert "15 Tagen" in page and "12 Tagen" in page and "2 Tagen" in page
    assert page.count(">eskaliert</span>") == 1
    assert reverse("patronships:introduction", args=[escalated.pk]) in page


def test_cards_show_partners_places_dates_and_coordinator(client, coordinator):
    PatronshipFactory(
        title="Dach für das Vereinsheim",
        sponsor=CompanyFactory(
            name="Dachdeckerei Krüger", municipality=MunicipalityFactory(name="Boxberg/O.L.")
        ),
        recipient=OrganisationFactory(name="SV Weißwasser"),
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2026, 2, 28),
        coordinator=coordinator,
    )
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    card = page[page.index("Dach für das Vereinsheim") :]
    card = card[: card.index("</article>")]
    assert "Dachdeckerei Krüger" in card and "(Boxberg/O.L.)" in card
    assert "SV Weißwasser" in card and "(Weißwasser/O.L.)" in card
    assert "1. März 2025" in card and "28. Februar 2026" in card
    assert "Clara Koordination" in card


def test_a_column_is_capped_with_a_link_to_the_full_list(client, coordinator):
    for n in range(CARDS_PER_COLUMN + 5):
        PatronshipFactory(title=f"Aktiv {n:02}", end_date=timezone.localdate().replace(day=1))
    client.force_login(coordinator)
    response = client.get(URL)
    active = next(c for c in response.context["columns"] if c.key == "active")
    assert (len(active.queue.rows), active.queue.total) == (CARDS_PER_COLUMN, 30)
    page = response.content.decode()
    assert "25 von 30 gezeigt: alle „aktiv“ als Liste" in page
    assert 'href="?status=active"' in page


def test_the_full_list_is_paginated_and_keeps_the_filters(client, coordinator):
    topic = TopicFactory(name="Jugend")
    for n in range(30):
        PatronshipFactory(title=f"Jugend {n:02}").topics.add(topic)
    PatronshipFactory(title="Ohne Thema")
    client.force_login(coordinator)
    response = client.get(URL, {"status": "active", "topic": topic.pk})
    assert response.templates[0].name == "workspace/pipeline_list.html"
    assert response.context["page"].paginator.count == 30
    page = response.content.decode()
    assert "Pipeline: aktiv" in page and "30 Einträge" in page
    assert "Ohne Thema" not in page
    assert f"?status=active&amp;topic={topic.pk}&amp;page=2" in page
    assert f'href="{URL}?topic={topic.pk}"' in page  # back to the board, filters kept
    second = client.get(URL, {"status": "active", "topic": topic.pk, "page": 2})
    assert len(second.context["page"].object_list) == 5


# --- filters -----------------------------------------------------------------------------


def test_filter_by_coordinator(client, coordinator):
    other = UserFactory(name="Kai Koordination", is_coordinator=True)
    PatronshipFactory(title="Von Clara", coordinator=coordinator)
    PatronshipFactory(title="Von Kai", coordinator=other)
    client.force_login(coordinator)
    response = client.get(URL, {"coordinator": other.pk})
    assert _columns(response)["active"] == ["Von Kai"]
    # The choice stays selected, and only coordinators are offered.
    page = response.content.decode()
    assert f'<option value="{other.pk}" selected>Kai Koordination</option>' in page
    assert "Anton Förderkreis" not in page


def test_filter_by_topic(client, coordinator):
    youth, seniors = TopicFactory(name="Jugend"), TopicFactory(name="Senioren")
    PatronshipFactory(title="Jugendarbeit").topics.add(youth, seniors)
    PatronshipFactory(title="Seniorentreff").topics.add(seniors)
    client.force_login(coordinator)
    response = client.get(URL, {"topic": youth.pk})
    assert _columns(response)["active"] == ["Jugendarbeit"]
    response = client.get(URL, {"topic": seniors.pk})
    assert sorted(_columns(response)["active"]) == ["Jugendarbeit", "Seniorentreff"]
    active = next(c for c in response.context["columns"] if c.key == "active")
    assert active.queue.total == 2


def test_filter_by_municipality_of_either_partner(client, coordinator):
    boxberg = MunicipalityFactory(name="Boxberg/O.L.")
    PatronshipFactory(title="Pate in Boxberg", sponsor=CompanyFactory(municipality=boxberg))
    PatronshipFactory(
        title="Partner in Boxberg", recipient=OrganisationFactory(municipality=boxberg)
    )
    PatronshipFactory(title="Beide in Weißwasser")
    client.force_login(coordinator)
    response = client.get(URL, {"municipality": boxberg.pk})
    assert sorted(_columns(response)["active"]) == ["Partner in Boxberg", "Pate in Boxberg"]


def test_a_bad_filter_value_is_explained_and_the_rest_still_applies(client, coordinator):
    topic = TopicFactory(name="Kultur")
    PatronshipFactory(title="Theater").topics.add(topic)
    PatronshipFactory(title="Sportplatz")
    client.force_login(coordinator)
    response = client.get(URL, {"coordinator": "999999", "topic": topic.pk, "status": "nix"})
    assert response.status_code == 200
    assert response.templates[0].name == "workspace/pipeline.html"
    page = response.content.decode()
    assert 'class="errorlist' in page and "gültige Auswahl" in page
    assert _columns(response)["active"] == ["Theater"]
    assert f'<option value="{topic.pk}" selected>Kultur</option>' in page


# --- read-only for advisors --------------------------------------------------------------


@pytest.fixture
def accepted(db):
    return IntroductionFactory(
        patronship__title="Bereit zur Vereinbarung",
        status=IntroductionStatus.ACCEPTED,
        closed_at=timezone.now(),
    ).patronship


def test_the_coordinator_gets_the_action_on_the_card(client, coordinator, accepted):
    client.force_login(coordinator)
    agreement = reverse("patronships:agreement", args=[accepted.pk])
    assert agreement in client.get(URL).content.decode()
    assert agreement in client.get(URL, {"status": "accepted"}).content.decode()


def test_advisors_see_the_cards_without_actions(client, advisor, accepted):
    client.force_login(advisor)
    for response in (client.get(URL), client.get(URL, {"status": "accepted"})):
        page = response.content.decode()
        assert "Bereit zur Vereinbarung" in page
        assert "Sie sehen die Pipeline lesend." in page
        assert "Vereinbarung festhalten" not in page
        assert reverse("patronships:agreement", args=[accepted.pk]) not in page
        main = page.split("<main", 1)[1].split("</main>", 1)[0]
        assert 'method="post"' not in main and "button-small" not in main


# --- query budget ------------------------------------------------------------------------

# session, user; one query per column (eight) with its cards and total; the filter form's
# choices: coordinators, topics, municipalities; the header's count of unread notifications.
BOARD_QUERIES = 14
# ...and with a coordinator and a topic chosen, one more each to check the choice.
FILTERED_BOARD_QUERIES = 16
# session, user; count and page of the list; the form's three choice lists; the header.
LIST_QUERIES = 8


def test_board_query_count_does_not_grow_with_the_cards(client, coordinator):
    topic = TopicFactory()
    client.force_login(coordinator)
    filters = {"coordinator": coordinator.pk, "topic": topic.pk}

    def count_queries(params):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
        return len(queries), response

    grow(10, coordinator=coordinator, topic=topic)
    assert count_queries({})[0] == BOARD_QUERIES
    assert count_queries(filters)[0] == FILTERED_BOARD_QUERIES
    assert count_queries({"status": "waiting"})[0] == LIST_QUERIES

    grow(990, coordinator=coordinator, topic=topic)
    assert count_queries({})[0] == BOARD_QUERIES
    queries, response = count_queries(filters)
    assert queries == FILTERED_BOARD_QUERIES
    assert sum(c.queue.total for c in response.context["columns"]) == 1000
    assert all(len(c.queue.rows) == CARDS_PER_COLUMN for c in response.context["columns"])
    queries, response = count_queries({"status": "waiting", "page": 2})
    assert queries == LIST_QUERIES
    assert len(response.context["page"].object_list) == 25
