"""Keep suggestions fresh: recommendations, ties and memberships feed matching."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from matching.services import schedule_refresh

from .models import Network, NetworkMembership, NetworkTie, Recommendation


def _tied_parties(network_id: int) -> list[int]:
    return list(NetworkTie.objects.filter(network_id=network_id).values_list("party_id", flat=True))


@receiver(post_save, sender=Recommendation)
@receiver(post_delete, sender=Recommendation)
def recommendation_changed(sender, instance, **kwargs):
    schedule_refresh(need_ids=[instance.need_id])


@receiver(post_save, sender=NetworkTie)
def tie_saved(sender, instance, **kwargs):
    # A tie only reaches anyone through a network a Förderkreis member belongs to; joining
    # such a network later refreshes the tied parties then.
    if NetworkMembership.objects.filter(network_id=instance.network_id).exists():
        schedule_refresh(party_ids=[instance.party_id])


@receiver(post_delete, sender=NetworkTie)
def tie_deleted(sender, instance, **kwargs):
    # During a cascade the memberships may already be gone: refresh regardless.
    schedule_refresh(party_ids=[instance.party_id])


@receiver(post_save, sender=NetworkMembership)
@receiver(post_delete, sender=NetworkMembership)
def membership_changed(sender, instance, **kwargs):
    parties = _tied_parties(instance.network_id)
    if parties:
        schedule_refresh(party_ids=parties)


@receiver(post_save, sender=Network)
def network_saved(sender, instance, created, **kwargs):
    # A new name shows in the explanations ("erreichbar über …").
    if not created and NetworkMembership.objects.filter(network=instance).exists():
        parties = _tied_parties(instance.pk)
        if parties:
            schedule_refresh(party_ids=parties)
