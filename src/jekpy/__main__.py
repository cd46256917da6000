"""``python -m jekpy``."""

from ._recache import install

install()

from .cli.main import main  # noqa: E402 - compiled patterns are cached from here on

main()
