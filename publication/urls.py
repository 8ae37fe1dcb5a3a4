from django.urls import path

from .views import channels, manage, media, public

app_name = "publication"

urlpatterns = [
    # Public pages
    path("galerie/", public.gallery, name="gallery"),
    path("galerie/<int:pk>/<slug:slug>/", public.story, name="story"),
    path("galerie/<int:pk>/<slug:slug>/pressetext/", public.press, name="press"),
    path("galerie/<int:pk>/<slug:slug>/pressetext.txt", public.press_text, name="press_text"),
    path("galerie/<int:pk>/<slug:slug>/soziale-medien/", public.social, name="social"),
    path(
        "galerie/<int:pk>/<slug:slug>/bild-1200x630",
        media.social_image,
        name="social_image",
    ),
    path("galerie/<int:pk>/fotos/<int:photo_pk>/", media.photo, name="photo"),
    path(
        "galerie/<int:pk>/fotos/<int:photo_pk>/klein/",
        media.photo_thumbnail,
        name="photo_thumbnail",
    ),
    path("galerie/<int:pk>/logo/<str:side>/", media.story_logo, name="story_logo"),
    path("partner/<slug:slug>/", public.party, name="party"),
    path("partner/<slug:slug>/logo/", media.party_logo, name="party_logo"),
    path("offene-bedarfe/", public.needs, name="needs"),
    path("offene-bedarfe/<int:pk>/helfen/", public.need_help, name="need_help"),
    path("feed/", channels.feed, name="feed"),
    path("sitemap.xml", channels.sitemap, name="sitemap"),
    path("robots.txt", channels.robots, name="robots"),
    # Publishing, for the partners and the coordinator
    path("veroeffentlichung/", manage.overview, name="overview"),
    path("veroeffentlichung/<int:pk>/", manage.manage, name="manage"),
    path(
        "veroeffentlichung/<int:pk>/zustimmung/<int:party_pk>/",
        manage.consent,
        name="consent",
    ),
    path(
        "veroeffentlichung/<int:pk>/zustimmung-erbitten/",
        manage.consent_request,
        name="consent_request",
    ),
    path("veroeffentlichung/<int:pk>/geschichte/", manage.story_edit, name="story_edit"),
    path("veroeffentlichung/<int:pk>/zur-freigabe/", manage.story_submit, name="story_submit"),
    path(
        "veroeffentlichung/<int:pk>/freigeben/<int:party_pk>/",
        manage.story_approve,
        name="story_approve",
    ),
    path(
        "veroeffentlichung/<int:pk>/aenderungen/<int:party_pk>/",
        manage.story_changes,
        name="story_changes",
    ),
    path(
        "veroeffentlichung/<int:pk>/veroeffentlichen/",
        manage.story_publish,
        name="story_publish",
    ),
    path("veroeffentlichung/<int:pk>/offline/", manage.story_unpublish, name="story_unpublish"),
    path("veroeffentlichung/<int:pk>/fotos/neu/", manage.photo_add, name="photo_add"),
    path(
        "veroeffentlichung/<int:pk>/fotos/<int:photo_pk>/entfernen/",
        manage.photo_delete,
        name="photo_delete",
    ),
    path(
        "veroeffentlichung/<int:pk>/fotos/<int:photo_pk>/vorschau/",
        manage.photo_preview,
        name="photo_preview",
    ),
]
