"""The simulator's tests import their scenario builders from sim_helpers.py, next to this file."""

import sys
from pathlib import Path

HERE = str(Path(__file__).parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
