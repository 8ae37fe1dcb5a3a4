from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def audit_url(obj) -> str:
    """The history page of `obj` ("Protokoll")."""
    meta = obj._meta.concrete_model._meta
    return reverse("audit:object", args=[f"{meta.app_label}.{meta.model_name}", obj.pk])
