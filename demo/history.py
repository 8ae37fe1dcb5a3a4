"""What the demo's past left behind: audit entries and in-portal notifications.

The seed writes what the services would have written at the time, dated back to when it
happened, and each only once: entries and notifications that exist are recognised by their
object, action and text, so a second run (or a run over an older demo database) adds only
what is missing. Nothing is emailed: notifications are created as rows, marked as emailed
at the time they were created.
"""

import datetime

from django.contrib.contenttypes.models import ContentType

from audit.models import AuditEntry
from audit.services import audit_record
from notifications.models import EmailMode, Notification

# Notifications older than this are left out: the list of a demo login stays readable.
NOTIFICATION_DAYS = 45
# Notifications newer than this are unread; older ones unread only while they still ask for
# something (an unanswered introduction, an open check-in, an unconfirmed contribution).
UNREAD_DAYS = 3


class DemoHistory:
    def __init__(self, *, now: datetime.datetime, created):
        self.now = now
        self.created = created  # the seed's Counter of created rows
        self._audit_keys = set(
            AuditEntry.objects.values_list("content_type_id", "object_id", "action", "message")
        )
        self._dated: list[AuditEntry] = []
        self._notification_keys = set(
            Notification.objects.values_list("user_id", "kind", "title", "url", "body")
        )

    def audit(self, obj, *, action: str, message: str, at: datetime.datetime, by=None) -> None:
        """One audit entry for `obj`, written by `audit.services.audit_record` and dated `at`."""
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
        key = (content_type.pk, obj.pk, action, message)
        if key in self._audit_keys:
            return
        entry = audit_record(obj, action=action, by=by, message=message)
        entry.at = min(at, self.now)
        self._dated.append(entry)
        self._audit_keys.add(key)
        self.created["audit entries"] += 1

    def flush(self) -> None:
        """Date the new audit entries back to when things happened, in one go."""
        AuditEntry.objects.bulk_update(self._dated, ["at"], batch_size=500)
        self._dated = []

    def notify(
        self,
        users,
        *,
        kind: str,
        title: str,
        at: datetime.datetime,
        body: str = "",
        url: str = "",
        pending: bool = False,
    ) -> None:
        """A notification for each of `users` (None and repeats skipped), as of `at`."""
        at = min(at, self.now)
        if at < self.now - datetime.timedelta(days=NOTIFICATION_DAYS):
            return
        unread = pending or at > self.now - datetime.timedelta(days=UNREAD_DAYS)
        read_at = None if unread else min(at + datetime.timedelta(hours=20), self.now)
        title = str(title)[:250]
        rows = []
        for user in {user.pk: user for user in users if user is not None}.values():
            key = (user.pk, kind, title, url, body)
            if key in self._notification_keys:
                continue
            self._notification_keys.add(key)
            rows.append(
                Notification(
                    user=user,
                    kind=kind,
                    title=title,
                    body=body,
                    url=url,
                    created_at=at,
                    read_at=read_at,
                    email_mode=EmailMode.IMMEDIATE,
                    emailed_at=at,
                )
            )
        if rows:
            Notification.objects.bulk_create(rows)
            self.created["notifications"] += len(rows)
