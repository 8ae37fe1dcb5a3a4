from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse

from communication.services import email_queue


class ProgrammeSite:
    """Stands in for django.contrib.sites: emails greet with the programme's name."""

    def __init__(self, domain: str):
        self.domain = domain
        self.name = settings.PROGRAMME["name"]


class AccountAdapter(DefaultAccountAdapter):
    """allauth behaviour of the portal: its emails go through the outbox and Celery."""

    def send_mail(self, template_prefix, email, context):
        site = context.get("current_site")
        if site is not None:
            context = {**context, "current_site": ProgrammeSite(site.domain)}
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        if message.content_subtype == "html":
            html, body = message.body, ""
        else:
            body = message.body
        for recipient in message.to:
            email_queue(
                to=recipient,
                subject=message.subject,
                body=body,
                html=html,
                headers=message.extra_headers,
                from_email=message.from_email,
            )

    def get_login_redirect_url(self, request):
        return reverse("accounts:home")
