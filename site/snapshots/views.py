"""The month-end snapshots list and each snapshot's PDF, for the location's managers."""

from django.http import HttpResponse
from django.shortcuts import render

from organisation.access import manager_required
from snapshots import selectors


@manager_required
def snapshot_list(request):
    snapshots = selectors.snapshots_for_manager(request.user)[:240]
    return render(request, "snapshots/snapshot_list.html", {"snapshots": snapshots})


@manager_required
def snapshot_pdf(request, pk: int):
    snapshot = selectors.snapshot_for_manager(request.user, pk)
    response = HttpResponse(bytes(snapshot.pdf), content_type="application/pdf")
    name = f"snapshot-{snapshot.location.slug}-{snapshot.month_end:%Y-%m}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
