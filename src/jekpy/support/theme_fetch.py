"""Download themes into jekpy's cache: ``jekpy theme install`` and ``remote_theme:``.

Both treat what they download as hostile:

* a ``.gem`` is only unpacked when its SHA-256 equals the one RubyGems.org's API
  publishes for that version;
* archives are never handed to ``tarfile.extractall``/``zipfile.extractall``:
  each member is checked (no absolute path, no ``..``, no link, device or FIFO),
  copied by hand with a byte budget (per file, in total, and a member count), into
  a temporary folder beside the final one, which is renamed into place only when
  everything is unpacked (an interrupted install leaves no half-written theme).

Network locations can be changed for mirrors and tests:

* ``JEKPY_RUBYGEMS_URL`` (default ``https://rubygems.org``): ``/api/v1/versions/NAME.json``
  and ``/downloads/NAME-VERSION.gem``;
* ``JEKPY_CODELOAD_URL`` (default ``https://codeload.github.com``):
  ``/OWNER/REPO/tar.gz/REF``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

import yaml

from ..errors import ArchiveError, ThemeError
from ..log import Logger
from ..version import __version__
from .themes import ThemeGem, compare_versions, is_prerelease, theme_cache, version_key

__all__ = [
    "Limits",
    "RemoteTheme",
    "extract_archive",
    "install_gem",
    "parse_remote_theme",
    "remote_theme_gem",
]

USER_AGENT = f"jekpy/{__version__} (+https://pypi.org/project/jekpy/)"
DEFAULT_RUBYGEMS = "https://rubygems.org"
DEFAULT_CODELOAD = "https://codeload.github.com"
TIMEOUT = 30.0


@dataclass(frozen=True)
class Limits:
    """How much one archive may hold once unpacked."""

    max_files: int = 20_000
    max_file_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 512 * 1024 * 1024
    max_download_bytes: int = 256 * 1024 * 1024


DEFAULT_LIMITS = Limits()


# -- safe unpacking ----------------------------------------------------------------------
def _member_path(name: str, strip: int, what: str) -> PurePosixPath | None:
    """The relative path a member may be written to (None: nothing left after strip).

    Raises :class:`ArchiveError` for a path that would leave the destination.
    """
    if "\x00" in name or "\\" in name:
        raise ArchiveError(
            f"{what} holds a member with an unsafe name {name!r}",
            hint="the archive is damaged or hostile; nothing was installed",
        )
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise ArchiveError(
            f"{what} holds a member with an absolute path {name!r}",
            hint="the archive is damaged or hostile; nothing was installed",
        )
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveError(
            f"{what} holds a member that climbs out of its folder with '..': {name!r}",
            hint="the archive is damaged or hostile; nothing was installed",
        )
    parts = parts[strip:]
    return PurePosixPath(*parts) if parts else None


class _Budget:
    def __init__(self, limits: Limits, what: str) -> None:
        self.limits = limits
        self.what = what
        self.files = 0
        self.total = 0

    def count(self) -> None:
        self.files += 1
        if self.files > self.limits.max_files:
            raise ArchiveError(
                f"{self.what} holds more than {self.limits.max_files} members",
                hint="the archive is too big for a theme; nothing was installed",
            )

    def check_size(self, name: str, size: int) -> None:
        """Refuse a member whose declared size is over the per-file limit."""
        if size > self.limits.max_file_bytes:
            raise ArchiveError(
                f"{self.what}: member {name!r} is larger than {self.limits.max_file_bytes} bytes",
                hint="the archive is too big for a theme; nothing was installed",
            )

    def copy(self, src: IO[bytes], dest: Path, name: str) -> None:
        size = 0
        with open(dest, "xb") as out:
            while True:
                chunk = src.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                self.total += len(chunk)
                if size > self.limits.max_file_bytes:
                    raise ArchiveError(
                        f"{self.what}: member {name!r} is larger than "
                        f"{self.limits.max_file_bytes} bytes",
                        hint="the archive is too big for a theme; nothing was installed",
                    )
                if self.total > self.limits.max_total_bytes:
                    raise ArchiveError(
                        f"{self.what} unpacks to more than {self.limits.max_total_bytes} bytes",
                        hint="the archive is too big for a theme; nothing was installed",
                    )
                out.write(chunk)


def _prepare(root: Path, rel: PurePosixPath, what: str) -> Path:
    """Create the parent folders of ``root/rel`` (refusing to go through anything
    that is not a real folder) and return the target path."""
    target = root
    for part in rel.parts[:-1]:
        target = target / part
        if target.is_symlink() or (target.exists() and not target.is_dir()):
            raise ArchiveError(
                f"{what}: {rel} needs {part!r} to be a folder, but it is a file",
                hint="the archive is damaged or hostile; nothing was installed",
            )
        target.mkdir(exist_ok=True)
    final = target / rel.parts[-1]
    if final.is_symlink() or final.is_dir():
        raise ArchiveError(
            f"{what}: {rel} is both a folder and a file",
            hint="the archive is damaged or hostile; nothing was installed",
        )
    if final.exists():
        final.unlink()  # a later member of the same name wins, as with tar
    return final


def _check_inside(root: Path, path: Path, what: str) -> None:
    real_root = os.path.realpath(root)
    if os.path.commonpath([real_root, os.path.realpath(path)]) != real_root:
        raise ArchiveError(
            f"{what}: member {path.name!r} would be written outside its folder",
            hint="the archive is damaged or hostile; nothing was installed",
        )


def _extract_tar(
    archive: tarfile.TarFile, root: Path, strip: int, budget: _Budget, log: Logger | None
) -> None:
    what = budget.what
    data_filter = getattr(tarfile, "data_filter", None)
    for member in archive:
        budget.count()
        rel = _member_path(member.name, strip, what)
        if member.issym() or member.islnk() or member.isdev() or member.isfifo():
            kind = "link" if (member.issym() or member.islnk()) else "device or FIFO"
            if log is not None:
                log.warn("Theme:", f"{what}: skipped {kind} {member.name!r}")
            continue
        if rel is None:
            continue
        if data_filter is not None and (member.isfile() or member.isdir()):
            try:
                data_filter(member, str(root))
            except tarfile.FilterError as err:
                raise ArchiveError(
                    f"{what}: member {member.name!r} refused ({err})",
                    hint="the archive is damaged or hostile; nothing was installed",
                ) from err
        if member.isdir():
            _make_folder(root, rel, what)
            continue
        if not member.isfile():
            continue  # pax headers and other metadata entries
        budget.check_size(member.name, member.size)
        target = _prepare(root, rel, what)
        _check_inside(root, target, what)
        src = archive.extractfile(member)
        if src is None:
            continue
        with src:
            budget.copy(src, target, member.name)
        os.chmod(target, 0o755 if member.mode & 0o111 else 0o644)


def _make_folder(root: Path, rel: PurePosixPath, what: str) -> None:
    """Create the archive's folder ``rel`` under ``root`` (never through a link)."""
    target = root.joinpath(*rel.parts)
    _check_inside(root, target.parent, what)
    if target.exists() and (target.is_symlink() or not target.is_dir()):
        raise ArchiveError(f"{what}: {rel} is both a file and a folder")
    target.mkdir(parents=True, exist_ok=True)


