from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from content import views as content_views

urlpatterns = [
    # Ahead of Django's and Wagtail's own: the reset mail goes through the worker, and
    # Wagtail's login page hands over to the site's, so there is one login (accounts).
    path(
        "accounts/password_reset/",
        accounts_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/login/", accounts_views.admin_login),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("dashboard.urls")),
    path("", include("certifications.urls")),
    path("", include("reminders.urls")),
    path("", include("training.urls")),
    path("", include("drills.urls")),
    path("", include("clearances.urls")),
    path("", include("actions.urls")),
    path("", include("kits.urls")),
    path("", include("snapshots.urls")),
    path("", include("incidents.urls")),
    path("", include("followups.urls")),
    path("", include("attestations.urls")),
    path("", include("audits.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the page tree last, so every other route wins: Wagtail's own routes, with its
# page view called through ours, which routes from the cached site (content.views).
urlpatterns += [
    *(route for route in wagtail_urls.urlpatterns if route.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, content_views.serve, name="wagtail_serve"),
]
