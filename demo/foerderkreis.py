"""Seeding the demo Förderkreis: advisors, networks, memberships, ties and recommendations."""

import datetime

from django.urls import reverse

from advisors.models import Network, NetworkMembership, NetworkTie, Recommendation
from exchange.models import Need
from notifications.models import NotificationKind

from . import data
from .rows import get_or_create


class FoerderkreisSeeder:
    """Runs after the parties and needs exist; `seeder` is the main demo seeder."""

    def __init__(self, seeder, history):
        self.seeder = seeder
        self.history = history
        self.advisors: dict[str, object] = {}

    def _ago(self, days: int) -> datetime.datetime:
        return self.seeder.at(self.seeder.today - datetime.timedelta(days=days))

    def run(self, demo_advisor) -> None:
        self.advisors[""] = demo_advisor
        for spec in data.ADVISORS:
            self.advisors[spec["email"]] = self.seeder.user(
                email=spec["email"], name=spec["name"], is_advisor=True
            )
        networks = {spec["name"]: self._network(spec) for spec in data.NETWORKS}
        for slug, name, note, advisor, days in data.TIES:
            self._tie(self.seeder.parties[slug], networks[name], note, self.advisors[advisor], days)
        for spec in data.RECOMMENDATIONS:
            self._recommendation(spec)

    def _network(self, spec: dict) -> Network:
        members = [self.advisors[email] for email in spec["advisors"]]
        founder, at = members[0], self._ago(spec["days"])
        network = Network.objects.filter(name__iexact=spec["name"]).first()
        if network is None:
            network = Network.objects.create(
                name=spec["name"],
                kind=spec["kind"],
                description=spec["description"],
                created_by=founder,
            )
            Network.objects.filter(pk=network.pk).update(created_at=at)
            self.seeder.count("networks", True)
            self.history.audit(
                network,
                action="network.created",
                by=founder,
                at=at,
                message=f"{founder.get_full_name()} hat das Netzwerk „{network.name}“ angelegt.",
            )
        for index, advisor in enumerate(members):
            membership, created = get_or_create(NetworkMembership, network=network, advisor=advisor)
            self.seeder.count("network memberships", created)
            if created:
                joined = at + datetime.timedelta(days=index)
                NetworkMembership.objects.filter(pk=membership.pk).update(joined_at=joined)
                self.history.audit(
                    network,
                    action="network.advisor_joined",
                    by=advisor,
                    at=joined,
                    message=f"{advisor.get_full_name()} ist im Netzwerk „{network.name}“.",
                )
        return network

    def _tie(self, party, network: Network, note: str, by, days: int) -> None:
        tie, created = get_or_create(
            NetworkTie, party=party, network=network, defaults={"note": note, "recorded_by": by}
        )
        self.seeder.count("network ties", created)
        if not created:
            return
        at = self._ago(days)
        NetworkTie.objects.filter(pk=tie.pk).update(at=at)
        message = (
            f"{by.get_full_name()} hat eingetragen: „{party.name}“ ist im Netzwerk "
            f"„{network.name}“."
        )
        if note:
            message += f" Notiz: {note}"
        for obj in (party, network):
            self.history.audit(obj, action="network_tie.added", by=by, at=at, message=message)

    def _recommendation(self, spec: dict) -> None:
        owner, title = spec["need"]
        need = Need.objects.get(party=self.seeder.parties[owner], title=title)
        candidate = self.seeder.parties[spec["candidate"]]
        advisor = self.advisors[spec["advisor"]]
        warm = spec.get("warm", False)
        recommendation, created = get_or_create(
            Recommendation,
            need=need,
            candidate=candidate,
            advisor=advisor,
            defaults={"note": spec["note"], "offers_warm_introduction": warm},
        )
        self.seeder.count("recommendations", created)
        if not created:
            return
        at = self._ago(spec["days"])
        Recommendation.objects.filter(pk=recommendation.pk).update(created_at=at, updated_at=at)
        who = advisor.get_full_name()
        sentence = f"{who} empfiehlt „{candidate.name}“ für den Bedarf „{need.title}“."
        if warm:
            sentence += " Bietet eine warme Vorstellung an."
        self.history.audit(
            recommendation,
            action="recommendation.created",
            by=advisor,
            at=at,
            message=f"{sentence} Warum: {spec['note']}",
        )
        title = f"{who} empfiehlt „{candidate.name}“"
        if warm:
            title += " und bietet eine warme Vorstellung an"
        self.history.notify(
            [self.seeder.coordinator],
            kind=NotificationKind.RECOMMENDATION,
            title=title,
            body=f"Für den Bedarf „{need.title}“: {spec['note']}",
            url=reverse("advisors:recommendation_detail", args=[recommendation.pk]),
            at=at,
            # Still to act on while nobody was introduced for the need.
            pending=need.is_open and not need.patronships.exists(),
        )
