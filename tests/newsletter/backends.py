"""Email backends that fail on purpose, to test retries and permanent failures."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

FAILURES = {"temporary": 0}


class FlakyBackend(EmailBackend):
    """Drops the connection once for each address listed in FAILURES["drop_once"], and
    refuses addresses in FAILURES["refuse"] for good (550)."""

    def send_messages(self, messages):
        for message in messages:
            for address in message.to:
                if address in FAILURES.get("refuse", ()):
                    raise smtplib.SMTPRecipientsRefused({address: (550, b"No such user")})
                if address in FAILURES.get("drop_once", set()):
                    FAILURES["drop_once"].discard(address)
                    FAILURES["temporary"] += 1
                    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
