"""Keep suggestions fresh: any change to what matching reads schedules a refresh on commit."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from exchange.models import Need, Offer
from parties.models import Party, PartyCompetency
from patronships.models import Patronship
from places.models import Municipality
from taxonomy.models import Competency, CompetencyGroup, Topic

from .services import schedule_refresh


@receiver(post_save, sender=Need)
@receiver(post_delete, sender=Need)
def need_changed(sender, instance, **kwargs):
    schedule_refresh(need_ids=[instance.pk])


@receiver(m2m_changed, sender=Need.competencies.through)
@receiver(m2m_changed, sender=Need.topics.through)
def need_tags_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Need):
        # The kept reading of all needs is renewed for needs changed since (see resident).
        Need.objects.filter(pk=instance.pk).update(updated_at=timezone.now())
        schedule_refresh(need_ids=[instance.pk])


@receiver(post_save, sender=Party)
@receiver(post_save, sender=Offer)
@receiver(post_delete, sender=Offer)
@receiver(post_save, sender=PartyCompetency)
@receiver(post_delete, sender=PartyCompetency)
def party_changed(sender, instance, **kwargs):
    party_id = instance.pk if isinstance(instance, Party) else instance.party_id
    schedule_refresh(party_ids=[party_id])


@receiver(m2m_changed, sender=Party.topics.through)
@receiver(m2m_changed, sender=Offer.competencies.through)
def party_tags_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        party_id = instance.pk if isinstance(instance, Party) else instance.party_id
        if isinstance(instance, Party):
            # Its needs' owner topics changed: the kept reading of all needs is renewed
            # for needs whose owner changed since (see resident).
            Party.objects.filter(pk=party_id).update(updated_at=timezone.now())
        schedule_refresh(party_ids=[party_id])


@receiver(post_delete, sender=Party)
def party_deleted(sender, instance, **kwargs):
    # A kept index still holds the party: it must go from every worker's index.
    schedule_refresh(party_ids=[instance.pk])


@receiver(post_save, sender=Patronship)
@receiver(post_delete, sender=Patronship)
def patronship_changed(sender, instance, **kwargs):
    # Capacity changes with every patronship that starts or ends.
    schedule_refresh(party_ids=[instance.sponsor_id, instance.recipient_id])


@receiver(post_save, sender=Competency)
@receiver(post_delete, sender=Competency)
@receiver(post_save, sender=CompetencyGroup)
@receiver(post_delete, sender=CompetencyGroup)
@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
@receiver(post_save, sender=Municipality)
def taxonomy_changed(sender, instance, **kwargs):
    # Synonyms, groups and places shape every comparison: everything is computed anew.
    schedule_refresh(rebuild=True)
