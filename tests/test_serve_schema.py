"""schemathesis over the served OpenAPI schema: every operation, bounded examples (20 each, positive and negative
inputs), against a real `entente serve` process on the examples store. No answer may be a server error, every
4xx must be a problem body that says what was wrong, every answer must be JSON of the documented kind."""

from __future__ import annotations

import pytest

from tests.serve_support import build_store, require_serve_extra, serve

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

MAX_EXAMPLES = 20


@pytest.fixture(scope="module")
def server(tmp_path_factory, examples, pipeline):
    require_serve_extra()
    location = str(tmp_path_factory.mktemp("serve-schema") / "store.db")
    hostile = build_store(location, examples, pipeline)
    yield from serve(location, hostile)


def _operations(server):
    api = schemathesis.openapi.from_url(server.base + "/api/openapi.json")
    return [result.ok() for result in api.get_all_operations()]


def _check(case) -> None:
    response = case.call(timeout=30)
    case.validate_response(response, checks=(not_a_server_error,))
    kind = response.headers.get("content-type", [""])
    kind = kind[0] if isinstance(kind, list) else kind
    if 400 <= response.status_code < 500:
        assert kind.startswith("application/problem+json"), (case.path, response.status_code, kind)
        problem = response.json()
        assert problem["status"] == response.status_code and len(problem["detail"]) > 5, problem
    else:
        json_or_export = ("application/json", "application/x-ndjson", "text/csv")
        assert response.status_code == 200 and kind.startswith(json_or_export), (response.status_code, kind)


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_server_errors_and_every_4xx_explained(server, mode):
    """(The schemathesis pytest plugin does not load under this pytest: the operations are driven here.)"""
    operations = _operations(server)
    assert len(operations) >= 11
    tested = []
    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            _check(case)

        try:
            run()
            tested.append(operation.label)
        except Unsatisfiable:  # negative mode: an operation without parameters has no invalid request
            assert mode == "negative" and not operation.path_parameters and not operation.query, operation.label
    assert len(tested) >= (11 if mode == "positive" else 10), tested
