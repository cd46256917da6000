"""``python -m jekpy``."""

from .cli.main import main

main()
