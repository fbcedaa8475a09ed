"""TOML the parser rejects, or cannot handle, is reported at the parser's line and column."""

from __future__ import annotations


def test_invalid_toml_reports_the_parsers_line_and_column(spring, errors):
    assert errors(spring(l4='brand = "Acme Tea')) == ["spring.toml:4:18: invalid TOML: Illegal character '\\n'"]


def test_an_unclosed_table_header_is_located(base, errors):
    assert errors(base.replace("[platform]", "[platform")) == [
        "spring.toml:9:10: invalid TOML: Expected ']' at the end of a table declaration"]


def test_a_key_defined_twice_is_located_at_the_second(spring, errors):
    assert errors(spring(l4='name = "Acme Tea"')) == ["spring.toml:4:18: invalid TOML: Cannot overwrite a value"]


def test_an_error_at_the_end_of_the_document_gets_its_last_line_and_column(base, errors):
    assert errors(base + "extra = [1,\n  2,") == ["spring.toml:44:5: invalid TOML: Invalid value (at end of document)"]


def test_thousands_of_nested_arrays_are_an_error_message_not_a_crash(errors):
    text = "# deep\nx = " + "[" * 5000 + "]" * 5000 + "\n"
    assert errors(text) == ["spring.toml:2:5004: invalid TOML: values are nested too deeply to read"]


def test_thousands_of_nested_inline_tables_are_an_error_message_not_a_crash(errors):
    text = "x = " + "{ a = " * 4000 + "1" + " }" * 4000 + "\n"
    column = len("x = ") + len("{ a = ") * 3999 + 1
    assert errors(text) == [f"spring.toml:1:{column}: invalid TOML: values are nested too deeply to read"]


def test_nesting_the_parser_accepts_but_the_format_does_not_is_an_ordinary_error(errors, base):
    text = base.replace("reach = 30000", "reach = " + "[" * 200 + "]" * 200)
    assert errors(text) == ["spring.toml:16: audience.reach: must be an integer ≥ 0, got an array"]


def test_an_integer_too_long_for_python_is_located(spring, errors):
    assert errors(spring(l36="value = " + "1" * 5000)) == [
        "spring.toml:36:9: invalid TOML: an integer of 5,000 digits is out of range (TOML integers are 64-bit)"]


def test_an_invalid_date_is_located(spring, errors):
    assert errors(spring(l12="registered = 2019-02-30")) == ["spring.toml:12:14: invalid TOML: Invalid date or datetime"]
