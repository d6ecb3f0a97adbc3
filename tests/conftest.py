"""Suite-wide settings: property tests must not depend on how loaded the machine is."""
from __future__ import annotations

from hypothesis import HealthCheck, settings

# CI machines are shared: no per-example deadline and no "data generation too slow" health check, so a busy
# machine can make a property test slower but never make it fail.
settings.register_profile("kg", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kg")