def _extract_zip(
    archive: zipfile.ZipFile, root: Path, strip: int, budget: _Budget, log: Logger | None
) -> None:
    what = budget.what
    for info in archive.infolist():
        budget.count()
        rel = _member_path(info.filename, strip, what)
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            if log is not None:
                log.warn("Theme:", f"{what}: skipped link or special file {info.filename!r}")
            continue
        if rel is None:
            continue
        if info.is_dir():
            _make_folder(root, rel, what)
            continue
        budget.check_size(info.filename, info.file_size)
        target = _prepare(root, rel, what)
        _check_inside(root, target, what)
        with archive.open(info) as src:
            budget.copy(src, target, info.filename)
        os.chmod(target, 0o755 if mode & 0o111 else 0o644)


def extract_archive(
    data: bytes,
    root: Path,
    *,
    what: str,
    strip: int = 0,
    limits: Limits = DEFAULT_LIMITS,
    log: Logger | None = None,
) -> None:
    """Unpack ``data`` (a zip, or a tar, plain or gzip-compressed) into the new folder ``root``.

    ``strip`` leading path components are dropped (codeload archives wrap everything
    in ``REPO-REF/``).  Raises :class:`ArchiveError` on anything unsafe or too big.
    """
    budget = _Budget(limits, what)
    root.mkdir(parents=True, exist_ok=False)
    try:
        if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
            with zipfile.ZipFile(io.BytesIO(data)) as zarchive:
                _extract_zip(zarchive, root, strip, budget, log)
        else:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tarchive:
                _extract_tar(tarchive, root, strip, budget, log)
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, gzip.BadGzipFile,
            zipfile.LargeZipFile, NotImplementedError, RuntimeError) as err:
        raise ArchiveError(
            f"{what} cannot be unpacked: {err}",
            hint="the download is damaged or not an archive; nothing was installed",
        ) from err


