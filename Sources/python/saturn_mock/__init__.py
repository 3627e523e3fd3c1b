"""saturn-mock for Python: a local, offline stand-in for the Saturn Cloud API, run from the binary this package
carries (no Swift needed), with helpers over its control plane and a pytest plugin (`saturn_mock`, `saturn_tenant`,
`saturn_env` fixtures).

    with MockServer() as mock:
        tenant = mock.create_tenant()
        # point Saturn's clients at tenant.base_url with tenant.tokens["alice"]
"""

from .control import ControlError, ControlPlane, Tenant
from .server import BINARY, DEMO_SEED, MockServer, ServerError

__all__ = ["BINARY", "DEMO_SEED", "ControlError", "ControlPlane", "MockServer", "ServerError", "Tenant"]
