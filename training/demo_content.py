"""The demo training library, in the order modules are listed and required: aftercare first,
then assessment and escalation. Sample content for a clinic's medical director to review."""

from training.demo_aftercare import AFTERCARE_MODULES
from training.demo_escalation import ESCALATION_MODULES

MODULES: list[dict] = [*AFTERCARE_MODULES, *ESCALATION_MODULES]
