"""Files that cannot be read as a scenario get one line each, naming the file."""

from __future__ import annotations

from campaignsim.load import MAX_BYTES, load_file


def rendered(path, reg):
    return [e.render() for e in load_file(path, reg).errors]


def test_a_missing_file_is_one_line(tmp_path, reg):
    path = tmp_path / "nope.toml"
    assert rendered(path, reg) == [f"{path}: no such file"]


def test_a_non_utf8_file_names_the_line_and_the_byte(tmp_path, base, reg):
    path = tmp_path / "latin1.toml"
    path.write_bytes(base.replace("Acme Tea", "Acme Caf\u00e9").encode("latin-1"))
    offset = base.index("Acme Tea") + len("Acme Caf")
    assert rendered(path, reg) == [f"{path}:4: file is not UTF-8 text (byte 0xe9 at offset {offset})"]


def test_an_empty_file_is_one_line(tmp_path, reg):
    path = tmp_path / "empty.toml"
    path.write_bytes(b"")
    assert rendered(path, reg) == [
        f"{path}: file is empty; a scenario needs at least [campaign], [platform], [entry] and [prize]"]


def test_a_file_of_blank_lines_is_empty(tmp_path, reg):
    path = tmp_path / "blank.toml"
    path.write_text("\n  \n\t\n", encoding="utf-8")
    assert rendered(path, reg) == [
        f"{path}: file is empty; a scenario needs at least [campaign], [platform], [entry] and [prize]"]


def test_a_file_of_only_comments_is_one_line(tmp_path, reg):
    path = tmp_path / "comments.toml"
    path.write_text("# a campaign we will write tomorrow\n\n# [campaign]\n", encoding="utf-8")
    assert rendered(path, reg) == [
        f"{path}: file holds only comments and blank lines; a scenario needs at least [campaign], [platform], [entry] and [prize]"]


def test_a_file_over_one_mebibyte_is_one_line(tmp_path, reg):
    path = tmp_path / "huge.toml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    assert MAX_BYTES == 1024 * 1024
    assert rendered(path, reg) == [f"{path}: file is 1,048,577 bytes; scenario files are limited to 1,048,576 bytes (1 MiB)"]


def test_a_file_of_exactly_one_mebibyte_is_read(tmp_path, base, reg):
    path = tmp_path / "full.toml"
    padding = MAX_BYTES - len(base.encode()) - 1
    path.write_bytes(base.encode() + b"#" * padding + b"\n")
    assert path.stat().st_size == MAX_BYTES
    assert rendered(path, reg) == []


def test_a_directory_is_one_line(tmp_path, reg):
    assert rendered(tmp_path, reg) == [f"{tmp_path}: is a directory, not a scenario file"]


def test_a_byte_order_mark_is_accepted(tmp_path, base, reg):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + base.encode())
    loaded = load_file(path, reg)
    assert loaded.errors == [] and loaded.base.campaign.brand == "Acme Tea"
