from django.urls import path

from .views import compose, public

app_name = "newsletter"

urlpatterns = [
    # Public
    path("", public.subscribe, name="subscribe"),
    path("fast-geschafft/", public.subscribe_sent, name="subscribe_sent"),
    path("bestaetigen/<str:token>/", public.confirm, name="confirm"),
    path("abmelden/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path(
        "abmelden/<str:token>/ein-klick/",
        public.unsubscribe_one_click,
        name="unsubscribe_one_click",
    ),
    path("archiv/", public.archive, name="archive"),
    path("archiv/<int:pk>/", public.archive_issue, name="archive_issue"),
    # The coordinator's desk
    path("ausgaben/", compose.issue_list, name="issue_list"),
    path("ausgaben/neu/", compose.issue_create, name="issue_create"),
    path("ausgaben/<int:pk>/", compose.issue_edit, name="issue_edit"),
    path("ausgaben/<int:pk>/bausteine/neu/<str:kind>/", compose.block_add, name="block_add"),
    path("ausgaben/<int:pk>/vorschau/", compose.issue_preview, name="issue_preview"),
    path("ausgaben/<int:pk>/vorschau.html", compose.issue_preview_html, name="issue_preview_html"),
    path("ausgaben/<int:pk>/testmail/", compose.issue_test, name="issue_test"),
    path("ausgaben/<int:pk>/senden/", compose.issue_send, name="issue_send"),
    path("ausgaben/<int:pk>/versand/", compose.issue_progress, name="issue_progress"),
    path("bausteine/<int:pk>/", compose.block_edit, name="block_edit"),
    path("bausteine/<int:pk>/loeschen/", compose.block_delete, name="block_delete"),
    path("bausteine/<int:pk>/hoch/", compose.block_up, name="block_up"),
    path("bausteine/<int:pk>/runter/", compose.block_down, name="block_down"),
    path("abonnenten/", compose.subscriber_list, name="subscriber_list"),
]
