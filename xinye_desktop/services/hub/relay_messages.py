"""What the 司法所's relay to the 司法局 says (context "Hub"; services/hub/relay.py and relay_import.py).
{name} is a package's file name, {township} a township (王庄镇), {office} 司法所 or 司法局."""

from __future__ import annotations

from ...domain.i18n import QT_TRANSLATE_NOOP

# Writing (the 司法所).
ONLY_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "只有司法所向司法局转报：这个数据文件夹是{office}（{area}），没有生成转报包。")
NO_SIGNING_KEY = QT_TRANSLATE_NOOP(
    "Hub", "这个司法所还没有签名密钥（设置管理员账号和密码时生成）：请先设置账号并登录，再生成转报包。")
NO_COUNTY_KEY = QT_TRANSLATE_NOOP(
    "Hub", "司法局的公钥不对（应是司法局 hub-setup 写出的 hub-key.txt）：没有生成转报包。")
COUNTY_KEY_IS_OURS = QT_TRANSLATE_NOOP(
    "Hub", "给的是本司法所自己的公钥，不是司法局的：没有生成转报包。请用司法局 hub-setup 写出的 hub-key.txt。")
HELD_DAMAGED = QT_TRANSLATE_NOOP(
    "Hub", "本司法所保存的{committee}的数据打不开（{detail}）：这个村的转报包没有生成，其他村不受影响。")
BAD_MONTH = QT_TRANSLATE_NOOP("Hub", "月份不对：请写成 2026-12 这样的年月。没有生成转报包。")
NO_COUNTY_KEY_YET = QT_TRANSLATE_NOOP(
    "Hub", "本司法所还没有记下司法局的公钥：第一次转报请给出司法局 hub-setup 写出的 hub-key.txt（以后会记住）。"
           "没有生成转报包。")
COUNTY_KEY_CHANGED = QT_TRANSLATE_NOOP(
    "Hub", "给的司法局公钥（指纹 {given}）与本司法所记下的（指纹 {remembered}）不一样：没有生成转报包。司法局确实换了密钥时，"
           "请先打电话与司法局核对新指纹，再换用新的公钥。")
COUNTY_KEY_UNREADABLE = QT_TRANSLATE_NOOP("Hub", "读不到司法局的公钥文件 {file}：{detail}。没有生成转报包。")

# Importing (the 司法局).
RELAY_AT_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "报送包 {name} 是{township}司法所转报给司法局的转报包，司法所不导入转报包：什么都没有导入。"
           "村里的报送包请直接导入。")
RELAY_OTHER_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "转报包 {name} 由{township}司法所转报，但里面的调委会（{committee}）属于{other}：一个司法所只能转报本乡镇的"
           "调委会，什么都没有导入。")
RELAY_NO_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "转报包 {name} 没有写明是哪个乡镇的司法所转报的：什么都没有导入。")
RELAY_OTHER_KEY = QT_TRANSLATE_NOOP(
    "Hub", "转报包 {name} 是用另一把签名密钥签的（指纹 {fingerprint}），与本司法局为{township}司法所登记的密钥（指纹 "
           "{registered}）不一致：什么都没有导入。请打电话向{township}司法所核对密钥指纹。")
RELAY_BAD_FIGURES = QT_TRANSLATE_NOOP("Hub", "转报包 {name} 的月度数字格式不对：什么都没有导入。")
RELAY_BAD_REVOCATIONS = QT_TRANSLATE_NOOP("Hub", "转报包 {name} 里吊销密钥的记录格式不对：什么都没有导入。")
# The reason kept at the county for a relayed revocation whose sealed part names none.
RELAYED_NO_REASON = QT_TRANSLATE_NOOP("Hub", "司法所转报的吊销（未写理由）")

# The summary of one relay.
RELAYED = QT_TRANSLATE_NOOP("Hub", "（经{township}司法所转报，{months}）")
RELAYED_MONTHS = QT_TRANSLATE_NOOP("Hub", "带来 {months} 的月度数字")
RELAYED_NO_MONTHS = QT_TRANSLATE_NOOP("Hub", "没有新的月度数字")
NEW_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Hub", "第一次收到{township}司法所（{hub}）的转报包：已登记它的签名密钥，指纹 {fingerprint}。请打电话与司法所核对"
           "这个指纹；以后用别的密钥签的{township}转报包都不会导入。")
REVOCATIONS_APPLIED = QT_TRANSLATE_NOOP(
    "Hub", "转报包带来{township}司法所吊销的签名密钥 {count} 把，本司法局已照样吊销其中 {applied} 把（指纹 {fingerprints}）："
           "以后用这些密钥签的报送包一律拒收。")
REVOCATIONS_HELD = QT_TRANSLATE_NOOP(
    "Hub", "转报包带来{township}司法所吊销的签名密钥 {count} 把，本司法局都已吊销，没有变化。")
