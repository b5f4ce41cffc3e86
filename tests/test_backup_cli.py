"""The command line: ``backup [--to FILE]``, ``restore FILE`` and ``check``."""

from __future__ import annotations

import shutil

import pytest

from tests.test_backup_service import demo, demo_folder, document_hashes, dump_tables  # noqa: F401 - fixtures
from xinye_desktop.__main__ import main
from xinye_desktop.paths import DataPaths


def test_backup_to_a_file_and_restore_it_into_another_folder(demo, tmp_path, capsys):  # noqa: F811
    paths, db, _service = demo
    db.close()
    target = tmp_path / "U盘" / "备份.zip"
    target.parent.mkdir()  # the drive is there: a folder that is not is refused, not made (test_cli_errors.py)
    assert main(["backup", "--to", str(target), "--data-dir", str(paths.root)]) == 0
    out = capsys.readouterr().out
    assert "案件 40 件" in out and "已读回校验" in out and target.is_file()

    other = tmp_path / "other-pc"
    assert main(["restore", str(target), "--data-dir", str(other)]) == 0
    assert "已恢复" in capsys.readouterr().out
    assert dump_tables(DataPaths(other).database) == dump_tables(paths.database)
    assert document_hashes(DataPaths(other).documents) == document_hashes(paths.documents)
    assert main(["check", "--data-dir", str(other)]) == 0
    out = capsys.readouterr().out
    assert "检查通过" in out and "提醒：还没有备份" in out


def test_backup_without_a_file_goes_to_the_backups_folder(demo, capsys):  # noqa: F811
    paths, db, service = demo
    db.close()
    assert main(["backup", "--data-dir", str(paths.root)]) == 0
    assert "备份已完成并校验" in capsys.readouterr().out
    (made,) = service.list_backups()
    assert made.kind == "manual" and service.verify(made) == []


def test_restore_is_refused_while_the_app_has_the_folder_open(demo, capsys):  # noqa: F811
    from xinye_desktop.ui.single_instance import InstanceGuard

    paths, db, service = demo
    made = service.create("manual").backup
    db.close()
    running = InstanceGuard(paths.root)
    assert running.acquire()
    try:
        assert main(["restore", str(made.path), "--data-dir", str(paths.root)]) == 3
        assert "请先关闭程序窗口" in capsys.readouterr().err
    finally:
        running.release()
    assert main(["restore", str(made.path), "--data-dir", str(paths.root)]) == 0


def test_check_fails_on_a_damaged_database_and_says_what_to_do(demo, capsys):  # noqa: F811
    paths, db, _service = demo
    db.close()
    assert main(["check", "--data-dir", str(paths.root)]) == 0
    assert "还没有备份" in capsys.readouterr().out
    with open(paths.database, "r+b") as handle:
        handle.seek(4096 * 5)
        handle.write(b"\xff" * 4096 * 3)
    assert main(["check", "--data-dir", str(paths.root)]) == 1
    out = capsys.readouterr().out
    assert "问题：" in out and "恢复一份备份" in out


@pytest.mark.parametrize("command", [["backup"], ["check"], ["restore", "nothing.zip"]])
def test_commands_say_plainly_when_there_is_nothing_to_work_on(command, tmp_path, capsys):
    assert main([*command, "--data-dir", str(tmp_path / "empty")]) == 2
    assert "找不到" in capsys.readouterr().err


def test_a_failed_export_leaves_no_half_file(demo, tmp_path, monkeypatch, capsys):  # noqa: F811
    import errno

    import zipfile

    paths, db, _service = demo
    db.close()
    real_write = zipfile.ZipFile.write

    def write(self, filename, arcname=None, *args, **kwargs):
        if str(arcname).endswith(".pdf"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, filename, arcname, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", write)
    target = tmp_path / "out" / "备份.zip"
    target.parent.mkdir()
    assert main(["backup", "--to", str(target), "--data-dir", str(paths.root)]) == 1
    assert "磁盘空间已满" in capsys.readouterr().err
    assert list(target.parent.iterdir()) == [], "no .part, no temporary folder, no zip"
    shutil.rmtree(target.parent)


def test_check_flags_a_database_emptied_in_a_folder_used_before_also_after_a_start_rebuilt_it(demo, capsys):  # noqa: F811
    """Issue 13: a 0-byte database, and the state an unsuspecting start left (an empty schema built in
    it, a start backup of no cases) while documents/ and the older backups still hold the cases."""
    from tests.test_backup_service import _empty_the_database_and_start_the_old_way

    paths, db, service = demo
    full = service.create("start").backup
    db.close()
    paths.database.write_bytes(b"")
    assert main(["check", "--data-dir", str(paths.root)]) == 1
    out = capsys.readouterr().out
    assert "问题：数据库里没有三理室调解台的数据（文件大小为 0 字节）" in out and "documents 文件夹里有" in out
    assert paths.database.read_bytes() == b"", "check reads only"

    _empty_the_database_and_start_the_old_way(paths)
    service.create("start")
    assert main(["check", "--data-dir", str(paths.root)]) == 1
    out = capsys.readouterr().out
    assert "检查通过。" not in out
    assert f"问题：数据库里现在只有 0 件案件，比 {full.created:%Y-%m-%d %H:%M} 的备份（40 件）少" in out
    assert str(full.path) in out

    shutil.rmtree(paths.backups)  # no backup left to compare with: the case folders still tell
    assert main(["check", "--data-dir", str(paths.root)]) == 1
    assert "问题：数据库里没有任何案件，但 documents 文件夹里还有" in capsys.readouterr().out
