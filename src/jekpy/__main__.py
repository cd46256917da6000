"""``python -m jekpy``."""

from .cli.main import run

run()
