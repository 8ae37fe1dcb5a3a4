from django.shortcuts import render

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
