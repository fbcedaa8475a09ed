"""The plugin's rules, one module per rule, named by its code (``ex001.py`` holds EX001)."""
