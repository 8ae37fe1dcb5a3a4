"""Record what happened. Call `audit_record` inside the transaction of the change itself,
so that the entry exists exactly when the change does."""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry


def audit_record(obj, *, action: str, by=None, message: str = "", changes=None) -> AuditEntry:
    """Write one entry for `obj`. `action` is a short code ("introduction.proposed"),
    `message` the German sentence people read, `changes` {field: [old, new]} where useful.
    `by` is None for what the system did on its own (a scheduled task)."""
    if by is not None and not getattr(by, "is_authenticated", False):
        by = None
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        object_repr=str(obj)[:250],
        action=action,
        message=message,
        changes=_jsonable(changes or {}),
        actor=by,
    )


def field_changes(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value differs."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
