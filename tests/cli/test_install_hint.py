"""The command that installs an extra fits how campaignsim was installed (PEP 610 direct_url.json)."""

from campaignsim._install import install_extra_command


def test_an_editable_install_run_from_its_checkout_gets_pip_install_e_dot(tmp_path):
    url = {"url": tmp_path.as_uri(), "dir_info": {"editable": True}}
    assert install_extra_command("report", url, cwd=str(tmp_path)) == "pip install -e '.[report]'"


def test_an_editable_install_run_elsewhere_gets_the_checkout_path(tmp_path):
    checkout = tmp_path / "my checkout"
    checkout.mkdir()
    url = {"url": checkout.as_uri(), "dir_info": {"editable": True}}
    assert install_extra_command("report", url, cwd=str(tmp_path)) == f"pip install -e '{checkout}[report]'"


def test_an_install_from_the_index_or_a_wheel_gets_the_package_name(tmp_path):
    assert install_extra_command("report", {}) == "pip install 'campaignsim[report]'"
    wheel = {"url": "file:///tmp/campaignsim-0.1.0-py3-none-any.whl", "archive_info": {}}
    assert install_extra_command("report", wheel, cwd=str(tmp_path)) == "pip install 'campaignsim[report]'"


def test_this_checkouts_editable_install_is_recognised():
    # The test environment installs campaignsim editable from the checkout the tests run in.
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert install_extra_command("report", cwd=str(root)) == "pip install -e '.[report]'"
