"""Regenerate generated/ from specs/: one client package and one models module per API.

openapi-python-client writes ``generated/<key>_client`` (attrs models over httpx), and
datamodel-code-generator writes ``generated/models/<key>.py`` (pydantic v2). Both are
pinned in pyproject's ``generate`` extra and run with fixed options and an isolated ruff,
so the same specs always give byte-identical output: whatever configuration lies around
the temporary folder (``nox`` points TMPDIR inside the clone, under the project's own
ruff settings) or in the user's ruff settings, and whichever worker process runs which
job in which order (``tests/scripts/test_generate.py`` holds both).

Secrets stay out of reprs. A spec marks every credential it carries (passwords, their
digests, tokens, client secrets) ``format: password``: datamodel-code-generator makes
those ``SecretStr`` itself, and openapi-python-client gets two of its own templates with
one change each (see :data:`TEMPLATE_PATCHES`): such a property, and the
``AuthenticatedClient``'s token, are declared ``repr=False``. Properties are matched by
name, so a name marked anywhere in a spec is left out of every repr of that API. The templates are the
pinned generator's own, patched as they are copied, so a new version whose templates
no longer hold the patched text fails generation instead of silently losing the change.

Unknown enum values in answers are kept, not refused. Vendors add enum values without
notice, and a client that raises ``ValueError`` on one breaks in production. The specs
keep listing the documented values (the simulators and the contract suite check those);
the generators read a view of each spec (:func:`open_answer_enums`) in which every enum
the server sends (in a response body, or a callback's or webhook's request body) is
``anyOf: [<the enum>, {"type": <its type>}]``. So an answer's field is typed
``CompanySize | str`` in the attrs client and the pydantic model: a documented value
becomes the enum member, any other stays a plain ``str`` (``int`` for an integer enum),
and ``to_dict`` / ``model_dump`` give it back unchanged. Pydantic would pick ``str`` for
every value in its default smart mode, so those unions are validated left to right
(:func:`left_to_right_unions`). What only the client sends (request bodies, parameters)
keeps the strict enum: a typo there fails before it reaches the server. A schema the
server sends and the client also sends is one generated class, and it is lenient: parsing
an answer must not fail, and the server still checks what it receives.

Usage::

    python scripts/generate.py            # rewrite generated/
    python scripts/generate.py --check    # regenerate into a temporary folder; exit 1 on drift
    python scripts/generate.py comm100-v4 # only the named APIs
    python scripts/generate.py --specs DIR --output DIR  # other folders (the tests use temporary ones)

Exit status: 0 on success, 1 on drift, 2 on a user error (an unknown key, a spec that is
not readable YAML or is empty, a generator failure), with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import contextlib
import copy
import difflib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
BIN = Path(sys.executable).parent

# datamodel-code-generator's options: pydantic v2, Python 3.11 syntax, constraints as
# Field(...) arguments, nullable only where the spec says so, and no timestamp header.
MODEL_OPTIONS = (
    "--input-file-type", "openapi",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--disable-timestamp",
    "--use-annotated",
    "--field-constraints",
    "--strict-nullable",
    "--use-title-as-name",
    "--formatters", "ruff-format", "ruff-check",
    # Its options are these and no others: not a [tool.datamodel-codegen] table in a
    # pyproject.toml above the working folder (the temporary folder may lie in a clone).
    "--ignore-pyproject",
)  # fmt: skip

# Written into every scratch folder, where datamodel-code-generator runs its ruff passes
# (``ruff check --fix --unsafe-fixes -`` and ``ruff format -``, with no --isolated): ruff
# takes the nearest configuration above its working folder, else the user's own. An empty
# one there means ruff's defaults, the same on every machine and in every temporary folder.
_RUFF_DEFAULTS = "# ruff's defaults: see scripts/generate.py (_RUFF_DEFAULTS)\n"


class GenerationError(Exception):
    """A generator failed or a key is unknown; the message is one line for the user."""


# The names of a spec's secret properties, for the model template (written per spec).
_SECRETS_TEMPLATE = "partner_apis_secrets.jinja"

# A property named in the spec's secrets is declared with ``repr=False`` (the same
# default as openapi-python-client's own declaration would give it).
# It imports the names from _SECRETS_TEMPLATE.
_REPR_FREE_DECLARATION = """{% import "partner_apis_secrets.jinja" as partner_apis_secrets %}
{% macro partner_apis_declaration(property) -%}
{%- if property.name in partner_apis_secrets.names -%}
{{ property.python_name }}: {{ property.get_type_string().as_unembedded_code() }} = _attrs_field(repr=False
{%- if property.default is not none %}, default={{ property.default.python_code.as_unembedded_code() }}
{%- elif not property.required %}, default=UNSET{% endif %})
{%- else -%}
{{ property.to_string() | as_unembedded_code }}
{%- endif -%}
{%- endmacro %}

