"""``python -m campaignsim``.

``-m`` puts the working directory first on ``sys.path``. A scenario folder may be an untrusted
checkout (a pull request, a downloaded archive): a ``*.dist-info`` folder there would be read as an
installed distribution and its ``campaignsim`` entry point imported as a plugin. So the working
directory is taken off the path before anything looks for plugins: plugins come only from the
installed environment (or are named from it with ``--plugin``), exactly as with the
``campaignsim`` console script.
"""

import os
import sys


def _drop_working_directory(path: list) -> None:
    """Remove the entry ``-m`` added for the working directory ('' or its absolute path)."""
    if not path:
        return
    first = path[0]
    try:
        here = os.getcwd()
        same = first == "" or os.path.realpath(first) == os.path.realpath(here)
    except OSError:  # the working directory was removed: nothing can be imported from it anyway
        same = first == ""
    if same and not getattr(sys.flags, "safe_path", False):
        del path[0]


_drop_working_directory(sys.path)

from campaignsim.cli import main  # noqa: E402

main(prog_name="campaignsim")
