"""jekpy's version (the lowest layer: importing it loads nothing else)."""

__version__ = "0.1.0"
