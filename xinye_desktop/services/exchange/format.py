"""Member names, settings and messages of the exchange package (docs/exchange-package.md)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ...domain.errors import Refused
from ...domain.exchange import FORMAT, FORMAT_VERSION, SUFFIX  # noqa: F401  (re-exported)
from ...domain.i18n import QT_TRANSLATE_NOOP

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
FIGURES = "figures.json"
TOMBSTONES = "tombstones.jsonl"
ROWS_DIR = "rows/"
DOCUMENTS_DIR = "documents/"
KIND = "village-report"
# A 司法所 relaying a village's rows to the 司法局: signed by the township (manifest "relayed_by"), which
# vouches for the village's own key (manifest "committee"); services/hub/relay.py.
RELAY_KIND = "township-relay"

# The one shape every member name has: nothing else is ever read out of a package.
MEMBER_NAME = re.compile(r"^(?:manifest\.json|manifest\.sig|figures\.json|tombstones\.jsonl"
                         r"|rows/[a-z_]{1,40}\.jsonl|documents/[0-9]{4,6}\.sealed)$")

# Settings (the village's database).
HUB_KEY_SETTING = "exchange_hub_public_key"  # base64 X25519; set where the hub's key comes in (item 4)
ACKNOWLEDGED_SETTING = "exchange_acknowledged_mark"  # the up-to mark of the last package the hub acknowledged
LAST_PACKAGE_SETTING = "exchange_last_package"  # JSON: file, period, since, up_to, created_at


def dumps(value) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8): what is hashed and signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def jsonl(rows) -> bytes:
    return b"".join(dumps(row) + b"\n" for row in rows)


class PackageRefused(Refused):
    """A package that is not read (or not written): ``reason`` is a short code the hub's summary and the
    tests use, the message says it in Chinese. Nothing was written."""

    def __init__(self, reason: str, message: str, **params):
        super().__init__(message, **params)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    """What a package may be. A file larger than ``file_bytes`` is refused on its size alone, unread; the
    zip's central directory is checked against the rest before any member is read, and every member is
    read no further than its declared size."""

    file_bytes: int = 1 << 30  # 1 GiB: a village's years of PDFs are a few hundred MB
    member_bytes: int = 256 << 20
    total_bytes: int = 2 << 30  # all members unpacked
    members: int = 100_000
    manifest_bytes: int = 16 << 20


# Messages (context "Exchange"); {name} is the package's file name.
TOO_BIG = QT_TRANSLATE_NOOP("Exchange", "报送包 {name} 太大（{size}），超过上限 {limit}：没有读取，什么都没有导入。")
MEMBER_TOO_BIG = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 里有一部分解开后太大（超过 {limit}），可能是恶意文件：没有读取，什么都没有导入。")
NOT_A_PACKAGE = QT_TRANSLATE_NOOP(
    "Exchange", "{name} 不是报送包，或者文件不完整（可能复制时中断、U盘被拔出）：什么都没有导入。请让村里重新生成报送包。")
DAMAGED = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 已损坏（{detail} 的校验不符，文件可能在U盘上出错）：什么都没有导入。请让村里重新生成报送包。")
UNSAFE_NAME = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 里有不安全或不认识的文件名（{detail}），可能是被人改过的恶意文件：什么都没有读取和导入。")
TAMPERED = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 的内容与它签名的清单不符（{detail}），可能被改动过：什么都没有导入。")
BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 的签名不对：不是调委会的签名密钥签的，或者清单被改动过。什么都没有导入。")
OTHER_KEY = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 是用另一把签名密钥签的（指纹 {fingerprint}），与这个调委会登记的密钥（指纹 {registered}）"
                "不一致：什么都没有导入。请打电话向村里核对密钥指纹。")
NEWER_FORMAT = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 的格式（第 {version} 版）比这个程序新：请先升级三理室调解台再导入。什么都没有导入。")
BAD_FORMAT = QT_TRANSLATE_NOOP("Exchange", "报送包 {name} 的内容格式不对（{detail}）：什么都没有导入。")
NOT_FOR_THIS_HUB = QT_TRANSLATE_NOOP(
    "Exchange", "报送包 {name} 不是加密给这个司法所的（它的公钥指纹是 {fingerprint}）：个人信息打不开，什么都没有导入。")

# Writing.
NO_HUB_KEY = QT_TRANSLATE_NOOP(
    "Exchange", "还没有司法所的公钥：请先导入司法所发来的回执包（或设置司法所的公钥），再生成报送包。")
NO_SIGNING_KEY = QT_TRANSLATE_NOOP(
    "Exchange", "这个调委会还没有签名密钥（设置管理员账号和密码时生成）：请先登录后再生成报送包。")
NO_FOLDER = QT_TRANSLATE_NOOP("Exchange", "文件夹 {folder} 不存在：报送包没有生成。")
WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Exchange", "报送包没有写完（{detail}）。没有留下不完整的报送包；请检查U盘（是否插好、是否已满）后重新生成。")
BAD_PERIOD = QT_TRANSLATE_NOOP("Exchange", "报送月份不对：请写成 2026-12 这样的年月。")
USB_FULL = QT_TRANSLATE_NOOP(
    "Exchange", "{folder} 空间不够，报送包没有写完：没有留下不完整的报送包。请删掉U盘上不需要的文件或换一个U盘后重新生成。")
NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "Exchange", "文件夹 {folder} 不能写入（只读、写保护或没有权限）：报送包没有生成。请拨开U盘的写保护开关，或另选文件夹。")
USB_GONE = QT_TRANSLATE_NOOP(
    "Exchange", "写报送包时找不到 {folder}（U盘可能被拔出）：没有留下不完整的报送包。请插好U盘后重新生成。")

# -- the hub's return package (回执包, issue 16 item 4; docs/exchange-package.md "The return package") ----------
RETURN_KIND = "hub-return"
RETURN_SUFFIX = ".xdr"
DECISIONS = "decisions.jsonl"
SETTINGS = "settings.json"
INSTALLER = "installer/installer.bin"  # its own name is in the manifest, checked before it is used
# The hub's roster of role people for the committee (services/hub/roster.py): only in a return that carries
# some (a return without people stays readable by a village app that does not know the member).
ROSTER = "roster.jsonl"
RETURN_MEMBER_NAME = re.compile(r"^(?:manifest\.json|manifest\.sig|decisions\.jsonl|settings\.json|roster\.jsonl"
                                r"|installer/installer\.bin)$")

_INSTALLER_NAME_BAD = set('\\/:*?"<>|')


def installer_name_problem(name: str) -> bool:
    """True for an installer's file name that must not be used as one (a path, a device, control characters)."""
    return (not name or len(name) > 100 or name.startswith(".") or name.strip() != name
            or any(ch in _INSTALLER_NAME_BAD or ord(ch) < 32 for ch in name))


