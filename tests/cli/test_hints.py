"""One-line errors that say what was meant: currency names, keys written in the wrong table,
a directory given to simulate."""

import textwrap

import pytest

from campaignsim.testing import MINIMAL_SCENARIO


def _write(tmp_path, text):
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("written, meant", [("RMB", "CNY"), ("rmb", "CNY"), ("usd", "USD"), ("€", "EUR"), ("NTD", "TWD")])
def test_a_currency_written_another_way_suggests_the_iso_code(cli, tmp_path, written, meant):
    text = textwrap.dedent(MINIMAL_SCENARIO)
    assert 'currency = "CNY"' in text
    path = _write(tmp_path, text.replace('currency = "CNY"', f'currency = "{written}"', 1))
    result = cli("lint", str(path))
    assert result.returncode == 2
    line = _line_of(path, f'currency = "{written}"')
    assert f'{path}:{line}: ' in result.stdout + result.stderr
    assert f'unknown currency code "{written}"; did you mean "{meant}"? (the ISO 4217 code)' in result.stdout + result.stderr


def test_an_unknown_currency_without_a_likely_meaning_lists_examples(cli, tmp_path):
    path = _write(tmp_path, textwrap.dedent(MINIMAL_SCENARIO).replace('currency = "CNY"', 'currency = "ABC"', 1))
    out = cli("lint", str(path))
    assert 'unknown currency code "ABC": use an ISO 4217 code such as CNY, USD, EUR or GBP' in out.stdout + out.stderr


def test_a_key_written_in_the_wrong_table_names_the_table_it_belongs_in(cli, tmp_path):
    text = textwrap.dedent(MINIMAL_SCENARIO).replace("[campaign]\n", "[campaign]\nfollowers = 5000\n", 1)
    path = _write(tmp_path, text)
    result = cli("lint", str(path))
    assert result.returncode == 2
    assert f"{path}:{_line_of(path, 'followers = 5000')}: campaign.followers: unknown key; it belongs in [platform]" in result.stdout


def test_a_misspelt_key_still_gets_did_you_mean(cli, tmp_path):
    text = textwrap.dedent(MINIMAL_SCENARIO).replace("[campaign]\n", "[campaign]\nbrnd = \"x\"\n", 1)
    out = cli("lint", str(_write(tmp_path, text))).stdout
    assert 'campaign.brnd: unknown key; did you mean "brand"?' in out


def test_a_key_declared_in_many_tables_gets_no_table_hint():
    from campaignsim.load.validate import belongs_elsewhere

    assert belongs_elsewhere("followers") == "; it belongs in [platform]"
    assert belongs_elsewhere("name") == ""  # campaign, platform, prize items…: no single right place
    assert belongs_elsewhere("no_such_key") == ""


def test_simulate_given_a_directory_says_so_in_one_line(cli, tmp_path):
    result = cli("simulate", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"campaignsim: {tmp_path} is a directory: simulate takes one scenario file (lint takes directories)\n"
    run = cli("run", str(tmp_path))
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1
