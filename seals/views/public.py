"""What anyone may see: the verification page and its JSON, and the embedded images."""

from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..forms import SealLookupForm
from ..images import image_alt, image_etag, seal_face, seal_image
from ..ratelimit import verification_allowed
from ..records import SealRecord, seal_record
from ..rendering import VARIANTS

# Browsers and proxies keep the image but ask each time whether it is still current: the
# answer is a 304 from the cache, and a revoked or expired seal shows at once.
IMAGE_CACHE_CONTROL = "public, no-cache"


def _too_many(request, retry_after: int, *, as_json: bool):
    if as_json:
        response = JsonResponse(
            {"error": _("Zu viele Prüfungen in kurzer Zeit. Bitte warten Sie einen Moment.")},
            status=429,
        )
    else:
        response = render(
            request, "seals/rate_limited.html", {"retry_after": retry_after}, status=429
        )
    response["Retry-After"] = str(retry_after)
    return response


def _public_payload(record: SealRecord, today) -> dict:
    state = record.state_on(today)
    return {
        "code": record.code,
        "status": state.value,
        "status_label": str(state.label),
        "valid": state == "valid",
        "holder": {
            "name": record.holder_name,
            "role": "sponsor" if record.holder_is_sponsor else "partner",
        },
        "partner": {"name": record.partner_name},
        "patronship": {"title": record.patronship_title, "topics": list(record.topics)},
        "year": record.year,
        "valid_from": record.valid_from.isoformat(),
        "valid_until": record.valid_until.isoformat(),
        "revoked_on": record.revoked_on.isoformat() if record.revoked_on else None,
        "checked_on": today.isoformat(),
        "verification_url": record.verify_url,
    }


@require_safe
def verify(request, code: str):
    allowed, retry_after = verification_allowed(request)
    if not allowed:
        return _too_many(request, retry_after, as_json=False)
    record = seal_record(code)
    if record is None:
        return render(request, "seals/not_found.html", {"code": code[:80]}, status=404)
    today = timezone.localdate()
    return render(
        request,
        "seals/verify.html",
        {
            "record": record,
            "state": record.state_on(today),
            "today": today,
            "alt": image_alt(seal_face(record, today)),
            "image": VARIANTS["siegel-240.png"],
        },
    )


@require_safe
def verify_json(request, code: str):
    allowed, retry_after = verification_allowed(request)
    if not allowed:
        response = _too_many(request, retry_after, as_json=True)
    else:
        record = seal_record(code)
        if record is None:
            response = JsonResponse(
                {"error": _("Zu diesem Code gibt es kein Siegel."), "status": "unknown"},
                status=404,
            )
        else:
            response = JsonResponse(_public_payload(record, timezone.localdate()))
    # Public facts, meant for other sites' scripts too.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def image(request, code: str, filename: str):
    variant = VARIANTS.get(filename)
    record = seal_record(code) if variant else None
    if record is None:
        # Misses count against the verification limit: enumerating via images is no cheaper.
        allowed, retry_after = verification_allowed(request)
        if not allowed:
            return _too_many(request, retry_after, as_json=False)
        return render(request, "seals/not_found.html", {"code": code[:80]}, status=404)
    face = seal_face(record, timezone.localdate())
    etag = image_etag(face, variant)
    if_none_match = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    if etag in if_none_match or "*" in if_none_match:
        response = HttpResponseNotModified()
    else:
        picture = seal_image(face, variant)
        response = HttpResponse(picture.content, content_type=picture.content_type)
        response["Content-Disposition"] = f'inline; filename="{variant.filename}"'
        if variant.is_svg:
            response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["ETag"] = etag
    response["Cache-Control"] = IMAGE_CACHE_CONTROL
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Seal-State"] = face.state
    return response


@require_safe
def lookup(request):
    form = SealLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("seals:verify", code=form.cleaned_data["code"])
    return render(request, "seals/lookup.html", {"form": form}, status=400 if form.errors else 200)
