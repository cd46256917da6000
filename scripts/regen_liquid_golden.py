#!/usr/bin/env python3
"""Regenerate tests/liquid/golden/expected.json with real Jekyll 4.3.1.

For every config in ``tests/liquid/liquid_cases.py`` the fixture site
``tests/liquid/site`` is copied to a temporary directory, each case becomes
a page ``cases/<name>.html`` (front matter: ``COMMON_FM`` + the case's
own, as JSON, which YAML reads the same way) and the site is built once with
Jekyll's own ``build`` code path (TZ=UTC, LC_ALL=C.UTF-8).  Cases marked
``error=True`` are built one site each, and the build's error message (the
``Liquid Exception:`` / ``Error:`` text, with the temporary path replaced by
``<site>``) is recorded instead of an output.  ``Liquid Warning:`` lines are
recorded per case.

The expected file is written only by this script; never edit it by hand.
Needs Debian's ``jekyll`` (ruby, jekyll 4.3.1, liquid 5.4).

Also writes tests/liquid/golden/ruby_liquid.json: standard-Liquid templates
(``ruby_liquid_cases()``) rendered by Ruby Liquid 5.4 alone (``ruby -rliquid``),
and tests/liquid/golden/jekyll_filters.json: Jekyll's filters on many value
types (``jekyll_filter_cases()``), rendered by Liquid 5.4 with ``Jekyll::Filters``.

And tests/liquid/golden/filter_semantics.json: ``FILTER_SEMANTICS_TEMPLATES``
rendered the way a Jekyll site renders a page (``site.liquid_renderer``, the
site's error mode, ``site``/``page`` registers, ``render!``), with
``FILTER_SEMANTICS_DATA`` revived into Ruby values ({"$time": ...} -> Time.parse,
{"$date": ...} -> Date.parse).  Each result is the output, the output's bytes in
base64 when they are not UTF-8, or the error as ``Class: message``.

Usage: python scripts/regen_liquid_golden.py [case-name ... | --ruby-only | --filter-semantics]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "liquid"))

from liquid_cases import (  # noqa: E402
    CASES,
    COMMON_FM,
    CONFIGS,
    FILTER_SEMANTICS_CONFIG,
    FILTER_SEMANTICS_DATA,
    FILTER_SEMANTICS_TEMPLATES,
    JEKYLL_FILTER_CONFIG,
    JEKYLL_FILTER_DATA,
    RANDOM_DATA,
    RUBY_DATA,
    RUBY_WARN_TEMPLATES,
    Case,
    jekyll_filter_cases,
    random_templates,
    ruby_liquid_cases,
)

SITE = ROOT / "tests" / "liquid" / "site"
EXPECTED = ROOT / "tests" / "liquid" / "golden" / "expected.json"
RUBY_EXPECTED = ROOT / "tests" / "liquid" / "golden" / "ruby_liquid.json"
RANDOM_EXPECTED = ROOT / "tests" / "liquid" / "golden" / "ruby_random.json"
RANDOM_SEED, RANDOM_COUNT = 20261126, 1500

RUBY_LIQUID = r"""
require "liquid"
require "json"
data = JSON.parse(ARGV[0])
STDIN.each_line do |line|
  source, mode = JSON.parse(line)
  begin
    out = Liquid::Template.parse(source, error_mode: mode.to_sym).render!(Marshal.load(Marshal.dump(data)))
    puts JSON.generate({"output" => out})
  rescue StandardError => e
    puts JSON.generate({"error" => e.message.to_s})
  end
end
"""


JEKYLL_FILTERS_EXPECTED = ROOT / "tests" / "liquid" / "golden" / "jekyll_filters.json"

JEKYLL_FILTERS_RB = r"""
require "jekyll"
require "json"
Jekyll.logger.log_level = :error
src, config, data = ARGV[0], JSON.parse(ARGV[1]), JSON.parse(ARGV[2])
conf = Jekyll.configuration(config.merge("source" => src, "destination" => File.join(src, "_site"), "quiet" => true))
site = Jekyll::Site.new(conf)
STDIN.each_line do |line|
  source = JSON.parse(line)
  begin
    fresh = Marshal.load(Marshal.dump(data))
    out = Liquid::Template.parse(source, error_mode: :warn).render!(fresh, registers: { site: site })
    puts JSON.generate({"output" => out})
  rescue StandardError => e
    puts JSON.generate({"error" => e.message.to_s.lines.first.to_s.strip})
  end
