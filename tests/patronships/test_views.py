"""Introduction and lifecycle pages: who may see and act, bad input, contact privacy."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from exchange.models import InterestStatus
from patronships import services
from patronships.models import (
    SIDE_RECIPIENT,
    SIDE_SPONSOR,
    Introduction,
    IntroductionStatus,
    Patronship,
    PatronshipStatus,
)
from tests.factories import (
    CompanyFactory,
    ContactPersonFactory,
    MembershipFactory,
    NeedFactory,
    OrganisationFactory,
    PatronshipFactory,
    UserFactory,
)

S = PatronshipStatus


@pytest.fixture
def need(organisation):
    return NeedFactory(party=organisation, title="Unser Dach ist undicht")


@pytest.fixture
def introduction(company, organisation, need, coordinator, company_member, organisation_member):
    ContactPersonFactory(party=company, name="Carl Krüger", email="carl@krueger.example")
    ContactPersonFactory(party=organisation, name="Olga Vorstand", email="olga@sv.example")
    return services.introduction_propose(
        sponsor=company, recipient=organisation, need=need, by=coordinator
    )


def _login(client, user):
    client.force_login(user)
    return client


# --- proposing ---------------------------------------------------------------------------


def test_coordinator_proposes_from_a_suggestion(client, coordinator, company, need):
    url = reverse("patronships:introduction_propose") + f"?need={need.pk}&candidate={company.pk}"
    response = _login(client, coordinator).get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["sponsor"] == company
    response = client.post(
        url,
        {"sponsor": company.pk, "recipient": need.party.pk, "message": "Dach und Fußball."},
    )
    introduction = Introduction.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("patronships:introduction", args=[introduction.pk])
    assert introduction.source == "suggestion"
    assert introduction.patronship.need == need


def test_proposing_from_an_interest_marks_it_introduced(client, coordinator, company, need):
    from exchange.models import Interest

    interest = Interest.objects.create(need=need, party=company, message="Wir helfen gern.")
    url = reverse("patronships:introduction_propose") + f"?interest={interest.pk}"
    _login(client, coordinator).post(url, {"sponsor": company.pk, "recipient": need.party.pk})
    interest.refresh_from_db()
    assert interest.status == InterestStatus.INTRODUCED
    assert Introduction.objects.get().source == "interest"


@pytest.mark.parametrize(
    ("persona", "status"), [("advisor", 403), ("company_member", 404), ("outsider", 404)]
)
def test_only_the_coordinator_proposes(client, request, persona, status):
    _login(client, request.getfixturevalue(persona))
    assert client.get(reverse("patronships:introduction_propose")).status_code == status


def test_proposing_the_same_party_twice_keeps_the_input(client, coordinator, company):
    response = _login(client, coordinator).post(
        reverse("patronships:introduction_propose"),
        {"sponsor": company.pk, "recipient": company.pk, "message": "Bitte behalten"},
    )
    assert response.status_code == 200
    assert "Bitte wählen Sie zwei verschiedene Parteien." in response.content.decode()
    assert "Bitte behalten" in response.content.decode()
    assert not Patronship.objects.exists()


def test_a_duplicate_introduction_is_refused_with_a_message(client, introduction, coordinator):
    patronship = introduction.patronship
    url = reverse("patronships:introduction_propose") + f"?need={patronship.need_id}"
    response = _login(client, coordinator).post(
        url, {"sponsor": patronship.sponsor_id, "recipient": patronship.recipient_id}
    )
    assert "läuft bereits eine Vorstellung" in response.content.decode()
    assert Introduction.objects.count() == 1


# --- answering ---------------------------------------------------------------------------


def test_contacts_stay_hidden_until_both_accept(client, introduction, company_member):
    url = reverse("patronships:introduction", args=[introduction.pk])
    page = _login(client, company_member).get(url).content.decode()
    assert "olga@sv.example" not in page
    assert "Kontaktdaten werden sichtbar" in page
    response = client.post(
        reverse("patronships:introduction_answer", args=[introduction.pk]),
        {"answer": "accepted"},
    )
    assert response.status_code == 302
    assert "olga@sv.example" not in client.get(url).content.decode()
    detail = reverse("patronships:detail", args=[introduction.patronship_id])
    assert "olga@sv.example" not in client.get(detail).content.decode()
    services.introduction_answer(introduction=introduction, side=SIDE_RECIPIENT, answer="accepted")
    assert "olga@sv.example" in client.get(url).content.decode()
    assert "olga@sv.example" in client.get(detail).content.decode()


def test_an_answer_without_choice_is_refused(client, introduction, organisation_member):
    response = _login(client, organisation_member).post(
        reverse("patronships:introduction_answer", args=[introduction.pk]),
        {"reason": "Mein Hinweis"},
    )
    assert response.status_code == 400
    assert "Bitte wählen Sie Ja oder Nein." in response.content.decode()
    assert "Mein Hinweis" in response.content.decode()
    introduction.refresh_from_db()
    assert introduction.recipient_answer == ""


def test_answer_is_post_only_and_for_members(client, introduction, outsider, advisor):
    url = reverse("patronships:introduction_answer", args=[introduction.pk])
    assert _login(client, introduction_member(introduction)).get(url).status_code == 405
    assert _login(client, outsider).post(url, {"answer": "accepted"}).status_code == 404
    assert _login(client, advisor).post(url, {"answer": "accepted"}).status_code == 403


def introduction_member(introduction):
    return introduction.patronship.sponsor.memberships.get().user


@pytest.mark.parametrize(("persona", "status"), [("outsider", 404), ("advisor", 200)])
def test_introduction_page_access(client, request, introduction, persona, status):
    _login(client, request.getfixturevalue(persona))
    url = reverse("patronships:introduction", args=[introduction.pk])
    assert client.get(url).status_code == status


def test_a_member_of_another_party_sees_nothing(client, introduction):
    other = UserFactory()
    MembershipFactory(user=other, party=CompanyFactory())
    _login(client, other)
    assert (
        client.get(reverse("patronships:introduction", args=[introduction.pk])).status_code == 404
    )
    detail = reverse("patronships:detail", args=[introduction.patronship_id])
    assert client.get(detail).status_code == 404


def test_the_signed_link_asks_first_and_answers_on_post(client, introduction):
    token = services.answer_token(introduction, SIDE_SPONSOR, "accepted")
    url = reverse("patronships:introduction_answer_link", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    assert "Kennenlernen mit SV Jugendfußball" in page.content.decode()
    introduction.refresh_from_db()
    assert introduction.sponsor_answer == ""  # a GET (a mail scanner) changes nothing
    response = client.post(url, {"answer": "accepted"})
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.sponsor_answer == "accepted"
    assert introduction.sponsor_answered_by is None  # answered without logging in
    assert "Ihre Antwort liegt vor" in client.get(url).content.decode()


def test_a_tampered_or_expired_link_gets_a_clear_page(client, introduction, settings):
    token = services.answer_token(introduction, SIDE_SPONSOR)
    response = client.get(reverse("patronships:introduction_answer_link", args=[token + "x"]))
    assert response.status_code == 404
    assert "Dieser Link ist ungültig" in response.content.decode()
    settings.INTRODUCTION_LINK_DAYS = 0
    response = client.get(reverse("patronships:introduction_answer_link", args=[token]))
    assert response.status_code in (404, 410)


def test_coordinator_withdraws_with_a_reason(client, introduction, coordinator, advisor):
    url = reverse("patronships:introduction_withdraw", args=[introduction.pk])
    assert _login(client, advisor).post(url, {"reason": "x"}).status_code == 403
    response = _login(client, coordinator).post(url, {"reason": ""})
    assert "Bitte geben Sie eine Begründung an." in response.content.decode()
    client.post(url, {"reason": "Bedarf hat sich erledigt"})
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.WITHDRAWN
    assert introduction.patronship.status == S.DECLINED


# --- agreement and lifecycle -------------------------------------------------------------


@pytest.fixture
def accepted(introduction):
    services.introduction_answer(introduction=introduction, side=SIDE_SPONSOR, answer="accepted")
    services.introduction_answer(introduction=introduction, side=SIDE_RECIPIENT, answer="accepted")
    return introduction.patronship


def _agreement_data(**overrides):
    today = timezone.localdate()
    data = {
        "title": "Ein dichtes Dach für den SV",
        "sponsor_gives": "Dachreparatur am Vereinsheim",
        "recipient_gives": "Logo auf den Trikots",
        "start_date": today.isoformat(),
        "end_date": "",
        "duration_months": "12",
        "checkin_interval_days": "90",
    }
    data.update(overrides)
    return data


def test_recording_the_agreement_starts_the_patronship(client, accepted, coordinator):
    url = reverse("patronships:agreement", args=[accepted.pk])
    response = _login(client, coordinator).post(url, _agreement_data())
    assert response.status_code == 302
    accepted.refresh_from_db()
    assert accepted.status == S.ACTIVE
    assert accepted.end_date == services.end_date_for(timezone.localdate(), 12)
    assert list(accepted.transitions.values_list("to_status", flat=True)) == [
        S.PROPOSED,
        S.AGREED,
        S.ACTIVE,
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"duration_months": "", "end_date": ""},
            "Bitte geben Sie ein Enddatum oder eine Dauer an.",
        ),
        (
            {"end_date": "2020-01-01", "duration_months": ""},
            "Das Ende muss nach dem Beginn liegen.",
        ),
        ({"end_date": "2030-01-01"}, "entweder ein Enddatum oder eine Dauer"),
        ({"checkin_interval_days": "3"}, "Mindestens alle 14 Tage."),
        ({"start_date": "31.02.2027"}, "Bitte geben Sie ein gültiges Datum ein."),
        ({"sponsor_gives": ""}, "Bitte beschreiben Sie, was der Pate gibt."),
    ],
)
def test_bad_agreement_input_is_explained_and_kept(
    client, accepted, coordinator, overrides, message
):
    response = _login(client, coordinator).post(
        reverse("patronships:agreement", args=[accepted.pk]), _agreement_data(**overrides)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Ein dichtes Dach für den SV" in page
    accepted.refresh_from_db()
    assert accepted.status == S.PROPOSED and accepted.start_date is None


def test_agreement_before_both_answers_is_refused_on_the_page(client, introduction, coordinator):
    response = _login(client, coordinator).post(
        reverse("patronships:agreement", args=[introduction.patronship_id]), _agreement_data()
    )
    assert "wenn beide Seiten die Vorstellung angenommen haben" in response.content.decode()


@pytest.mark.parametrize(
    "name", ["agreement", "activate", "complete", "end_early", "decline", "renew"]
)
@pytest.mark.parametrize(
    ("persona", "status"),
    [("advisor", 403), ("company_member", 404), ("outsider", 404)],
)
def test_lifecycle_steps_are_the_coordinators(client, request, name, persona, status, db):
    patronship = PatronshipFactory(status=S.ACTIVE)
    _login(client, request.getfixturevalue(persona))
    url = reverse(f"patronships:{name}", args=[patronship.pk])
    assert client.get(url).status_code == status
    assert client.post(url, {"reason": "x"}).status_code == status
    patronship.refresh_from_db()
    assert patronship.status == S.ACTIVE


def test_a_step_not_allowed_now_shows_the_reason(client, coordinator):
    patronship = PatronshipFactory(status=S.COMPLETED)
    response = _login(client, coordinator).post(
        reverse("patronships:end_early", args=[patronship.pk]), {"reason": "Streit"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Eine Patenschaft im Status „abgeschlossen“ kann nicht „vorzeitig beendet“ werden." in (
        page
    )
    assert "Streit" in page


def test_ending_early_asks_for_a_reason_and_a_past_date(client, coordinator):
    patronship = PatronshipFactory(status=S.ACTIVE)
    url = reverse("patronships:end_early", args=[patronship.pk])
    response = _login(client, coordinator).get(url)
    assert "Dieser Schritt lässt sich nicht rückgängig machen" in response.content.decode()
    response = client.post(url, {"reason": ""})
    assert "Bitte geben Sie eine Begründung an." in response.content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url, {"reason": "x", "ended_on": tomorrow.isoformat()})
    assert "Das Ende darf nicht in der Zukunft liegen." in response.content.decode()
    patronship.refresh_from_db()
    assert patronship.status == S.ACTIVE
    response = client.post(url, {"reason": "Verein aufgelöst"})
    patronship.refresh_from_db()
    assert patronship.status == S.ENDED_EARLY


def test_renewing_from_the_page(client, coordinator):
    patronship = PatronshipFactory(status=S.ACTIVE, sponsor_gives="Webseite")
    response = _login(client, coordinator).post(
        reverse("patronships:renew", args=[patronship.pk]),
        {"duration_months": "12", "sponsor_gives": "Webseite und Hosting"},
    )
    new = Patronship.objects.get(previous=patronship)
    assert response["Location"] == reverse("patronships:detail", args=[new.pk])
    assert new.sponsor_gives == "Webseite und Hosting"


# --- pages -------------------------------------------------------------------------------


def test_members_see_their_own_patronships_only(client, company_member, company):
    mine = PatronshipFactory(sponsor=company, title="Meine Patenschaft")
    PatronshipFactory(title="Fremde Patenschaft")
    page = _login(client, company_member).get(reverse("patronships:list")).content.decode()
    assert mine.title in page and "Fremde Patenschaft" not in page


def test_list_shows_introductions_waiting_for_my_answer(client, introduction, company_member):
    page = _login(client, company_member).get(reverse("patronships:list")).content.decode()
    assert "Vorstellungen, die auf Ihre Antwort warten" in page


def test_list_query_count_is_constant(client, coordinator, django_assert_max_num_queries):
    PatronshipFactory.create_batch(3)
    _login(client, coordinator)
    with django_assert_max_num_queries(8):
        client.get(reverse("patronships:list"))
    PatronshipFactory.create_batch(20)
    with django_assert_max_num_queries(8):
        client.get(reverse("patronships:list"))


def test_detail_query_count_is_constant(client, coordinator, django_assert_max_num_queries):
    company, organisation = CompanyFactory(), OrganisationFactory()
    patronship = PatronshipFactory(sponsor=company, recipient=organisation)
    ContactPersonFactory(party=company)
    url = reverse("patronships:detail", args=[patronship.pk])
    _login(client, coordinator)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for _ in range(10):
        ContactPersonFactory(party=company, is_primary=False)
        services.note_add(patronship=patronship, by=coordinator, text="Gespräch geführt")
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


@pytest.mark.parametrize(
    "status,linked",
    [
        (PatronshipStatus.PROPOSED, False),
        (PatronshipStatus.ACTIVE, True),
        (PatronshipStatus.COMPLETED, True),
        (PatronshipStatus.DECLINED, False),
    ],
)
def test_detail_links_publication_once_there_is_something_to_tell(
    client, company_member, company, status, linked
):
    patronship = PatronshipFactory(sponsor=company, status=status)
    page = _login(client, company_member).get(reverse("patronships:detail", args=[patronship.pk]))
    link = reverse("publication:manage", args=[patronship.pk])
    assert (f'href="{link}"' in page.content.decode()) is linked
