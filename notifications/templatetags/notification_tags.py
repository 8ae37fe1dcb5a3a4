from django import template

from notifications.services import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """Unread notifications of the logged-in user; counted once per request."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    if request is None:
        return unread_count(user)
    if not hasattr(request, "notifications_unread_count"):
        request.notifications_unread_count = unread_count(user)
    return request.notifications_unread_count
