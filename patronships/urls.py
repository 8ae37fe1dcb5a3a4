from django.urls import path

from .views import accompaniment, introductions, lifecycle

app_name = "patronships"

urlpatterns = [
    path("", lifecycle.patronship_list, name="list"),
    path("<int:pk>/", lifecycle.detail, name="detail"),
    # Introductions
    path("vorstellen/", introductions.propose, name="introduction_propose"),
    path("vorstellungen/<int:pk>/", introductions.detail, name="introduction"),
    path("vorstellungen/<int:pk>/antworten/", introductions.answer, name="introduction_answer"),
    path(
        "vorstellungen/<int:pk>/zurueckziehen/",
        introductions.withdraw,
        name="introduction_withdraw",
    ),
    path(
        "vorstellungen/antwort/<str:token>/",
        introductions.answer_by_link,
        name="introduction_answer_link",
    ),
    # Agreement and lifecycle (coordinator)
    path("<int:pk>/vereinbarung/", lifecycle.agreement, name="agreement"),
    path("<int:pk>/beginnen/", lifecycle.activate, name="activate"),
    path("<int:pk>/abschliessen/", lifecycle.complete, name="complete"),
    path("<int:pk>/vorzeitig-beenden/", lifecycle.end_early, name="end_early"),
    path("<int:pk>/nicht-zustande-gekommen/", lifecycle.decline, name="decline"),
    path("<int:pk>/verlaengern/", lifecycle.renew, name="renew"),
    # Accompaniment
    path(
        "<int:pk>/zwischengespraeche/<int:checkin_pk>/",
        accompaniment.checkin_record,
        name="checkin",
    ),
    path("<int:pk>/notizen/", accompaniment.note_add, name="note_add"),
    path("<int:pk>/beitraege/", accompaniment.contribution_add, name="contribution_add"),
    path(
        "<int:pk>/beitraege/<int:contribution_pk>/bestaetigen/",
        accompaniment.contribution_confirm,
        name="contribution_confirm",
    ),
    path("<int:pk>/meilensteine/", accompaniment.milestone_add, name="milestone_add"),
    path(
        "<int:pk>/meilensteine/<int:milestone_pk>/erreicht/",
        accompaniment.milestone_reach,
        name="milestone_reach",
    ),
    path("<int:pk>/rueckblick/", accompaniment.review, name="review"),
]
