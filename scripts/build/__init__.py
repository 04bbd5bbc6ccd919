"""What the build runs: the MkDocs hooks (site_hooks.py, a thin dispatcher) and the reader
features they call, one module each (glossary, handbook, offline reading, phones, news,
search keywords, Material's stylesheet and markup fixes)."""
