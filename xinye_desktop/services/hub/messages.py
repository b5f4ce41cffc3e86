"""What the hub says (context "Hub"): set-up, the per-package summary of an import, refusals and flags.
{name} is a package's file name, {office} 司法所 or 司法局, {area} the hub's township or county."""

from __future__ import annotations

from ...domain.i18n import QT_TRANSLATE_NOOP

# Set-up.
ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "Hub", "这个数据文件夹已经设为{office}（{area}）：不能重新设置。换一把密钥会让各村已生成的报送包都打不开。")
HAS_CASES = QT_TRANSLATE_NOOP(
    "Hub", "这个数据文件夹里有调委会自己的 {cases} 件案件：{office}要用一个单独的、新的数据文件夹。什么都没有改动。")
BAD_AREA_TOWNSHIP = QT_TRANSLATE_NOOP("Hub", "“{area}”不是乡镇的名称：司法所请写所在的乡镇，如 王庄镇。")
BAD_AREA_COUNTY = QT_TRANSLATE_NOOP("Hub", "“{area}”不是县（区、市）的名称：司法局请写所在的县，如 新野县。")
NOT_A_HUB = QT_TRANSLATE_NOOP(
    "Hub", "这个数据文件夹还没有设为司法所或司法局（先运行 hub-setup）：不能导入报送包，什么都没有导入。")

# Refused packages (beside services/exchange/format.py's own).
OTHER_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 是{township}的调委会（{committee}）报送的，不属于本{office}（{area}）：什么都没有导入。")
NO_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 的调委会名称（{committee}）没有写明乡镇，无法确认属于本司法所（{area}）：什么都没有导入。"
           "请让村里在设置里写全调委会名称后重新生成。")
OTHER_COUNTY = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 是{county}的调委会（{committee}）报送的，不属于本司法局（{area}）：什么都没有导入。")
REVOKED_KEY = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 是用{committee}的签名密钥签的（指纹 {fingerprint}），这把密钥已于 {revoked_at} 被本{office}"
           "吊销：什么都没有导入。用吊销的密钥签的报送包一律不导入（电脑可能已丢失或被人冒用）；请让村里在重新安装的电脑上"
           "用新的签名密钥重新生成报送包。")
NOT_A_VILLAGE_REPORT = QT_TRANSLATE_NOOP("Hub", "报送包 {name} 不是村调委会的报送包（{kind}）：什么都没有导入。")
NOT_FOUND = QT_TRANSLATE_NOOP("Hub", "找不到 {path}：没有导入。")
EMPTY_FOLDER = QT_TRANSLATE_NOOP("Hub", "文件夹 {path} 里没有报送包（.xdx 文件）。")

# The summary of one package.
IMPORTED = QT_TRANSLATE_NOOP(
    "Hub", "{name}：{committee}，{period}{zero}，已导入：新增 {new} 条，更新 {updated} 条，没有变化 {unchanged} 条，"
           "存档文件新增 {documents} 个。")
ZERO_REPORT = QT_TRANSLATE_NOOP("Hub", "（零报告）")
OLDER_KEPT = QT_TRANSLATE_NOOP("Hub", "其中 {older} 条比本{office}已有的旧，没有覆盖已有的。")
DELETED = QT_TRANSLATE_NOOP("Hub", "村里删除了 {deleted} 条（本{office}留有原记录，标为已删除）。")
ALREADY_IMPORTED = QT_TRANSLATE_NOOP("Hub", "{name}：{committee}的这个报送包已经导入过（{at}），没有任何改动。")
REFUSED = QT_TRANSLATE_NOOP("Hub", "{name}：没有导入。{message}")
NEW_KEY = QT_TRANSLATE_NOOP(
    "Hub", "{committee}原来的签名密钥已于 {revoked_at} 吊销，这是吊销后收到的第一个报送包：已登记它的新签名密钥，"
           "指纹 {fingerprint}。请打电话与村里核对这个指纹后再确认；以后用别的密钥签的报送包都不会导入。")