def _atomic_install(final: Path, fill: Any) -> None:
    """Build ``final`` in a temporary sibling with ``fill(tmp)``, then rename it in place."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent))
    try:
        staging = tmp / "x"
        fill(staging)
        if final.exists():
            shutil.rmtree(final)
        os.replace(staging, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- HTTP --------------------------------------------------------------------------------
def _base(env: Mapping[str, str], key: str, default: str) -> str:
    return (env.get(key) or default).rstrip("/")


class _HTTPStatusError(ThemeError):
    """The server answered with an HTTP error status (kept in ``status``)."""

    status = 0


def _get(url: str, what: str, limit: int) -> bytes:
    """GET ``url`` (redirects followed), at most ``limit`` bytes."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise ArchiveError(f"{what} is larger than {limit} bytes ({url})")
            data: bytes = response.read(limit + 1)
    except urllib.error.HTTPError as err:
        failure = _HTTPStatusError(
            f"cannot download {what}: HTTP {err.code} {err.reason} from {url}",
            hint="the server refused the request; try again later if it persists",
        )
        failure.status = err.code
        raise failure from err
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise ThemeError(
            f"cannot download {what} from {url}: {reason}",
            hint="check the network connection (a proxy goes in $https_proxy); a mirror can "
            "be set with $JEKPY_RUBYGEMS_URL (gems) or $JEKPY_CODELOAD_URL (remote themes)",
        ) from err
    if len(data) > limit:
        raise ArchiveError(f"{what} is larger than {limit} bytes ({url})")
    return data


# -- RubyGems ---------------------------------------------------------------------------
_GEM_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class _GemSpecLoader(yaml.SafeLoader):
    """Reads a gem's ``metadata`` (YAML with ``!ruby/object:...`` tags) as plain data."""


