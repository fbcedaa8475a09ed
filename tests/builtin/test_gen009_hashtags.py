"""GEN009 measured on a labelled list of everyday and sensitive hashtags (tests/data/gen009_hashtags.csv).

The rule may flag at most 3 of every 100 everyday tags and must catch at least 85% of the sensitive ones; the figures the
rule's documentation states must be the ones measured here.
"""

import csv
import json
from pathlib import Path

import pytest

from campaignsim.builtin.general.gen009 import HOLDOUT, MEASURED
from campaignsim.testing import lint_string

LIST = Path(__file__).parent.parent / "data" / "gen009_hashtags.csv"
MAX_FALSE_POSITIVES_PER_100 = 3
MIN_RECALL = 0.85


def _rows() -> list[dict]:
    lines = [line for line in LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("# ")]
    return list(csv.DictReader(lines))


def _labelled() -> list[tuple[str, str]]:
    return [(row["tag"], row["label"]) for row in _rows()]


@pytest.fixture(scope="module")
def measured():
    tags = _labelled()
    toml = "[content]\nhashtags = " + json.dumps([tag for tag, _ in tags], ensure_ascii=False) + "\n"
    flagged = {int(f.key.split("[")[1].rstrip("]")) for f in lint_string(toml, rules=["GEN009"]) if f.code == "GEN009"}
    everyday = [i for i, (_, label) in enumerate(tags) if label == "everyday"]
    sensitive = [i for i, (_, label) in enumerate(tags) if label == "sensitive"]
    holdout = {i for i, row in enumerate(_rows()) if "holdout" in (row["note"] or "")}
    return {
        "tags": tags, "holdout": holdout, "flagged": flagged,
        "everyday": len(everyday), "false_positives": [tags[i][0] for i in everyday if i in flagged],
        "sensitive": len(sensitive), "missed": [tags[i][0] for i in sensitive if i not in flagged],
    }


def test_the_list_is_big_enough_and_holds_both_labels_in_both_languages():
    tags = _labelled()
    assert len(tags) >= 100
    assert {label for _, label in tags} == {"everyday", "sensitive"}
    for label in ("everyday", "sensitive"):
        mine = [tag for tag, lab in tags if lab == label]
        assert any(tag.isascii() for tag in mine) and any(not tag.isascii() for tag in mine), label
    assert len({tag for tag, _ in tags}) == len(tags), "duplicate tags"


def test_at_most_three_false_positives_per_hundred_everyday_tags(measured):
    rate = 100 * len(measured["false_positives"]) / measured["everyday"]
    assert rate <= MAX_FALSE_POSITIVES_PER_100, f"{rate:.1f} per 100 everyday tags flagged: {measured['false_positives']}"


def test_catches_at_least_85_percent_of_sensitive_tags(measured):
    recall = 1 - len(measured["missed"]) / measured["sensitive"]
    assert recall >= MIN_RECALL, f"recall {recall:.0%}, missed {measured['missed']}"


def test_the_rule_documentation_states_the_measured_figures(measured):
    assert MEASURED == {
        "everyday": measured["everyday"], "false_positives": len(measured["false_positives"]),
        "sensitive": measured["sensitive"], "caught": measured["sensitive"] - len(measured["missed"]),
    }


def test_the_documentation_states_the_holdout_figures(measured):
    tags, holdout, flagged = measured["tags"], measured["holdout"], measured["flagged"]
    everyday = [i for i in holdout if tags[i][1] == "everyday"]
    sensitive = [i for i in holdout if tags[i][1] == "sensitive"]
    assert HOLDOUT == {"everyday": len(everyday), "false_positives": sum(i in flagged for i in everyday),
                       "sensitive": len(sensitive), "caught": sum(i in flagged for i in sensitive)}
