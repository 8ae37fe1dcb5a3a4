import factory
import pytest
from django.core import mail

from notifications.models import EmailMode, Notification, NotificationKind, NotificationSetting
from tests.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    kind = NotificationKind.PATRONSHIP
    title = factory.Sequence(lambda n: f"Neuigkeit {n}")
    body = "Die Patenschaft ist jetzt aktiv."
    url = "/patenschaften/"
    email_mode = EmailMode.IMMEDIATE


def setting(user, kind, mode):
    return NotificationSetting.objects.create(user=user, kind=kind, email_mode=mode)


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run a block, execute its on-commit callbacks (the email task), return the new mails."""

    class _Sent:
        def __call__(self, func, *args, **kwargs):
            before = len(mail.outbox)
            with django_capture_on_commit_callbacks(execute=True):
                result = func(*args, **kwargs)
            self.mails = mail.outbox[before:]
            return result

    return _Sent()
