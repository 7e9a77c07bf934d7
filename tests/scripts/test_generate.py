"""The generator: generated/ is exactly what the pinned generators write from specs/, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
