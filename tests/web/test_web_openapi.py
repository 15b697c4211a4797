"""The OpenAPI document says what each endpoint answers: real responses are checked against it.

The check is stricter than JSON Schema where a client author needs it: an object documented with
properties may hold no key the document does not name (a key added to a ``to_dict`` but not to
:mod:`storyline.web.schemas` fails here), and it must hold every required one.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.test_web_api import ARTICLE

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def schema_problems(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str = "$") -> list[str]:
    """Where ``value`` departs from ``schema`` ($refs resolved in ``spec``); empty when it fits."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return schema_problems(value, spec["components"]["schemas"][name], spec, where)
    if "anyOf" in schema:
        options = [schema_problems(value, option, spec, where) for option in schema["anyOf"]]
        return [] if any(not problems for problems in options) else min(options, key=len)
    kind = schema.get("type")
    if kind is None:
        return []
    if not isinstance(value, JSON_TYPES[kind]) or (kind in ("integer", "number") and isinstance(value, bool)):
        return [f"{where}: {type(value).__name__} where the schema says {kind}"]
    if kind == "array":
        items = schema.get("prefixItems") or [schema.get("items", {})] * len(value)
        return [p for i, (v, s) in enumerate(zip(value, items, strict=False)) for p in schema_problems(v, s, spec, f"{where}[{i}]")]
    if kind == "object":
        return _object_problems(value, schema, spec, where)
    return []


def _object_problems(value: dict[str, Any], schema: dict[str, Any], spec: dict[str, Any], where: str) -> list[str]:
    properties = schema.get("properties", {})
    problems = [f"{where}: no {key!r}" for key in schema.get("required", []) if key not in value]
    if properties:
        problems += [f"{where}.{key}: not documented" for key in value if key not in properties]
    extra = schema.get("additionalProperties")
    for key, item in value.items():
        item_schema = properties.get(key, extra if isinstance(extra, dict) else {})
        problems += schema_problems(item, item_schema, spec, f"{where}.{key}")
    return problems


def success_schema(spec: dict[str, Any], path: str, method: str, status: str = "200") -> dict[str, Any]:
    return spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    return client.get("/api/openapi.json").json()


def test_every_api_endpoint_documents_its_success_body(spec: dict[str, Any]) -> None:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            success = next(body for status, body in operation["responses"].items() if status.startswith("2"))
            schema = success["content"]["application/json"].get("schema", {})
            assert "$ref" in schema, f"{method.upper()} {path} answers an undocumented object"


def test_the_checker_finds_undocumented_missing_and_mistyped_keys(spec: dict[str, Any]) -> None:
    health = {"$ref": "#/components/schemas/Health"}
    good = {"status": "ok", "version": "1", "schema_version": 1, "articles": 3}
    assert schema_problems(good, health, spec) == []
    assert schema_problems({**good, "uptime": 5}, health, spec) == ["$.uptime: not documented"]
    assert schema_problems({**good, "articles": "3"}, health, spec) == ["$.articles: str where the schema says integer"]
    assert schema_problems({"status": "ok"}, health, spec)[0] == "$: no 'version'"


@pytest.mark.parametrize(
    "path, url",
    [
        ("/api/health", "/api/health"),
        ("/api/articles", "/api/articles?limit=200"),
        ("/api/articles/{article_id}", "/api/articles/{article}"),
        ("/api/search", "/api/search?q=the"),
        ("/api/stories", "/api/stories"),
        ("/api/stories/{story_id}", "/api/stories/{story}"),
        ("/api/stories/{story_id}/comparison", "/api/stories/{story}/comparison"),
        ("/api/stories/{story_id}/report", "/api/stories/{story}/report?format=json"),
        ("/api/stories/{story_id}/quotes", "/api/stories/{story}/quotes"),
        ("/api/stories/{story_id}/timeline", "/api/stories/{story}/timeline"),
        ("/api/stories/{story_id}/entities", "/api/stories/{story}/entities"),
    ],
)
def test_read_responses_fit_the_published_schema(
    client: TestClient, spec: dict[str, Any], seed_story: str, path: str, url: str
) -> None:
    article = client.get(f"/api/stories/{seed_story}").json()["articles"][0]["id"]
    answer = client.get(url.format(story=seed_story, article=article))
    assert answer.status_code == 200
    body = answer.json()
    assert body.get("items", True), "an empty page checks nothing"
    assert schema_problems(body, success_schema(spec, path, "get"), spec) == []


def test_write_responses_fit_the_published_schema(writable_client, spec: dict[str, Any]) -> None:
    with writable_client() as client:
        added = client.post("/api/articles", json=ARTICLE)
        assert added.status_code == 201
        assert schema_problems(added.json(), success_schema(spec, "/api/articles", "post", "201"), spec) == []
        removal = client.delete(f"/api/articles/{ARTICLE['id']}", params={"dry_run": True})
        assert removal.json()["removed"]
        assert schema_problems(removal.json(), success_schema(spec, "/api/articles/{article_id}", "delete"), spec) == []
        reclustered = client.post("/api/recluster").json()
        assert schema_problems(reclustered, success_schema(spec, "/api/recluster", "post"), spec) == []


def test_errors_fit_the_published_error_schema(client: TestClient, spec: dict[str, Any]) -> None:
    missing = client.get("/api/stories/no-such-story")
    schema = spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]["404"]["content"]["application/json"]
    assert schema_problems(missing.json(), schema["schema"], spec) == []
