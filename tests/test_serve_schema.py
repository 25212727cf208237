"""The OpenAPI schema of `shopbot serve` against the running server: schemathesis generates
requests from /openapi.json (a bounded number per operation) and checks that none gets a server
error and that every response matches the schema (status codes, content types, bodies)."""
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from test_serve import backend, bot, server  # noqa: F401 - the fixtures: a real server on loopback

EXAMPLES = 12  # per operation: a bounded run (about 80 s on 2 cores)


@pytest.fixture
def api_schema(server):  # noqa: F811
    return schemathesis.openapi.from_url(server.url + "/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_matches_its_schema(case):
    if case.path == "/v1/catalog":  # random uploads: never prune the test's catalog, nor analyse
        case.query = {**(case.query or {}), "prune": "false", "analytics": "false"}
    # Excluded: "schema-valid data must get a 2xx". A conversation without a user message, or a
    # catalog file whose lines fail validation, is schema-valid JSON the service rightly rejects.
    case.call_and_validate(timeout=60, excluded_checks=[positive_data_acceptance])
