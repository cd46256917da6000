"""Archive builders for the theme tests (gems, tarballs, zips made in memory)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Protocol


class Server(Protocol):
    """What the ``server`` fixture gives: its base URL, what it serves, request counts."""

    base: str
    files: dict[str, bytes]
    hits: dict[str, int]


# -- archive builders ---------------------------------------------------------------------
def tar_bytes(members: list[tarfile.TarInfo | tuple[str, bytes]], mode: str = "w:gz") -> bytes:
    """A tar archive: ``(name, data)`` pairs are regular files; TarInfo entries as given."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tar:  # type: ignore[call-overload]
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                tar.addfile(member)
            else:
                name, data = member
                info = tarfile.TarInfo(name)
                info.size = len(data)
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def zip_bytes(members: list[tuple[str, bytes]], links: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, target)
    return buf.getvalue()


def gemspec_yaml(name: str, version: str, deps: list[str]) -> str:
    """A ``metadata`` document shaped as RubyGems writes it (Ruby object tags included)."""
    lines = [
        "--- !ruby/object:Gem::Specification",
        f"name: {name}",
        "version: !ruby/object:Gem::Version",
        f"  version: {version}",
        "platform: ruby",
        "dependencies:",
    ]
    for dep in deps:
        lines += [
            "- !ruby/object:Gem::Dependency",
            f"  name: {dep}",
            "  requirement: !ruby/object:Gem::Requirement",
            "    requirements:",
            "    - - \"~>\"",
            "      - !ruby/object:Gem::Version",
            "        version: '1.0'",
            "  type: :runtime",
            "  prerelease: false",
        ]
    lines += [
        "- !ruby/object:Gem::Dependency",
        "  name: bundler",
        "  type: :development",
        "  prerelease: false",
        "files: []",
    ]
    return "\n".join(lines) + "\n"


def gem_bytes(name: str, version: str, data_tar_gz: bytes, deps: list[str] | None = None) -> bytes:
    """A ``.gem``: a plain tar of ``metadata.gz``, ``data.tar.gz`` and ``checksums.yaml.gz``."""
    meta = gzip.compress(gemspec_yaml(name, version, deps or []).encode())
    sums = gzip.compress(b"---\nSHA256: {}\n")
    return tar_bytes([("metadata.gz", meta), ("data.tar.gz", data_tar_gz),
                      ("checksums.yaml.gz", sums)], mode="w")


def publish_gem(server: Server, name: str, version: str, gem: bytes,
                sha: str | None = None) -> None:
    """Serve ``gem`` as RubyGems.org would: the versions API and /downloads/."""
    entries = json.loads(server.files.get(f"/api/v1/versions/{name}.json", b"[]"))
    entries.append({"number": version, "platform": "ruby", "prerelease": False,
                    "sha": sha or hashlib.sha256(gem).hexdigest()})
    server.files[f"/api/v1/versions/{name}.json"] = json.dumps(entries).encode()
    server.files[f"/downloads/{name}-{version}.gem"] = gem


def folder_tar_gz(root: Path, prefix: str = "") -> bytes:
    """``root``'s files as a tar.gz (names under ``prefix``)."""
    members: list[tarfile.TarInfo | tuple[str, bytes]] = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            members.append((prefix + path.relative_to(root).as_posix(), path.read_bytes()))
    return tar_bytes(members)
