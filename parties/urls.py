from django.urls import path

from .views import competencies, members, merge, profile, review

app_name = "parties"

urlpatterns = [
    path("", review.directory, name="directory"),
    path("freigaben/", review.review, name="review"),
    path("neu/", review.create, name="create"),
    path("zusammenfuehren/", merge.merge, name="merge"),
    path("zusammenfuehren/bestaetigen/", merge.merge_confirm, name="merge_confirm"),
    path("<int:pk>/", review.detail, name="detail"),
    path("<int:pk>/freigeben/", review.approve, name="approve"),
    path("<int:pk>/ablehnen/", review.reject, name="reject"),
    path("einladung/<str:token>/", review.invitation, name="invitation"),
    path("<int:pk>/profil/", profile.edit, name="profile_edit"),
    path("<int:pk>/kompetenzen/", competencies.manage, name="competencies"),
    path("<int:pk>/kompetenzen/hinzufuegen/", competencies.add, name="competency_add"),
    path("<int:pk>/kompetenzen/stichworte/", competencies.add_labels, name="competency_labels"),
    path(
        "<int:pk>/kompetenzen/<int:item_pk>/entfernen/",
        competencies.remove,
        name="competency_remove",
    ),
    path("<int:pk>/personen/", members.member_list, name="members"),
    path("<int:pk>/personen/einladen/", members.invite, name="member_invite"),
    path("<int:pk>/personen/<int:membership_pk>/rolle/", members.change_role, name="member_role"),
    path("<int:pk>/personen/<int:membership_pk>/entfernen/", members.remove, name="member_remove"),
    path("<int:pk>/austreten/", members.leave, name="leave"),
]
