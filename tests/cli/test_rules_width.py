"""`campaignsim rules` at 80 columns: codes and names whole, summaries wrapped, nothing wider."""

import json

from rich.cells import cell_len


def test_at_80_columns_every_code_and_name_is_whole_on_its_line_and_no_line_is_wider(cli):
    rules = json.loads(cli("rules", "--format", "json").stdout)
    result = cli("rules", columns=80)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    heads = [line for line in lines if line and not line.startswith(" ")][1:]  # after the "N rules" line
    assert len(heads) == len(rules)
    for rule, head in zip(rules, heads):
        assert head.startswith(f"{rule['code']} {rule['name']}  {rule['severity']} · "), head
    # every word of each summary is there, in order, none split
    body = " ".join(line.strip() for line in lines if line.startswith("    "))
    for rule in rules:
        assert rule["summary"] in body
    assert len(lines) < 5 * len(rules)


def test_on_a_wide_terminal_it_is_a_table_whose_codes_and_names_are_not_folded(cli):
    rules = json.loads(cli("rules", "--format", "json").stdout)
    text = cli("rules", columns=160).stdout
    assert "┃ code" in text and "summary" in text
    for rule in rules:
        assert f"│ {rule['code']}" in text and f"│ {rule['name']}" in text
