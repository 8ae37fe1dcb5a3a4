"""Publishing a patronship, for its partners and the coordinator: consent per item, the
story (write, review, approve, publish, take offline) and its photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from parties.access import coordinator_required
from parties.models import Party
from patronships.models import PUBLISHABLE_STATUSES, Patronship

from .. import selectors, services
from ..access import (
    acting_parties,
    get_partner_for_actor,
    get_patronship_for_publication_editor,
    get_patronship_for_publication_viewer,
    get_photo_for_editor,
    get_story_for_editor,
)
from ..filters import PublicationStageFilter
from ..forms import (
    ApproveForm,
    ChangesForm,
    ConsentForm,
    PhotoForm,
    StoryForm,
    UnpublishForm,
)
from ..models import CONSENT_ITEMS, Consent, ConsentItem, Story, StoryPhoto, StoryStatus

OVERVIEW_STATUSES = PUBLISHABLE_STATUSES


def _posted(request, *, files: bool = False):
    """The submitted data, also when it is empty (every consent box unticked)."""
    if request.method != "POST":
        return (None, None) if files else None
    return (request.POST, request.FILES) if files else request.POST


def _back(pk: int):
    return redirect("publication:manage", pk=pk)


def _form_page(request, form, *, patronship, heading, intro, submit, multipart=False):
    """A form of its own page; 400 while it has errors (the input stays in the form)."""
    return render(
        request,
        "publication/form.html",
        {
            "patronship": patronship,
            "form": form,
            "heading": heading,
            "intro": intro,
            "submit": submit,
            "multipart": multipart,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def overview(request):
    """Patronships and how far their publication is: the user's own, all for the pipeline."""
    patronships = (
        Patronship.objects.filter(status__in=OVERVIEW_STATUSES)
        .select_related("sponsor", "recipient", "story")
        .prefetch_related(Prefetch("publication_consents", queryset=Consent.objects.all()))
        .order_by("-start_date", "-pk")
    )
    if not request.user.can_see_pipeline:
        own = Party.objects.of_user(request.user).values("pk")
        patronships = patronships.filter(Q(sponsor__in=own) | Q(recipient__in=own))
    filterset = PublicationStageFilter(request.GET or None, queryset=patronships)
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    rows = []
    for patronship in page.object_list:
        consents = {c.party_id: c for c in patronship.publication_consents.all()}
        story = getattr(patronship, "story", None)
        rows.append(
            {
                "patronship": patronship,
                "story": story,
                "sponsor_given": len(_given(consents.get(patronship.sponsor_id))),
                "recipient_given": len(_given(consents.get(patronship.recipient_id))),
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publication/overview.html",
        {
            "filter": filterset,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "items_total": len(CONSENT_ITEMS),
        },
    )


def _given(consent: Consent | None) -> list[str]:
    return consent.given() if consent else []


def _consent_rows(patronship, consents: dict) -> list[dict]:
    sponsor = consents.get(patronship.sponsor_id)
    recipient = consents.get(patronship.recipient_id)
    return [
        {
            "label": item.label,
            "sponsor": bool(sponsor and getattr(sponsor, item.value)),
            "recipient": bool(recipient and getattr(recipient, item.value)),
        }
        for item in ConsentItem
    ]


@login_required
@require_safe
def manage(request, pk: int):
    """Everything about publishing one patronship, on one page."""
    patronship, my_parties = get_patronship_for_publication_viewer(request, pk)
    story = (
        Story.objects.filter(patronship=patronship)
        .prefetch_related(Prefetch("photos", queryset=StoryPhoto.objects.order_by("position")))
        .first()
    )
    consents = {c.party_id: c for c in Consent.objects.filter(patronship=patronship)}
    is_public = bool(story and selectors.public_stories().filter(pk=story.pk).exists())
    can_edit = request.user.is_coordinator or bool(my_parties)
    acting = {p.pk for p in acting_parties(request, patronship, my_parties)}
    sides = [
        {
            "party": party,
            "approved_at": story.approved_at(side) if story else None,
            "can_act": party.pk in acting,
            "on_behalf": party.pk not in my_parties,
        }
        for side, party in (("sponsor", patronship.sponsor), ("recipient", patronship.recipient))
    ]
    context = {
        "patronship": patronship,
        "story": story,
        "consent_rows": _consent_rows(patronship, consents),
        "sides": sides,
        "can_edit": can_edit,
        "is_public": is_public,
        "blockers": (
            services.publish_blockers(story)
            if story and story.status == StoryStatus.REVIEW and request.user.is_coordinator
            else []
        ),
        "photos": list(story.photos.all()) if story else [],
    }
    return render(request, "publication/manage.html", context)


@login_required
def consent(request, pk: int, party_pk: int):
    """One partner's consent per item: given by its members, or recorded by the coordinator."""
    patronship, my_parties = get_patronship_for_publication_editor(request, pk)
    party = get_partner_for_actor(request, patronship, my_parties, party_pk)
    current = services.consent_of(patronship=patronship, party=party)
    on_behalf = party.pk not in my_parties
    form = ConsentForm(_posted(request), consent=current, on_behalf=on_behalf)
    if request.method == "POST" and form.is_valid():
        services.consent_set(
            patronship=patronship,
            party=party,
            values=form.values,
            by=request.user,
            note=form.cleaned_data.get("note", ""),
        )
        messages.success(
            request,
            _("Die Zustimmung von %(party)s ist gespeichert und gilt ab sofort.")
            % {"party": party.name},
        )
        return _back(patronship.pk)
    intro = [
        _(
            "Kreuzen Sie an, was wir über die Patenschaft zeigen dürfen. Jedes Element gilt für "
            "sich; Sie können jederzeit widerrufen, dann verschwindet es sofort von allen "
            "öffentlichen Seiten."
        )
    ]
    if on_behalf:
        intro.append(
            _("Sie erfassen die Zustimmung für %(party)s, z. B. nach einem Gespräch.")
            % {"party": party.name}
        )
    return _form_page(
        request,
        form,
        patronship=patronship,
        heading=_("Zustimmung von %(party)s") % {"party": party.name},
        intro=intro,
        submit=_("Zustimmung speichern"),
    )


@coordinator_required
@require_POST
def consent_request(request, pk: int):
    patronship, _parties = get_patronship_for_publication_editor(request, pk)
    services.consent_request(patronship=patronship, by=request.user)
    messages.success(request, _("Beide Partner sind um ihre Zustimmung gebeten."))
    return _back(patronship.pk)


@login_required
def story_edit(request, pk: int):
    patronship, _parties = get_patronship_for_publication_editor(request, pk)
    story = Story.objects.filter(patronship=patronship).first()
    if story is None:
        story = Story(
            patronship=patronship,
            title=patronship.title[:160],
            sponsor_gave=patronship.sponsor_gives,
            recipient_gave=patronship.recipient_gives,
        )
    if not story.is_editable:
        messages.error(
            request,
            _(
                "Eine veröffentlichte Geschichte wird nicht mehr geändert. Nehmen Sie sie zuerst "
                "offline."
            ),
        )
        return _back(patronship.pk)
    form = StoryForm(_posted(request), instance=story)
    if request.method == "POST" and form.is_valid():
        try:
            services.story_save(patronship=patronship, by=request.user, **form.cleaned_data)
        except services.PublicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Die Geschichte ist gespeichert."))
        return _back(patronship.pk)
    return _form_page(
        request,
        form,
        patronship=patronship,
        heading=_("Geschichte schreiben"),
        intro=[
            _(
                "Erzählen Sie so, wie Sie es einer Nachbarin erzählen würden: Wer hat wem wobei "
                "geholfen, was hat sich verändert, was gab es zurück? Beide Partner geben den "
                "Text frei, bevor er erscheint. Nennen Sie Namen nur von Partnern, die dem Nennen "
                "ihres Namens zugestimmt haben."
            )
        ],
        submit=_("Speichern"),
    )


@login_required
@require_POST
def story_submit(request, pk: int):
    story, _parties = get_story_for_editor(request, pk)
    try:
        services.story_submit(story=story, by=request.user)
    except services.PublicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Die Geschichte liegt jetzt beiden Partnern zur Freigabe vor."))
    return _back(pk)


@login_required
def story_approve(request, pk: int, party_pk: int):
    story, my_parties = get_story_for_editor(request, pk)
    party = get_partner_for_actor(request, story.patronship, my_parties, party_pk)
    on_behalf = party.pk not in my_parties
    form = ApproveForm(_posted(request), on_behalf=on_behalf)
    if request.method == "POST" and form.is_valid():
        try:
            services.story_approve(
                story=story, party=party, by=request.user, note=form.cleaned_data.get("note", "")
            )
        except services.PublicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Freigegeben für %(party)s. Danke!") % {"party": party.name}
            )
        return _back(pk)
    return _form_page(
        request,
        form,
        patronship=story.patronship,
        heading=_("Freigabe für %(party)s") % {"party": party.name},
        intro=[_("Die Geschichte wird so freigegeben, wie sie jetzt ist.")],
        submit=_("Freigeben"),
    )


