from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

urlpatterns = [
    path("", include("pages.urls")),
    path("", include("publication.urls")),
    path("konto/", include("allauth.urls")),
    path("mein-bereich/", include("accounts.urls")),
    path("parteien/", include("parties.urls")),
    path("verzeichnis/", include("directory.urls")),
    path("kompetenzen/", include("taxonomy.urls")),
    path("vorschlaege/", include("matching.urls")),
    path("koordination/", include("workspace.urls")),
    path("patenschaften/", include("patronships.urls")),
    path("siegel/", include("seals.urls")),
    path("benachrichtigungen/", include("notifications.urls")),
    path("protokoll/", include("audit.urls")),
    path("foerderkreis/", include("advisors.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("jahresbericht/", include("reports.urls")),
    path("", include("exchange.urls")),
    path("verwaltung/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
