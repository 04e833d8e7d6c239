"""Wagtail admin: question banks and questions (snippets under the medical director's
workflow), requirements by role, the GIFT upload and item analysis."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.services import put_under_medical_director_approval
from training import admin_views
from training.models import (
    Question,
    QuestionBank,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingRequirement,
)
from training.permissions import can_import_gift, can_view_item_analysis
from training.question_selectors import approval_label, with_approval_status

# The status column (live, draft, live + draft) comes with drafts; this one says whether the
# medical director has it in front of them.
APPROVAL_COLUMN = Column("approval_status", label=_("Approval"), accessor=approval_label)


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Question banks")
    list_display = ["name", "description", APPROVAL_COLUMN]
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request):
        return with_approval_status(QuestionBank.objects.all())


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["__str__", "bank", "kind", APPROVAL_COLUMN]
    list_filter = ["bank", "kind", "live"]
    search_fields = ["stem", "title"]
    ordering = ["bank__name", "pk"]

    def get_queryset(self, request):
        return with_approval_status(Question.objects.select_related("bank"))


class TrainingRequirementViewSet(SnippetViewSet):
    model = TrainingRequirement
    icon = "tick-inverse"
    menu_label = _("Training by role")
    list_display = ["role", "module", "valid_for_months"]
    list_filter = ["role"]
    ordering = ["role__name", "module__title"]


class TrainingGroup(SnippetViewSetGroup):
    menu_label = _("Training")
    menu_icon = "help"
    menu_order = 310
    items = (QuestionBankViewSet, QuestionViewSet, TrainingRequirementViewSet)


register_snippet(TrainingGroup)


@hooks.register("register_admin_urls")
def register_training_admin_urls():
    return [
        path("training/gift/", admin_views.gift_upload, name="training_gift_upload"),
        path("training/analysis/", admin_views.analysis_index, name="training_analysis"),
        path(
            "training/analysis/<int:page_id>/",
            admin_views.analysis_detail,
            name="training_analysis_detail",
        ),
    ]


class _GuardedMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def register_gift_menu_item():
    return _GuardedMenuItem(
        _("Import GIFT questions"),
        reverse("training_gift_upload"),
        icon_name="upload",
        order=311,
        check=can_import_gift,
    )


@hooks.register("register_admin_menu_item")
def register_analysis_menu_item():
    return _GuardedMenuItem(
        _("Quiz item analysis"),
        reverse("training_analysis"),
        icon_name="table",
        order=312,
        check=can_view_item_analysis,
    )


@hooks.register("after_create_page")
def put_new_training_library_under_approval(request, page):
    """A training library made in the admin gets the same sign-off as the demo's."""
    if isinstance(page.specific, TrainingIndexPage):
        put_under_medical_director_approval(page=page)


@hooks.register("register_page_header_buttons")
def item_analysis_button(page, user, view_name, next_url=None):
    if page.specific_class is TrainingModulePage and can_view_item_analysis(user):
        yield Button(
            _("Quiz item analysis"),
            reverse("training_analysis_detail", args=[page.pk]),
            icon_name="table",
            priority=80,
        )
