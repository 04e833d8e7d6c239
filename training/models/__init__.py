from training.models.attempts import AttemptAnswer, AttemptStatus, QuizAttempt
from training.models.pages import ReviewMode, TrainingIndexPage, TrainingModulePage
from training.models.progress import LessonRead
from training.models.questions import (
    Choice,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionTag,
    TextFormat,
)
from training.models.requirements import TrainingRequirement

__all__ = [
    "AttemptAnswer",
    "AttemptStatus",
    "LessonRead",
    "Choice",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "QuestionTag",
    "QuizAttempt",
    "ReviewMode",
    "TextFormat",
    "TrainingIndexPage",
    "TrainingModulePage",
    "TrainingRequirement",
]
