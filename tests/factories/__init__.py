"""factory_boy factories: related rows come from one organisation, timestamps are lazy."""

from tests.factories.content import HomePageFactory, ProtocolIndexPageFactory, ProtocolPageFactory
from tests.factories.organisation import (
    JobRoleFactory,
    LocationFactory,
    ManagerFactory,
    StaffProfileFactory,
    UserFactory,
)

__all__ = [
    "HomePageFactory",
    "JobRoleFactory",
    "LocationFactory",
    "ManagerFactory",
    "ProtocolIndexPageFactory",
    "ProtocolPageFactory",
    "StaffProfileFactory",
    "UserFactory",
]
