"""Public pages: the gallery, story pages, party profiles, the open-needs board and the
press and social-media texts of a story.

Each reads through publication.selectors only and is cached under the public version (see
caching.py): the cached part is the page's content, and base.html (the visitor's own
navigation, the footer's CSRF token) is rendered around it per request. Cache keys are made
from the recognised query parameters only, so junk parameters cannot fill the cache.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from exchange.selectors import helper_parties
from parties.models import Party

from .. import selectors, texts
from ..caching import Fragments, cached, page_lookup, page_store, public_version
from ..filters import PublicNeedFilter, StoryFilter

GALLERY_PARAMS = ("q", "topic", "municipality", "competency", "year", "state")
NEED_PARAMS = ("topic", "municipality", "kind")
GALLERY_PAGE_SIZE = 24
NEEDS_PAGE_SIZE = 20
MAX_PARAM_LENGTH = 120


@dataclass(frozen=True)
class Moved:
    """A cached answer "this page lives at another URL" (a story whose title changed)."""

    url: str


def canonical_params(query, names) -> dict[str, str]:
    """The recognised parameters of `query` in a fixed order, trimmed; page 1 is implied."""
    params = {}
    for name in (*names, "page"):
        value = " ".join(query.get(name, "").split())[:MAX_PARAM_LENGTH]
        if value:
            params[name] = value
    if params.get("page") == "1":
        del params["page"]
    return params


def _context(**context) -> dict:
    return {"programme": settings.PROGRAMME, "site_url": settings.SITE_URL, **context}


def render_public(request, fragments: Fragments, *, status: int = 200):
    response = render(request, "publication/page.html", {"fragments": fragments}, status=status)
    # Browsers and proxies ask again each time: a withdrawn consent must not linger anywhere.
    patch_cache_control(response, no_cache=True)
    return response


# The whole page is cached for visitors without a session: it is the same bytes for all of
# them (the footer's language switch is a plain link). Should a public page ever carry a
# form, its CSRF token is put in per request.
CSRF_PLACEHOLDER = b"publication-csrf-placeholder-5b1f0c"
INDENTATION = re.compile(rb"\n[ \t]+")


def _whole_page_cacheable(request, canonical: str) -> bool:
    """A visitor without session or pending messages (the header, footer and messages are
    then the same for everyone) asking for the page's one canonical address."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and request.get_full_path() == canonical
    )


def _page_response(request, page: bytes):
    """The cached page (UTF-8 bytes, so nothing is encoded again), with this visitor's CSRF
    token if it has a form."""
    if CSRF_PLACEHOLDER in page:
        page = page.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(page)
    response["Cache-Control"] = "no-cache"
    return response


def serve_public(request, name: str, parts, build, *, canonical: str):
    """The public page `name`: its content from `build()`, cached under the public version;
    for visitors without a session the whole rendered page is cached too."""
    parts = list(parts)
    whole = _whole_page_cacheable(request, canonical)
    if whole:
        version, page_key, page = page_lookup(name, parts)
        if page is not None:
            return _page_response(request, page)
    else:
        version = public_version()
    fragments = cached(name, parts, build, version=version)
    if fragments is None:
        raise Http404
    if isinstance(fragments, Moved):
        return redirect(fragments.url, permanent=True)
    if not whole:
        return render_public(request, fragments)
    page = render_to_string(
        "publication/page.html",
        {"fragments": fragments, "csrf_token": CSRF_PLACEHOLDER.decode()},
        request=request,
    ).encode()
    # Template indentation goes (fewer bytes on every hit); line breaks, and the text inside
    # <textarea>, whose lines do not start with spaces, stay as they are.
    page = INDENTATION.sub(b"\n", page)
    page_store(page_key, page)
    return _page_response(request, page)


def _with_query(path: str, params: dict) -> str:
    return path + (f"?{urlencode(params)}" if params else "")


