"""The manager's pages. Every figure comes from dashboard.selectors over managed locations."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from reminders.selectors import reminder_problems

from certifications.selectors import cards_awaiting_verification
from dashboard.exports import matrix_csv, matrix_xlsx
from dashboard.forms import InspectionForm, MatrixFilterForm
from dashboard.matrix_html import column_label, matrix_lines
from dashboard.record import record_context
from dashboard.selectors import (
    compliance_view,
    dashboard_charts,
    inspection_packet_for,
)
from organisation.access import manager_required
from organisation.compliance import Status
from organisation.policies import managed_locations
from organisation.selectors import location_and_role_names, managed_staff_for_viewer

MATRIX_PAGE_SIZE = 200
PROBLEMS_SHOWN = 20
INVALID_FILTERS = "Some filters are not valid; correct them to see the matrix."
INVALID_AS_OF = "as_of must be a date, YYYY-MM-DD."


def _filtered_view(request):
    """The filter form and, when it is valid, the compliance view it asks for."""
    form = MatrixFilterForm(request.GET or None, locations=managed_locations(request.user))
    if request.GET and not form.is_valid():
        return form, None
    filters = form.cleaned_data if form.is_bound else {}
    view = compliance_view(
        viewer=request.user,
        now=timezone.now(),
        location=filters.get("location"),
        role=filters.get("role"),
        status=filters.get("status"),
        as_of=filters.get("as_of"),
        sort=filters.get("sort") or "name",
    )
    return form, view


@manager_required
def manage(request):
    form, view = _filtered_view(request)
    if view is None:
        return render(
            request, "dashboard/manage.html", {"form": form, "error": INVALID_FILTERS}, status=400
        )
    # Everyone is judged and counted; only this page of people becomes table rows.
    page = Paginator(view.matrix.people, MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    status = (form.cleaned_data.get("status") or "") if form.is_bound else ""
    charts = dashboard_charts(viewer=request.user, view=view)
    return render(
        request,
        "dashboard/manage.html",
        {
            "form": form,
            "view": view,
            "matrix_page": page,
            "matrix_rows": matrix_lines(
                view.matrix.rows_for(page.object_list),
                column_labels=[column_label(c) for c in view.matrix.columns],
            ),
            "status_totals": [(s, view.matrix.status_counts[s]) for s in Status],
            "status_label": Status(status).label if status else "",
            "query": query.urlencode(),
            "cards_awaiting": cards_awaiting_verification(request.user).count(),
            "charts": charts,
            # plotly.js is loaded only when at least one chart has a figure to draw.
            "charts_drawn": any(chart.figure is not None for chart in charts),
            "reminder_problems": list(reminder_problems(request.user)[:PROBLEMS_SHOWN]),
        },
    )


def _export_name(request, view, extension: str) -> str:
    scope = slugify(request.GET.get("location") or "all")
    return f"compliance-{scope}-{view.reference_date}.{extension}"


@manager_required
def export_csv(request):
    form, view = _filtered_view(request)
    if view is None:
        return HttpResponse(INVALID_FILTERS, status=400, content_type="text/plain")
    location_names, role_names = location_and_role_names()
    response = HttpResponse(
        matrix_csv(view.matrix, location_names=location_names, role_names=role_names),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_name(request, view, "csv")}"'
    response["Cache-Control"] = "no-store"
    return response


@manager_required
def export_xlsx(request):
    form, view = _filtered_view(request)
    if view is None:
        return HttpResponse(INVALID_FILTERS, status=400, content_type="text/plain")
    location_names, role_names = location_and_role_names()
    response = HttpResponse(
        matrix_xlsx(
            view.matrix,
            title=f"Compliance {view.reference_date}",
            location_names=location_names,
            role_names=role_names,
        ),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_export_name(request, view, "xlsx")}"'
    )
    response["Cache-Control"] = "no-store"
    return response


@manager_required
def staff_record(request, pk: int):
    """One person's whole record, for a manager of one of their locations (404 otherwise)."""
    profile = managed_staff_for_viewer(request.user, pk)
    return render(
        request,
        "dashboard/staff_record.html",
        record_context(profile=profile, viewer=request.user, now=timezone.now()),
    )


@manager_required
def inspection_packet(request, slug: str):
    """The PDF packet for one managed location as of a date (today by default)."""
    location = managed_locations(request.user).filter(slug=slug).first()
    if location is None:
        raise Http404("No such location.")
    form = InspectionForm(request.GET or None)
    if request.GET and not form.is_valid():
        return HttpResponse(INVALID_AS_OF, status=400, content_type="text/plain")
    now = timezone.now()
    as_of = (form.cleaned_data.get("as_of") if form.is_bound else None) or location.local_date(now)
    packet = inspection_packet_for(viewer=request.user, location=location, as_of=as_of, now=now)
    response = HttpResponse(packet, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="inspection-{location.slug}-{as_of.isoformat()}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response
