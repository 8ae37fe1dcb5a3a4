"""Who may see an uploaded directory file: only the coordinator who uploaded it, briefly."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import ImportUpload
from .services import UPLOAD_MAX_AGE


def get_upload_for_uploader(request, token) -> ImportUpload:
    return get_object_or_404(
        ImportUpload,
        token=token,
        created_by=request.user,
        created_at__gte=timezone.now() - UPLOAD_MAX_AGE,
    )
