"""Test settings: the real settings module, with test-only values for the environment.

Production behaviour (security headers, CSP, DEBUG off) stays on; only what tests cannot use
is changed: plain static storage (no collectstatic), a fast password hasher, and no HTTPS
redirect so the live server can be driven over http://localhost.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from isatuximab_portal.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the app folders, never from a stale `collectstatic` output
# that `make run` may have left in STATIC_ROOT.
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The booklet's printed address in the tests (what the test client's requests see).
SITE_URL = "http://testserver"
# Tasks run as soon as they are queued: a request for a booklet not built yet builds it through
# the real task and gets the PDF. Building every edition on every content save would make each
# test that saves content take minutes, so only the tests of that path switch it on.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
BOOKLET_BUILD_ON_PUBLISH = False
