"""Root URL configuration: web pages, accounts, admin and language switching."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("pantau.web.urls")),
]

admin.site.site_header = "Pantau"
admin.site.site_title = "Pantau"
