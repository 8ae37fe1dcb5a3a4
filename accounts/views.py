from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from parties.models import Party


@login_required
def home(request):
    """ "Mein Bereich": each person's door into the portal, by role."""
    user = request.user
    memberships = user.memberships.select_related("party", "party__municipality").order_by(
        "party__name"
    )
    context = {"memberships": memberships}
    if user.can_see_pipeline:
        context["pending_count"] = Party.objects.pending().count()
    return render(request, "accounts/home.html", context)