@login_required
def story_changes(request, pk: int, party_pk: int):
    story, my_parties = get_story_for_editor(request, pk)
    party = get_partner_for_actor(request, story.patronship, my_parties, party_pk)
    form = ChangesForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.story_request_changes(
                story=story, party=party, by=request.user, comment=form.cleaned_data["comment"]
            )
        except services.PublicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Ihr Änderungswunsch ist bei der Koordination. Die Geschichte ist "
                    "wieder ein Entwurf."
                ),
            )
        return _back(pk)
    return _form_page(
        request,
        form,
        patronship=story.patronship,
        heading=_("Änderungen wünschen"),
        intro=[
            _(
                "Die Geschichte geht zurück in den Entwurf; die Koordination überarbeitet sie und "
                "schickt sie Ihnen erneut."
            )
        ],
        submit=_("Änderungswunsch senden"),
    )


@coordinator_required
@require_POST
def story_publish(request, pk: int):
    story, _parties = get_story_for_editor(request, pk)
    try:
        services.story_publish(story=story, by=request.user)
    except services.PublicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Die Geschichte ist veröffentlicht."))
    return _back(pk)


@coordinator_required
def story_unpublish(request, pk: int):
    story, _parties = get_story_for_editor(request, pk)
    form = UnpublishForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.story_unpublish(
                story=story, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.PublicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Die Geschichte ist offline."))
        return _back(pk)
    return _form_page(
        request,
        form,
        patronship=story.patronship,
        heading=_("Geschichte offline nehmen"),
        intro=[
            _(
                "Die Geschichte verschwindet sofort aus Galerie, Feed und Sitemap. Sie liegt "
                "danach wieder zur Freigabe vor und kann bearbeitet werden."
            )
        ],
        submit=_("Offline nehmen"),
    )


@login_required
def photo_add(request, pk: int):
    story, _parties = get_story_for_editor(request, pk)
    form = PhotoForm(*_posted(request, files=True))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.photo_add(
                story=story,
                image=data["image"],
                caption=data["caption"],
                alt_text=data["alt_text"],
                credit=data["credit"],
                by=request.user,
            )
        except services.PublicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Das Foto ist hinzugefügt."))
        return _back(pk)
    return _form_page(
        request,
        form,
        patronship=story.patronship,
        heading=_("Foto hinzufügen"),
        intro=[
            _(
                "Ein Foto als JPEG, PNG, GIF oder WebP, höchstens 5 MB. Es wird neu gespeichert; "
                "dabei gehen Standort- und Kameradaten verloren. Fragen Sie die Menschen auf dem "
                "Bild, ob sie einverstanden sind."
            )
        ],
        submit=_("Foto hochladen"),
        multipart=True,
    )


@login_required
@require_POST
def photo_delete(request, pk: int, photo_pk: int):
    photo, _parties = get_photo_for_editor(request, pk, photo_pk)
    services.photo_delete(photo=photo, by=request.user)
    messages.success(request, _("Das Foto ist entfernt – auch von allen öffentlichen Seiten."))
    return _back(pk)


@login_required
@require_safe
def photo_preview(request, pk: int, photo_pk: int):
    """A story photo for the people who work on it (public pages use views.media)."""
    patronship, _parties = get_patronship_for_publication_viewer(request, pk)
    photo = StoryPhoto.objects.filter(pk=photo_pk, story__patronship=patronship).first()
    if photo is None:
        raise Http404
    file = photo.thumbnail or photo.image
    response = FileResponse(file.open("rb"))
    response["Cache-Control"] = "private, no-cache"
    return response
