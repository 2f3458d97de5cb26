"""URLs of the letters pages (paths in Bahasa Indonesia, names in English)."""

from django.urls import path

from pantau.letters import views

app_name = "letters"

urlpatterns = [
    path("kasus/<int:case_id>/", views.case_letters, name="case_letters"),
    path("kasus/<int:case_id>/terbitkan/", views.letter_issue_view, name="issue"),
    path("<int:letter_id>/ralat/", views.letter_correct_view, name="correct"),
    path("<int:letter_id>/unduh.<str:fmt>", views.letter_download, name="download"),
]
