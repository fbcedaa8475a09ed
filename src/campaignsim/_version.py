"""The package's version, in a module that imports nothing: the command line and the reports read it
without importing the package root."""

__version__ = "0.1.0"
