"""``python -m jekpy``."""

from .cli import main

main()
