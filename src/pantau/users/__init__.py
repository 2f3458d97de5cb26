"""Users, roles and permissions, login with a second factor, and lockout."""