def _canonical_redirect(request, names):
    """One address per listing page: a submitted filter form sends every field, also the
    empty ones, and `?page=1` is the page without a number. Such requests are redirected
    to the short form, so links, bookmarks and cache entries agree."""
    query = request.GET
    untidy = query.get("page") == "1" or any(
        name in query and not query.get(name, "").strip() for name in names
    )
    if not untidy:
        return None
    params = canonical_params(query, names)
    return redirect(_with_query(request.path, params))


def _listing_links(path: str, params: dict, page) -> tuple[str, str]:
    """The filter query without the page (for pagination links) and the <head> links."""
    filters = {k: v for k, v in params.items() if k != "page"}
    query = urlencode(filters)

    def url(number: int) -> str:
        wanted = {**filters, **({"page": number} if number > 1 else {})}
        return settings.SITE_URL + path + (f"?{urlencode(wanted)}" if wanted else "")

    links = [("canonical", url(page.number))]
    if page.has_previous():
        links.append(("prev", url(page.previous_page_number())))
    if page.has_next():
        links.append(("next", url(page.next_page_number())))
    head = "".join(f'<link rel="{rel}" href="{href}">' for rel, href in links)
    return query, head


# --- gallery -------------------------------------------------------------------------------


def _gallery_fragments(params: dict) -> Fragments | None:
    data = {k: v for k, v in params.items() if k != "page"}
    filterset = StoryFilter(data or None, queryset=selectors.public_stories())
    try:
        page, stories = selectors.public_story_page(
            filterset.qs, params.get("page"), GALLERY_PAGE_SIZE
        )
    except InvalidPage:
        return None
    query, links = _listing_links(reverse("publication:gallery"), params, page)
    title = _("Galerie der Patenschaften")
    if page.number > 1:
        title = _("%(title)s – Seite %(number)s") % {"title": title, "number": page.number}
    body = render_to_string(
        "publication/gallery.html",
        _context(
            filter=filterset,
            page=page,
            stories=stories,
            query=query,
            filtered=bool(data),
        ),
    )
    head = links + render_to_string("publication/_feed_link.html", _context())
    return Fragments(
        title=title,
        description=_(
            "Unternehmen und soziale Organisationen in der Lausitz erzählen von ihren "
            "Sozialpatenschaften."
        ),
        head=head,
        body=body,
    )


@require_safe
def gallery(request):
    if moved := _canonical_redirect(request, GALLERY_PARAMS):
        return moved
    params = canonical_params(request.GET, GALLERY_PARAMS)
    return serve_public(
        request,
        "gallery",
        params.items(),
        lambda: _gallery_fragments(params),
        canonical=_with_query(request.path, params),
    )


# --- story ---------------------------------------------------------------------------------


def _story_fragments(pk: int, slug: str):
    story = selectors.public_story(pk)
    if story is None:
        return None
    if story.slug != slug:
        return Moved(story.url)
    context = _context(story=story)
    return Fragments(
        title=story.title,
        description=story.teaser,
        head=render_to_string("publication/_story_meta.html", context),
        body=render_to_string("publication/story.html", context),
    )


@require_safe
def story(request, pk: int, slug: str):
    return serve_public(
        request, "story", [pk, slug], lambda: _story_fragments(pk, slug), canonical=request.path
    )


def _press_fragments(pk: int, slug: str):
    story = selectors.public_story(pk)
    if story is None:
        return None
    if story.slug != slug:
        return Moved(reverse("publication:press", args=[story.pk, story.slug]))
    release = texts.press_release(story, date=timezone.localdate())
    return Fragments(
        title=_("Pressetext: %(title)s") % {"title": story.title},
        description=story.teaser,
        head='<meta name="robots" content="noindex">',
        body=render_to_string("publication/press.html", _context(story=story, release=release)),
        body_class="print-page",
    )


@require_safe
def press(request, pk: int, slug: str):
    """The press release as a printable page."""
    return serve_public(
        request, "press", [pk, slug], lambda: _press_fragments(pk, slug), canonical=request.path
    )


def _press_text(pk: int) -> tuple[str, str] | None:
    story = selectors.public_story(pk)
    if story is None:
        return None
    return story.slug, texts.press_text(story, date=timezone.localdate())


