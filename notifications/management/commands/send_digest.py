from django.core.management.base import BaseCommand, CommandError

from notifications.services import digest_send, digest_send_all


class Command(BaseCommand):
    help = "Send the weekly notification digest now (safe to repeat: nothing is sent twice)."

    def add_arguments(self, parser):
        parser.add_argument("--user", type=int, help="only this user id")

    def handle(self, *args, user=None, **options):
        if user is not None:
            if user <= 0:
                raise CommandError("--user must be a positive user id")
            sent = 1 if digest_send(user_id=user) else 0
        else:
            sent = digest_send_all()
        self.stdout.write(f"{sent} digest email(s) queued.")
