"""Wagtail admin views for educators: GIFT upload and a module's item analysis."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from training.analysis import item_analysis
from training.bank_services import import_gift
from training.forms import GiftUploadForm
from training.models import TrainingModulePage
from training.permissions import can_import_gift, can_view_item_analysis


def gift_upload(request):
    if not can_import_gift(request.user):
        raise PermissionDenied
    form = GiftUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = import_gift(
            text=form.cleaned_data["text"],
            bank_name=form.cleaned_data["bank_name"],
            dry_run=form.cleaned_data["dry_run"],
            user=request.user,
        )
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(
        request, "training/admin/gift_upload.html", {"form": form, "report": report}, status=status
    )


def analysis_index(request):
    if not can_view_item_analysis(request.user):
        raise PermissionDenied
    modules = TrainingModulePage.objects.order_by("title")
    return render(request, "training/admin/analysis_index.html", {"modules": modules})


def analysis_detail(request, page_id: int):
    if not can_view_item_analysis(request.user):
        raise PermissionDenied
    module = TrainingModulePage.objects.filter(pk=page_id).first()
    if module is None:
        raise Http404("No such module.")
    attempts, items = item_analysis(module.pk)
    return render(
        request,
        "training/admin/analysis_detail.html",
        {"module": module, "attempts": attempts, "items": items},
    )
