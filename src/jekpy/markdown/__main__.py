"""``python -m jekpy.markdown``: Markdown on stdin to HTML on stdout.

Options come from the env var ``KRAMDOWN_OPTIONS`` (JSON) applied over
kramdown's own defaults when it is set, otherwise Jekyll's defaults are used.
"""

from __future__ import annotations

import json
import os
import sys

from . import convert, convert_kramdown


def main() -> int:
    data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    env = os.environ.get("KRAMDOWN_OPTIONS")
    if env is not None:
        try:
            opts = json.loads(env) if env.strip() else {}
        except json.JSONDecodeError:
            opts = {}
        out = convert_kramdown(data, opts if isinstance(opts, dict) else {})
    else:
        out = convert(data)
    sys.stdout.buffer.write(out.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
