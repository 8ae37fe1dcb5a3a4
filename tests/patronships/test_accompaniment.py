"""Accompaniment pages: check-ins, notes, contributions, milestones, closing reviews.

Who may do what, bad input (German error, input kept, nothing saved), POST-only actions,
what each role sees on the detail page, and the query budget of its sections.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from patronships import services
from patronships.models import (
    CheckIn,
    ClosingReview,
    Contribution,
    Direction,
    Milestone,
    Note,
    PatronshipStatus,
)
from patronships.views.accompaniment import accompaniment_context
from tests.factories import CompanyFactory, MembershipFactory, PatronshipFactory, UserFactory

TODAY = timezone.localdate


@pytest.fixture
def patronship(company, organisation, coordinator, company_member, organisation_member):
    return PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        coordinator=coordinator,
        title="Ein dichtes Dach für den Fußballverein",
    )


@pytest.fixture
def checkin(patronship):
    return CheckIn.objects.create(
        patronship=patronship, due_on=TODAY() + datetime.timedelta(days=3)
    )


@pytest.fixture
def contribution(patronship, company_member):
    return services.contribution_add(
        patronship=patronship,
        by=company_member,
        direction=Direction.TO_RECIPIENT,
        given_on=TODAY(),
        hours=Decimal("4"),
        description="Dachrinne repariert",
    )


@pytest.fixture
def milestone(patronship, company_member):
    return services.milestone_add(patronship=patronship, by=company_member, title="Dach ist dicht")


@pytest.fixture
def stranger():
    """A member of another, unrelated company: the patronship is none of their business."""
    user = UserFactory(email="fremd@anderer-betrieb.example")
    MembershipFactory(user=user, party=CompanyFactory(name="Anderer Betrieb GmbH"))
    return user


@pytest.fixture
def personas(coordinator, advisor, company_member, organisation_member, outsider, stranger):
    return {
        "coordinator": coordinator,
        "advisor": advisor,
        "company_member": company_member,
        "organisation_member": organisation_member,
        "outsider": outsider,
        "stranger": stranger,
        "anonymous": None,
    }


def _url(name, patronship, *, checkin=None, contribution=None, milestone=None):
    args = [patronship.pk]
    if name == "checkin":
        args.append(checkin.pk)
    elif name == "contribution_confirm":
        args.append(contribution.pk)
    elif name == "milestone_reach":
        args.append(milestone.pk)
    return reverse(f"patronships:{name}", args=args)


def _detail(patronship):
    return reverse("patronships:detail", args=[patronship.pk])


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


# --- permissions -------------------------------------------------------------------------

# (view, persona, status for GET on form views / POST on POST-only views).
# 302 "login" means a redirect to the login page.
PERMISSIONS = [
    # check-ins and notes: the coordinator's
    *[
        (view, persona, status)
        for view in ("checkin", "note_add")
        for persona, status in [
            ("coordinator", 200),
            ("advisor", 403),
            ("company_member", 403),
            ("organisation_member", 403),
            ("outsider", 404),
            ("stranger", 404),
            ("anonymous", "login"),
        ]
    ],
    # contributions and milestones: both partners and the coordinator
    *[
        (view, persona, status)
        for view in ("contribution_add", "milestone_add")
        for persona, status in [
            ("coordinator", 200),
            ("company_member", 200),
            ("organisation_member", 200),
            ("advisor", 403),
            ("outsider", 404),
            ("stranger", 404),
            ("anonymous", "login"),
        ]
    ],
    # confirming: the coordinator only (POST)
    ("contribution_confirm", "coordinator", 302),
    ("contribution_confirm", "company_member", 403),
    ("contribution_confirm", "organisation_member", 403),
    ("contribution_confirm", "advisor", 403),
    ("contribution_confirm", "outsider", 404),
    ("contribution_confirm", "stranger", 404),
    ("contribution_confirm", "anonymous", "login"),
    # reaching a milestone: both partners and the coordinator (POST)
    ("milestone_reach", "coordinator", 302),
    ("milestone_reach", "company_member", 302),
    ("milestone_reach", "organisation_member", 302),
    ("milestone_reach", "advisor", 403),
    ("milestone_reach", "outsider", 404),
    ("milestone_reach", "stranger", 404),
    ("milestone_reach", "anonymous", "login"),
    # the closing review: written by the partners' members; the coordination reads it
    ("review", "company_member", 200),
    ("review", "organisation_member", 200),
    ("review", "coordinator", 403),
    ("review", "advisor", 403),
    ("review", "outsider", 404),
    ("review", "stranger", 404),
    ("review", "anonymous", "login"),
]
POST_ONLY = {"contribution_confirm", "milestone_reach"}


@pytest.mark.parametrize(("view", "persona", "expected"), PERMISSIONS)
def test_who_may_open_or_use_each_view(
    client, personas, patronship, checkin, contribution, milestone, view, persona, expected
):
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    url = _url(view, patronship, checkin=checkin, contribution=contribution, milestone=milestone)
    response = client.post(url) if view in POST_ONLY else client.get(url)
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if view in POST_ONLY and expected != 302:
        # a refused POST changes nothing
        contribution.refresh_from_db()
        milestone.refresh_from_db()
        assert contribution.confirmed_at is None
        assert milestone.reached_on is None


@pytest.mark.parametrize(
    ("view", "persona"),
    [
        ("checkin", "advisor"),
        ("checkin", "company_member"),
        ("note_add", "advisor"),
        ("note_add", "organisation_member"),
        ("contribution_add", "advisor"),
        ("contribution_add", "stranger"),
        ("milestone_add", "advisor"),
        ("milestone_add", "outsider"),
        ("review", "coordinator"),
        ("review", "advisor"),
    ],
)
def test_refused_posts_save_nothing(client, personas, patronship, checkin, view, persona):
    client.force_login(personas[persona])
    data = {
        "summary": "Alles gut",
        "text": "Notiz",
        "direction": Direction.TO_RECIPIENT,
        "given_on": TODAY().isoformat(),
        "hours": "3",
        "description": "Beitrag",
        "title": "Meilenstein",
        "what_worked": "Vieles",
        "would_again": "yes",
        "party": patronship.sponsor_id,
    }
    response = client.post(_url(view, patronship, checkin=checkin), data)
    assert response.status_code in (403, 404)
    checkin.refresh_from_db()
    assert checkin.done_at is None
    assert not Note.objects.exists()
    assert not Contribution.objects.exists()
    assert not Milestone.objects.exists()
    assert not ClosingReview.objects.exists()


@pytest.mark.parametrize("view", sorted(POST_ONLY))
def test_post_only_views_refuse_get(client, coordinator, patronship, contribution, milestone, view):
    client.force_login(coordinator)
    url = _url(view, patronship, contribution=contribution, milestone=milestone)
    assert client.get(url).status_code == 405
    contribution.refresh_from_db()
    milestone.refresh_from_db()
    assert contribution.confirmed_at is None
    assert milestone.reached_on is None


def test_objects_of_another_patronship_are_not_found(
    client, coordinator, company_member, patronship, checkin, contribution, milestone
):
    other = PatronshipFactory(sponsor=patronship.sponsor)
    client.force_login(coordinator)
    assert client.get(_url("checkin", other, checkin=checkin)).status_code == 404
    assert (
        client.post(_url("contribution_confirm", other, contribution=contribution)).status_code
        == 404
    )
    client.force_login(company_member)
    assert client.post(_url("milestone_reach", other, milestone=milestone)).status_code == 404


# --- check-ins ---------------------------------------------------------------------------


def test_coordinator_records_a_checkin_and_the_next_one_is_planned(
    client, coordinator, patronship, checkin
):
    client.force_login(coordinator)
    url = _url("checkin", patronship, checkin=checkin)
    page = client.get(url)
    assert "Zwischengespräch festhalten" in page.content.decode()
    response = client.post(url, {"summary": "Dach ist fertig, Jugendtraining läuft."}, follow=True)
    assert response.redirect_chain == [(_detail(patronship), 302)]
    assert "Das Zwischengespräch ist festgehalten." in _messages(response)
    checkin.refresh_from_db()
    assert checkin.done_by == coordinator
    assert checkin.summary == "Dach ist fertig, Jugendtraining läuft."
    following = CheckIn.objects.get(patronship=patronship, done_at=None)
    assert following.due_on == TODAY() + datetime.timedelta(days=patronship.checkin_interval_days)


def test_checkin_held_earlier_plans_from_that_day(client, coordinator, patronship, checkin):
    client.force_login(coordinator)
    held = TODAY() - datetime.timedelta(days=10)
    client.post(
        _url("checkin", patronship, checkin=checkin),
        {"summary": "Telefonat", "held_on": held.isoformat()},
    )
    following = CheckIn.objects.get(patronship=patronship, done_at=None)
    assert following.due_on == held + datetime.timedelta(days=patronship.checkin_interval_days)


def test_checkin_needs_a_summary(client, coordinator, patronship, checkin):
    client.force_login(coordinator)
    held = (TODAY() - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        _url("checkin", patronship, checkin=checkin), {"summary": "   ", "held_on": held}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["summary"] == [
        "Bitte halten Sie kurz fest, was besprochen wurde."
    ]
    assert f'value="{held}"' in response.content.decode()  # input kept
    checkin.refresh_from_db()
    assert checkin.done_at is None
    assert CheckIn.objects.count() == 1


def test_checkin_date_in_the_future_is_refused(client, coordinator, patronship, checkin):
    client.force_login(coordinator)
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        _url("checkin", patronship, checkin=checkin),
        {"summary": "Wird gut", "held_on": tomorrow},
    )
    assert response.status_code == 400
    assert "Das Datum darf nicht in der Zukunft liegen." in response.content.decode()
    assert "Wird gut" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.done_at is None


def test_a_recorded_checkin_cannot_be_recorded_twice(client, coordinator, patronship, checkin):
    services.checkin_record(checkin=checkin, by=coordinator, summary="Erstes Gespräch")
    client.force_login(coordinator)
    url = _url("checkin", patronship, checkin=checkin)
    assert "Erstes Gespräch" in client.get(url).content.decode()
    response = client.post(url, {"summary": "Noch einmal"})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Dieses Zwischengespräch ist bereits festgehalten."
    ]
    checkin.refresh_from_db()
    assert checkin.summary == "Erstes Gespräch"


# --- notes -------------------------------------------------------------------------------


def test_internal_and_shared_notes(
    client, coordinator, advisor, company_member, organisation_member, patronship
):
    client.force_login(coordinator)
    response = client.post(
        _url("note_add", patronship), {"text": "Inhaber wirkt überlastet.", "is_internal": "on"}
    )
    assert response.status_code == 302
    response = client.post(
        _url("note_add", patronship), {"text": "Nächstes Treffen am Sportplatz."}, follow=True
    )
    assert "Die Notiz ist gespeichert; beide Partner sehen sie." in _messages(response)
    internal, shared = Note.objects.order_by("pk")
    assert internal.is_internal and internal.author == coordinator
    assert not shared.is_internal

    for user in (coordinator, advisor):
        client.force_login(user)
        page = client.get(_detail(patronship)).content.decode()
        assert "Inhaber wirkt überlastet." in page
        assert "Nächstes Treffen am Sportplatz." in page
    for user in (company_member, organisation_member):
        client.force_login(user)
        page = client.get(_detail(patronship)).content.decode()
        assert "Inhaber wirkt überlastet." not in page
        assert "Nächstes Treffen am Sportplatz." in page


def test_note_form_defaults_to_internal(client, coordinator, patronship):
    client.force_login(coordinator)
    page = client.get(_url("note_add", patronship)).content.decode()
    assert 'name="is_internal"' in page
    assert "checked" in page.split('name="is_internal"')[1].split(">")[0]


def test_empty_note_is_refused(client, coordinator, patronship):
    client.force_login(coordinator)
    response = client.post(_url("note_add", patronship), {"text": "  ", "is_internal": "on"})
    assert response.status_code == 400
    assert response.context["form"].errors["text"] == ["Die Notiz ist leer."]
    assert not Note.objects.exists()


# --- contributions -----------------------------------------------------------------------


def _contribution_data(**overrides):
    data = {
        "direction": Direction.TO_RECIPIENT,
        "given_on": TODAY().isoformat(),
        "hours": "2,5",
        "value_eur": "12,50",
        "description": "Dachrinne gereinigt",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_member_logs_a_contribution_with_german_numbers(client, company_member, patronship):
    client.force_login(company_member)
    response = client.post(_url("contribution_add", patronship), _contribution_data(), follow=True)
    assert response.redirect_chain == [(_detail(patronship), 302)]
    assert "Der Beitrag ist eingetragen; die Koordination bestätigt ihn." in _messages(response)
    contribution = Contribution.objects.get()
    assert contribution.hours == Decimal("2.5")
    assert contribution.value_eur == Decimal("12.50")
    assert contribution.added_by == company_member
    assert contribution.confirmed_at is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1.250,00", Decimal("1250.00")), ("120 €", Decimal("120")), ("7.5", Decimal("7.5"))],
)
def test_euro_values_as_people_type_them(client, organisation_member, patronship, typed, stored):
    client.force_login(organisation_member)
    client.post(
        _url("contribution_add", patronship),
        _contribution_data(direction=Direction.TO_SPONSOR, hours=None, value_eur=typed),
    )
    assert Contribution.objects.get().value_eur == stored


def test_coordinators_contribution_is_confirmed_at_once(client, coordinator, patronship):
    client.force_login(coordinator)
    response = client.post(_url("contribution_add", patronship), _contribution_data(), follow=True)
    assert "Der Beitrag ist eingetragen und bestätigt." in _messages(response)
    assert Contribution.objects.get().confirmed_by == coordinator


def test_the_form_suggests_the_members_own_side(
    client, company_member, organisation_member, patronship
):
    client.force_login(organisation_member)
    form = client.get(_url("contribution_add", patronship)).context["form"]
    assert form.initial["direction"] == Direction.TO_SPONSOR
    # the choices name the partners
    assert [label for _value, label in form.fields["direction"].choices] == [
        f"{patronship.sponsor.name} an {patronship.recipient.name}",
        f"{patronship.recipient.name} an {patronship.sponsor.name}",
    ]
    client.force_login(company_member)
    form = client.get(_url("contribution_add", patronship)).context["form"]
    assert form.initial["direction"] == Direction.TO_RECIPIENT


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"hours": "-3"}, "hours", "Bitte geben Sie keine negativen Zahlen an."),
        ({"value_eur": "-12,50"}, "value_eur", "Bitte geben Sie keine negativen Zahlen an."),
        ({"value_eur": "zwölf"}, "value_eur", "Bitte geben Sie eine Zahl ein, zum Beispiel 12,50."),
        ({"hours": "2,25"}, "hours", "Stunden bitte mit höchstens einer Nachkommastelle."),
        (
            {"given_on": (TODAY() + datetime.timedelta(days=1)).isoformat()},
            "given_on",
            "Das Datum darf nicht in der Zukunft liegen.",
        ),
        ({"given_on": ""}, "given_on", "Bitte geben Sie das Datum an."),
        (
            {"hours": "0", "value_eur": "", "description": " "},
            "__all__",
            "Bitte geben Sie Stunden, einen Sachwert oder eine Beschreibung an.",
        ),
    ],
)
def test_bad_contribution_input(client, company_member, patronship, overrides, field, message):
    client.force_login(company_member)
    data = _contribution_data(**{"description": "Gerüst geliehen", **overrides})
    response = client.post(_url("contribution_add", patronship), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert message in page
    for key in ("hours", "value_eur"):  # what was typed stays in the form
        if data.get(key):
            assert f'value="{data[key]}"' in page
    assert not Contribution.objects.exists()


def test_contribution_before_the_agreement_is_refused(client, company_member, patronship):
    patronship.status = PatronshipStatus.PROPOSED
    patronship.save()
    client.force_login(company_member)
    response = client.post(_url("contribution_add", patronship), _contribution_data())
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Beiträge können erst eingetragen werden, wenn die Patenschaft vereinbart ist."
    ]
    assert 'value="12,50"' in response.content.decode()
    assert not Contribution.objects.exists()


def test_coordinator_confirms_a_contribution(client, coordinator, patronship, contribution):
    client.force_login(coordinator)
    url = _url("contribution_confirm", patronship, contribution=contribution)
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(_detail(patronship), 302)]
    assert "Der Beitrag „Dachrinne repariert“ ist bestätigt." in _messages(response)
    contribution.refresh_from_db()
    assert contribution.confirmed_by == coordinator
    # a second confirmation is refused with a clear message
    response = client.post(url)
    assert response.status_code == 400
    assert "Dieser Beitrag ist bereits bestätigt." in response.content.decode()


def test_partners_see_all_contributions_marked_and_totals(
    client, coordinator, organisation_member, patronship, contribution
):
    services.contribution_confirm(contribution=contribution, by=coordinator)
    services.contribution_add(
        patronship=patronship,
        by=organisation_member,
        direction=Direction.TO_SPONSOR,
        given_on=TODAY(),
        hours=Decimal("1.5"),
        value_eur=Decimal("1250.5"),
        description="Kindertanzgruppe beim Firmenfest",
    )
    services.contribution_add(
        patronship=patronship,
        by=coordinator,
        direction=Direction.TO_RECIPIENT,
        given_on=TODAY(),
        value_eur=Decimal("300"),
        description="Dachziegel",
    )
    client.force_login(organisation_member)
    response = client.get(_detail(patronship))
    page = response.content.decode()
    assert "Dachrinne repariert" in page
    assert "Kindertanzgruppe beim Firmenfest" in page
    assert page.count(">unbestätigt<") == 1
    assert page.count(">bestätigt<") == 2
    assert "Bestätigen</button>" not in page  # partners cannot confirm
    totals = {t["direction"]: t for t in response.context["accompaniment"]["totals"]}
    to_recipient, to_sponsor = totals[Direction.TO_RECIPIENT], totals[Direction.TO_SPONSOR]
    assert (to_recipient["hours_confirmed"], to_recipient["hours_all"]) == (4, 4)
    assert (to_recipient["value_confirmed"], to_recipient["value_all"]) == (300, 300)
    assert (to_sponsor["hours_confirmed"], to_sponsor["hours_all"]) == (0, Decimal("1.5"))
    assert to_sponsor["value_all"] == Decimal("1250.50")
    # German number format in the totals table
    assert "1.250,50 €" in page
    assert "1,5" in page

    client.force_login(coordinator)
    page = client.get(_detail(patronship)).content.decode()
    assert page.count("Bestätigen</button>") == 1


# --- milestones --------------------------------------------------------------------------


def test_partner_adds_and_reaches_a_milestone(client, organisation_member, patronship):
    client.force_login(organisation_member)
    planned = (TODAY() + datetime.timedelta(days=60)).isoformat()
    response = client.post(
        _url("milestone_add", patronship),
        {"title": "Erstes Heimspiel im neuen Vereinsheim", "planned_on": planned},
        follow=True,
    )
    assert "Der Meilenstein „Erstes Heimspiel im neuen Vereinsheim“ ist eingetragen." in (
        _messages(response)
    )
    milestone = Milestone.objects.get()
    assert milestone.created_by == organisation_member
    response = client.post(_url("milestone_reach", patronship, milestone=milestone), follow=True)
    assert response.redirect_chain == [(_detail(patronship), 302)]
    milestone.refresh_from_db()
    assert milestone.reached_on == TODAY()
    assert "erreicht am" in response.content.decode()


def test_milestone_needs_a_title(client, company_member, patronship):
    client.force_login(company_member)
    planned = TODAY().isoformat()
    response = client.post(_url("milestone_add", patronship), {"title": " ", "planned_on": planned})
    assert response.status_code == 400
    assert response.context["form"].errors["title"] == ["Bitte benennen Sie den Meilenstein."]
    assert f'value="{planned}"' in response.content.decode()
    assert not Milestone.objects.exists()


def test_reaching_a_reached_milestone_is_refused(client, company_member, patronship, milestone):
    services.milestone_reach(milestone=milestone, by=company_member)
    client.force_login(company_member)
    response = client.post(_url("milestone_reach", patronship, milestone=milestone))
    assert response.status_code == 400
    assert "Dieser Meilenstein ist bereits erreicht." in response.content.decode()


def test_reaching_a_milestone_in_the_future_is_refused(
    client, company_member, patronship, milestone
):
    client.force_login(company_member)
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        _url("milestone_reach", patronship, milestone=milestone), {"reached_on": tomorrow}
    )
    assert response.status_code == 400
    assert "Das Datum darf nicht in der Zukunft liegen." in response.content.decode()
    assert f'value="{tomorrow}"' in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.reached_on is None


# --- closing review ----------------------------------------------------------------------


def _review_data(**overrides):
    data = {
        "what_worked": "Schnelle Absprachen, das Dach ist dicht.",
        "what_to_improve": "Früher über Termine reden.",
        "would_again": "yes",
    }
    data.update(overrides)
    return data


def test_partner_writes_and_revises_their_review(
    client, coordinator, company_member, organisation_member, patronship
):
    patronship.status = PatronshipStatus.COMPLETED
    patronship.save()
    client.force_login(company_member)
    page = client.get(_detail(patronship)).content.decode()
    assert "Rückblick für Dachdeckerei Krüger GmbH schreiben" in page
    response = client.post(_url("review", patronship), _review_data(), follow=True)
    assert response.redirect_chain == [(_detail(patronship), 302)]
    review = ClosingReview.objects.get()
    assert (review.party, review.written_by, review.would_again) == (
        patronship.sponsor,
        company_member,
        "yes",
    )
    # revising: the form starts with what was written, and updates the same review
    form = client.get(_url("review", patronship)).context["form"]
    assert form.initial["what_worked"] == "Schnelle Absprachen, das Dach ist dicht."
    client.post(_url("review", patronship), _review_data(would_again="maybe"))
    review = ClosingReview.objects.get()
    assert review.would_again == "maybe"

    client.force_login(organisation_member)
    client.post(_url("review", patronship), _review_data(what_worked="Tolle Jugendarbeit."))
    assert ClosingReview.objects.get(party=patronship.recipient).what_worked == (
        "Tolle Jugendarbeit."
    )
    # each partner sees only their own review; the coordinator reads both
    page = client.get(_detail(patronship)).content.decode()
    assert "Tolle Jugendarbeit." in page
    assert "Schnelle Absprachen" not in page
    client.force_login(coordinator)
    page = client.get(_detail(patronship)).content.decode()
    assert "Tolle Jugendarbeit." in page
    assert "Schnelle Absprachen" in page


def test_member_of_both_partners_picks_the_party(client, patronship, organisation):
    both = UserFactory(email="beides@example.org")
    MembershipFactory(user=both, party=patronship.sponsor)
    MembershipFactory(user=both, party=organisation)
    client.force_login(both)
    url = _url("review", patronship)
    form = client.get(f"{url}?partei={organisation.pk}").context["form"]
    assert form.initial["party"] == organisation.pk
    assert {pk for pk, _name in form.fields["party"].choices} == {
        patronship.sponsor_id,
        organisation.pk,
    }
    client.post(url, _review_data(party=organisation.pk))
    assert ClosingReview.objects.get().party == organisation
    response = client.post(url, _review_data(party=""))
    assert response.status_code == 400
    assert response.context["form"].errors["party"] == ["Bitte wählen Sie, für wen Sie schreiben."]


def test_review_input_errors_keep_the_input(client, company_member, patronship):
    client.force_login(company_member)
    response = client.post(
        _url("review", patronship),
        {"what_worked": "Gute Zusammenarbeit", "what_to_improve": "", "would_again": ""},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["would_again"] == [
        "Bitte sagen Sie uns, ob Sie es wieder tun würden."
    ]
    assert "Gute Zusammenarbeit" in response.content.decode()
    assert not ClosingReview.objects.exists()


def test_review_before_the_start_is_refused(client, company_member, patronship):
    patronship.status = PatronshipStatus.AGREED
    patronship.save()
    client.force_login(company_member)
    page = client.get(_url("review", patronship)).content.decode()
    assert "Ein Rückblick ist erst möglich, wenn die Patenschaft begonnen hat." in page
    response = client.post(_url("review", patronship), _review_data())
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Ein Rückblick ist erst möglich, wenn die Patenschaft begonnen hat."
    ]
    assert "Schnelle Absprachen, das Dach ist dicht." in response.content.decode()
    assert not ClosingReview.objects.exists()


# --- the detail page's sections ----------------------------------------------------------


def test_detail_offers_each_role_its_actions(
    client, coordinator, advisor, company_member, patronship, checkin, contribution, milestone
):
    client.force_login(coordinator)
    page = client.get(_detail(patronship)).content.decode()
    assert _url("checkin", patronship, checkin=checkin) in page
    assert _url("note_add", patronship) in page
    assert _url("contribution_add", patronship) in page
    assert _url("contribution_confirm", patronship, contribution=contribution) in page
    assert _url("milestone_reach", patronship, milestone=milestone) in page

    client.force_login(company_member)
    page = client.get(_detail(patronship)).content.decode()
    assert _url("contribution_add", patronship) in page
    assert _url("milestone_add", patronship) in page
    assert _url("milestone_reach", patronship, milestone=milestone) in page
    assert _url("checkin", patronship, checkin=checkin) not in page
    assert _url("note_add", patronship) not in page
    assert _url("contribution_confirm", patronship, contribution=contribution) not in page
    assert checkin.due_on.strftime("%d.%m.%Y") in page  # partners see when it is due

    client.force_login(advisor)
    page = client.get(_detail(patronship)).content.decode()
    assert "Dachrinne repariert" in page
    for name in ("contribution_add", "milestone_add", "note_add"):
        assert _url(name, patronship) not in page
    assert _url("checkin", patronship, checkin=checkin) not in page


def test_checkin_summaries_are_for_the_pipeline(
    client, coordinator, company_member, patronship, checkin
):
    services.checkin_record(checkin=checkin, by=coordinator, summary="Kassenwart ist unzufrieden")
    client.force_login(coordinator)
    assert "Kassenwart ist unzufrieden" in client.get(_detail(patronship)).content.decode()
    client.force_login(company_member)
    page = client.get(_detail(patronship)).content.decode()
    assert "Kassenwart ist unzufrieden" not in page
    assert "geführt am" in page


def test_proposed_patronship_shows_no_log_forms(client, company_member, patronship):
    patronship.status = PatronshipStatus.PROPOSED
    patronship.save()
    client.force_login(company_member)
    context = client.get(_detail(patronship)).context["accompaniment"]
    assert context["contribution_form"] is None
    assert context["milestone_form"] is None


def _grow(patronship, coordinator, company_member, n):
    for i in range(n):
        services.contribution_add(
            patronship=patronship,
            by=company_member if i % 2 else coordinator,
            direction=Direction.TO_RECIPIENT if i % 3 else Direction.TO_SPONSOR,
            given_on=TODAY(),
            hours=Decimal(i),
            value_eur=Decimal("10.50"),
            description=f"Beitrag {i}",
        )
        services.note_add(patronship=patronship, by=coordinator, text=f"Notiz {i}")
        Milestone.objects.create(patronship=patronship, title=f"Meilenstein {i}")
        CheckIn.objects.create(
            patronship=patronship,
            due_on=TODAY() - datetime.timedelta(days=i),
            done_at=timezone.now(),
            done_by=coordinator,
            summary=f"Gespräch {i}",
        )


@pytest.mark.parametrize("persona", ["coordinator", "company_member", "advisor"])
def test_accompaniment_context_query_count_is_constant(
    django_assert_num_queries, personas, patronship, coordinator, company_member, persona
):
    user = personas[persona]
    my_parties = {patronship.sponsor_id} if persona == "company_member" else set()
    for n in (2, 20):
        _grow(patronship, coordinator, company_member, n if n == 2 else n - 2)
        ClosingReview.objects.get_or_create(
            patronship=patronship,
            party=patronship.sponsor,
            defaults={"what_worked": "gut", "would_again": "yes"},
        )
        # check-ins, notes, contributions, milestones, closing reviews
        with django_assert_num_queries(5):
            context = accompaniment_context(patronship, user, my_parties)["accompaniment"]
        assert len(context["contributions"]) == n


def test_detail_page_query_count_does_not_grow(
    client, patronship, coordinator, company_member, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(company_member)
    _grow(patronship, coordinator, company_member, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(_detail(patronship)).status_code == 200
    _grow(patronship, coordinator, company_member, 18)
    with django_assert_max_num_queries(len(small)):
        assert client.get(_detail(patronship)).status_code == 200
