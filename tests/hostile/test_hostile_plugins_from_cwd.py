"""``python -m campaignsim`` in an untrusted folder does not import plugins from that folder."""

from __future__ import annotations

import subprocess
import sys


def _plant_plugin(folder):
    info = folder / "evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[campaignsim]\nevil = evilmod\n", encoding="utf-8")
    (folder / "evilmod.py").write_text("from pathlib import Path\nPath('IMPORTED').write_text('yes')\n", encoding="utf-8")


def test_python_m_does_not_load_a_plugin_planted_in_the_working_directory(tmp_path):
    _plant_plugin(tmp_path)
    done = subprocess.run([sys.executable, "-m", "campaignsim", "plugins"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "campaignsim_wechat" in done.stdout  # the installed packs are still there
    assert "evil" not in done.stdout
    assert not (tmp_path / "IMPORTED").exists()


def test_python_m_does_not_load_it_with_plugin_either(tmp_path):
    _plant_plugin(tmp_path)
    done = subprocess.run([sys.executable, "-m", "campaignsim", "--plugin", "evil", "plugins"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert not (tmp_path / "IMPORTED").exists()
    assert "evil 1.0" not in done.stdout


def test_the_same_folder_on_the_path_would_load_it(tmp_path):
    """The planted plugin is a working one: with the folder on the path (what -m used to do) it loads."""
    _plant_plugin(tmp_path)
    code = ("import sys, os; sys.path.insert(0, os.getcwd()); from campaignsim.cli import main; "
            "main(['plugins'], prog_name='campaignsim')")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "evil 1.0" in done.stdout
    assert (tmp_path / "IMPORTED").exists()