@require_safe
def press_text(request, pk: int, slug: str):
    """The press release as a text file to download."""
    found = cached("press_text", [pk], lambda: _press_text(pk))
    if found is None:
        raise Http404
    canonical_slug, text = found
    if canonical_slug != slug:
        return redirect("publication:press_text", pk=pk, slug=canonical_slug, permanent=True)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pressetext-{canonical_slug}.txt"'
    patch_cache_control(response, no_cache=True)
    return response


def _social_fragments(pk: int, slug: str):
    story = selectors.public_story(pk)
    if story is None:
        return None
    if story.slug != slug:
        return Moved(reverse("publication:social", args=[story.pk, story.slug]))
    context = _context(story=story, text=texts.social_text(story))
    return Fragments(
        title=_("Für soziale Medien: %(title)s") % {"title": story.title},
        description=story.teaser,
        head='<meta name="robots" content="noindex">',
        body=render_to_string("publication/social.html", context),
    )


@require_safe
def social(request, pk: int, slug: str):
    """A ready post for Facebook and similar, with the picture in the right size."""
    return serve_public(
        request, "social", [pk, slug], lambda: _social_fragments(pk, slug), canonical=request.path
    )


# --- party profiles ------------------------------------------------------------------------


def _party_fragments(slug: str):
    profile = selectors.public_profile(slug)
    if profile is None:
        return None
    return Fragments(
        title=profile.name,
        description=(profile.description[:200] if profile.description else profile.kind_label),
        head=f'<link rel="canonical" href="{settings.SITE_URL}{profile.url}">',
        body=render_to_string("publication/party.html", _context(profile=profile)),
    )


@require_safe
def party(request, slug: str):
    """A company's or organisation's public profile: only what it consented to show."""
    return serve_public(
        request, "party", [slug], lambda: _party_fragments(slug), canonical=request.path
    )


# --- open needs ----------------------------------------------------------------------------


def _needs_fragments(params: dict) -> Fragments | None:
    data = {k: v for k, v in params.items() if k != "page"}
    filterset = PublicNeedFilter(data or None, queryset=selectors.public_needs())
    try:
        page = selectors.paginate(filterset.qs, params.get("page"), NEEDS_PAGE_SIZE)
    except InvalidPage:
        return None
    query, links = _listing_links(reverse("publication:needs"), params, page)
    title = _("Offene Bedarfe in der Region")
    if page.number > 1:
        title = _("%(title)s – Seite %(number)s") % {"title": title, "number": page.number}
    body = render_to_string(
        "publication/needs.html",
        _context(filter=filterset, page=page, query=query, filtered=bool(data)),
    )
    return Fragments(
        title=title,
        description=_(
            "Wobei Vereine, Initiativen und Betriebe in der Lausitz Unterstützung suchen – und "
            "wie Ihr Unternehmen helfen kann."
        ),
        head=links,
        body=body,
    )


@require_safe
def needs(request):
    """The public board of open needs: the way in for new sponsors."""
    if moved := _canonical_redirect(request, NEED_PARAMS):
        return moved
    params = canonical_params(request.GET, NEED_PARAMS)
    return serve_public(
        request,
        "needs",
        params.items(),
        lambda: _needs_fragments(params),
        canonical=_with_query(request.path, params),
    )


@require_safe
def need_help(request, pk: int):
    """ "Wir könnten helfen" on the public board: straight to the offer for a party that may
    help; otherwise the way in (register, sign in, wait for approval)."""
    need = selectors.public_needs().filter(pk=pk).first()
    if need is None:
        raise Http404
    user = request.user
    pending = None
    if user.is_authenticated:
        if user.can_see_pipeline or user.memberships.filter(party_id=need.party_id).exists():
            return redirect("exchange:need_detail", pk=need.pk)
        if helper_parties(user, need).exists():
            return redirect("exchange:interest_create", pk=need.pk)
        pending = Party.objects.of_user(user).pending().first()
    return render(request, "publication/need_help.html", {"need": need, "pending": pending})
