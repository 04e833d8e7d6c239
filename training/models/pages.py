"""The training library's pages: an index and one page per module, with its quiz settings."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.models import SampleContentMixin
from content.page_tree import CachedViewRestrictionsMixin
from training.blocks import LessonStreamBlock

NOT_QUARTER_HOURS = _("Give continuing education hours in quarter hours, e.g. 0.25, 0.5 or 1.5.")


def validate_quarter_hours(value: Decimal) -> None:
    # Accrediting bodies award CE credit in quarter hours at the finest; the library's schema
    # holds module files to the same rule (multipleOf 0.25).
    if value is not None and (value * 4) % 1:
        raise ValidationError(NOT_QUARTER_HOURS)


class TrainingIndexPage(CachedViewRestrictionsMixin, Page):
    """The training library: every module sits under it, under medical director approval."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["training.TrainingModulePage"]
    template = "training/training_index_page.html"

    class Meta:
        verbose_name = _("training library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = TrainingModulePage.objects.child_of(self).live().order_by("title")
        return context


class ReviewMode(models.TextChoices):
    AFTER_EACH = "after_each", _("After each attempt")
    AFTER_PASS = "after_pass", _("Only after passing")
    NEVER = "never", _("Never")


class TrainingModulePage(CachedViewRestrictionsMixin, RoutablePageMixin, SampleContentMixin, Page):  # noqa: DJ008
    """A module: lessons to read and a quiz, scored on the server, at the `quiz/` route.

    The routes' code lives in training.page_views to keep this model small.
    """

    summary = models.TextField(_("summary"), max_length=500)
    objectives = models.TextField(
        _("learning objectives"), blank=True, help_text=_("One per line: 'By the end you can...'")
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    ce_hours = models.DecimalField(
        _("CE hours"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.25")), validate_quarter_hours],
        help_text=_(
            "Continuing education hours a pass earns, in quarter hours (e.g. 0.5), as your "
            "accrediting body approved them. Empty: the certificate shows the estimated minutes."
        ),
    )
    lessons = StreamField(LessonStreamBlock(), use_json_field=True, verbose_name=_("lessons"))
    protocols = ParentalManyToManyField(
        "content.ProtocolPage",
        blank=True,
        related_name="training_modules",
        verbose_name=_("protocols this module is built on"),
    )

    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"), default=5, validators=[MinValueValidator(1)]
    )
    shuffle = models.BooleanField(
        _("shuffle"), default=True, help_text=_("Draw questions and order choices at random.")
    )
    attempts_per_day = models.PositiveSmallIntegerField(
        _("attempts allowed per day"), default=3, help_text=_("0 for no limit.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    review_mode = models.CharField(
        _("show answers and feedback"),
        max_length=12,
        choices=ReviewMode.choices,
        default=ReviewMode.AFTER_EACH,
    )
    valid_for_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        default=12,
        validators=[MinValueValidator(1)],
        help_text=_("A pass completes the module for this long; a requirement may override it."),
    )
    question_banks = ParentalManyToManyField(
        "training.QuestionBank",
        blank=True,
        related_name="modules",
        verbose_name=_("draw from banks"),
    )
    picked_questions = ParentalManyToManyField(
        "training.Question", blank=True, related_name="modules", verbose_name=_("or pick questions")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("estimated_minutes"),
        FieldPanel("ce_hours"),
        FieldPanel("lessons"),
        FieldPanel("protocols"),
        MultiFieldPanel(
            [
                FieldPanel("question_banks"),
                FieldPanel("picked_questions"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("pass_mark"),
                FieldPanel("shuffle"),
                FieldPanel("attempts_per_day"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("review_mode"),
                FieldPanel("valid_for_months"),
            ],
            heading=_("Quiz"),
        ),
        FieldPanel("sample_content"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("lessons"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types: list[str] = []
    template = "training/training_module_page.html"

    class Meta:
        verbose_name = _("training module")

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @path("")
    def overview(self, request):
        from training import page_views

        return page_views.overview(self, request)

    @path("quiz/")
    def quiz(self, request):
        from training import page_views

        return page_views.quiz(self, request)

    @path("quiz/save/")
    def quiz_save(self, request):
        from training import page_views

        return page_views.save(self, request)

    @path("quiz/submit/")
    def quiz_submit(self, request):
        from training import page_views

        return page_views.submit(self, request)

    @path("quiz/attempts/<int:attempt_id>/")
    def quiz_result(self, request, attempt_id: int):
        from training import page_views

        return page_views.result(self, request, attempt_id)
