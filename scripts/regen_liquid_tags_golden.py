#!/usr/bin/env python3
"""Regenerate tests/liquid/golden/ruby_tags.json with Debian's Jekyll 4.3.1.

Every template of ``tag_cases()`` (tests/liquid/tag_cases.py) is parsed by
Liquid 5.4 in ``warn`` mode with Jekyll loaded (its tags and filters) and
rendered with ``render!`` and a ``site`` register (a copy of
tests/liquid/site, whose ``_includes`` the include cases use), on ``TAG_DATA`` (``$time``
and ``$date`` values revived as Ruby Time / Date), under TZ=UTC.  The output,
or the first line of the error message, is recorded per template; then again
with ``error_mode: :strict`` (a site's ``liquid: {error_mode: strict}``)
under ``"strict"``.

The expected file is written only by this script; never edit it by hand.

Usage: python scripts/regen_liquid_tags_golden.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "liquid"))

from regen_liquid_golden import run_ruby_lines  # noqa: E402  (scripts/ is on sys.path)
from tag_cases import TAG_CONFIG, TAG_DATA, tag_cases  # noqa: E402

EXPECTED = ROOT / "tests" / "liquid" / "golden" / "ruby_tags.json"
SITE = ROOT / "tests" / "liquid" / "site"  # its _includes serve the include cases

RUBY = r"""
require "jekyll"
require "json"
require "time"
require "date"
Jekyll.logger.log_level = :error
src, config, data = ARGV[0], JSON.parse(ARGV[1]), JSON.parse(ARGV[2])
def revive(v)
  case v
  when Hash
    return Time.strptime(v["$time"], "%Y-%m-%d %H:%M:%S %z") if v.keys == ["$time"]
    return Date.parse(v["$date"]) if v.keys == ["$date"]
    v.transform_values { |x| revive(x) }
  when Array then v.map { |x| revive(x) }
  else v
  end
end
conf = Jekyll.configuration(config.merge("source" => src, "destination" => File.join(src, "_site"), "quiet" => true))
site = Jekyll::Site.new(conf)
STDIN.each_line do |line|
  source, mode = JSON.parse(line)
  begin
    out = Liquid::Template.parse(source, error_mode: mode.to_sym).render!(revive(data), registers: { site: site })
    puts JSON.generate({"output" => out})
  rescue StandardError, ScriptError => e  # Jekyll's highlight raises ::SyntaxError
    puts JSON.generate({"error" => e.message.to_s.lines.first.to_s.strip})
  end
end
"""


def main() -> int:
    if shutil.which("ruby") is None:
        print("regen_liquid_tags_golden: needs ruby + Debian's jekyll", file=sys.stderr)
        return 2
    cases = tag_cases()
    # every template in warn mode (Jekyll's default), and again in strict mode
    # (``liquid: {error_mode: strict}``)
    jobs = [(t, mode) for _, t in cases for mode in ("warn", "strict")]
    args = [json.dumps(TAG_CONFIG), json.dumps(TAG_DATA)]
    results = run_ruby_lines(RUBY, args, jobs, prefix="jekpy-liquid-tags-", site=SITE)
    expected = {
        t: {"group": group, **results[2 * k], "strict": results[2 * k + 1]}
        for k, (group, t) in enumerate(cases)
    }
    EXPECTED.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(expected)} cases to {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
