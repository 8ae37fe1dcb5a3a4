import datetime

import factory
from django.utils import timezone

from accounts.models import User
from exchange.models import Need, NeedKind, NeedStatus, Offer, OfferKind
from parties.models import (
    ContactPerson,
    Membership,
    MembershipRole,
    Party,
    PartyKind,
    PartyStatus,
)
from patronships.models import Patronship, PatronshipStatus
from places.models import Municipality
from seals.models import Seal
from taxonomy.models import Competency, CompetencyGroup, TargetGroup, Topic


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("test-passwort-123")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["name"]

    name = "Weißwasser/O.L."
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace("/", "-").replace(".", ""))
    district = "Landkreis Görlitz"
    state = "Sachsen"
    postcodes = "02943"
    latitude = 51.5003
    longitude = 14.6377


class CompetencyGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyGroup
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"gruppe-{n}")
    name = factory.Sequence(lambda n: f"Gruppe {n}")


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency
        django_get_or_create = ["slug"]

    group = factory.SubFactory(CompetencyGroupFactory)
    slug = factory.Sequence(lambda n: f"kompetenz-{n}")
    name = factory.Sequence(lambda n: f"Kompetenz {n}")
    synonyms = factory.LazyFunction(list)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    kind = PartyKind.COMPANY
    name = factory.Sequence(lambda n: f"Partei {n}")
    slug = factory.Sequence(lambda n: f"partei-{n}")
    status = PartyStatus.APPROVED
    municipality = factory.SubFactory(MunicipalityFactory)


class CompanyFactory(PartyFactory):
    kind = PartyKind.COMPANY
    name = factory.Sequence(lambda n: f"Betrieb {n} GmbH")
    slug = factory.Sequence(lambda n: f"betrieb-{n}")
    sector = "Handwerk"


class OrganisationFactory(PartyFactory):
    kind = PartyKind.ORGANISATION
    name = factory.Sequence(lambda n: f"Verein {n} e.V.")
    slug = factory.Sequence(lambda n: f"verein-{n}")
    legal_form = "verein"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    party = factory.SubFactory(CompanyFactory)
    role = MembershipRole.ADMIN


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    party = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Ansprechperson {n}")
    role = "Vorstand"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    phone = "03576 123456"
    is_primary = True


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    party = factory.SubFactory(CompanyFactory)
    kind = OfferKind.SERVICE
    title = factory.Sequence(lambda n: f"Angebot {n}")


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    party = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Bedarf {n}")
    description = "Unser Vereinsheim braucht Hilfe."
    kind = NeedKind.KNOW_HOW
    status = NeedStatus.OPEN
    municipality = factory.SubFactory(MunicipalityFactory)


class PatronshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patronship

    sponsor = factory.SubFactory(CompanyFactory)
    recipient = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Patenschaft {n}")
    status = PatronshipStatus.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=335))


class SealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seal

    patronship = factory.SubFactory(PatronshipFactory)
    holder = factory.SelfAttribute("patronship.sponsor")
    valid_from = factory.SelfAttribute("patronship.start_date")
    valid_until = factory.SelfAttribute("patronship.end_date")