NEW_COMMITTEE = QT_TRANSLATE_NOOP(
    "Hub", "第一次收到{committee}的报送包：已登记它的签名密钥，指纹 {fingerprint}。请打电话与村里核对这个指纹；"
           "以后用别的密钥签的报送包都不会导入。")

# Flags: left for a person, never decided by the import.
FLAG_CASE_NUMBER = QT_TRANSLATE_NOOP(
    "Hub", "{committee}与{other}有相同的案号（{count} 件，如 {examples}）：两个调委会的案件分开保存，查阅时请按调委会区分。")
FLAG_CHANGED_AFTER_REVIEW = QT_TRANSLATE_NOOP(
    "Hub", "{committee}的案件 {case_number} 在本{office}审核（{decision}）之后又被村里修改：审核意见保留，没有合并，"
           "请重新审核。")
FLAG_OLDER_ROWS = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 有 {count} 条记录比本{office}已有的旧（可能是旧的报送包，或村里恢复过备份）：旧记录没有覆盖，"
           "请与村里核实。")
FLAG_GAP = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 从村里第 {since} 号变更之后开始，而本{office}只收齐到第 {acknowledged} 号：中间可能缺了一个报送包，"
           "请让村里补报。")

GRADED = QT_TRANSLATE_NOOP("Hub", "评级")

# A flag's values that are labels themselves (an office, a decision), said in the interface's language too.
_LABEL_PARAMS = ("office", "decision")


def flag_text(detail: dict, say=None) -> str:
    """A flag's sentence (hub_flags.detail) in the interface's language: ``say(context, template)`` as
    PackageSummary.lines takes it; the Chinese text as stored without one, or for a flag stored before its
    template was kept."""
    template, params = detail.get("message"), detail.get("params")
    if say is None or not isinstance(template, str) or not isinstance(params, dict):
        return str(detail.get("text") or "")
    values = {key: say("Vocabulary", value) if key in _LABEL_PARAMS and isinstance(value, str) else value
              for key, value in params.items()}
    try:
        return say("Hub", template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming a value the template does not have
        return str(detail.get("text") or "")

# Reviews.
NO_SUCH_COMMITTEE = QT_TRANSLATE_NOOP("Hub", "还没有收到过这个调委会的报送包。")
NO_SUCH_CASE = QT_TRANSLATE_NOOP("Hub", "本{office}没有这个案件（可能还没有导入它的报送包）。")
RETURN_NEEDS_REASON = QT_TRANSLATE_NOOP("Hub", "退回案卷要写明理由。")
AMBIGUOUS_COMMITTEE = QT_TRANSLATE_NOOP(
    "Hub", "“{text}”对应多个调委会（{names}）：请写调委会的全称或编号。")
WRONG_FINGERPRINT = QT_TRANSLATE_NOOP(
    "Hub", "指纹不一致：登记的是 {fingerprint}。请再与村里核对；不一致时不要确认，可能有人冒用这个调委会报送。")

# Revoking a committee's signing key (services/hub/committees.py).
REVOKE_NEEDS_REASON = QT_TRANSLATE_NOOP(
    "Hub", "吊销签名密钥要写明理由（如：村里的电脑丢失）：什么都没有改动。")
REVOKE_REASON_TOO_LONG = QT_TRANSLATE_NOOP(
    "Hub", "吊销的理由太长（{length} 个字，最多 {limit} 个字）：什么都没有改动。")
ALREADY_REVOKED = QT_TRANSLATE_NOOP(
    "Hub", "{committee}的签名密钥（指纹 {fingerprint}）已于 {revoked_at} 吊销，还没有收到用新密钥签的报送包："
           "不用再吊销，什么都没有改动。")
CONFIRM_REVOKED = QT_TRANSLATE_NOOP(
    "Hub", "{committee}的签名密钥（指纹 {fingerprint}）已于 {revoked_at} 吊销，不能再确认。等村里用新的签名密钥报送后，"
           "再电话核对新的指纹。")

# The read side (services/hub/overview.py) and its commands.
NOTHING_TO_SHOW = QT_TRANSLATE_NOOP(
    "Hub", "这个数据文件夹还没有设为司法所或司法局（先运行 hub-setup 并导入各村的报送包）：没有可以汇总的数据。")