end
"""


def run_ruby_lines(
    script: str, args: list[str], lines: list[Any], *, prefix: str, site: Path | None = None
) -> list[Any]:
    """Run ``ruby -e script TMP *args`` with one JSON value per input line and return
    the JSON value of each output line.  ``TMP`` is a fresh temporary folder (holding a
    copy of ``site``, as ``TMP``, when given), removed afterwards."""
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        where = tmp
        if site is not None:
            where = tmp / "site"
            shutil.copytree(site, where)
        proc = subprocess.run(
            ["ruby", "-e", script, str(where), *args],
            input="".join(json.dumps(line) + "\n" for line in lines),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=True,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(results) == len(lines), proc.stderr[-2000:]
    return results


def _write_expected(path: Path, templates: list[str], results: list[Any]) -> None:
    expected = {t: r for t, r in zip(templates, results, strict=True)}
    path.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(expected)} cases to {path.relative_to(ROOT)}")


def regen_jekyll_filters() -> None:
    """Jekyll's filters (Liquid 5.4 + ``Jekyll::Filters``) on ``jekyll_filter_cases()``."""
    templates = jekyll_filter_cases()
    args = [json.dumps(JEKYLL_FILTER_CONFIG), json.dumps(JEKYLL_FILTER_DATA)]
    results = run_ruby_lines(JEKYLL_FILTERS_RB, args, templates, prefix="jekpy-liquid-filters-")
    _write_expected(JEKYLL_FILTERS_EXPECTED, templates, results)


FILTER_SEMANTICS_EXPECTED = ROOT / "tests" / "liquid" / "golden" / "filter_semantics.json"

FILTER_SEMANTICS_RB = r"""
require "jekyll"
require "json"
require "base64"
Jekyll.logger.log_level = :error
src, config, data = ARGV[0], JSON.parse(ARGV[1]), JSON.parse(ARGV[2])
def ruby_value(value)
  if value.is_a?(Hash) && value.keys == ["$time"]
    Time.parse(value["$time"])
  elsif value.is_a?(Hash) && value.keys == ["$date"]
    Date.parse(value["$date"])
  elsif value.is_a?(Hash)
    value.transform_values { |v| ruby_value(v) }
  elsif value.is_a?(Array)
    value.map { |v| ruby_value(v) }
  else
    value
  end
end
conf = Jekyll.configuration(config.merge("source" => src, "destination" => File.join(src, "_site"), "quiet" => true))
site = Jekyll::Site.new(conf)
STDIN.each_line.with_index do |line, i|
  source = JSON.parse(line)
  payload = ruby_value(data)
  begin
    info = { registers: { site: site, page: {} } }
    out = site.liquid_renderer.file("case#{i}.html").parse(source).render!(payload, info).to_s
    utf8 = out.dup.force_encoding("UTF-8")
    puts JSON.generate(utf8.valid_encoding? ? { "output" => utf8 } : { "binary" => Base64.strict_encode64(out.b) })
  rescue StandardError => e
    message = e.message.to_s.dup.force_encoding("UTF-8").scrub("?").lines.first.to_s.strip
    puts JSON.generate({ "error" => "#{e.class}: #{message}" })
  end
end
"""


def regen_filter_semantics() -> None:
    """``FILTER_SEMANTICS_TEMPLATES`` rendered by a Jekyll site's Liquid."""
    templates = list(FILTER_SEMANTICS_TEMPLATES)
    args = [json.dumps(FILTER_SEMANTICS_CONFIG), json.dumps(FILTER_SEMANTICS_DATA)]
    results = run_ruby_lines(FILTER_SEMANTICS_RB, args, templates, prefix="jekpy-filter-semantics-")
    _write_expected(FILTER_SEMANTICS_EXPECTED, templates, results)


def regen_random() -> None:
    """Random templates (fixed seed) rendered by Ruby Liquid 5.4 in warn mode."""
    templates = random_templates(RANDOM_SEED, RANDOM_COUNT)
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    proc = subprocess.run(
        ["ruby", "-e", RUBY_LIQUID, json.dumps(RANDOM_DATA)],
        input="".join(json.dumps([t, "warn"]) + "\n" for t in templates),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    expected = [{"template": t, **r} for t, r in zip(templates, results, strict=True)]
    RANDOM_EXPECTED.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(expected)} cases to {RANDOM_EXPECTED.relative_to(ROOT)}")


def regen_ruby_liquid() -> None:
    """Standard Liquid 5.4 outputs for ``ruby_liquid_cases()`` (no Jekyll)."""
    templates = ruby_liquid_cases()
    warn = set(RUBY_WARN_TEMPLATES)
    templates += [t for t in RUBY_WARN_TEMPLATES if t not in templates]
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    proc = subprocess.run(
        ["ruby", "-e", RUBY_LIQUID, json.dumps(RUBY_DATA)],
        input="".join(json.dumps([t, "warn" if t in warn else "lax"]) + "\n" for t in templates),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    expected = {
        t: {**r, "mode": "warn" if t in warn else "lax"}
        for t, r in zip(templates, results, strict=True)
    }
    RUBY_EXPECTED.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(expected)} cases to {RUBY_EXPECTED.relative_to(ROOT)}")


