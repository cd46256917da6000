"""``python -m jekpy``."""

from ._recache import install

install()

from .cli.main import run  # noqa: E402 - compiled patterns are cached from here on

run()
