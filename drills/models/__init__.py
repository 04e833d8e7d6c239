from drills.models.pages import DrillIndexPage, DrillScenarioPage, FitzpatrickType
from drills.models.requirements import DrillRequirement
from drills.models.runs import DrillDecision, DrillRun
from drills.models.sessions import TeamDrillSession

__all__ = [
    "DrillDecision",
    "DrillIndexPage",
    "DrillRequirement",
    "DrillRun",
    "DrillScenarioPage",
    "FitzpatrickType",
    "TeamDrillSession",
]