RUBY = r"""
require "jekyll"
src, dest = ARGV
$written = []
Jekyll::Hooks.register :pages, :post_write do |item|
  $written << [item.relative_path, item.destination(dest)]
end
Jekyll::Commands::Build.process("source" => src, "destination" => dest,
                                "disable_disk_cache" => true, "quiet" => false)
$written.each { |rel, out| puts "WRITTEN\t#{rel}\t#{out}" }
"""


def _page(case: Case) -> str:
    fm = {**COMMON_FM, **case.fm}
    return "---\n" + json.dumps(fm, ensure_ascii=False) + "\n---\n" + case.template


def _build(config: dict[str, Any], cases: list[Case]) -> tuple[dict[str, str], str, int, str]:
    tmp = Path(tempfile.mkdtemp(prefix="jekpy-liquid-golden-"))
    try:
        src = tmp / "site"
        dest = tmp / "_site"
        shutil.copytree(SITE, src)
        (src / "_config.yml").write_text(json.dumps(config) + "\n", encoding="utf-8")
        for case in cases:
            (src / "cases" / f"{case.name}.html").write_text(_page(case), encoding="utf-8")
        env = dict(
            os.environ,
            TZ="UTC",
            LC_ALL="C.UTF-8",
            LANG="C.UTF-8",
            JEKYLL_ENV="production",
            JEKYLL_NO_BUNDLER_REQUIRE="true",
        )
        proc = subprocess.run(
            ["ruby", "-e", RUBY, str(src), str(dest)],
            cwd=src,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        outputs: dict[str, str] = {}
        for line in proc.stdout.splitlines():
            if line.startswith("WRITTEN\t"):
                _, rel, out = line.split("\t", 2)
                if rel.startswith("cases/"):
                    name = rel[len("cases/") : -len(".html")]
                    outputs[name] = Path(out).read_text(encoding="utf-8")
        log = (proc.stdout + proc.stderr).replace(str(src), "<site>")
        return outputs, log, proc.returncode, str(src)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _error_message(log: str) -> str:
    log = _ANSI.sub("", log)
    for line in log.splitlines():
        if "Liquid Exception:" in line:
            return line.split("Liquid Exception:", 1)[1].strip()
    for line in log.splitlines():
        if re.search(r"\((\w+::)*\w+Error\)$", line.strip()):
            return line.strip()
    return log.strip().splitlines()[-1] if log.strip() else ""


def _warnings(log: str, name: str) -> list[str]:
    log = _ANSI.sub("", log)
    out = []
    for line in log.splitlines():
        if "Liquid Warning:" in line and line.rstrip().endswith(f"cases/{name}.html"):
            out.append(line.strip())
    return out


def main(argv: list[str]) -> int:
    if shutil.which("ruby") is None:
        print("regen_liquid_golden: needs ruby + Debian's jekyll", file=sys.stderr)
        return 2
    if argv == ["--ruby-only"]:
        regen_ruby_liquid()
        regen_jekyll_filters()
        regen_filter_semantics()
        regen_random()
        return 0
    if argv == ["--filter-semantics"]:
        regen_filter_semantics()
        return 0
    if not argv:
        regen_ruby_liquid()
        regen_jekyll_filters()
        regen_filter_semantics()
        regen_random()
    selected = [c for c in CASES if not argv or c.name in argv]
    expected: dict[str, Any] = {}
    if argv and EXPECTED.exists():
        expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for config_name, config in CONFIGS.items():
        group = [c for c in selected if c.config == config_name and not c.error]
        if group:
            outputs, log, code, _ = _build(config, group)
            if code != 0:
                print(f"build for config {config_name!r} failed:\n{log}", file=sys.stderr)
                return 1
            for case in group:
                expected[case.name] = {
                    "config": config_name,
                    "template": case.template,
                    "fm": case.fm,
                    "output": outputs[case.name],
                    "error": None,
                    "warnings": _warnings(log, case.name),
                }
        for case in [c for c in selected if c.config == config_name and c.error]:
            outputs, log, code, _ = _build(config, [case])
            if code == 0:
                print(f"case {case.name!r} was expected to fail but built:\n{log}", file=sys.stderr)
                return 1
            expected[case.name] = {
                "config": config_name,
                "template": case.template,
                "fm": case.fm,
                "output": None,
                "error": _error_message(log),
                "warnings": _warnings(log, case.name),
            }
            print(f"{case.name}: {expected[case.name]['error'][:100]}")
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    ordered = {c.name: expected[c.name] for c in CASES if c.name in expected}
    EXPECTED.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(ordered)} cases to {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
