"""Question banks: questions and banks as snippets under the medical director's workflow,
choices with stable keys.

Both go through the "Medical director approval" workflow (assigned to their content types by
training.approval): an educator saves drafts and submits; a director's approval publishes.
While an object is live, Wagtail saves edits as revisions only and leaves its row as
published, so the rows with `live=True` are the approved versions that quizzes draw from.

Answers and attempt snapshots point at a choice's `key` (a UUID kept through revisions and
copies), never at the inline row's primary key, which Wagtail may recreate on save.
"""

import uuid

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from training.admin_forms import QuestionAdminForm


class QuestionBank(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A named set of questions. A quiz draws a bank's questions only while the bank is live
    (approved): a new bank waits for the director, and unpublishing one withdraws all of it.
    Which questions a bank holds is each question's own field, approved with the question."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="question_bank")

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("question bank")

    def __str__(self) -> str:
        return self.name


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple response")
    TRUE_FALSE = "true_false", _("True / false")


class TextFormat(models.TextChoices):
    """GIFT's text formats, kept so an export gives back what was imported."""

    MOODLE = "moodle", _("Moodle auto-format")
    HTML = "html", _("HTML")
    MARKDOWN = "markdown", _("Markdown")
    PLAIN = "plain", _("Plain text")


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "training.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Question(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """One quiz question. Scored on the server from its choices' weights (percent)."""

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.PROTECT, related_name="questions", verbose_name=_("bank")
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("A short name for editors (GIFT ::title::)."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    stem = models.TextField(_("question"), help_text=_("What the learner is asked."))
    stem_format = models.CharField(
        _("text format"), max_length=10, choices=TextFormat.choices, default=TextFormat.MOODLE
    )
    explanation = models.TextField(
        _("general explanation"),
        blank=True,
        help_text=_("Shown after answering, whatever the answer."),
    )
    tags = ClusterTaggableManager(through=QuestionTag, blank=True, verbose_name=_("topics"))
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="question")

    panels = [
        FieldPanel("bank"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("stem"),
        InlinePanel("choices", label=_("Choices"), min_num=2),
        MultiFieldPanel(
            [FieldPanel("explanation"), FieldPanel("tags"), FieldPanel("stem_format")],
            heading=_("Explanation and topics"),
        ),
    ]
    base_form_class = QuestionAdminForm
    search_fields = [
        index.SearchField("stem"),
        index.SearchField("title"),
        index.FilterField("bank"),
    ]

    class Meta:
        ordering = ["bank", "pk"]
        verbose_name = _("question")

    def __str__(self) -> str:
        return self.title or self.stem[:80]

    # The director reviews the question as a learner will see it, then with its key.
    preview_modes = [("", _("As the learner sees it")), ("answers", _("With answers"))]

    def get_preview_template(self, request, mode_name):
        return "training/question_preview.html"

    def get_preview_context(self, request, mode_name):
        return {
            **super().get_preview_context(request, mode_name),
            "question": self,
            "choices": list(self.choices.all()),
            "show_answers": mode_name == "answers",
        }


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    key = models.UUIDField(
        _("key"), default=uuid.uuid4, editable=False, help_text=_("Stable: answers point here.")
    )
    text = models.TextField(_("text"))
    weight = models.SmallIntegerField(
        _("weight (%)"),
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_(
            "100 for a correct single answer; shares of 100 for multiple response; "
            "negative to penalise a wrong pick."
        ),
    )
    feedback = models.TextField(_("feedback"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("weight"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="training_choice_key_unique"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=-100, weight__lte=100),
                name="training_choice_weight_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
