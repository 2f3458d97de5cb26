"""URLs of the web UI (paths in Bahasa Indonesia, names in English)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from pantau.users import views as user_views
from pantau.web.views import (
    audit,
    cases,
    claims,
    complaints,
    employees,
    home,
    imports,
    portal,
    post_imports,
    review,
    units,
)

urlpatterns = [
    path("", home.home, name="home"),
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("akun/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "akun/reset/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "akun/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "akun/reset/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("akun/2fa/", user_views.otp_setup, name="otp_setup"),
    path("akun/2fa/verifikasi/", user_views.otp_verify, name="otp_verify"),
    path("pegawai/", employees.employee_list, name="employee_list"),
    path("pegawai/ekspor.xlsx", employees.employee_export, name="employee_export"),
    path("pegawai/<str:nip>/", employees.employee_detail, name="employee_detail"),
    path(
        "pegawai/<str:nip>/akun/<int:account_id>/status/",
        employees.account_state,
        name="account_state",
    ),
    path("unit/", units.unit_tree_view, name="unit_tree"),
    path("registri/impor/", imports.registry_import_view, name="registry_import"),
    path("impor/", post_imports.post_import_view, name="post_import"),
    path("impor/<uuid:run_id>/", post_imports.post_import_run, name="post_import_run"),
    path("aduan/", complaints.complaint_new, name="complaint_new"),
    path("aduan/terkirim/", complaints.complaint_sent, name="complaint_sent"),
    path("aduan/cek/", complaints.complaint_lookup, name="complaint_lookup"),
    path("pengaduan/", complaints.complaint_list, name="complaint_list"),
    path("pengaduan/<str:reference>/", complaints.complaint_detail, name="complaint_detail"),
    path(
        "pengaduan/<str:reference>/tangkapan-layar/",
        complaints.complaint_screenshot,
        name="complaint_screenshot",
    ),
    path("cek-fakta/", claims.claim_list, name="claim_list"),
    path("cek-fakta/baru/", claims.claim_edit, name="claim_new"),
    path("cek-fakta/impor/", claims.claim_import_view, name="claim_import"),
    path("cek-fakta/<int:claim_pk>/", claims.claim_edit, name="claim_edit"),
    path("cek-fakta/gelombang/", claims.waves, name="waves"),
    path("telaah/", review.queue, name="review_queue"),
    path("temuan/<int:finding_id>/", review.finding_detail, name="finding_detail"),
    path("kasus/", cases.case_list, name="case_list"),
    path("kasus/saya/", portal.my_case, name="my_case"),
    path("kasus/<int:case_id>/", cases.case_detail, name="case_detail"),
    path("kasus/<int:case_id>/tindakan/", cases.case_action, name="case_action"),
    path("notifikasi/", cases.notifications, name="notifications"),
    path(
        "notifikasi/<int:notification_id>/terima/", cases.notification_ack, name="notification_ack"
    ),
    path("cek-draf/", portal.self_check, name="self_check"),
    path("audit/", audit.audit_log, name="audit_log"),
    path("audit/akses/", audit.access_log, name="access_log"),
]
