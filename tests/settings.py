"""Test settings: Pantau's settings with a fixed secret, a fast hasher and eager tasks.

``DATABASE_URL`` chooses PostgreSQL as in production; without it the tests use SQLite.
"""

import os
import tempfile

os.environ.setdefault("PANTAU_SECRET_KEY", "test-secret-key-not-for-production-0123456789")
os.environ.setdefault("PANTAU_DATA_DIR", tempfile.mkdtemp(prefix="pantau-test-"))
os.environ.setdefault("PANTAU_ENFORCE_TOTP", "0")
# The typeface's static faces are cut once per machine, not once per test run (letters.fonts).
os.environ.setdefault(
    "PANTAU_FONT_DIR", os.path.join(os.path.expanduser("~"), ".cache", "pantau-test", "fonts")
)

from pantau.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# Tests run inside a transaction another process cannot see: scan imports in-process.
PANTAU_IMPORT_SCAN_PROCESS = False