# Settings (the village's database).
HUB_SIGNING_SETTING = "exchange_hub_signing_key"  # base64 Ed25519: the hub's key, pinned on the first return
RETURN_LAST_SETTING = "exchange_return_last"  # JSON: sequence, manifest_sha256, file, created_at, imported_at
# JSON {uuid: version}: the version of each hub roster person this village last took (returns_import.py).
ROSTER_VERSIONS_SETTING = "exchange_roster_versions"
INSTALLERS_FOLDER = "installers"  # under the village's data folder: installers the hub sent, for a person to run

# Messages of a refused return package (context "Exchange"); {name} is its file name.
R_TOO_BIG = QT_TRANSLATE_NOOP("Exchange", "回执包 {name} 太大（{size}），超过上限 {limit}：没有读取，什么都没有导入。")
R_MEMBER_TOO_BIG = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 里有一部分解开后太大（超过 {limit}），可能是恶意文件：没有读取，什么都没有导入。")
R_NOT_A_PACKAGE = QT_TRANSLATE_NOOP(
    "Exchange", "{name} 不是回执包，或者文件不完整（可能复制时中断、U盘被拔出）：什么都没有导入。请让司法所重新生成回执包。")
R_DAMAGED = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 已损坏（{detail} 的校验不符，文件可能在U盘上出错）：什么都没有导入。请让司法所重新生成回执包。")
R_UNSAFE_NAME = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 里有不安全或不认识的文件名（{detail}），可能是被人改过的恶意文件：什么都没有读取和导入。")
R_TAMPERED = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 的内容与它签名的清单不符（{detail}），可能被改动过：什么都没有导入。")
R_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 的签名不对：不是司法所的签名密钥签的，或者清单被改动过。什么都没有导入。")
R_OTHER_KEY = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 是用另一把签名密钥签的（指纹 {fingerprint}），与本机第一次导入回执时记下的司法所密钥"
                "（指纹 {registered}）不一致：什么都没有导入。请打电话向司法所核对密钥指纹。")
R_NEWER_FORMAT = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 的格式（第 {version} 版）比这个程序新：请先升级三理室调解台再导入。什么都没有导入。")
R_BAD_FORMAT = QT_TRANSLATE_NOOP("Exchange", "回执包 {name} 的内容格式不对（{detail}）：什么都没有导入。")
R_NOT_A_RETURN = QT_TRANSLATE_NOOP("Exchange", "{name} 不是司法所发来的回执包（{kind}）：什么都没有导入。")
R_OTHER_COMMITTEE = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 是发给{committee}的，不是本调委会的：什么都没有导入。请把它交给对应的村。")
R_OTHER_HUB_KEY = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 带来的司法所公钥（指纹 {fingerprint}）与本机报送包加密用的公钥（指纹 {registered}）"
                "不一致：什么都没有导入。请打电话向司法所核对。")
R_OLDER = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 是司法所的第 {sequence} 号回执，本机已经导入了第 {last} 号（{at}）：它不比已导入的新，"
                "什么都没有导入。")
R_NOT_FOR_THIS_KEY = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 里的审查理由是加密给另一把密钥的（可能本机恢复过别的备份）：打不开，什么都没有导入。"
                "请让司法所在收到本机新的报送包后重新生成回执包。")
R_BAD_SETTING = QT_TRANSLATE_NOOP("Exchange", "回执包 {name} 里的设置不对（{detail}）：什么都没有导入。")
R_NEEDS_LOGIN = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 里的审查理由是加密的，要登录后才能打开：请先登录再导入。什么都没有导入。")
R_INSTALLER_FAILED = QT_TRANSLATE_NOOP(
    "Exchange", "回执包 {name} 里的安装程序没有保存下来（{detail}）：什么都没有导入。请检查磁盘空间后再导入。")
