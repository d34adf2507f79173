"""Parameter declarations: policy levers apart from context assumptions."""

from .base import Group, describe
from .context import Context
from .policy import Policy

__all__ = ["Context", "Group", "Policy", "describe"]