"""

_DECLARE_PROPERTY = "{% macro declare_property(property) %}"

# Each template's text to find (exactly as often as said), and what replaces it, applied in turn.
TEMPLATE_PATCHES: dict[str, list[tuple[str, str, int]]] = {
    # In this order: the macro the second inserts holds the text the first replaces.
    "model.py.jinja": [
        ("{{ property.to_string() | as_unembedded_code }}", "{{ partner_apis_declaration(property) }}", 2),
        (_DECLARE_PROPERTY, _REPR_FREE_DECLARATION + _DECLARE_PROPERTY, 1),
    ],
    "client.py.jinja": [
        (
            '"token": namespace(type="str", default="",',
            '"token": namespace(type="str", default="field(repr=False)",',
            1,
        ),
    ],
}


def secret_properties(spec: Any) -> list[str]:
    """The names of the properties ``spec`` marks ``format: password`` anywhere, sorted."""

    def secret(schema: Any) -> bool:
        if not isinstance(schema, dict):
            return False
        parts = [part for key in ("anyOf", "oneOf", "allOf") for part in schema.get(key, [])]
        return schema.get("format") == "password" or any(secret(part) for part in parts)

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                yield from (name for name, schema in properties.items() if secret(schema))
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    return sorted(set(walk(spec)))


def write_templates(key: str, folder: Path, specs: Path = SPECS) -> Path:
    """Write the patched openapi-python-client templates for ``key`` (its spec in ``specs``) into ``folder``; return it.

    Raises GenerationError when a template no longer holds the text a patch replaces, or
    the spec cannot be read.
    """
    import openapi_python_client

    upstream = Path(openapi_python_client.__file__).parent / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for name, patches in TEMPLATE_PATCHES.items():
        text = (upstream / name).read_text(encoding="utf-8")
        for old, new, count in patches:
            if text.count(old) != count:
                raise GenerationError(
                    f"openapi-python-client's {name} holds {text.count(old)} of the {count} texts"
                    f" scripts/generate.py patches ({old!r}): update TEMPLATE_PATCHES for this version"
                )
            text = text.replace(old, new)
        (folder / name).write_text(text, encoding="utf-8")
    spec = load_spec(specs / f"{key}.yaml")
    (folder / _SECRETS_TEMPLATE).write_text(
        "{% set names = " + json.dumps(secret_properties(spec)) + " %}\n", encoding="utf-8"
    )
    return folder


# -- Unknown enum values in what the server sends ------------------------------------------------

_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})

# Keys that describe a schema slot rather than its values: a widened slot moves them onto
# the union, where both generators read a property's description and default.
_SLOT_ANNOTATIONS = ("description", "default", "deprecated", "readOnly", "writeOnly", "examples", "example")

# The JSON type of an enum's values, for an enum that declares no ``type`` (exact types:
# a bool is an int to isinstance).
_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}

# The plain types an unknown value can be kept as; an unknown boolean or object is not a thing.
_KEPT_TYPES = frozenset({"string", "integer", "number"})


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _pointer(spec: Any, ref: str) -> Any:
    """The node a local reference (``#/components/schemas/Site``) names; raises GenerationError when none."""
    node = spec
    for part in ref[2:].split("/") if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise GenerationError(f"$ref {ref} names nothing in the spec")
    return node


def _target(spec: Any, node: Any) -> Any:
    """``node`` with its chain of local ``$ref`` followed; raises GenerationError on a cycle or a dangling one."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(ref := node.get("$ref"), str) and ref.startswith("#"):
        if ref in seen:
            raise GenerationError(f"$ref {ref} refers to itself")
        seen.add(ref)
        node = _pointer(spec, ref)
    return node


def unknown_value_schema(spec: Any, schema: Any) -> dict[str, str] | None:
    """The schema an unknown value of the enum ``schema`` is kept as, such as ``{"type": "string"}``.

    None when ``schema`` (its ``$ref`` followed) is no enum of strings, integers or numbers.
    Raises GenerationError on a dangling or circular ``$ref``.
    """
    target = _target(spec, schema)
    if not isinstance(target, dict) or not isinstance(values := target.get("enum"), list):
        return None
    declared = target.get("type")
    if isinstance(declared, str):
        types = {declared}
    elif isinstance(declared, list):
        types = set(declared)
    else:
        types = {_JSON_TYPES.get(type(value), "other") for value in values if value is not None}
    types.discard("null")
    if len(types) != 1 or not types <= _KEPT_TYPES:
        return None
    return {"type": types.pop()}


def _server_sent(spec: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each media type object whose schema the server sends, with its JSON pointer.

    That is every operation's responses (shared ones under ``components/responses`` through
    their ``$ref``), and the request bodies of callbacks and webhooks; a callback's own
    responses are the client's answers and are left out.
    """

    def media(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
        target = _target(spec, node)  # a response or request body may be a $ref
        content = target.get("content") if isinstance(target, dict) else None
        for name, medium in content.items() if isinstance(content, dict) else []:
            if isinstance(medium, dict) and "schema" in medium:
                yield f"{pointer}/content/{_escape(name)}", medium

    def operations(items: Any, pointer: str, *, answers: bool) -> Iterator[tuple[str, dict[str, Any]]]:
        for path, item in items.items() if isinstance(items, dict) else []:
            for method, operation in item.items() if isinstance(item, dict) else []:
                if method not in _METHODS or not isinstance(operation, dict):
                    continue
                here = f"{pointer}/{_escape(path)}/{method}"
                if answers:
                    for status, response in (operation.get("responses") or {}).items():
                        yield from media(response, f"{here}/responses/{status}")
                elif "requestBody" in operation:
                    yield from media(operation["requestBody"], f"{here}/requestBody")
                for name, callback in (operation.get("callbacks") or {}).items():
                    yield from operations(_target(spec, callback), f"{here}/callbacks/{_escape(name)}", answers=False)

    yield from operations(spec.get("paths"), "/paths", answers=True)
    yield from operations(spec.get("webhooks"), "/webhooks", answers=False)


def open_answer_enums(spec: Any) -> tuple[Any, list[str]]:
    """A copy of ``spec`` whose every enum the server sends also admits an unknown value; and where.

    Each schema slot reachable from :func:`_server_sent` (through ``$ref``, properties,
    items, ``additionalProperties``, ``prefixItems``, ``allOf``) that holds an enum becomes
    ``anyOf: [<the enum>, {"type": <its type>}]``; a union (``anyOf``/``oneOf``) with an enum
    member gains that plain member last. The enums themselves, and every schema only the
    client sends, are unchanged. Returns the copy and the JSON pointers of the widened slots.
    Raises GenerationError on a dangling or circular ``$ref``.
    """
    view = copy.deepcopy(spec)
    widened: list[str] = []
    visited: set[int] = set()

    def slot(holder: Any, key: Any, pointer: str) -> None:
        schema = holder[key]
        kept = unknown_value_schema(view, schema)
        if kept is not None and isinstance(schema, dict):
            union = {name: schema.pop(name) for name in _SLOT_ANNOTATIONS if name in schema}
            target = _target(view, schema)
            if "description" not in union and "description" in target:
                union["description"] = target["description"]
            holder[key] = {**union, "anyOf": [schema, kept]}
            widened.append(pointer)
        visit(schema, pointer)

    def visit(schema: Any, pointer: str) -> None:
        if not isinstance(schema, dict) or id(schema) in visited:
            return
        visited.add(id(schema))
        if isinstance(ref := schema.get("$ref"), str) and ref.startswith("#"):
            visit(_pointer(view, ref), ref[1:])
        for key in ("anyOf", "oneOf"):
            members = schema.get(key)
            if not isinstance(members, list):
                continue
            for kept in [unknown_value_schema(view, member) for member in members]:
                if kept is not None and kept not in members:
                    members.append(kept)
                    widened.append(f"{pointer}/{key}")
            for index, member in enumerate(members):
                visit(member, f"{pointer}/{key}/{index}")
        for key in ("allOf", "prefixItems"):
            members = schema.get(key)
            for index in range(len(members) if isinstance(members, list) else 0):
                slot(members, index, f"{pointer}/{key}/{index}")
        for key in ("properties", "patternProperties"):
            named = schema.get(key)
            for name in list(named) if isinstance(named, dict) else []:
                slot(named, name, f"{pointer}/{key}/{_escape(name)}")
        for key in ("items", "additionalProperties"):
            if isinstance(schema.get(key), dict):
                slot(schema, key, f"{pointer}/{key}")

    for pointer, medium in list(_server_sent(view)):
        slot(medium, "schema", f"{pointer}/schema")
    return view, widened


# Pydantic's "try the members in the order written": the enum before the plain type.
_LEFT_TO_RIGHT = 'union_mode="left_to_right"'
_ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum"})
_PLAIN_TYPES = frozenset({"str", "int", "float"})


def left_to_right_unions(source: str) -> str:
    """``source`` (a generated pydantic module) with each union of an enum and a plain type tried in order.

    Pydantic's default (smart) mode picks the member a value matches most exactly, and a
    known value is exactly a ``str``, so ``CompanySize | str`` would never give the enum
    member. A field typed by such a union gets ``union_mode="left_to_right"`` in its
    ``Field(...)`` (as datamodel-code-generator's own ``--union-mode`` writes it, but for
    these fields only); a union nested in a field's type (list items) becomes
    ``Annotated[<union>, Field(union_mode="left_to_right")]``. Returns the text unformatted.
    """
    tree = ast.parse(source)
    enums = {
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and any(isinstance(base, ast.Name) and base.id in _ENUM_BASES for base in node.bases)
    }
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def start(node: ast.expr) -> int:
        # ast columns count UTF-8 bytes.
        return starts[node.lineno - 1] + len(lines[node.lineno - 1].encode("utf-8")[: node.col_offset].decode("utf-8"))

    def end(node: ast.expr | ast.keyword) -> int:
        line, column = node.end_lineno or node.lineno, node.end_col_offset or 0  # ast.parse sets both
        return starts[line - 1] + len(lines[line - 1].encode("utf-8")[:column].decode("utf-8"))

    def members(node: ast.expr) -> list[ast.expr]:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return members(node.left) + members(node.right)
        return [node]

    def open_enum(node: ast.expr) -> bool:
        names = {part.id for part in members(node) if isinstance(part, ast.Name)}
        return bool(names & enums and names & _PLAIN_TYPES)

    insertions: list[tuple[int, str]] = []

    def wrap(node: ast.expr) -> None:
        insertions.extend([(start(node), "Annotated["), (end(node), f", Field({_LEFT_TO_RIGHT})]")])

    def nested(node: ast.expr) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                if not isinstance(node, ast.BinOp) and open_enum(child):
                    wrap(child)
                nested(child)

    def annotated(annotation: ast.expr) -> list[ast.expr]:
        # The arguments of an Annotated[...] annotation; none for any other.
        if (
            isinstance(annotation, ast.Subscript)
            and isinstance(annotation.value, ast.Name)
            and annotation.value.id == "Annotated"
            and isinstance(annotation.slice, ast.Tuple)
        ):
            return annotation.slice.elts
        return []

    def field(annotation: ast.expr) -> None:
        parts = annotated(annotation)
        if parts and open_enum(parts[0]):
            calls = [part for part in parts[1:] if isinstance(part, ast.Call)]
            call = next((c for c in calls if isinstance(c.func, ast.Name) and c.func.id == "Field"), None)
            if call is None:
                raise GenerationError(f"line {annotation.lineno} of a generated model: Annotated without Field(...)")
            arguments: list[ast.expr | ast.keyword] = [*call.args, *call.keywords]
            if arguments:
                insertions.append((max(end(argument) for argument in arguments), f", {_LEFT_TO_RIGHT}"))
            else:
                insertions.append((end(call) - 1, _LEFT_TO_RIGHT))
            nested(parts[0])
        elif open_enum(annotation):
            wrap(annotation)
            nested(annotation)
        else:
            nested(annotation)

    for model in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        for statement in model.body:
            if isinstance(statement, ast.AnnAssign):
                field(statement.annotation)
    text = source
    # From the end, so each offset still counts in the text before it; the inserted texts at
    # one offset are identical, so their order there does not matter.
    for offset, inserted in sorted(insertions, key=lambda insertion: insertion[0], reverse=True):
        text = text[:offset] + inserted + text[offset:]
    if insertions:
        text = _with_imports(text, tree, {"typing": "Annotated", "pydantic": "Field"})
    return text


def _with_imports(text: str, tree: ast.Module, needed: dict[str, str]) -> str:
    """``text`` with a ``from <module> import <name>`` line for each name ``tree`` does not import.

    The lines go before the first import after ``from __future__``; the caller sorts them in.
    """
    imported = {
        (node.module, alias.name) for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    missing = "".join(
        f"from {module} import {name}\n" for module, name in needed.items() if (module, name) not in imported
    )
    if not missing:
        return text
    imports = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    future = [node for node in imports if isinstance(node, ast.ImportFrom) and node.module == "__future__"]
    others = [node for node in imports if node not in future]
    # Line numbers still hold: the union rewrite adds no line.
    at = others[0].lineno - 1 if others else (future[-1].end_lineno or 0) if future else 0
    lines = text.splitlines(keepends=True)
    return "".join(lines[:at]) + missing + "".join(lines[at:])


def package_name(key: str) -> str:
    """The import name of the generated client for ``key`` (``comm100-v4`` -> ``comm100_v4_client``)."""
    return key.replace("-", "_") + "_client"


def all_keys(specs: Path = SPECS) -> list[str]:
    """The API keys: the names of the ``*.yaml`` files in ``specs``, sorted."""
    return sorted(path.stem for path in specs.glob("*.yaml"))


def load_spec(path: Path) -> dict[str, Any]:
    """The OpenAPI document in the YAML file ``path``.

    Raises GenerationError, with a one-line message naming the file, when it cannot be
    read, is not YAML, is empty, or is not an OpenAPI document (a mapping with ``openapi``).
    """
    name = f"{path.parent.name}/{path.name}"  # as specs/<key>.yaml, whatever the folder's full path
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GenerationError(f"{name}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise GenerationError(f"{name}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or type(error).__name__
        raise GenerationError(f"{name}: not valid YAML{where}: {problem}") from None
    if document is None:
        raise GenerationError(f"{name}: empty, where an OpenAPI document was expected")
    if not isinstance(document, dict) or "openapi" not in document:
        raise GenerationError(f"{name}: not an OpenAPI document (no top-level `openapi` field)")
    return document


def _use_pinned_tools() -> None:
    # The tools' own directory first on PATH, so their post-hooks find the pinned ruff.
    os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


def _tool_main(tool: str, argv: list[str]) -> int:
    """Run a generator's command line in this process; its exit status."""
    if tool == "openapi-python-client":
        import click
        from openapi_python_client.cli import app

        try:
            app(argv, standalone_mode=False)
        except click.exceptions.Exit as done:
            return done.exit_code
        except click.ClickException as error:
            error.show()
            return error.exit_code
        return 0
    from datamodel_code_generator.__main__ import main

    return int(main(argv))


def _one_line(text: str, limit: int = 600) -> str:
    """``text``'s non-blank lines joined with `` | ``, its last ``limit`` characters."""
    return " | ".join(line.strip() for line in text.splitlines() if line.strip())[-limit:]


def _run(tool: str, argv: list[str], cwd: Path) -> None:
    """Run one generator with ``argv``, in this (worker) process; raises GenerationError on failure.

    In-process rather than a fresh interpreter per call: the generators' imports cost as
    much as their work, and a worker pays them once.
    """
    output = io.StringIO()
    os.chdir(cwd)
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            code = _tool_main(tool, argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except Exception as error:  # a generator's crash is reported in one line
            raise GenerationError(f"{tool} failed: {type(error).__name__}: {_one_line(str(error))}") from None
    text = output.getvalue()
    # openapi-python-client reports spec problems as warnings and still exits 0.
    if code != 0 or "Warning(s) encountered" in text or "Error(s) encountered" in text:
        raise GenerationError(f"{tool} failed: {_one_line(text)}")


def _ruff(args: list[str], source: str) -> str:
    """``source`` passed through the pinned ruff (``ruff <args> -``, no configuration read); raises GenerationError."""
    result = subprocess.run(
        [str(BIN / "ruff"), *args, "--isolated", "--no-cache", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise GenerationError(f"ruff {args[0]} failed: {_one_line(result.stderr or result.stdout)}")
    return result.stdout


def generate_client(key: str, out: Path, scratch: Path) -> None:
    """Write the openapi-python-client package for ``key`` to ``out/<key>_client``.

    ``scratch`` holds what :func:`prepare` wrote for ``key``: the spec as the generators
    read it and the patched templates.
    """
    name = package_name(key)
    config = scratch / f"{name}.json"
    config.write_text(
        json.dumps(
            {
                "project_name_override": key,
                "package_name_override": name,
                "package_version_override": "0.1.0",
                # --isolated: the same formatting in generated/ and in a temporary folder,
                # whatever ruff configuration lies above the output path.
                "post_hooks": [
                    "ruff check . --isolated --no-cache --fix-only --extend-select=I --quiet",
                    "ruff format . --isolated --no-cache --quiet",
                ],
            }
        ),
        encoding="utf-8",
    )
    target = out / name
    _run(
        "openapi-python-client",
        [
            "generate",
            "--path",
            str(scratch / "spec" / f"{key}.yaml"),
            "--output-path",
            str(target),
            "--meta",
            "none",
            "--overwrite",
            "--config",
            str(config),
            "--custom-template-path",
            str(scratch / "templates"),
        ],  # fmt: skip
        cwd=scratch,
    )
    (target / "py.typed").write_text("", encoding="utf-8")


def generate_models(key: str, out: Path, scratch: Path) -> None:
    """Write the datamodel-code-generator module for ``key`` to ``out/models/<key>.py``.

    ``scratch`` holds the spec as :func:`prepare` wrote it. Unions of an enum and the plain
    type of its unknown values are then made to validate left to right (:func:`left_to_right_unions`).
    """
    models = out / "models"
    models.mkdir(parents=True, exist_ok=True)
    module = f"{key.replace('-', '_')}.py"
    spec = scratch / "spec"
    # Written in the scratch folder first, where its ruff passes read the empty ruff.toml
    # (see _RUFF_DEFAULTS) rather than whatever configuration lies above the output.
    _run(
        "datamodel-codegen",
        ["--input", str(spec / f"{key}.yaml"), "--output", str(scratch / module), *MODEL_OPTIONS],
        cwd=scratch,
    )
    # The module header names the input file only; drop any absolute path a version may add.
    text = (scratch / module).read_text(encoding="utf-8").replace(str(spec) + os.sep, "")
    # The same formatting as the generator's own ruff pass (no configuration), imports sorted in.
    text = _ruff(["format"], _ruff(["check", "--fix-only", "--select=I", "--quiet"], left_to_right_unions(text)))
    (models / module).write_text(text, encoding="utf-8")


def prepare(key: str, scratch: Path, specs: Path = SPECS) -> None:
    """Write what the generators read for ``key`` into ``scratch``: the spec and the patched templates.

    The spec is :func:`open_answer_enums`' view of ``specs/<key>.yaml``, under the same file
    name. Raises GenerationError when the spec cannot be read or a template patch fails.
    """
    view, _ = open_answer_enums(load_spec(specs / f"{key}.yaml"))
    (scratch / "spec").mkdir(parents=True, exist_ok=True)
    (scratch / "ruff.toml").write_text(_RUFF_DEFAULTS, encoding="utf-8")
    (scratch / "spec" / f"{key}.yaml").write_text(
        yaml.safe_dump(view, sort_keys=False, allow_unicode=True, width=1_000_000), encoding="utf-8"
    )
    write_templates(key, scratch / "templates", specs)


def write_models_package(out: Path, keys: Sequence[str]) -> None:
    models = out / "models"
    models.mkdir(parents=True, exist_ok=True)
    names = ", ".join(key.replace("-", "_") for key in keys)
    (models / "__init__.py").write_text(
        f'"""Pydantic v2 models generated from specs/ by datamodel-code-generator: {names}."""\n',
        encoding="utf-8",
    )
    (models / "py.typed").write_text("", encoding="utf-8")


def generate(out: Path, keys: Sequence[str], specs: Path = SPECS, workers: int | None = None) -> None:
    """Generate every client and models module for ``keys`` (specs in ``specs``) under ``out``.

    Every spec is read and prepared first, so a spec that cannot be read stops the run
    before anything is written. The jobs then run in ``workers`` worker processes (default:
    as many as there are cores), each running several jobs in turn in-process: each job
    writes only its own files, and no job's output depends on what ran before it in its
    process (the tests generate in other orders and layouts and compare), so the output
    does not depend on which process runs which job, nor on the order they end. Raises
    GenerationError.
    """
    with tempfile.TemporaryDirectory(prefix="partner-apis-gen-") as scratch:
        jobs = []
        for key in keys:
            folder = Path(scratch) / key
            prepare(key, folder, specs)
            jobs += [(generate_client, key, folder), (generate_models, key, folder)]
        (out / "models").mkdir(parents=True, exist_ok=True)
        processes = min(len(jobs), workers or os.cpu_count() or 2)
        with concurrent.futures.ProcessPoolExecutor(max_workers=processes, initializer=_use_pinned_tools) as pool:
            futures = [pool.submit(job, key, out, folder) for job, key, folder in jobs]
            for future in futures:
                future.result()  # re-raises a job's GenerationError
    write_models_package(out, all_keys(specs))


_DIFFERS = " (differs)"


def drift(expected: Path, actual: Path) -> list[str]:
    """List what differs between two generated trees (``expected`` is generated/), relative to them, sorted.

    Files are compared byte for byte (never by size and time, as ``filecmp`` does by
    default); a folder on one side only is one entry; ``__pycache__`` is left out.
    """
    differences: list[str] = []

    def entries(folder: Path) -> dict[str, bool]:
        return {path.name: path.is_dir() for path in folder.iterdir() if path.name != "__pycache__"}

    def walk(left: Path, right: Path, prefix: str) -> None:
        mine, theirs = entries(left), entries(right)
        differences.extend(f"{prefix}{name} (only in generated/)" for name in mine.keys() - theirs.keys())
        differences.extend(f"{prefix}{name} (missing from generated/)" for name in theirs.keys() - mine.keys())
        for name in mine.keys() & theirs.keys():
            if mine[name] and theirs[name]:
                walk(left / name, right / name, f"{prefix}{name}/")
            elif mine[name] != theirs[name]:
                differences.append(f"{prefix}{name} (a folder on one side, a file on the other)")
            elif (left / name).read_bytes() != (right / name).read_bytes():
                differences.append(f"{prefix}{name}{_DIFFERS}")

    walk(expected, actual, "")
    return sorted(differences)


def drift_diffs(expected: Path, actual: Path, differences: Sequence[str], files: int = 3, lines: int = 60) -> str:
    """The unified diffs (generated/ against the fresh output) of the first ``files`` files that differ.

    Each diff is cut after ``lines`` lines, saying how many more there were: enough to see
    at once whether a drift is a forgotten regeneration or output that changed by itself.
    """
    shown: list[str] = []
    for entry in [entry for entry in differences if entry.endswith(_DIFFERS)][:files]:
        name = entry.removesuffix(_DIFFERS)
        old, new = ((root / name).read_text(encoding="utf-8", errors="replace") for root in (expected, actual))
        diff = list(
            difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True), f"generated/{name}", f"fresh/{name}"
            )
        )
        text = "".join(line if line.endswith("\n") else line + "\n" for line in diff[:lines])
        if len(diff) > lines:
            text += f"... ({len(diff) - lines} more diff lines)\n"
        shown.append(text)
    return "".join(shown)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status (0 done, 1 drift, 2 a one-line error on stderr)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", nargs="*", help="APIs to regenerate (default: every spec)")
    parser.add_argument("--check", action="store_true", help="fail if the output differs from a fresh run")
    parser.add_argument("--specs", type=Path, default=SPECS, help="the folder of <key>.yaml specs (default: specs/)")
    parser.add_argument("--output", type=Path, default=GENERATED, help="the generated tree (default: generated/)")
    args = parser.parse_args(argv)
    specs: Path = args.specs
    output: Path = args.output
    known = all_keys(specs)
    keys = args.keys or known
    unknown = sorted(set(keys) - set(known))
    try:
        if unknown:
            raise GenerationError(f"unknown API key(s): {', '.join(unknown)}; known: {', '.join(known)}")
        if not keys:
            raise GenerationError(f"no specs (*.yaml) in {specs}")
        if args.check:
            with tempfile.TemporaryDirectory(prefix="partner-apis-check-") as fresh:
                generate(Path(fresh), known, specs)
                differences = drift(output, Path(fresh))
                diffs = drift_diffs(output, Path(fresh), differences)
            if differences:
                # Everything a reader needs to tell a forgotten regeneration from output that
                # changed by itself, in the one place a CI log keeps.
                print("generated/ differs from what the generators write:", file=sys.stderr)
                for line in differences:
                    print(f"  {line}", file=sys.stderr)
                print(diffs, end="", file=sys.stderr)
                print("run `nox -s generate` and commit the result", file=sys.stderr)
                return 1
            print(f"generated/ matches specs/ ({len(keys)} APIs)")
            return 0
        for key in keys:  # every spec is readable before any old output goes
            open_answer_enums(load_spec(specs / f"{key}.yaml"))
        for key in keys:
            shutil.rmtree(output / package_name(key), ignore_errors=True)
        generate(output, keys, specs)
    except GenerationError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    print(f"generated {len(keys)} API(s): {', '.join(keys)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