def _ruby_tag(loader: _GemSpecLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_GemSpecLoader.add_multi_constructor("!ruby/", _ruby_tag)


@dataclass(frozen=True)
class GemSpec:
    name: str
    version: str
    runtime_dependencies: tuple[str, ...]


def read_gem_metadata(text: str) -> GemSpec:
    """Name, version and runtime dependencies from a ``.gem``'s ``metadata`` YAML."""
    try:
        data = yaml.load(text, Loader=_GemSpecLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        raise ArchiveError(f"the gem's metadata is not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise ArchiveError("the gem's metadata is not a gem specification")
    version = data.get("version")
    if isinstance(version, dict):
        version = version.get("version")
    deps: list[str] = []
    for dep in data.get("dependencies") or []:
        if isinstance(dep, dict) and str(dep.get("type", ":runtime")).lstrip(":") == "runtime":
            deps.append(str(dep.get("name")))
    return GemSpec(str(data.get("name") or ""), str(version or ""), tuple(deps))


def _pick_version(entries: list[dict[str, Any]], name: str, wanted: str | None) -> dict[str, Any]:
    candidates = [
        e for e in entries
        if isinstance(e, dict) and isinstance(e.get("number"), str)
        and e.get("platform", "ruby") == "ruby" and isinstance(e.get("sha"), str)
    ]
    if wanted is not None:
        for entry in candidates:
            if compare_versions(entry["number"], wanted) == 0 and entry["number"] == wanted:
                return entry
        raise ThemeError(
            f"RubyGems.org has no version {wanted} of {name}",
            hint="leave out --version for the newest release, or pick one listed on "
            f"https://rubygems.org/gems/{name}/versions",
        )
    releases = [e for e in candidates if not e.get("prerelease") and not is_prerelease(e["number"])]
    pool = releases or candidates
    if not pool:
        raise ThemeError(f"RubyGems.org lists no installable version of {name}")
    return max(pool, key=lambda e: version_key(e["number"]))


def install_gem(
    name: str,
    version: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    log: Logger | None = None,
    force: bool = False,
) -> ThemeGem:
    """Download gem ``name`` (newest release, or ``version``) into jekpy's theme cache.

    Returns the installed theme.  Raises :class:`ThemeError` when the registry cannot
    be reached or knows no such version, and :class:`ArchiveError` when the download
    does not match its published SHA-256 or is not a safe gem.
    """
    env = os.environ if env is None else env
    if not _GEM_NAME.match(name):
        raise ThemeError(f"{name!r} is not a gem name", hint="e.g. `jekpy theme install minima`")
    base = _base(env, "JEKPY_RUBYGEMS_URL", DEFAULT_RUBYGEMS)
    api = f"{base}/api/v1/versions/{urllib.parse.quote(name)}.json"
    try:
        raw = _get(api, f"the version list of {name}", 16 * 1024 * 1024)
    except _HTTPStatusError as err:
        if err.status != 404:
            raise
        raise ThemeError(
            f"RubyGems.org has no gem named {name} ({err.message})",
            hint="check the spelling of the theme's gem name (e.g. `minima`, "
            "`jekyll-theme-cayman`); search https://rubygems.org for it",
        ) from err
    try:
        entries = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ThemeError(f"RubyGems.org's answer for {name} is not JSON ({api})") from err
    if not isinstance(entries, list):
        raise ThemeError(f"RubyGems.org's answer for {name} is not a version list ({api})")
    entry = _pick_version(entries, name, version)
    number: str = entry["number"]
    if not re.match(r"^[0-9A-Za-z.+-]+$", number):
        raise ThemeError(f"RubyGems.org lists an invalid version {number!r} for {name}")
    home = theme_cache(env)
    final = home / "gems" / f"{name}-{number}"
    spec_file = home / "specifications" / f"{name}-{number}.json"
    if final.is_dir() and spec_file.is_file() and not force:
        if log is not None:
            log.info("Theme:", f"{name} {number} is already installed in {final}")
        return ThemeGem(name, number, final, home)
    url = f"{base}/downloads/{urllib.parse.quote(name)}-{urllib.parse.quote(number)}.gem"
    if log is not None:
        log.info("Theme:", f"downloading {url}")
    gem = _get(url, f"{name}-{number}.gem", limits.max_download_bytes)
    digest = hashlib.sha256(gem).hexdigest()
    if digest != str(entry["sha"]).lower():
        raise ArchiveError(
            f"{name}-{number}.gem does not match its published checksum "
            f"(SHA-256 {digest}, RubyGems.org says {entry['sha']})",
            hint="the download was altered or damaged; nothing was installed. Try again later",
        )
    spec, data_tar = _open_gem(gem, f"{name}-{number}.gem", limits)
    if spec.name != name or compare_versions(spec.version, number) != 0:
        raise ArchiveError(
            f"{name}-{number}.gem describes itself as {spec.name} {spec.version}",
            hint="the download is not the gem that was asked for; nothing was installed",
        )

    def fill(staging: Path) -> None:
        extract_archive(data_tar, staging, what=f"{name}-{number}.gem", limits=limits, log=log)

    _atomic_install(final, fill)
    spec_file.parent.mkdir(parents=True, exist_ok=True)
    tmp_spec = spec_file.with_suffix(".json.tmp")
    tmp_spec.write_text(
        json.dumps({"name": name, "version": number, "sha256": digest,
                    "runtime_dependencies": list(spec.runtime_dependencies)}, indent=1) + "\n",
        encoding="utf-8",
    )
    os.replace(tmp_spec, spec_file)
    if log is not None:
        log.info("Theme:", f"installed {name} {number} in {final}")
    return ThemeGem(name, number, final, home)


def _open_gem(gem: bytes, what: str, limits: Limits) -> tuple[GemSpec, bytes]:
    """The specification and the ``data.tar.gz`` bytes of a ``.gem`` (a plain tar)."""
    metadata: bytes | None = None
    data: bytes | None = None
    try:
        with tarfile.open(fileobj=io.BytesIO(gem), mode="r:") as outer:
            for member in outer:
                if not member.isfile() or member.name not in ("metadata.gz", "data.tar.gz"):
                    continue
                if member.size > limits.max_download_bytes:
                    raise ArchiveError(f"{what}: {member.name} is too large")
                src = outer.extractfile(member)
                if src is None:
                    continue
                body = src.read()
                if member.name == "metadata.gz":
                    with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                        metadata = gz.read(4 * 1024 * 1024 + 1)
                    if len(metadata) > 4 * 1024 * 1024:
                        raise ArchiveError(f"{what}: metadata is too large")
                else:
                    data = body
    except (tarfile.TarError, OSError, EOFError) as err:
        raise ArchiveError(f"{what} is not a valid gem: {err}") from err
    if metadata is None or data is None:
        raise ArchiveError(f"{what} is not a valid gem (metadata.gz or data.tar.gz is missing)")
    return read_gem_metadata(metadata.decode("utf-8", errors="replace")), data


# -- remote_theme -----------------------------------------------------------------------
_OWNER = r"[A-Za-z0-9-]+"
_REPO = r"[A-Za-z0-9._-]+"
_REF = r"[A-Za-z0-9._/-]+"


@dataclass(frozen=True)
class RemoteTheme:
    """``remote_theme: owner/repo@ref`` (ref ``HEAD`` when left out)."""

    owner: str
    name: str
    ref: str

    @property
    def slug(self) -> str:
        return f"{self.owner}/{self.name}@{self.ref}"

    def cache_dir(self, env: Mapping[str, str] | None = None) -> Path:
        # GitHub names are case-insensitive (jekyll-remote-theme lower-cases them): so is the cache
        ref = self.ref.replace("/", "%2F")
        return theme_cache(env) / "remote" / self.owner.lower() / self.name.lower() / ref


def parse_remote_theme(value: object) -> RemoteTheme:
    """Read ``remote_theme``: ``owner/repo``, ``owner/repo@ref`` or a github.com URL."""
    text = str(value).strip() if isinstance(value, str) else ""
    text = re.sub(r"^https?://(www\.)?github\.com/", "", text, flags=re.I)
    match = re.fullmatch(rf"({_OWNER})/({_REPO})(?:@({_REF}))?", text)
    if not match or ".." in text or match.group(2) in (".", ".."):
        raise ThemeError(
            f"remote_theme {value!r} is not a valid remote theme",
            path="_config.yml",
            hint="write `remote_theme: owner/repository` or `owner/repository@ref` "
            "(a branch, tag or commit)",
        )
    return RemoteTheme(match.group(1), match.group(2), match.group(3) or "HEAD")


def remote_theme_gem(
    value: object,
    *,
    env: Mapping[str, str] | None = None,
    log: Logger | None = None,
    offline: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ThemeGem:
    """The folder of ``remote_theme: value``: the cached copy, else downloaded now.

    ``offline`` (default: ``$JEKPY_OFFLINE`` set) never downloads.
    """
    env = os.environ if env is None else env
    theme = parse_remote_theme(value)
    folder = theme.cache_dir(env)
    name = theme.name.lower()
    if folder.is_dir():
        if log is not None:
            log.debug("Remote Theme:", f"using the cached {theme.slug} in {folder}")
        return ThemeGem(name, "", folder)
    if offline is None:
        offline = bool(env.get("JEKPY_OFFLINE"))
    if offline:
        raise ThemeError(
            f"remote_theme {theme.slug} is not in the cache ({folder}) and downloads are off",
            path="_config.yml",
            hint="build once with network access (unset JEKPY_OFFLINE) to cache it",
        )
    base = _base(env, "JEKPY_CODELOAD_URL", DEFAULT_CODELOAD)
    url = "/".join([base, urllib.parse.quote(theme.owner), urllib.parse.quote(theme.name),
                    "tar.gz", urllib.parse.quote(theme.ref)])
    if log is not None:
        log.info("Remote Theme:", f"downloading {theme.slug} from {url}")
    try:
        data = _get(url, f"remote theme {theme.slug}", limits.max_download_bytes)
    except ThemeError as err:
        raise ThemeError(
            f"remote_theme {theme.slug} is not cached and cannot be downloaded: {err.message}",
            path="_config.yml",
            hint="check the name and the ref, and the network; once downloaded, the theme is "
            f"cached in {folder.parent} for offline builds",
        ) from err

    def fill(staging: Path) -> None:
        extract_archive(data, staging, what=f"remote theme {theme.slug}", strip=1,
                        limits=limits, log=log)

    _atomic_install(folder, fill)
    return ThemeGem(name, "", folder)
