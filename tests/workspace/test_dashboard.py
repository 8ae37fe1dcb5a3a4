"""The coordinator's dashboard: who may see it, its figures, its queues, its query count."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from exchange.models import InterestStatus, NeedStatus
from matching.models import Band
from parties.models import PartyStatus
from patronships.models import IntroductionStatus, PatronshipStatus
from tests.factories import (
    CompanyFactory,
    NeedFactory,
    OrganisationFactory,
    PatronshipFactory,
    SealFactory,
)
from tests.workspace.conftest import (
    CheckInFactory,
    InterestFactory,
    IntroductionFactory,
    ProposedPatronshipFactory,
    SuggestionFactory,
    backdate,
    days_ago,
    grow,
)
from workspace import selectors

URL = reverse("workspace:dashboard")
S = PatronshipStatus


def _today():
    return timezone.localdate()


def _in(days):
    return _today() + datetime.timedelta(days=days)


# --- who may see it ----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("advisor", 403),
        ("company_member", 404),
        ("organisation_member", 404),
        ("outsider", 404),
    ],
)
def test_only_the_coordinator_sees_the_dashboard(client, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == status


# --- figures -----------------------------------------------------------------------------


@pytest.fixture
def programme(db, settings):
    """A small programme where every figure has a known value (see the comments)."""
    settings.CHECKIN_NOTICE_DAYS = 7
    org = OrganisationFactory(name="Tafel Weißwasser e.V.")
    company = CompanyFactory(name="Malerbetrieb Kern")

    def need(title, age_days, status=NeedStatus.OPEN, party=org):
        return backdate(
            NeedFactory(party=party, title=title, status=status), created_at=days_ago(age_days)
        )

    # Open needs of approved parties: six.
    new = need("Neu und unberührt", 2)  # new, no strong suggestion
    stale_strong = need("Lange offen, gut passend", 40)  # stale
    SuggestionFactory(need=stale_strong, candidate=company, band=Band.STRONG)
    in_hand = need("In Vorstellung", 40)  # not stale: an introduction is under way
    SuggestionFactory(need=in_hand, candidate=company, band=Band.POSSIBLE)
    IntroductionFactory(
        patronship=ProposedPatronshipFactory(sponsor=company, recipient=org, need=in_hand)
    )
    tried = need("Schon versucht", 3)  # not new: someone was introduced (declined)
    SuggestionFactory(need=tried, candidate=company, band=Band.STRONG)
    PatronshipFactory(sponsor=company, recipient=org, need=tried, status=S.DECLINED)
    stale_declined = need("Abgelehnt und lange offen", 50)  # stale: a declined one is no help
    PatronshipFactory(sponsor=company, recipient=org, need=stale_declined, status=S.DECLINED)
    need("Zehn Tage alt", 10)  # neither new nor stale
    # Not counted: a draft, a met need, an open need of a party still waiting for approval.
    need("Entwurf", 1, status=NeedStatus.DRAFT)
    need("Erfüllt", 40, status=NeedStatus.MET)
    pending = CompanyFactory(name="Noch nicht frei", status=PartyStatus.PENDING)
    need("Von wartender Partei", 1, party=pending)

    # Patronships by status (the two above: one proposed, two declined) plus these.
    active = [PatronshipFactory(title=f"Aktiv {i}") for i in range(3)]
    PatronshipFactory(status=S.AGREED)
    completed = PatronshipFactory(status=S.COMPLETED)

    # Check-ins, notice 7 days: one overdue, two due (the 7th day counts), the rest not.
    CheckInFactory(patronship=active[0], due_on=_in(-5))
    CheckInFactory(patronship=active[1], due_on=_in(3))
    CheckInFactory(patronship=active[2], due_on=_in(7))
    CheckInFactory(patronship=active[2], due_on=_in(8))
    CheckInFactory(patronship=active[1], due_on=_in(-1), done_at=timezone.now())
    CheckInFactory(patronship=completed, due_on=_in(-2))

    # Seals: two expire within 60 days (the 60th day counts).
    # (Each partner holds one seal per patronship.)
    def seal(patronship, holder, days, **extra):
        SealFactory(patronship=patronship, holder=holder, valid_until=_in(days), **extra)

    seal(active[0], active[0].sponsor, 30)
    seal(active[0], active[0].recipient, 60)
    seal(active[1], active[1].sponsor, 61)
    seal(active[1], active[1].recipient, 10, revoked_at=timezone.now())
    seal(active[2], active[2].sponsor, -1)

    # Interests: two open (new, seen), two closed.
    for status in InterestStatus:
        InterestFactory(need=new, status=status)
    return {"new": new, "pending": pending}


def test_figures_on_a_known_programme(client, coordinator, programme):
    client.force_login(coordinator)
    response = client.get(URL)
    context = response.context
    assert context["needs"] == {"open": 6, "without_strong": 4, "stale": 2}
    assert {f["status"]: f["count"] for f in context["patronships"]} == {
        "proposed": 1,
        "agreed": 1,
        "active": 3,
        "completed": 1,
        "declined": 2,
        "ended_early": 0,
        "renewed": 0,
    }
    assert context["checkin_figures"] == {"due": 3, "overdue": 1}
    assert context["seals_expiring"] == 2
    assert context["registrations"].total == 1
    assert [n.title for n in context["new_needs"].rows] == ["Neu und unberührt"]
    assert context["interests"].total == 2
    assert context["introductions"].total == 1
    assert context["checkins"].total == 3

    page = response.content.decode()
    assert "6</strong> offene Bedarfe" in page
    assert "4</strong> Bedarfe ohne gut passenden Vorschlag" in page
    assert "2</strong> Bedarfe warten seit über 30 Tagen auf eine Vorstellung" in page
    assert "3</strong> Zwischengespräche fällig in den nächsten 7 Tagen" in page
    assert "davon 1 überfällig" in page
    assert "2</strong> Siegel laufen in den nächsten 60 Tagen ab" in page
    assert f'href="{reverse("workspace:pipeline")}?status=active"><strong>3</strong> aktiv' in page


def test_an_empty_programme_says_there_is_nothing_to_do(client, coordinator):
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    assert "Keine Registrierung wartet auf Freigabe." in page
    assert "Kein neuer Bedarf zu sichten." in page
    assert "Keine offene Interessenbekundung." in page
    assert "Keine Vorstellung wartet auf Antwort." in page
    assert "Kein Zwischengespräch fällig." in page


# --- queues ------------------------------------------------------------------------------


def test_introductions_queue_puts_escalated_first_then_the_oldest(client, coordinator):
    def waiting(title, age_days, escalated=False):
        introduction = IntroductionFactory(patronship__title=title)
        backdate(introduction, proposed_at=days_ago(age_days))
        if escalated:
            backdate(introduction, escalated_at=days_ago(age_days - 14))
        return introduction

    waiting("Drei Tage", 3)
    waiting("Zehn Tage", 10)
    waiting("Eskaliert vor 20", 20, escalated=True)
    waiting("Dreißig Tage, nicht eskaliert", 30)
    waiting("Eskaliert vor 16", 16, escalated=True)
    answered = IntroductionFactory(status=IntroductionStatus.ACCEPTED)
    backdate(answered, proposed_at=days_ago(40))

    client.force_login(coordinator)
    response = client.get(URL)
    rows = response.context["introductions"].rows
    assert [(i.patronship.title, i.waited_days) for i in rows] == [
        ("Eskaliert vor 20", 20),
        ("Eskaliert vor 16", 16),
        ("Dreißig Tage, nicht eskaliert", 30),
        ("Zehn Tage", 10),
        ("Drei Tage", 3),
    ]
    page = response.content.decode()
    queue = page[page.index("Vorstellungen ohne Antwort") :]
    assert queue.count(">eskaliert</span>") == 2
    assert "20 Tagen" in queue and "3 Tagen" in queue
    assert reverse("patronships:introduction", args=[rows[0].pk]) in queue


def test_introduction_queue_names_who_has_not_answered(client, coordinator):
    introduction = IntroductionFactory(
        patronship__sponsor=CompanyFactory(name="Elektro Lehmann"),
        patronship__recipient=OrganisationFactory(name="Kita Sonnenschein"),
        sponsor_answer="accepted",
    )
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    row = page[page.index(reverse("patronships:introduction", args=[introduction.pk])) :]
    row = row[: row.index("</tr>")]
    missing = row[row.rindex("<td>") :]
    assert "Kita Sonnenschein" in missing and "Elektro Lehmann" not in missing


def test_checkin_queue_is_oldest_first_and_marks_overdue_ones(client, coordinator, settings):
    settings.CHECKIN_NOTICE_DAYS = 7
    later = CheckInFactory(patronship__title="In drei Tagen", due_on=_in(3))
    overdue = CheckInFactory(patronship__title="Seit vier Tagen", due_on=_in(-4))
    client.force_login(coordinator)
    response = client.get(URL)
    assert [c.pk for c in response.context["checkins"].rows] == [overdue.pk, later.pk]
    page = response.content.decode()
    assert "überfällig seit 4 Tagen" in page
    assert page.count("überfällig seit") == 1
    assert reverse("patronships:checkin", args=[overdue.patronship_id, overdue.pk]) in page


def test_queues_show_ten_rows_oldest_first_and_the_total(client, coordinator):
    for n in range(12):
        party = CompanyFactory(name=f"Wartend {n:02}", status=PartyStatus.PENDING)
        backdate(party, created_at=days_ago(20 - n))
        need = NeedFactory(title=f"Frisch {n:02}")
        backdate(need, created_at=days_ago(6) + datetime.timedelta(hours=n))
        interest = InterestFactory(need=need)
        backdate(interest, created_at=days_ago(5) + datetime.timedelta(hours=n))
    client.force_login(coordinator)
    response = client.get(URL)
    for key in ("registrations", "new_needs", "interests"):
        queue = response.context[key]
        assert (len(queue.rows), queue.total, queue.has_more) == (10, 12, True), key
    assert [p.name for p in response.context["registrations"].rows][:2] == [
        "Wartend 00",
        "Wartend 01",
    ]
    assert response.context["new_needs"].rows[0].title == "Frisch 00"
    page = response.content.decode()
    assert "Wartend 09" in page and "Wartend 10" not in page
    assert "Alle Registrierungen anzeigen (12)" in page
    assert f'href="{reverse("parties:review")}"' in page
    assert "Alle neuen Bedarfe anzeigen (12)" in page
    assert f'href="{reverse("workspace:new_needs")}"' in page
    assert "Alle Interessenbekundungen anzeigen (12)" in page


def test_new_needs_queue_leaves_out_old_and_introduced_needs(coordinator):
    fresh = NeedFactory(title="Frisch")
    backdate(NeedFactory(title="Acht Tage"), created_at=days_ago(8))
    introduced = NeedFactory(title="Schon vorgestellt")
    IntroductionFactory(patronship__need=introduced)
    NeedFactory(title="Entwurf", status=NeedStatus.DRAFT)
    assert list(selectors.new_needs()) == [fresh]


# --- query budget ------------------------------------------------------------------------

# session, user; the need figures, the patronship figures, the check-in figures and the
# expiring seals (one aggregate each); then one query per queue with its total
# (registrations, new needs, interests, introductions, check-ins); the header's count of
# unread notifications.
DASHBOARD_QUERIES = 12


def test_dashboard_query_count_does_not_grow_with_the_data(
    client, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    grow(10)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        small = client.get(URL)
    assert small.context["introductions"].total > 0
    grow(990)
    with CaptureQueriesContext(connection) as large_queries:
        large = client.get(URL)
    assert len(large_queries) == DASHBOARD_QUERIES
    figures = {f["status"]: f["count"] for f in large.context["patronships"]}
    assert sum(figures.values()) == 1000
    assert large.context["registrations"].total == 1000
    assert large.context["interests"].total == 1000
    assert len(large.context["registrations"].rows) == 10
    page = large.content.decode()
    assert len(re.findall(r"<tr", page)) <= 5 * 11  # five queues, ten rows and a header each
