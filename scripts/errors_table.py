"""Print docs/errors.md's table: run every case of tests/errors/test_bad_input.py
through `jekpy build` and record the exit code and the message jekpy prints.

    python scripts/errors_table.py > docs/errors.md
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "errors"))

from test_bad_input import CASES, run_case  # noqa: E402

# What Debian's Jekyll 4.3.1 did with the same inputs (observed by running it).
JEKYLL = {
    "invalid YAML front matter": "logs `YAML Exception reading …` and builds the post with empty front matter",
    "front matter that is not a mapping": "logs `could not read file …: undefined method 'key?'` and goes on",
    "unterminated front matter": "no front matter: the `---` becomes `<hr />`",
    "a BOM": "strips it",
    "CRLF line endings": "handles them",
    "CR line endings": "no front matter (its regex needs `\\n`): the `---` becomes `<hr />`",
    "a binary file in _posts": "logs `could not read file …: invalid byte sequence in UTF-8`, skips it",
    "invalid UTF-8": "logs `could not read file …: invalid byte sequence in UTF-8`, skips the post",
    "an unknown layout": "`Build Warning: Layout 'nope' requested … does not exist.`",
    "a layout loop": "stops the chain silently",
    "a missing include": "stops: `Could not locate the included file …`",
    "an include loop": "stops: `Nesting too deep`",
    "an unknown tag": "stops: `Unknown tag 'nosuch'` (line counted from the end of the front matter)",
    "an unknown filter (ignored, as Jekyll does)": "ignores it",
    "a Liquid syntax error": "stops: `Syntax Error in tag 'if'` (body line, not file line)",
    "an unclosed Liquid block": "stops: `'if' tag was never closed`",
    "an invalid date in a file name": "stops: `… does not have a valid date in the filename.`",
    "an invalid date in front matter": "stops: `… does not have a valid date in the YAML front matter.`",
    "an invalid permalink": "stops: `Invalid permalink in …`",
    "an unknown plugins: entry": "stops: `Dependency Error: Yikes! …`",
    "an invalid _config.yml": "stops with a Ruby traceback (Psych::SyntaxError)",
    "two documents writing one path": "`Conflict: The following destination is shared by multiple files.`",
    "a binary _data file": "stops with a Ruby traceback (Psych::SyntaxError: invalid leading UTF-8 octet)",
    "a binary page with front matter": "stops with a Ruby traceback (kramdown: invalid characters for UTF-8)",
    "a binary include": "stops with a Ruby traceback (Liquid tokenizer: invalid byte sequence in UTF-8)",
    "YAML nested too deep in _config.yml": "builds (Psych has no depth limit below libyaml's 1000)",
    "YAML nested too deep in a data file": "builds",
    "a YAML alias bomb in _config.yml": "had not finished after 60 s and 1.1 GB of memory (killed)",
    "an invalid time: in a second --config file": "stops: `Invalid time in _config.yml` (the wrong file)",
    "an invalid $JEKPY_SITE_TIME": "ignores the variable (it is jekpy's)",
    "a Liquid error (one report, one line number)": "stops: `Liquid Exception: Liquid error (line 3): divided by 0 in …` (the line counted after the front matter)",
    "a Liquid error in an include (the include's line, the includer's after its front matter)": "stops: `Liquid Exception: Liquid error (…/_includes/inc.html line 2): divided by 0 included in index.md`",
    "symlinks leaving the site": "follows them and copies the files (skips them only with `--safe`)",
    "a theme that is not installed": "stops with a Ruby traceback: `The jekyll-theme-nosuch theme could not be found.`",
    "theme install: a gem the registry does not know (HTTP 404)": "not compared (Jekyll has no installer; RubyGems' `gem install` does this)",
    "theme install: the registry cannot be reached": "not compared (Jekyll has no installer)",
    "theme install: a download that does not match its checksum": "not compared (Jekyll has no installer)",
    "theme install: an archive member climbing out with '..'": "not compared (Jekyll has no installer)",
    "theme install: an archive member with an absolute path": "not compared (Jekyll has no installer)",
    "theme install: links in the archive (skipped, the rest installed)": "not compared (Jekyll has no installer)",
    "theme install: an archive member over the size limit": "not compared (Jekyll has no installer)",
    "remote_theme offline with no cached copy": "not compared: Debian's Jekyll has no jekyll-remote-theme (`Dependency Error: Yikes! …`)",
    "remote_theme neither cached nor downloadable": "not compared: Debian's Jekyll has no jekyll-remote-theme",
    "a missing source folder": "builds an empty site",
    "the source folder deleted while serving": "not compared (jekpy's preview only)",
}

NOISE = re.compile(
    r"^\s*(Configuration file:|Source:|Destination:|Incremental build:|Generating\.\.\.|done in|"
    r"Auto-regeneration:|-{10,}|Jekyll \d|for any additional)"
)


def run(case: object) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        code, text = run_case(case, Path(tmp))  # type: ignore[arg-type]
        src = Path(tmp) / "src"
        text = text.replace(str(src) + "/", "").replace(tmp, "/tmp")
        text = text.replace(str(Path(tmp).resolve()), "/tmp")
        text = re.sub(r"http://127\.0\.0\.1:(?!9/)\d+", "http://127.0.0.1:PORT", text)
        # the test gems are gzipped with the current time: their digest changes each run
        text = re.sub(r"SHA-256 [0-9a-f]{64}", "SHA-256 <digest of the download>", text)
        lines = [ln.rstrip() for ln in text.splitlines() if ln.strip() and not NOISE.match(ln)]
        return code, "\n".join(lines)


def main_() -> None:
    print("# Errors and warnings\n")
    print(
        "jekpy never shows a Python traceback for bad input (unless you pass `--trace`).\n"
        "Every message names the file and the line **in the file** (front matter\n"
        "included), quotes the line with a caret where it can, and says how to fix it.\n"
        "Liquid errors are the exception: their one report starts with Jekyll's own\n"
        "`Liquid Exception: ...` line and counts lines as Jekyll does, from the first\n"
        "line after the front matter (`_posts/a.md, line 3 after the front matter`).\n"
        "Where Jekyll stops, jekpy stops (exit code 1) and writes nothing: the previous\n"
        "output stays as it was. Where Jekyll only warns and goes on, jekpy warns and\n"
        "goes on.\n"
    )
    print("This table is generated by `python scripts/errors_table.py` from the cases in")
    print("`tests/errors/test_bad_input.py`, which test every row.\n")
    for case in CASES:
        code, text = run(case)
        print(f"## {case.name}\n")
        print(f"Jekyll 4.3.1: {JEKYLL.get(case.name, '')}.  ")
        print(f"jekpy: exit code {code}.\n")
        print("```text")
        print(text or "(no message)")
        print("```\n")
    print(
        "## Security and limits\n\n"
        "- `include`, `include_relative`, layouts and data files cannot reach outside their\n"
        "  folders: `..`, absolute paths and symlinks that resolve outside are refused in\n"
        "  every mode (Jekyll checks only in `--safe`, with a string-prefix test).\n"
        "- Output paths built from permalinks stay inside the destination.\n"
        "- Liquid has resource limits (loop iterations, output size, include depth); a\n"
        "  hostile template stops with an error instead of hanging.\n"
        "- Every output file is written to a temporary file and renamed into place, so a\n"
        "  build killed at any moment leaves each file either old or new\n"
        "  (`tests/errors/test_sigkill.py` kills 50 builds at random points).\n"
        "- YAML (configuration, front matter, data) may nest at most 100 levels and\n"
        "  expand to at most 1,000,000 values, aliases counted each time they are used:\n"
        "  an alias bomb stops in well under a second instead of filling the memory.\n"
        "- Symlinks that lead out of the source are never followed, in any mode; each\n"
        "  one is named in a `Symlink skipped:` warning.\n"
        "- `jekpy serve` stops on Ctrl-C (or SIGTERM) at any moment: the signal handler\n"
        "  only sets a flag (`tests/serve/test_ctrl_c.py` sends 200 SIGINTs at random\n"
        "  moments).\n"
    )


if __name__ == "__main__":
    main_()
