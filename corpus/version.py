"""The package's version, written once: pyproject.toml reads it (``[tool.setuptools.dynamic]``),
the CLI's ``--version`` prints it and every index manifest records it."""

VERSION = "0.1.0"
