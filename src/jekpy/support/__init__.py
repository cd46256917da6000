"""Support code every layer above may use: text, dates, URLs, YAML, caches, themes."""
