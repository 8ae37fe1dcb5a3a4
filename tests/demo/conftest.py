import pytest
from django.core import mail
from django.db import transaction

from communication.models import OutgoingEmail
from demo.services import demo_seed


@pytest.fixture(scope="package")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for all demo tests (seeding takes a few seconds), like `setUpTestData`.

    The seed runs inside an outer transaction that is rolled back after the package; each test
    still runs in its own savepoint through `django_db`, so what one test changes is undone.
    The result carries what the seed sent: `emails_sent` (Django's test outbox) and
    `emails_queued` (rows in the portal's outgoing email table).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        outbox_before = len(mail.outbox)
        result = demo_seed()
        result.emails_sent = len(mail.outbox) - outbox_before
        result.emails_queued = OutgoingEmail.objects.count()
        yield result
        transaction.set_rollback(True)
