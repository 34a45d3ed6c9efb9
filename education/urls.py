from django.urls import path

from . import feedback, views
from .booklet import views as booklet_views
from .questions import views as question_views
from .selfcheck import views as selfcheck_views

urlpatterns = [
    path("", views.home, name="home"),
    path("learn/", views.learn, name="learn"),
    path("learn/<slug:slug>/", selfcheck_views.page, name="page"),
    path("checklist/", views.checklist, name="checklist"),
    path("glossary/", views.glossary, name="glossary"),
    path("search/", views.search, name="search"),
    path("for-blood-banks/", views.for_blood_banks, name="for-blood-banks"),
    path("get-help/", selfcheck_views.get_help, name="get-help"),
    path("intended-use/", views.intended_use, name="intended-use"),
    path("feedback/", feedback.answer, name="feedback"),
    path("feedback/reason/", feedback.reason, name="feedback-reason"),
    path("feedback/thanks/", feedback.thanks, name="feedback-thanks"),
    path("diary/", views.diary, name="diary"),
    path("diary/pdf/", views.diary_pdf, name="diary-pdf"),
    path("questions/", question_views.question_builder, name="questions"),
    path("booklet/", booklet_views.booklet_page, name="booklet"),
    path("booklet/<str:filename>", booklet_views.booklet_pdf, name="booklet-pdf"),
]
