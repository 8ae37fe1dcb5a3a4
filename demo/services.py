"""Seeding the demo data set (see `demo.data`) into the database, idempotently.

Everything is keyed on natural keys: user email, party slug, offer and need (party, title),
patronship (sponsor, recipient, title), transition (patronship, from, to), seal (holder,
patronship). Rows that exist are left alone, so a second run creates nothing and edits made in
the demo (a renamed need, a changed rating) survive a re-run. Dates are relative to the day of
seeding, so a fresh demo always has running patronships and valid seals.

The coordinator's workspace follows (`demo.foerderkreis`, `demo.workspace`): the Förderkreis
with its networks and recommendations, introductions, check-ins, contributions, notes,
milestones and closing reviews, with the audit entries and notifications they left
(`demo.history`). No email is sent.
"""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from advisors.models import Network, NetworkTie, Recommendation
from audit.models import AuditEntry
from exchange.models import Interest, Need, NeedStatus, Offer
from notifications.models import Notification
from parties.models import (
    ContactPerson,
    Membership,
    MembershipRole,
    Party,
    PartyCompetency,
    PartyKind,
    PartyStatus,
)
from patronships.models import (
    ALLOWED_TRANSITIONS,
    RUNNING_STATUSES,
    CheckIn,
    ClosingReview,
    Contribution,
    Introduction,
    Milestone,
    Note,
    Patronship,
    PatronshipStatus,
    PatronshipTransition,
)
from places.models import Municipality
from places.services import municipalities_load_reference
from seals.models import Seal
from taxonomy.models import Competency, TargetGroup, Topic
from taxonomy.services import taxonomy_load_reference

from . import data
from .foerderkreis import FoerderkreisSeeder
from .history import DemoHistory
from .rows import DemoDataError, get_or_create, link
from .workspace import WorkspaceSeeder

DEMO_PASSWORD = "sozialpaten-demo"

COORDINATOR_EMAIL = "koordination@sozialpaten.example"
ADVISOR_EMAIL = "foerderkreis@sozialpaten.example"
COMPANY_MEMBER_EMAIL = "firma@sozialpaten.example"
ORGANISATION_MEMBER_EMAIL = "verein@sozialpaten.example"
COMPANY_MEMBER_PARTY = "dachdeckerei-noack"
ORGANISATION_MEMBER_PARTY = "jsv-heidelaeufer"
MEMBER_EMAIL = "kontakt+{slug}@demo.sozialpaten.example"

# Parties whose member has one of the named demo logins instead of a kontakt+… address.
NAMED_MEMBERS = {
    COMPANY_MEMBER_PARTY: COMPANY_MEMBER_EMAIL,
    ORGANISATION_MEMBER_PARTY: ORGANISATION_MEMBER_EMAIL,
}

STAFF = [
    {
        "email": COORDINATOR_EMAIL,
        "name": "Katrin Berger",
        "is_coordinator": True,
        "is_staff": True,
        "is_superuser": True,
    },
    {"email": ADVISOR_EMAIL, "name": "Wolfgang Domke", "is_advisor": True},
]

S = PatronshipStatus
DEFAULT_PATHS = {
    S.PROPOSED: [S.PROPOSED],
    S.AGREED: [S.PROPOSED, S.AGREED],
    S.ACTIVE: [S.PROPOSED, S.AGREED, S.ACTIVE],
    S.COMPLETED: [S.PROPOSED, S.AGREED, S.ACTIVE, S.COMPLETED],
    S.DECLINED: [S.PROPOSED, S.DECLINED],
    S.ENDED_EARLY: [S.PROPOSED, S.AGREED, S.ACTIVE, S.ENDED_EARLY],
    S.RENEWED: [S.PROPOSED, S.AGREED, S.ACTIVE, S.RENEWED],
}
DEFAULT_REASONS = {
    S.PROPOSED: "Passt nach dem Gespräch mit beiden Seiten; Vorstellung ist vereinbart.",
    S.AGREED: "Das Erstgespräch war gut, beide Seiten haben zugesagt.",
    S.ACTIVE: "Vereinbarung unterschrieben, die Patenschaft beginnt.",
    S.COMPLETED: "Die vereinbarte Zeit ist um; Abschlussgespräch geführt, beide sind zufrieden.",
    S.DECLINED: "Nach dem Erstgespräch abgesagt.",
    S.ENDED_EARLY: "Vorzeitig beendet.",
    S.RENEWED: "Beide Seiten wollen weitermachen; eine neue Laufzeit ist vereinbart.",
}
# Statuses whose patronship has (or had) seals: it reached "active" at some point.
SEALED_STATUSES = {S.ACTIVE, S.COMPLETED, S.RENEWED, S.ENDED_EARLY}


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    name: str
    party: str = ""


