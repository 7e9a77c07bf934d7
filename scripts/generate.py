"""Regenerate generated/ from specs/: one client package and one models module per API.

openapi-python-client writes ``generated/<key>_client`` (attrs models over httpx), and
datamodel-code-generator writes ``generated/models/<key>.py`` (pydantic v2). Both are
pinned in pyproject's ``generate`` extra and run with fixed options and an isolated ruff,
so the same specs always give byte-identical output.

Secrets stay out of reprs. A spec marks every credential it carries (passwords, their
digests, tokens, client secrets) ``format: password``: datamodel-code-generator makes
those ``SecretStr`` itself, and openapi-python-client gets two of its own templates with
one change each (see :data:`TEMPLATE_PATCHES`): such a property, and the
``AuthenticatedClient``'s token, are declared ``repr=False``. Properties are matched by
name, so a name marked anywhere in a spec is left out of every repr of that API. The templates are the
pinned generator's own, patched as they are copied, so a new version whose templates
no longer hold the patched text fails generation instead of silently losing the change.

Usage::

    python scripts/generate.py            # rewrite generated/
    python scripts/generate.py --check    # regenerate into a temporary folder; exit 1 on drift
    python scripts/generate.py comm100-v4 # only the named APIs

Exit status: 0 on success, 1 on drift, 2 on a user error (an unknown key, a generator
failure), with a one-line message.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import filecmp
import io
import json
import os
import shutil
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
)  # fmt: skip


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


def write_templates(key: str, folder: Path) -> Path:
    """Write the patched openapi-python-client templates for ``key`` into ``folder``; return it.

    Raises GenerationError when a template no longer holds the text a patch replaces.
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
    spec = yaml.safe_load((SPECS / f"{key}.yaml").read_text(encoding="utf-8"))
    (folder / _SECRETS_TEMPLATE).write_text(
        "{% set names = " + json.dumps(secret_properties(spec)) + " %}\n", encoding="utf-8"
    )
    return folder


def package_name(key: str) -> str:
    """The import name of the generated client for ``key`` (``comm100-v4`` -> ``comm100_v4_client``)."""
    return key.replace("-", "_") + "_client"


def all_keys() -> list[str]:
    return sorted(path.stem for path in SPECS.glob("*.yaml"))


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
    text = output.getvalue()
    # openapi-python-client reports spec problems as warnings and still exits 0.
    if code != 0 or "Warning(s) encountered" in text or "Error(s) encountered" in text:
        tail = " | ".join(line for line in text.splitlines() if line.strip())[-600:]
        raise GenerationError(f"{tool} failed: {tail}")


def generate_client(key: str, out: Path, scratch: Path) -> None:
    """Write the openapi-python-client package for ``key`` to ``out/<key>_client``."""
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
            str(SPECS / f"{key}.yaml"),
            "--output-path",
            str(target),
            "--meta",
            "none",
            "--overwrite",
            "--config",
            str(config),
            "--custom-template-path",
            str(write_templates(key, scratch / "templates")),
        ],  # fmt: skip
        cwd=scratch,
    )
    (target / "py.typed").write_text("", encoding="utf-8")


def generate_models(key: str, out: Path, scratch: Path) -> None:
    """Write the datamodel-code-generator module for ``key`` to ``out/models/<key>.py``."""
    models = out / "models"
    models.mkdir(parents=True, exist_ok=True)
    module = f"{key.replace('-', '_')}.py"
    # Written in the scratch folder first: its formatters pick up the nearest ruff
    # configuration, and only a folder with none above it formats the same everywhere.
    _run(
        "datamodel-codegen",
        ["--input", str(SPECS / f"{key}.yaml"), "--output", str(scratch / module), *MODEL_OPTIONS],
        cwd=scratch,
    )
    # The module header names the input file only; drop any absolute path a version may add.
    text = (scratch / module).read_text(encoding="utf-8").replace(str(SPECS) + os.sep, "")
    (models / module).write_text(text, encoding="utf-8")


def write_models_package(out: Path, keys: Sequence[str]) -> None:
    models = out / "models"
    models.mkdir(parents=True, exist_ok=True)
    names = ", ".join(key.replace("-", "_") for key in keys)
    (models / "__init__.py").write_text(
        f'"""Pydantic v2 models generated from specs/ by datamodel-code-generator: {names}."""\n',
        encoding="utf-8",
    )
    (models / "py.typed").write_text("", encoding="utf-8")


def generate(out: Path, keys: Sequence[str]) -> None:
    """Generate every client and models module for ``keys`` under ``out``.

    The jobs run in worker processes, as many as there are cores: each job writes only
    its own files, so the output does not depend on the order they end.
    """
    (out / "models").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="partner-apis-gen-") as scratch:
        jobs = []
        for key in keys:
            folder = Path(scratch) / key
            folder.mkdir()
            jobs += [(generate_client, key, folder), (generate_models, key, folder)]
        workers = min(len(jobs), os.cpu_count() or 2)
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers, initializer=_use_pinned_tools) as pool:
            futures = [pool.submit(job, key, out, folder) for job, key, folder in jobs]
            for future in futures:
                future.result()  # re-raises a job's GenerationError
    write_models_package(out, all_keys())


def drift(expected: Path, actual: Path) -> list[str]:
    """List the files that differ between two generated trees, relative to them."""
    differences: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        differences.extend(f"{prefix}{name} (only in generated/)" for name in comparison.left_only)
        differences.extend(f"{prefix}{name} (missing from generated/)" for name in comparison.right_only)
        differences.extend(f"{prefix}{name} (differs)" for name in comparison.diff_files)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), "")
    return sorted(differences)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", nargs="*", help="APIs to regenerate (default: every spec)")
    parser.add_argument("--check", action="store_true", help="fail if generated/ differs from a fresh run")
    args = parser.parse_args(argv)
    keys = args.keys or all_keys()
    unknown = sorted(set(keys) - set(all_keys()))
    try:
        if unknown:
            raise GenerationError(f"unknown API key(s): {', '.join(unknown)}; known: {', '.join(all_keys())}")
        if args.check:
            with tempfile.TemporaryDirectory(prefix="partner-apis-check-") as fresh:
                generate(Path(fresh), all_keys())
                differences = drift(GENERATED, Path(fresh))
            if differences:
                print("generated/ differs from what the generators write:", file=sys.stderr)
                for line in differences:
                    print(f"  {line}", file=sys.stderr)
                print("run `nox -s generate` and commit the result", file=sys.stderr)
                return 1
            print(f"generated/ matches specs/ ({len(keys)} APIs)")
            return 0
        for key in keys:
            shutil.rmtree(GENERATED / package_name(key), ignore_errors=True)
        generate(GENERATED, keys)
    except GenerationError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    print(f"generated {len(keys)} API(s): {', '.join(keys)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
