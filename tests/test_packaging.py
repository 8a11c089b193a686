"""Every data file kg reads at run time is installed with the package (pyproject.toml lists it)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _package_of(folder: Path, package_dirs: dict[str, str]) -> str | None:
    """The dotted package name a source folder is installed as, from the package-dir mapping."""
    rel = folder.relative_to(ROOT).as_posix()
    for package, directory in sorted(package_dirs.items(), key=lambda kv: -len(kv[1])):
        if rel == directory or rel.startswith(directory + "/"):
            rest = rel[len(directory) :].strip("/")
            return package + ("." + rest.replace("/", ".") if rest else "")
    return None


def _data_files() -> list[Path]:
    out = []
    for top in ("kg", "ontology"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
                out.append(path)
    return out


def test_packaging_every_data_file_is_installed():
    cfg = _setuptools()
    packages = set(cfg["packages"])
    data = cfg.get("package-data", {})
    missing = []
    for path in _data_files():
        package = _package_of(path.parent, cfg["package-dir"])
        globs = data.get(package, [])
        if package not in packages or not any(fnmatch.fnmatch(path.name, g) for g in globs):
            missing.append(f"{path.relative_to(ROOT)} (package {package})")
    assert not missing, "not installed by pip install .: " + ", ".join(missing)


def test_packaging_the_checks_see_the_assets_and_rules():
    names = {p.name for p in _data_files()}
    assert {"page.js", "ner.crfsuite", "kg.ttl", "relations.jsonl", "userdict.txt"} <= names
