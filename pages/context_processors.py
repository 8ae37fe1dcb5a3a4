from django.conf import settings


def programme(request):
    return {"programme": settings.PROGRAMME}
