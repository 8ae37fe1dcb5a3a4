from celery import shared_task

from . import services


@shared_task(soft_time_limit=600, time_limit=660)
def rebuild_suggestions() -> int:
    return services.suggestions_rebuild()


@shared_task
def refresh_needs(need_ids: list[int]) -> int:
    return services.suggestions_refresh_needs(need_ids=need_ids)


@shared_task
def refresh_party(party_id: int) -> int:
    return services.suggestions_refresh_party(party_id=party_id)
