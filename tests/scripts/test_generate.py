"""The generator: generated/ is exactly what the pinned generators write from specs/, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "generate.py"
sys.path.insert(0, str(ROOT / "scripts"))

import generate  # noqa: E402


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_the_committed_generated_tree_matches_a_fresh_generation() -> None:
    result = _run("--check")
    assert result.returncode == 0, result.stderr


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    generate.generate(first, ["comm100-v4"])
    generate.generate(second, ["comm100-v4"])
    assert generate.drift(first, second) == []


def test_the_output_does_not_depend_on_which_process_runs_which_job(tmp_path: Path) -> None:
    # The check runs the jobs in worker processes, each running several in turn in-process,
    # and which worker gets which job changes from run to run. A generator that kept state
    # from one run to the next (a module-level cache, the working folder, the environment)
    # would make a job's output depend on the jobs its process ran before. Here every job
    # runs in one process, in the reverse order: the output is still generated/, byte for byte.
    generate.generate(tmp_path, list(reversed(generate.all_keys())), workers=1)
    assert generate.drift(ROOT / "generated", tmp_path) == []


def test_configuration_around_the_temporary_folder_or_the_users_changes_nothing(tmp_path: Path) -> None:
    # nox points TMPDIR inside the clone, under the project's own ruff settings, and a
    # developer may keep their own ruff settings: neither may reach the generators'
    # formatting or datamodel-code-generator's options.
    hostile = "[tool.ruff]\nline-length = 60\n[tool.ruff.lint]\nselect = ['ALL']\n"
    hostile += "[tool.datamodel-codegen]\ncapitalise-enum-members = true\nuse-schema-description = true\n"
    (tmp_path / "pyproject.toml").write_text(hostile, encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    (tmp_path / "xdg" / "ruff").mkdir(parents=True)
    (tmp_path / "xdg" / "ruff" / "ruff.toml").write_text("line-length = 60\n[lint]\nselect = ['ALL']\n", "utf-8")
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0, result.stderr


def test_the_check_prints_what_drifted_and_how(tmp_path: Path) -> None:
    # A failed check in CI must be readable from its log alone: the files, then their diffs.
    copy = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", copy, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy / "comm100_v4_client" / "client.py"
    edited.write_text(edited.read_text(encoding="utf-8").replace("class Client", "class Klient", 1), encoding="utf-8")
    result = _run("--check", "--output", str(copy))
    assert result.returncode == 1
    assert "  comm100_v4_client/client.py (differs)\n" in result.stderr
    assert "--- generated/comm100_v4_client/client.py\n+++ fresh/comm100_v4_client/client.py\n" in result.stderr
    assert "\n-class Klient" in result.stderr
    assert "\n+class Client" in result.stderr
    assert result.stderr.endswith("run `nox -s generate` and commit the result\n")


def test_files_of_the_same_size_and_time_are_still_compared_byte_for_byte(tmp_path: Path) -> None:
    for side, text in (("left", "x = 1\n"), ("right", "x = 2\n")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "module.py").write_text(text, encoding="utf-8")
        os.utime(tmp_path / side / "module.py", (1_000_000_000, 1_000_000_000))
    assert generate.drift(tmp_path / "left", tmp_path / "right") == ["module.py (differs)"]


def test_a_long_diff_is_cut_after_its_first_lines_saying_how_many_more(tmp_path: Path) -> None:
    for side, value in (("left", 1), ("right", 2)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "module.py").write_text("".join(f"x{n} = {value}\n" for n in range(50)), "utf-8")
    text = generate.drift_diffs(tmp_path / "left", tmp_path / "right", ["module.py (differs)"], lines=10)
    assert text.splitlines()[:3] == ["--- generated/module.py", "+++ fresh/module.py", "@@ -1,50 +1,50 @@"]
    assert len(text.splitlines()) == 11
    assert text.endswith("... (93 more diff lines)\n")


def test_a_hand_edit_is_reported_as_drift(tmp_path: Path) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", copy, ignore=shutil.ignore_patterns("__pycache__"))
    fresh = tmp_path / "fresh"
    shutil.copytree(copy, fresh)
    edited = copy / "comm100_v4_client" / "client.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    (copy / "comm100_v4_client" / "extra.py").write_text("", encoding="utf-8")
    assert generate.drift(copy, fresh) == [
        "comm100_v4_client/client.py (differs)",
        "comm100_v4_client/extra.py (only in generated/)",
    ]


def test_an_unknown_key_is_a_one_line_error_with_exit_2() -> None:
    result = _run("no-such-api")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "unknown API key(s): no-such-api" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("key", generate.all_keys())
def test_every_spec_has_a_committed_client_and_models(key: str) -> None:
    assert (ROOT / "generated" / generate.package_name(key) / "py.typed").is_file()
    assert (ROOT / "generated" / "models" / f"{key.replace('-', '_')}.py").is_file()


def test_secret_properties_are_those_marked_format_password_at_any_depth() -> None:
    spec = {
        "components": {
            "schemas": {
                "Grant": {"properties": {"password": {"type": "string", "format": "password"}, "user": {}}},
                "Holder": {
                    "properties": {
                        "inner": {"properties": {"token": {"anyOf": [{"type": "null"}, {"format": "password"}]}}},
                        "note": {"type": "string", "format": "email"},
                    }
                },
            }
        }
    }
    assert generate.secret_properties(spec) == ["password", "token"]


def test_a_generator_template_without_the_patched_text_fails_generation_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new openapi-python-client whose templates changed must not silently drop the patch.
    patches = {"model.py.jinja": [("text no template holds", "", 1)]}
    monkeypatch.setattr(generate, "TEMPLATE_PATCHES", patches)
    with pytest.raises(generate.GenerationError) as raised:
        generate.write_templates("comm100-v4", tmp_path)
    message = str(raised.value)
    assert "\n" not in message
    assert "model.py.jinja holds 0 of the 1 texts" in message
    assert "update TEMPLATE_PATCHES" in message


# -- Unknown enum values in answers (the generators' view of a spec) ------------------------------

_SIZE = {"type": "string", "title": "Size", "description": "How big.", "enum": ["S", "M"]}
_FLAG = {"type": "integer", "title": "Flag", "enum": [0, 1]}


def _spec_with_enums() -> dict[str, Any]:
    thing = {"$ref": "#/components/schemas/Thing"}
    return {
        "openapi": "3.1.0",
        "paths": {
            "/things": {
                "get": {"responses": {"200": {"$ref": "#/components/responses/Things"}}},
                "post": {
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}
                    },
                    "responses": {"201": {"content": {"application/json": {"schema": thing}}}},
                    "callbacks": {
                        "done": {
                            "{$request.body#/url}": {
                                "post": {
                                    "requestBody": {
                                        "content": {
                                            "application/json": {"schema": {"$ref": "#/components/schemas/Event"}}
                                        }
                                    },
                                    "responses": {
                                        "200": {
                                            "content": {
                                                "application/json": {"schema": {"$ref": "#/components/schemas/Ack"}}
                                            }
                                        }
                                    },
                                }
                            }
                        }
                    },
                },
            }
        },
        "components": {
            "responses": {"Things": {"content": {"application/json": {"schema": {"type": "array", "items": thing}}}}},
            "schemas": {
                "Size": _SIZE,
                "Flag": _FLAG,
                "Thing": {
                    "type": "object",
                    "properties": {
                        "size": {"$ref": "#/components/schemas/Size"},
                        "sizes": {"type": "array", "items": {"$ref": "#/components/schemas/Size"}},
                        "flag": {"$ref": "#/components/schemas/Flag", "default": 1},
                        "either": {"anyOf": [{"$ref": "#/components/schemas/Size"}, {"type": "null"}]},
                        "inline": {"type": ["string", "null"], "enum": ["a", "b", None]},
                        "name": {"type": "string"},
                    },
                },
                "Order": {"type": "object", "properties": {"size": {"$ref": "#/components/schemas/Size"}}},
                "Event": {"type": "object", "properties": {"flag": {"$ref": "#/components/schemas/Flag"}}},
                "Ack": {"type": "object", "properties": {"size": {"$ref": "#/components/schemas/Size"}}},
            },
        },
    }


def test_every_enum_the_server_sends_admits_an_unknown_value_of_its_type() -> None:
    spec = _spec_with_enums()
    view, widened = generate.open_answer_enums(spec)
    thing = view["components"]["schemas"]["Thing"]["properties"]
    size = {"$ref": "#/components/schemas/Size"}
    # The slot becomes a union; the enum's description goes with it (the generators' docs read it there).
    assert thing["size"] == {"description": "How big.", "anyOf": [size, {"type": "string"}]}
    assert thing["sizes"]["items"] == {"description": "How big.", "anyOf": [size, {"type": "string"}]}
    # An integer enum keeps an unknown integer; a slot's default moves to the union.
    assert thing["flag"] == {"default": 1, "anyOf": [{"$ref": "#/components/schemas/Flag"}, {"type": "integer"}]}
    # A union with an enum member gains the plain member last.
    assert thing["either"] == {"anyOf": [size, {"type": "null"}, {"type": "string"}]}
    assert thing["inline"]["anyOf"] == [{"type": ["string", "null"], "enum": ["a", "b", None]}, {"type": "string"}]
    assert thing["name"] == {"type": "string"}
    # A callback's body is sent by the server; a callback's answer and a request body by the client.
    assert view["components"]["schemas"]["Event"]["properties"]["flag"]["anyOf"][1] == {"type": "integer"}
    assert view["components"]["schemas"]["Ack"]["properties"]["size"] == size
    assert view["components"]["schemas"]["Order"]["properties"]["size"] == size
    # The enums themselves still list the documented values, and the spec is not changed.
    assert view["components"]["schemas"]["Size"] == _SIZE
    assert spec == _spec_with_enums()
    assert widened == [
        "/components/schemas/Thing/properties/size",
        "/components/schemas/Thing/properties/sizes/items",
        "/components/schemas/Thing/properties/flag",
        "/components/schemas/Thing/properties/either/anyOf",
        "/components/schemas/Thing/properties/inline",
        "/components/schemas/Event/properties/flag",
    ]


def test_an_answer_whose_whole_body_is_an_enum_is_widened_too() -> None:
    spec = {
        "openapi": "3.1.0",
        "paths": {"/size": {"get": {"responses": {"200": {"content": {"text/plain": {"schema": dict(_SIZE)}}}}}}},
    }
    view, widened = generate.open_answer_enums(spec)
    assert view["paths"]["/size"]["get"]["responses"]["200"]["content"]["text/plain"]["schema"]["anyOf"][1] == {
        "type": "string"
    }
    assert widened == ["/paths/~1size/get/responses/200/content/text~1plain/schema"]


def test_a_dangling_ref_in_an_answer_is_a_one_line_generation_error() -> None:
    spec = {
        "openapi": "3.1.0",
        "paths": {"/x": {"get": {"responses": {"200": {"$ref": "#/components/responses/Gone"}}}}},
    }
    with pytest.raises(
        generate.GenerationError, match=r"^\$ref #/components/responses/Gone names nothing in the spec$"
    ):
        generate.open_answer_enums(spec)


_MODULE = """from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field


