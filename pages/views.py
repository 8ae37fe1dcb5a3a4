from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from exchange.models import Need
from parties.models import Party
from patronships.models import Patronship, PatronshipStatus


def home(request):
    """The front door: explains the programme and leads each role to its entrance."""
    figures = {
        "companies": Party.objects.approved().companies().count(),
        "organisations": Party.objects.approved().organisations().count(),
        "open_needs": Need.objects.visible_to_parties().count(),
        "patronships": Patronship.objects.filter(
            status__in=[
                PatronshipStatus.ACTIVE,
                PatronshipStatus.COMPLETED,
                PatronshipStatus.RENEWED,
            ]
        ).count(),
    }
    return render(request, "pages/home.html", {"figures": figures})


def imprint(request):
    return render(request, "pages/imprint.html")


def privacy(request):
    return render(request, "pages/privacy.html")


@require_safe
def language(request, code: str):
    """Switch the interface language by a plain link (the footer's), then go back.

    A link rather than Django's POST form: pages for visitors without a session are then
    the same bytes for everyone and can be served from the cache as they are. The choice
    is a preference cookie, nothing a forged link could misuse."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "no-store"
    return response
