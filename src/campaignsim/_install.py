"""How campaignsim was installed, so that a hint to install an extra gives a command that works.

From a checkout (``pip install -e .``) the extra must come from the checkout too: ``pip install
'campaignsim[report]'`` would look for campaignsim on the package index. pip records how a
distribution was installed in its ``direct_url.json`` (PEP 610).
"""

from __future__ import annotations

import json
import os
import shlex
from typing import Optional
from urllib.parse import unquote, urlparse


def _direct_url() -> Optional[dict]:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        text = distribution("campaignsim").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def install_extra_command(extra: str, direct_url: Optional[dict] = None, cwd: Optional[str] = None) -> str:
    """The pip command that adds ``extra`` to this installation of campaignsim.

    An editable install from a checkout gets ``pip install -e '.[extra]'`` when run from the
    checkout, or the checkout's path otherwise; an install from the package index (or anything
    else) gets ``pip install 'campaignsim[extra]'``."""
    data = _direct_url() if direct_url is None else direct_url
    if data and (data.get("dir_info") or {}).get("editable") and str(data.get("url", "")).startswith("file://"):
        folder = unquote(urlparse(data["url"]).path)
        here = os.path.realpath(cwd or os.getcwd())
        if os.path.realpath(folder) == here:
            return f"pip install -e '.[{extra}]'"
        return f"pip install -e {shlex.quote(folder + f'[{extra}]')}"
    return f"pip install 'campaignsim[{extra}]'"
