"""Checks a JSON answer against the response schema Saturn's published spec gives it, field by field: type,
nullable, required, enum and format (OpenAPI 3.0 rules for answers, through openapi-schema-validator), plus two checks the
schema language leaves out: no field the schema does not declare, and Saturn's own timestamp format."""

from datetime import datetime
from pathlib import Path

import yaml
from openapi_schema_validator import OAS30ReadValidator

SPEC_PATH = Path(__file__).resolve().parent / "spec" / "saturn-openapi-2026.02.01.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text())


def _honour_nullable_beside_all_of(node):
    """The spec writes a nullable nested object as `{nullable: true, allOf: [$ref]}`; OpenAPI 3.0 validators check
    null against the referenced object and refuse it, while saturn-api's models accept it. Rewritten as an anyOf of
    the object and null, it means what the spec and the client mean."""
    if isinstance(node, dict):
        if node.get("nullable") and "allOf" in node:
            node["anyOf"] = node.pop("allOf") + [{"nullable": True, "type": "object", "maxProperties": 0}]
        for value in node.values():
            _honour_nullable_beside_all_of(value)
    elif isinstance(node, list):
        for value in node:
            _honour_nullable_beside_all_of(value)


_honour_nullable_beside_all_of(SPEC)
SATURN_TIMESTAMP = "%Y-%m-%dT%H:%M:%S+00:00"


def response_schema(path, method, status):
    """The schema the spec documents for one answer, e.g. ("/api/recipes", "get", 200)."""
    return SPEC["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]


def schema_named(name):
    return {"$ref": f"#/components/schemas/{name}"}


def problems(value, schema):
    """Every way `value` strays from `schema`, each as 'json/path: problem'; empty when it conforms."""
    validator = OAS30ReadValidator({**schema, "components": SPEC["components"]}, format_checker=OAS30ReadValidator.FORMAT_CHECKER)
    found = [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}" for error in validator.iter_errors(value)
             if not _matches_more_than_one_of(error)]
    return found + _undeclared_or_misformatted(value, schema, "")


def _matches_more_than_one_of(error):
    """The spec's `oneOf`s offer a list or object and its detailed form (`UserList`, `UserDetailedList`), neither closed
    to more fields, so a detailed answer matches both, which JSON Schema counts as a failure and Saturn's clients do
    not. An error of `oneOf` without sub-errors is that case: every choice matched."""
    return error.validator == "oneOf" and not error.context


def _resolve(schema):
    while "$ref" in schema:
        node = SPEC
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _undeclared_or_misformatted(value, schema, path):
    schema = _resolve(schema)
    if "oneOf" in schema and "discriminator" in schema and isinstance(value, dict):
        discriminator = schema["discriminator"]
        chosen = discriminator["mapping"].get(value.get(discriminator["propertyName"]))
        return _undeclared_or_misformatted(value, {"$ref": chosen}, path) if chosen else [f"{path or '(root)'}: no schema for this type"]
    parts = [_resolve(part) for part in schema.get("allOf", []) + schema.get("anyOf", [])] + [schema]
    properties = {key: sub for part in parts for key, sub in part.get("properties", {}).items()}
    open_object = any("additionalProperties" in part for part in parts)
    found = []
    if isinstance(value, dict) and properties:
        for key, item in value.items():
            if key not in properties and not open_object:
                found.append(f"{path}{key}: the schema declares no such field")
            elif key in properties:
                found += _undeclared_or_misformatted(item, properties[key], f"{path}{key}/")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += _undeclared_or_misformatted(item, schema["items"], f"{path}{index}/")
    elif isinstance(value, str) and any(part.get("format") == SATURN_TIMESTAMP for part in parts):
        try:
            datetime.strptime(value, SATURN_TIMESTAMP)
        except ValueError:
            found.append(f"{path.rstrip('/')}: '{value}' is not in the format {SATURN_TIMESTAMP}")
    return found
