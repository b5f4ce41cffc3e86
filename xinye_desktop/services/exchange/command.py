"""The command line's ``export-package --to FILE`` (issue 16 item 2), after __main__ has opened the data
folder and logged in (exporting opens the parties' personal data to encrypt it again: it needs a login)::

    folder = data_folder(args, EXISTING)            # None: exit 2
    with folder:
        refused = log_in(args, folder, "export-package")
        if refused is not None:
            return refused
        return run_export_package(folder.db, args.to, data_root=folder.paths.root,
                                  hub_key_file=args.hub_key, period=args.month)

Exit codes as the other commands': 0 written, 1 the writing failed (nothing left under the name),
2 nothing done (no such folder, no hub key, a bad month), 3 refused (the account may not export)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from ...domain.errors import Refused
from .format import PackageRefused
from .writer import ExchangeService

_NOTHING_DONE = {"folder", "hub_key", "period", "signing_key"}


def _read_hub_key(path: Path) -> bytes | str:
    data = Path(path).read_bytes()
    return data if len(data) == 32 else data.decode("ascii", "replace").strip()


def run_export_package(db, to: Path, *, data_root: Path | None = None, hub_key_file: Path | None = None,
                       period: str | None = None, out: Callable[[str], None] = print,
                       err: Callable[[str], None] | None = None) -> int:
    err = err or (lambda text: print(text, file=sys.stderr))
    try:
        hub_key = _read_hub_key(hub_key_file) if hub_key_file is not None else None
    except OSError as error:
        err(f"读不到司法所的公钥文件 {hub_key_file}：{error.strerror or error}。报送包没有生成。")
        return 2
    try:
        written = ExchangeService(db, data_root).write_package(Path(to), hub_public_key=hub_key, period=period)
    except PackageRefused as refused:
        err(refused.text())
        return 2 if refused.reason in _NOTHING_DONE else 1
    except Refused as refused:
        err("报送包没有生成：" + refused.text())
        return 3
    counts = written.counts
    rows = sum(n for k, n in counts.items() if k not in ("documents", "tombstones"))
    out(f"报送包已写入 {written.path}（{written.period}，{'零报告，' if written.zero_report else ''}"
        f"案件 {counts.get('cases', 0)} 件，记录 {rows} 条，存档文件 {counts.get('documents', 0)} 个，"
        f"{written.size / (1 << 20):.1f} MB）。")
    out(f"调委会签名密钥指纹：{written.fingerprint}（司法所第一次导入时请电话核对）。")
    return 0


def run_import_return(db, path: Path, *, data_root: Path | None = None, out: Callable[[str], None] = print,
                      err: Callable[[str], None] | None = None) -> int:
    """``import-return FILE``: the 司法所's return package (services/exchange/returns_import.py). Exit 0
    imported (or already imported), 1 refused (the file), 3 refused (the account may not)."""
    from .returns_import import ReturnImporter

    err = err or (lambda text: print(text, file=sys.stderr))
    try:
        done = ReturnImporter(db, data_root).import_return(Path(path))
    except PackageRefused as refused:
        err(refused.text())
        return 1
    except Refused as refused:
        err("回执包没有导入：" + refused.text())
        return 3
    for line in done.lines():
        out(line)
    return 0
