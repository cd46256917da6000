"""The ``jekpy`` command line (see docs/architecture.md for the layers)."""