class Size(StrEnum):
    S = "S"


class Thing(BaseModel):
    size: Annotated[Size | str | None, Field(description="How big.")] = None
    bare: Size | str
    sizes: list[Size | str] | None = None
    plain: Annotated[int | str, Field(description="No enum here.")]
    only: Size
"""


def test_a_pydantic_union_of_an_enum_and_its_plain_type_is_validated_left_to_right(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = generate.left_to_right_unions(_MODULE)
    assert (
        'size: Annotated[Size | str | None, Field(description="How big.", union_mode="left_to_right")] = None' in text
    )
    assert 'bare: Annotated[Size | str, Field(union_mode="left_to_right")]' in text
    assert 'sizes: list[Annotated[Size | str, Field(union_mode="left_to_right")]] | None = None' in text
    # Unions without an enum, and enums without a plain type, are left as they are.
    assert 'plain: Annotated[int | str, Field(description="No enum here.")]' in text
    assert "only: Size\n" in text
    # As a module: a known value becomes the enum member, any other stays a plain str.
    module = types.ModuleType("partner_apis_test_lenient_models")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 - this test's own module text
    thing = module.Thing.model_validate({"size": "S", "bare": "L", "sizes": ["S", "XL"], "plain": 1, "only": "S"})
    assert thing.size is module.Size.S
    assert type(thing.bare) is str
    assert thing.sizes[0] is module.Size.S
    assert type(thing.sizes[1]) is str


def test_left_to_right_unions_imports_what_it_writes() -> None:
    module = (
        _MODULE.replace("from typing import Annotated\n", "")
        .replace('    size: Annotated[Size | str | None, Field(description="How big.")] = None\n', "")
        .replace('    plain: Annotated[int | str, Field(description="No enum here.")]\n', "")
    )
    text = generate.left_to_right_unions(module)
    assert "from typing import Annotated\n" in text
    assert text.index("from __future__ import annotations") < text.index("from typing import Annotated")
    assert generate.left_to_right_unions("from __future__ import annotations\n\nx = 1\n") == (
        "from __future__ import annotations\n\nx = 1\n"
    )


# -- Bad input: one line, exit 2, no traceback ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "openapi: 3.1.0\ninfo: {title: x\n  version: 1}\n",
            "not valid YAML at line 3, column 10: expected ',' or '}'",
        ),
        ("", "empty, where an OpenAPI document was expected"),
        ("# only a comment\n", "empty, where an OpenAPI document was expected"),
        ("- a\n- b\n", "not an OpenAPI document"),
        ("openapi: 3.1.0\n", "openapi-python-client failed: "),
    ],
    ids=["broken", "empty", "comment-only", "a-list", "no-paths"],
)
def test_a_spec_that_cannot_be_generated_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, text: str, message: str
) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "bad.yaml").write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    result = _run("--specs", str(specs), "--output", str(output))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("generate: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_bad_spec_stops_the_run_before_anything_is_removed_or_written(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(ROOT / "specs" / "comm100-v4.yaml", specs)
    (specs / "empty.yaml").write_text("", encoding="utf-8")
    output = tmp_path / "out"
    (output / "comm100_v4_client").mkdir(parents=True)
    (output / "comm100_v4_client" / "kept.py").write_text("", encoding="utf-8")
    result = _run("--specs", str(specs), "--output", str(output))
    assert result.returncode == 2
    assert "specs/empty.yaml: empty" in result.stderr
    assert sorted(path.name for path in output.rglob("*")) == ["comm100_v4_client", "kept.py"]


def test_a_generator_that_crashes_is_reported_in_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def crash(tool: str, argv: list[str]) -> int:
        raise RuntimeError("boom\nsecond line of the crash")

    monkeypatch.setattr(generate, "_tool_main", crash)
    monkeypatch.chdir(tmp_path)  # _run changes into its folder
    with pytest.raises(generate.GenerationError) as raised:
        generate._run("datamodel-codegen", [], tmp_path)
    assert str(raised.value) == "datamodel-codegen failed: RuntimeError: boom | second line of the crash"
