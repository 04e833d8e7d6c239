"""Who is signed in: the session's user, read with what every page asks about them."""

from django.contrib.auth.backends import ModelBackend

from accounts.selectors import users_with_viewer
from organisation.prepared import PreparedQuery

# Compiled once per process (organisation.prepared): building this query's four subqueries
# cost more CPU than the rest of a small page's queries together.
_session_user = PreparedQuery(
    lambda pk: users_with_viewer().select_related("staff_profile__home_location").filter(pk=pk)
)


class ViewerBackend(ModelBackend):
    """Django's ModelBackend, except that the user a session names (read once per request)
    comes in one query with their staff profile and home location (organisation.selectors.
    profile_of) and what accounts.selectors.viewer_of asks: three queries on every page were
    a quarter of a staff member's page."""

    def get_user(self, user_id):
        user = _session_user.first(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
