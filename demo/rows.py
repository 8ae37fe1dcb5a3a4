"""Idempotent row helpers for the demo seed (it runs in one transaction, without savepoints)."""


class DemoDataError(Exception):
    """The demo data set does not fit the reference data or the programme's rules."""


def get_or_create(model, defaults: dict | None = None, **lookup):
    """Like `QuerySet.get_or_create` without its savepoint: the seed runs in one transaction."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is not None:
        return obj, False
    return model._default_manager.create(**lookup, **(defaults or {})), True


def link(obj, field_name: str, targets: list) -> None:
    """Link a new object to `targets` through a many-to-many field, in one query."""
    m2m = obj._meta.get_field(field_name)
    through = m2m.remote_field.through
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    unique = {t.pk: t for t in targets}.values()
    through.objects.bulk_create(
        [through(**{f"{source}_id": obj.pk, f"{target}_id": t.pk}) for t in unique]
    )
