"""One app per data folder: a second start brings the running window forward; a lock left by a
crash does not block the next start; the lock is per folder and released on close."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

from xinye_desktop.ui.single_instance import LOCK_NAME, InstanceGuard

ROOT = Path(__file__).resolve().parent.parent


def start_app(*args, data_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "xinye_desktop", *args, "--data-dir", str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def test_a_second_start_asks_the_running_app_to_show_its_window_and_exits(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    running = InstanceGuard(folder)
    assert running.acquire()
    shown = []
    assert running.listen(lambda: shown.append(True))
    second = start_app(data_dir=folder)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60000)  # our event loop answers it
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert shown == [True]
        assert "已把它的窗口调到前面" in out
        assert not (folder / "xinye.sqlite3").exists(), "the second start did not open the database"
    finally:
        if second.poll() is None:
            second.kill()
        running.release()
    assert not (folder / LOCK_NAME).exists(), "released on close"


def test_a_lock_left_by_a_killed_app_does_not_block_the_next_start(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from xinye_desktop.ui.single_instance import InstanceGuard
        guard = InstanceGuard({str(folder)!r})
        print(guard.acquire(), flush=True)
        time.sleep(600)
    """)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "True"
        assert not InstanceGuard(folder).acquire(), "held while the holder lives"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert (folder / LOCK_NAME).exists(), "the crash left its lock file"
    started = start_app("--smoke-test", data_dir=folder)
    out, err = started.communicate(timeout=120)
    assert started.returncode == 0, err
    assert "smoke test ok" in out
    assert not (folder / LOCK_NAME).exists()


def test_the_guard_is_per_data_folder(tmp_path):
    first, second = InstanceGuard(tmp_path / "a"), InstanceGuard(tmp_path / "b")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert first.acquire() and second.acquire()
    assert first.server_name != second.server_name
    again = InstanceGuard(tmp_path / "a")
    assert not again.acquire()
    first.release()
    assert again.acquire()
    again.release()
    second.release()


def test_a_lock_from_another_computer_is_taken_over_only_when_the_user_agrees(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    # A shared folder opened on another PC (or this PC renamed): Qt cannot tell whether it is alive.
    (folder / LOCK_NAME).write_text(f"4242\npython3\nother-pc-{socket.gethostname()}\n")
    guard = InstanceGuard(folder)
    assert not guard.acquire()
    assert guard.holder()[:2] == (4242, f"other-pc-{socket.gethostname()}")
    refused = start_app("--smoke-test", data_dir=folder)  # cannot ask: refuses, touches nothing
    _out, err = refused.communicate(timeout=120)
    assert refused.returncode == 3 and "正被另一个程序使用" in err
    assert not (folder / "xinye.sqlite3").exists()
    assert guard.take_over()  # what "解除锁定并打开" does
    guard.release()
