"""The calendar page and its feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from organisation.access import acting_profile
from reminders import services
from reminders.calendar_feed import build_calendar
from reminders.models import CalendarToken
from reminders.subscribe import subscription_for

NO_PROFILE = "Only staff members have a calendar of due dates."


def calendar_page(request):
    acting_profile(request, NO_PROFILE, refuse=Http404)
    now = timezone.now()
    if request.method == "POST":
        services.regenerate_calendar_token(user=request.user, now=now)
        messages.success(request, "New calendar link made. The old link no longer works.")
        return redirect("reminders:calendar")
    token = services.calendar_token_for(user=request.user, now=now)
    subscription = subscription_for(token=token.token)
    return render(
        request,
        "reminders/calendar.html",
        {"subscription": subscription, "feed_url": subscription.feed_url},
    )


@login_not_required
def calendar_feed(request):
    """Public by design (calendar apps cannot log in); the secret token is the credential."""
    token = request.GET.get("token", "")
    found = (
        CalendarToken.objects.select_related("user__staff_profile__home_location")
        .filter(token=token, user__is_active=True, user__staff_profile__is_active=True)
        .first()
        if token
        else None
    )
    if found is None:
        raise Http404("No such calendar.")
    body = build_calendar(profile=found.user.staff_profile, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
