"""Training factories: the library and module pages, banks, questions with choices, requirements."""

import factory
import wagtail_factories

from tests.factories.organisation import JobRoleFactory
from training.models import (
    Choice,
    Question,
    QuestionBank,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingRequirement,
)


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingIndexPage

    title = "Training"
    slug = "training"


class TrainingModulePageFactory(wagtail_factories.PageFactory):
    """A live module with no time limit, no shuffle, three attempts a day and an 80 % pass mark."""

    class Meta:
        model = TrainingModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What to do when a laser treatment goes wrong."
    objectives = "Recognise an epidermal burn\nCool and document it"
    lessons = factory.LazyFunction(lambda: [("rich_text", "<p>Stop and cool.</p>")])
    pass_mark = 80
    questions_per_attempt = 2
    shuffle = False
    attempts_per_day = 3
    valid_for_months = 12


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Bank {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    """A published single-choice question; `choices` is a list of (text, weight) or dicts."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    bank = factory.SubFactory(QuestionBankFactory)
    kind = "single"
    stem = factory.Sequence(lambda n: f"Question {n}: what comes first?")
    explanation = "Cooling first limits the injury."
    live = True

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = (
                [("True", 100), ("False", 0)]
                if self.kind == "true_false"
                else [("Stop and cool", 100), ("Carry on", 0), ("Apply ice directly", 0)]
            )
        for order, spec in enumerate(extracted):
            if isinstance(spec, dict):
                Choice.objects.create(question=self, sort_order=order, **spec)
            else:
                text, weight = spec
                Choice.objects.create(question=self, sort_order=order, text=text, weight=weight)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


class TrainingRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRequirement
        django_get_or_create = ("role", "module")

    role = factory.SubFactory(JobRoleFactory)
    module = None


def module_with_questions(parent, *, count=2, bank=None, **fields) -> TrainingModulePage:
    """A live module drawing from a bank of `count` single-choice questions."""
    module = TrainingModulePageFactory(parent=parent, **fields)
    bank = bank or QuestionBankFactory()
    for _ in range(count):
        QuestionFactory(bank=bank)
    module.question_banks.add(bank)
    module.save_revision().publish()
    return TrainingModulePage.objects.get(pk=module.pk)


def correct_answers(attempt) -> dict[int, list[str]]:
    """Answers keyed by question id picking every positively weighted choice."""
    return {
        q["question_id"]: [c["key"] for c in q["choices"] if c["weight"] > 0]
        for q in attempt.questions
    }


def wrong_answers(attempt) -> dict[int, list[str]]:
    return {
        q["question_id"]: [next(c["key"] for c in q["choices"] if c["weight"] <= 0)]
        for q in attempt.questions
    }
