"""campaignsim-bili: Bilibili for campaignsim."""

__version__ = "0.1.0"
