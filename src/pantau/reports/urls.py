"""URLs of the reports app (paths in Bahasa Indonesia, names in English), under ``/laporan/``."""

from django.urls import path

from pantau.reports.views import dashboard, exports, public, quality

app_name = "reports"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("periodik/", dashboard.periodic_report, name="periodic"),
    path("transparansi/", public.transparency, name="transparency"),
    path("model/", quality.model_monitoring, name="model_monitoring"),
    path("model/peringatan/<int:alert_id>/", quality.alert_acknowledge, name="alert_acknowledge"),
    path("ekspor/<slug:key>.<str:fmt>", exports.list_export_view, name="export"),
]
