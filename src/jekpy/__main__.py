"""``python -m jekpy``."""

from .cli.launch import run

run()
