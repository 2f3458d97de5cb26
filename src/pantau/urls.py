"""Root URL configuration: web pages, accounts, admin and language switching."""

from django.contrib import admin
from django.urls import include, path

from pantau.api.v1 import api as api_v1

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api_v1.urls),
    path("surat/", include("pantau.letters.urls")),
    path("laporan/", include("pantau.reports.urls")),
    path("", include("pantau.web.urls")),
]

admin.site.site_header = "Pantau"
admin.site.site_title = "Pantau"