@dataclass
class DemoSeedResult:
    created: Counter[str] = field(default_factory=Counter)
    totals: dict[str, int] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)
    password: str = DEMO_PASSWORD


@transaction.atomic
def demo_seed() -> DemoSeedResult:
    """Load the reference data, then create the demo programme. Safe to run again."""
    reference = Counter(
        {
            f"reference {name.replace('_', ' ')}": count
            for name, count in taxonomy_load_reference().items()
        }
    )
    reference["reference municipalities"] = municipalities_load_reference()
    result = _Seeder().run()
    result.created.update(+reference)
    return result


def demo_totals() -> dict[str, int]:
    """Row counts worth reporting after a seed."""
    parties = Party.objects.all()
    totals = {
        "companies": parties.companies().count(),
        "organisations": parties.organisations().count(),
        "pending parties": parties.pending().count(),
        "people": get_user_model().objects.count(),
        "offers": Offer.objects.count(),
        "needs": Need.objects.count(),
        "open needs": Need.objects.open().count(),
        "patronships": Patronship.objects.count(),
        "transitions": PatronshipTransition.objects.count(),
        "seals": Seal.objects.count(),
    }
    for status in PatronshipStatus:
        totals[f"patronships {status.value}"] = Patronship.objects.filter(status=status).count()
    contributions = Contribution.objects.all()
    totals.update(
        {
            "interests": Interest.objects.count(),
            "introductions": Introduction.objects.count(),
            "introductions waiting": Introduction.objects.waiting().count(),
            "check-ins": CheckIn.objects.count(),
            "check-ins open": CheckIn.objects.filter(done_at=None).count(),
            "contributions": contributions.count(),
            "contributions unconfirmed": contributions.filter(confirmed_at=None).count(),
            "notes": Note.objects.count(),
            "milestones": Milestone.objects.count(),
            "closing reviews": ClosingReview.objects.count(),
            "networks": Network.objects.count(),
            "network ties": NetworkTie.objects.count(),
            "recommendations": Recommendation.objects.count(),
            "audit entries": AuditEntry.objects.count(),
            "notifications": Notification.objects.count(),
            "notifications unread": Notification.objects.unread().count(),
        }
    )
    return totals


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class _Seeder:
    def __init__(self):
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.result = DemoSeedResult()
        self._password_hash = ""
        self._cache: dict[tuple[str, str], object] = {}
        self.parties: dict[str, Party] = {}
        self.members: dict[str, object] = {}
        self.specs: dict[str, dict] = {}
        self.new_needs: set[int] = set()

    # --- helpers ------------------------------------------------------------------------------

    def count(self, name: str, created: bool) -> None:
        if created:
            self.result.created[name] += 1

    def at(self, day: datetime.date) -> datetime.datetime:
        """10 o'clock local time on `day`, never later than now."""
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
        return min(moment, self.now)

    def _lookup(self, kind: str, label: str):
        key = (kind, label.casefold())
        if key not in self._cache:
            if kind == "competency":
                found = list(Competency.objects.matching_label(label)[:2])
            elif kind == "topic":
                found = list(Topic.objects.matching_label(label)[:2])
            elif kind == "target group":
                found = list(TargetGroup.objects.filter(name__iexact=label.strip())[:2])
            else:
                found = list(Municipality.objects.filter(name=label)[:2])
            if len(found) != 1:
                raise DemoDataError(f"The {kind} label {label!r} matches {len(found)} entries.")
            self._cache[key] = found[0]
        return self._cache[key]

    def _many(self, kind: str, labels) -> list:
        return [self._lookup(kind, label) for label in labels]

    def user(self, *, email: str, name: str, **flags):
        user_model = get_user_model()
        user = user_model._default_manager.filter(email=email).first()
        created = user is None
        if created:
            # The demo password is set only when the user is created. One hash shared by all
            # demo users keeps the seed fast with a deliberately slow production hasher.
            if not self._password_hash:
                self._password_hash = make_password(DEMO_PASSWORD)
            user = user_model._default_manager.create(
                email=email, name=name, password=self._password_hash, **flags
            )
        self.count("people", created)
        _, created = get_or_create(
            EmailAddress, user=user, email=email, defaults={"verified": True, "primary": True}
        )
        self.count("email addresses", created)
        return user

    # --- steps --------------------------------------------------------------------------------

    def run(self) -> DemoSeedResult:
        staff = [self.user(**spec) for spec in STAFF]
        self.coordinator, advisor = staff
        for index, spec in enumerate(data.COMPANIES):
            self._party(spec, kind=PartyKind.COMPANY, index=index)
        for index, spec in enumerate(data.ORGANISATIONS):
            self._party(spec, kind=PartyKind.ORGANISATION, index=len(data.COMPANIES) + index)
        for slug, spec in self.specs.items():
            for offer in spec.get("offers", []):
                self._offer(self.parties[slug], offer)
        for index, spec in enumerate(data.NEEDS):
            self._need(spec, index=index)
        seeded = {}
        for spec in data.PATRONSHIPS:
            patronship = self._patronship(spec, seeded)
            seeded[(spec["sponsor"], spec["recipient"], spec["title"])] = patronship
        self._check_capacity()
        history = DemoHistory(now=self.now, created=self.result.created)
        FoerderkreisSeeder(self, history).run(advisor)
        WorkspaceSeeder(self, history).run(list(seeded.values()))
        history.flush()
        self._publication()

        self.result.logins = [
            DemoLogin("Koordination", self.coordinator.email, self.coordinator.name),
            self._member_login("Unternehmen", COMPANY_MEMBER_PARTY),
            self._member_login("Organisation", ORGANISATION_MEMBER_PARTY),
            DemoLogin("Förderkreis", advisor.email, advisor.name),
        ]
        self.result.totals = demo_totals()
        return self.result

    def _publication(self) -> None:
        """Consents and stories for the gallery, newsletter readers and last year's report."""
        from newsletter.demo import newsletter_demo_seed
        from publication.demo import seed_publication
        from reports.demo import reports_demo_seed

        published = seed_publication(coordinator=self.coordinator)
        if published.missing:
            raise DemoDataError(f"Stories without their patronship: {published.missing}")
        created = Counter({"published stories": published.stories, "consents": published.consents})
        created.update(newsletter_demo_seed())
        created.update(reports_demo_seed())
        self.result.created.update(+created)  # leave out what was already there

    def _member_login(self, role: str, slug: str) -> DemoLogin:
        user = self.members[slug]
        return DemoLogin(role, user.email, user.name, self.parties[slug].name)

    def _party(self, spec: dict, *, kind: str, index: int) -> None:
        slug = spec["slug"]
        if slug in self.specs:
            raise DemoDataError(f"Duplicate party slug {slug!r}.")
        self.specs[slug] = spec
        contact_name, contact_role = spec["contact"]
        member = self.user(
            email=NAMED_MEMBERS.get(slug, MEMBER_EMAIL.format(slug=slug)), name=contact_name
        )
        self.members[slug] = member
        status = spec.get("status", PartyStatus.APPROVED)
        on_behalf = spec.get("on_behalf", False)
        is_individual = spec.get("legal_form") == "individual"
        party, created = get_or_create(
            Party,
            slug=slug,
            defaults={
                "kind": kind,
                "name": spec["name"],
                "status": status,
                "description": spec["description"],
                "municipality": self._lookup("municipality", spec["municipality"]),
                "website": "" if is_individual else f"https://{slug}.example",
                "email": member.email,
                "sector": spec.get("sector", ""),
                "size": spec.get("size", ""),
                "legal_form": spec.get("legal_form", ""),
                "radius_km": spec.get("radius_km", 30),
                "max_patronships": spec.get("max_patronships", 2),
                "is_paused": spec.get("is_paused", False),
                "accepts_suggestions": spec.get("accepts_suggestions", True),
                "created_on_behalf": on_behalf,
                "created_by": self.coordinator if on_behalf else member,
            },
        )
        self.count("parties", created)
        self.parties[slug] = party
        if created:
            link(party, "topics", self._many("topic", spec.get("topics", [])))
            link(party, "target_groups", self._many("target group", spec.get("target_groups", [])))
            ratings = {}
            for label, rating in spec.get("competencies", []):
                competency = self._lookup("competency", label)
                if competency in ratings:
                    raise DemoDataError(f"{slug}: {label!r} repeats a competency.")
                ratings[competency] = rating
            PartyCompetency.objects.bulk_create(
                PartyCompetency(party=party, competency=competency, rating=rating)
                for competency, rating in ratings.items()
            )
            self.result.created["party competencies"] += len(ratings)
            # Spread registrations over the past; pending ones arrived in the last days.
            if status == PartyStatus.PENDING:
                created_at = self.now - datetime.timedelta(days=1 + index % 4, hours=index % 7)
                review = {}
            else:
                created_at = self.now - datetime.timedelta(days=1000 - index * 5)
                review = {
                    "reviewed_by": self.coordinator,
                    "reviewed_at": created_at + datetime.timedelta(days=2),
                }
            Party.objects.filter(pk=party.pk).update(created_at=created_at, **review)
        _, created = get_or_create(
            Membership, user=member, party=party, defaults={"role": MembershipRole.ADMIN}
        )
        self.count("memberships", created)
        _, created = get_or_create(
            ContactPerson,
            party=party,
            name=contact_name,
            defaults={"role": contact_role, "email": member.email, "is_primary": True},
        )
        self.count("contact persons", created)

    def _offer(self, party: Party, spec: dict) -> None:
        offer, created = get_or_create(
            Offer,
            party=party,
            title=spec["title"],
            defaults={
                "kind": spec["kind"],
                "description": spec.get("description", ""),
                "capacity": spec.get("capacity", ""),
            },
        )
        self.count("offers", created)
        if created:
            link(offer, "competencies", self._many("competency", spec.get("competencies", [])))

    def _need(self, spec: dict, *, index: int) -> None:
        slug = spec["party"]
        party, party_spec = self.parties[slug], self.specs[slug]
        status = spec.get("status", NeedStatus.OPEN)
        need, created = get_or_create(
            Need,
            party=party,
            title=spec["title"],
            defaults={
                "description": spec["description"],
                "kind": spec["kind"],
                "effort": spec.get("effort", "one_off"),
                "time_frame": spec.get("time_frame", ""),
                "municipality": self._lookup(
                    "municipality", spec.get("municipality", party_spec["municipality"])
                ),
                "remote_ok": spec.get("remote_ok", False),
                "status": status,
                "publish_publicly": spec.get("public", False),
                "created_by": self.members[slug],
            },
        )
        self.count("needs", created)
        if created:
            self.new_needs.add(need.pk)
            link(need, "competencies", self._many("competency", spec.get("competencies", [])))
            link(need, "topics", self._many("topic", spec.get("topics", party_spec["topics"][:2])))
            days = 1 + index % 3 if status == NeedStatus.DRAFT else 2 + (index * 5) % 75
            Need.objects.filter(pk=need.pk).update(
                created_at=self.now - datetime.timedelta(days=days, hours=index % 9)
            )

    def _patronship(self, spec: dict, seeded: dict) -> Patronship:
        sponsor, recipient = self.parties[spec["sponsor"]], self.parties[spec["recipient"]]
        status = PatronshipStatus(spec["status"])
        path = [PatronshipStatus(step) for step in spec.get("path", DEFAULT_PATHS[status])]
        steps = zip(path, path[1:], strict=False)
        if path[-1] != status or any(b not in ALLOWED_TRANSITIONS[a] for a, b in steps):
            raise DemoDataError(f"{spec['title']!r}: {path} is not an allowed way to {status}.")
        previous = None
        if spec.get("previous"):
            previous = seeded[(spec["sponsor"], spec["recipient"], spec["previous"])]
        need = None
        if spec.get("need"):
            need = Need.objects.get(party=recipient, title=spec["need"])

        start = end = None
        if spec.get("start") == "after_previous":
            start = previous.end_date + datetime.timedelta(days=1)
        elif spec.get("start") is not None:
            start = self.today + datetime.timedelta(days=spec["start"])
        if start is not None:
            end = _add_months(start, spec["months"]) - datetime.timedelta(days=1)

        patronship, created = get_or_create(
            Patronship,
            sponsor=sponsor,
            recipient=recipient,
            title=spec["title"],
            defaults={
                "need": need,
                "previous": previous,
                "status": status,
                "sponsor_gives": spec.get("sponsor_gives", ""),
                "recipient_gives": spec.get("recipient_gives", ""),
                "start_date": start,
                "end_date": end,
                "checkin_interval_days": spec.get("checkin_interval_days", 90),
                "coordinator": self.coordinator,
            },
        )
        self.count("patronships", created)
        moments = self._moments(spec, path, patronship, previous)
        if created:
            Patronship.objects.filter(pk=patronship.pk).update(created_at=moments[0])
            if need is not None and need.pk in self.new_needs:
                posted = moments[0] - datetime.timedelta(days=14)
                Need.objects.filter(pk=need.pk, created_at__gt=posted).update(created_at=posted)

        reasons = {**DEFAULT_REASONS, **spec.get("reasons", {})}
        for from_status, to_status, at in zip(["", *path[:-1]], path, moments, strict=True):
            transition, created = get_or_create(
                PatronshipTransition,
                patronship=patronship,
                from_status=from_status,
                to_status=to_status,
                defaults={"by": self.coordinator, "reason": reasons[to_status]},
            )
            self.count("transitions", created)
            if created:
                PatronshipTransition.objects.filter(pk=transition.pk).update(at=at)

        if status in SEALED_STATUSES and patronship.start_date and patronship.end_date:
            revoked = {}
            if status == S.ENDED_EARLY:
                revoked = {"revoked_at": moments[-1], "revoked_reason": reasons[S.ENDED_EARLY]}
            for holder in (sponsor, recipient):
                seal, created = get_or_create(
                    Seal,
                    holder=holder,
                    patronship=patronship,
                    defaults={
                        "valid_from": patronship.start_date,
                        "valid_until": patronship.end_date,
                        **revoked,
                    },
                )
                self.count("seals", created)
                if created:
                    Seal.objects.filter(pk=seal.pk).update(created_at=moments[path.index(S.ACTIVE)])
        return patronship

    def _moments(self, spec: dict, path: list, patronship: Patronship, previous) -> list:
        """When each step of `path` happened, in order and never in the future."""
        start, end = patronship.start_date, patronship.end_date
        if previous is not None:
            proposed = previous.transitions.get(to_status=S.RENEWED).at.date()
        elif start is not None:
            proposed = start - datetime.timedelta(days=40)
        else:
            proposed = self.today - datetime.timedelta(days=spec.get("proposed_days_ago", 7))
        days = {S.PROPOSED: proposed, S.DECLINED: proposed + datetime.timedelta(days=10)}
        if start is not None:
            agreed = min(start - datetime.timedelta(days=12), self.today - datetime.timedelta(2))
            days[S.AGREED] = max(agreed, proposed + datetime.timedelta(days=1))
            days[S.ACTIVE] = start
            days[S.COMPLETED] = end
            days[S.RENEWED] = end - datetime.timedelta(days=14)
        if "renewed" in spec:
            days[S.RENEWED] = self.today + datetime.timedelta(days=spec["renewed"])
        if "ended" in spec:
            days[S.ENDED_EARLY] = self.today + datetime.timedelta(days=spec["ended"])
        moments = []
        for step in path:
            moment = self.at(days[step])
            if moments and moment <= moments[-1]:
                moment = min(moments[-1] + datetime.timedelta(minutes=1), self.now)
            moments.append(moment)
        return moments

    def _check_capacity(self) -> None:
        """Running patronships fit each sponsor's maximum, and the coordinator proposes new
        ones only to sponsors that are not paused and have room for them."""
        counts = {
            row["sponsor"]: row
            for row in Patronship.objects.values("sponsor").annotate(
                running=Count("pk", filter=Q(status__in=RUNNING_STATUSES)),
                proposed=Count("pk", filter=Q(status=S.PROPOSED)),
            )
        }
        for slug, party in self.parties.items():
            row = counts.get(party.pk, {"running": 0, "proposed": 0})
            running, proposed = row["running"], row["proposed"]
            if running > party.max_patronships:
                raise DemoDataError(
                    f"{slug} sponsors {running} running patronships, "
                    f"more than its maximum of {party.max_patronships}."
                )
            if proposed and (party.is_paused or running + proposed > party.max_patronships):
                raise DemoDataError(f"{slug} has no room for {proposed} proposed patronships.")
