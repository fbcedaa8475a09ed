"""campaignsim-example: a template for campaignsim plugins.

It adds one platform (``line``), one entry action (``stamp_rally``) and one rule (``EX001``).
campaignsim finds it through the entry point in ``pyproject.toml``, which names
:mod:`campaignsim_example.plugin`; nothing in this package is imported before campaignsim asks.
"""

__version__ = "0.1.0"
