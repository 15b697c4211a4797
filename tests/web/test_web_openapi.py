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
    article = client.get(f"/api/stories/{seed_story}").json()["articles"][0]
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


def _untyped(schema: dict[str, Any], spec: dict[str, Any], where: str, seen: set[str]) -> list[str]:
    """The places under ``schema`` where a list's items or an object's keys are left undescribed."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        if name in seen:
            return []
        seen.add(name)
        return _untyped(spec["components"]["schemas"][name], spec, name, seen)
    found = [p for option in schema.get("anyOf", []) for p in _untyped(option, spec, where, seen)]
    if schema.get("type") == "array":
        items = schema.get("prefixItems") or [schema.get("items", {})]
        found += [f"{where}[]"] if not all(items) else [p for i in items for p in _untyped(i, spec, f"{where}[]", seen)]
    if schema.get("type") == "object":
        extra = schema.get("additionalProperties")
        if not schema.get("properties") and not isinstance(extra, dict):
            found.append(where)
        for key, item in {**schema.get("properties", {}), **({"*": extra} if isinstance(extra, dict) else {})}.items():
            found += _untyped(item, spec, f"{where}.{key}", seen)
    return found


@pytest.mark.parametrize("model", ["Comparison", "QuotePage", "TimelinePage"])
def test_the_comparison_names_the_fields_of_everything_it_lists(spec: dict[str, Any], model: str) -> None:
    assert _untyped({"$ref": f"#/components/schemas/{model}"}, spec, model, set()) == []


REPORTS = {  # invented reports of one ferry sinking: a toll that rose, a range, a quote, one sentence four outlets carry
    "herald.txt": ("Ruritania Herald", "2025-06-01T08:00:00", "The ferry sinking off Port Elwyn killed 14 people, the coast guard said on Sunday."),
    "post.txt": ("Port Elwyn Post", "2025-06-02T14:00:00", "The ferry sinking off Port Elwyn killed 19 people, the coast guard said on Monday."),
    "courier.txt": ("Elwyn Courier", "2025-06-02T18:00:00", "The harbour festival in Port Elwyn ran from Dec. 9-11, 2024, the town council said."),
    "daily.txt": ("Ruritania Daily", "2025-06-02T19:00:00", "Marco Bell said the ferry had passed its safety checks in May."),
}
SHARED_LINES = (
    "Rescue boats searched the cold waters near the harbour of Port Elwyn through the night.",
    '"We will reopen the crossing as soon as the divers are done," Olga Petrenko said.',
)


def test_a_comparison_with_updates_ranges_quotes_and_counted_pairs_fits_the_published_schema(
    client: TestClient, spec: dict[str, Any], seed_story: str, tmp_path, monkeypatch
) -> None:
    from storyline.service import web_queries
    from storyline.service.comparison import compare_files

    for name, (outlet, date, line) in REPORTS.items():
        body = "\n\n".join((line, *SHARED_LINES))
        (tmp_path / name).write_text(f"Outlet: {outlet}\nDate: {date}\n\nFerry sinks off Port Elwyn\n\n{body}\n")
    (tmp_path / "empty.txt").write_text("")
    comparison = compare_files(sorted(tmp_path.iterdir()), client.app.state.workspace)
    data = comparison.to_dict()
    assert data["updates"] and data["summary"]["skipped"] and data["quotes"][0]["members"]
    assert any("until" in entry for entry in data["timeline"])
    evidence = [e for g in data["groups"] for e in g["evidence"]]
    assert any("count" in e for e in evidence) and any("quantities" in e for e in evidence)
    monkeypatch.setattr(web_queries, "story_comparison", lambda ws, story_id: comparison)
    for path in ("comparison", "quotes", "timeline"):
        answer = client.get(f"/api/stories/{seed_story}/{path}")
        schema = success_schema(spec, f"/api/stories/{{story_id}}/{path}", "get")
        assert schema_problems(answer.json(), schema, spec) == [], path


def test_an_aligned_finding_naming_a_claim_of_another_group_is_documented(spec: dict[str, Any]) -> None:
    finding = {"rule": "aligned", "detail": "aligned with Elwyn Courier: \u201cThe ferry sank.\u201d (score 0.69)", "spans": [], "outside": True}
    assert schema_problems(finding, {"$ref": "#/components/schemas/Evidence"}, spec) == []
