<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../xinye_desktop/app.py" line="108"/>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="108"/>
        <source>程序遇到一个错误，已记录在日志中：
{log}

已填写的内容会自动保存为草稿。

{error}</source>
        <translation>The program hit an error. It has been written to the log:
{log}

What you typed is kept as a draft.

{error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="117"/>
        <source>无法打开数据库 {path}：
{error}</source>
        <translation>Cannot open the database {path}:
{error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="120"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="31"/>
        <source>不予受理的案件没有受理登记表</source>
        <translation>A case that was not accepted has no intake registration form</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="98"/>
        <source>受理日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="99"/>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="100"/>
        <source>来源说明</source>
        <translation>Source note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="101"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="102"/>
        <source>类型说明</source>
        <translation>Type note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="103"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="104"/>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="105"/>
        <source>纠纷简要情况</source>
        <translation>Brief facts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="106"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="107"/>
        <source>受理审查</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="110"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="110"/>
        <source>地位</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="111"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="111"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="112"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="112"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="113"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="113"/>
        <source>职业或职务</source>
        <translation>Occupation or post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="114"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="114"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="115"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="116"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="117"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="117"/>
        <source>请求事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="140"/>
        <source>新增</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="148"/>
        <source>撤出当事人</source>
        <translation>Party withdrawn</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="26"/>
        <source>未署名</source>
        <translation>unsigned</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="18"/>
        <source>修改记录：{number}</source>
        <translation>Change history: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="19"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="19"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="20"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="20"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="21"/>
        <source>原内容</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="21"/>
        <source>新内容</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="25"/>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="25"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="202"/>
        <source>案件信息</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="203"/>
        <source>当事人（至少两方）</source>
        <translation>Parties (at least two)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="204"/>
        <source>受理审查（以法为准）</source>
        <translation>Screening (the law sets the bounds)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="205"/>
        <source>逐项询问当事人并勾选。属于法律规定不能调解的，将登记为“不予受理”并告知当事人其他解决途径。</source>
        <translation>Ask the parties each question and tick what applies. A dispute the law does not allow to be mediated is registered as &quot;not accepted&quot;, and the parties are told the other routes open to them.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="207"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="207"/>
        <source>受理日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="207"/>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="208"/>
        <source>来源说明</source>
        <translation>Source note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="208"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="209"/>
        <source>类型说明</source>
        <translation>Type note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="209"/>
        <source>所属村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="209"/>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="210"/>
        <source>纠纷简要情况</source>
        <translation>Brief facts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="214"/>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="217"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="220"/>
        <source>来源选“其他”时填写，如 网格员上报</source>
        <translation>When the source is &quot;Other&quot;, e.g. reported by a grid worker</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="221"/>
        <source>类型选“其他纠纷”时填写</source>
        <translation>When the type is &quot;Other disputes&quot;</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="222"/>
        <source>选择或输入村名</source>
        <translation>Choose or type a village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="223"/>
        <source>如 3组</source>
        <translation>e.g. Group 3</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="224"/>
        <source>起因、经过、双方争议的焦点</source>
        <translation>How it started, what happened, what the parties disagree on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="227"/>
        <source>＋ 增加当事人</source>
        <translation>+ Add a party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="228"/>
        <source>新建登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="229"/>
        <source>受理登记表（PDF）</source>
        <translation>Registration form (PDF)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="230"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="231"/>
        <source>生成本案的人民调解受理登记表，打印后由当事人和登记人签名</source>
        <translation>Make this case&apos;s intake registration form, to print and have the parties and the registrar sign</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="232"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="240"/>
        <source>新案件受理登记</source>
        <translation>New case intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="241"/>
        <source>保存时自动生成</source>
        <translation>Assigned when saved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="243"/>
        <source>修改案件：{number}</source>
        <translation>Editing case {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="264"/>
        <source>移除当事人</source>
        <translation>Remove party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="265"/>
        <source>确定移除“{name}”吗？已填写的内容将不再保存在本案中。</source>
        <translation>Remove &quot;{name}&quot;? What was typed for this party will no longer be kept in this case.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="266"/>
        <source>当事人{n}</source>
        <translation>Party {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="329"/>
        <source>未保存的内容</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="330"/>
        <source>受理登记表中有未保存的内容。继续的话，这些内容会另存为草稿（不会丢失），表单将被清空。是否继续？</source>
        <translation>The intake form has unsaved input. If you go on, it is kept as a separate draft (nothing is lost) and the form is cleared. Go on?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="364"/>
        <source>本案登记为“不予受理”：</source>
        <translation>This case is registered as not accepted:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="367"/>
        <source>案件状态：{status}</source>
        <translation>Case status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="394"/>
        <source>草稿无法写入磁盘：{error}</source>
        <translation>The draft could not be written to disk: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="410"/>
        <source>已恢复上次未保存的内容，请核对后保存。</source>
        <translation>The unsaved input from last time is back. Check it, then save.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="428"/>
        <source>不能受理：</source>
        <translation>Cannot be accepted:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="431"/>
        <source>可以受理，但请注意：</source>
        <translation>Can be accepted, but note:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="434"/>
        <source>未发现不能调解的情形，可以受理。</source>
        <translation>Nothing found that rules out mediation; the case can be accepted.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="480"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="481"/>
        <source>根据受理审查，本案不能调解：</source>
        <translation>Screening shows this dispute cannot be mediated:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="482"/>
        <source>是否登记为“不予受理”并保存？（记录会保留，便于说明和统计）</source>
        <translation>Register it as &quot;not accepted&quot; and save? (The record is kept for explanation and statistics.)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="492"/>
        <source>已保存：{number}</source>
        <translation>Saved: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="508"/>
        <source>登记表无法写入：{error}</source>
        <translation>The form could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="510"/>
        <source>受理登记表已生成：{path}</source>
        <translation>Intake registration form made: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="544"/>
        <source>有{n}处需要修改，已在对应的项目下用红字标出。</source>
        <translation>{n} items need correcting; each is marked in red under its field.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="549"/>
        <source>这个案件刚被别处修改过。您填写的内容已存为草稿；请重新打开案件后再改。</source>
        <translation>This case was just changed elsewhere. Your input is kept as a draft; open the case again and redo the change.</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="201"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="202"/>
        <source>案号、当事人姓名或拼音首字母（如 zjg）</source>
        <translation>Case number, party name or pinyin initials (e.g. zjg)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="203"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="206"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="209"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="210"/>
        <source>打开所选案件</source>
        <translation>Open selected case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="211"/>
        <source>新建登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="241"/>
        <source>共 {total} 件，已显示 {shown} 件</source>
        <translation>{total} cases, {shown} shown</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="117"/>
        <source>三理室调解台</source>
        <translation>Three-Reasons Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="119"/>
        <source>案件台账</source>
        <translation>Case ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="119"/>
        <source>案件受理</source>
        <translation>Case intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="119"/>
        <source>选择明白人</source>
        <translation>Choose the elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="119"/>
        <source>法理情调解</source>
        <translation>Law · reason · feeling session</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="120"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="122"/>
        <source>（未完成）</source>
        <translation> (not built yet)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="124"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="125"/>
        <source>新建受理登记</source>
        <translation>New case intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="126"/>
        <source>查找案件（台账）</source>
        <translation>Find a case (ledger)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="127"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="128"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="129"/>
        <source>调委会设置…</source>
        <translation>Committee settings…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="130"/>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="131"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="132"/>
        <location filename="../../xinye_desktop/ui/main_window.py" line="187"/>
        <source>关于三理室调解台</source>
        <translation>About the Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="138"/>
        <source>找不到该语言的翻译文件，仍使用简体中文。</source>
        <translation>The translation file for that language is missing; staying with Simplified Chinese.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="149"/>
        <source>找不到案件</source>
        <translation>Case not found</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="149"/>
        <source>这个案件已不在数据库中。</source>
        <translation>This case is no longer in the database.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="170"/>
        <source>当前案件：无（在“案件台账”中双击一个案件，或新建受理登记）</source>
        <translation>Current case: none (double-click a case in the ledger, or start a new intake)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="172"/>
        <source>当前案件：{number}</source>
        <translation>Current case: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="175"/>
        <source>尚未设置调委会名称（设置 → 调委会设置）</source>
        <translation>Committee name not set yet (Settings → Committee settings)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="176"/>
        <source>{committee}&#x3000;数据位置：{folder}</source>
        <translation>{committee}   Data folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="187"/>
        <source>三理室调解台 {version}
新野县矛盾化解“三理”室：说理、评理、处理。

数据位置：{folder}
界面字体：Noto Sans SC（SIL Open Font License 1.1）
Qt for Python (PySide6)：LGPLv3</source>
        <translation>Three-Reasons Mediation Desk {version}
Xinye county&apos;s &quot;three reasons&quot; rooms: state the case, weigh it, act on it.

Data folder: {folder}
Interface font: Noto Sans SC (SIL Open Font License 1.1)
Qt for Python (PySide6): LGPLv3</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="203"/>
        <source>草稿无法读取，已另存在草稿文件夹中：{folder}</source>
        <translation>The draft could not be read; it was set aside in the drafts folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="215"/>
        <source>恢复未保存的登记</source>
        <translation>Restore unsaved intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="215"/>
        <source>上次有一份受理登记没有保存（{time}）。是否恢复？
选择“不恢复”时，这份草稿会另存起来，不会删除。</source>
        <translation>An intake form was left unsaved last time ({time}). Restore it?
If you choose &quot;Don&apos;t restore&quot;, the draft is set aside, not deleted.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="218"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="219"/>
        <source>不恢复</source>
        <translation>Don&apos;t restore</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="132"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="137"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="137"/>
        <source>地位</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="138"/>
        <source>单位名称</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="138"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="139"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="139"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="139"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="140"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="140"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="141"/>
        <source>经营范围</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="141"/>
        <source>职业或职务</source>
        <translation>Occupation or post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="142"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="142"/>
        <source>单位地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="142"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="143"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="143"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="144"/>
        <source>请求事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="148"/>
        <source>选填，18位；填后自动带出性别和出生日期</source>
        <translation>Optional, 18 characters; fills in sex and date of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="149"/>
        <source>如 1968-03-15</source>
        <translation>e.g. 1968-03-15</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="150"/>
        <source>不知出生日期时填</source>
        <translation>If the date of birth is unknown</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="151"/>
        <source>手机或带区号的座机</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="152"/>
        <source>如 新野县王庄镇王庄村3组</source>
        <translation>e.g. Group 3, Wangzhuang Village, Wangzhuang Town, Xinye</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="153"/>
        <source>这一方要求解决什么</source>
        <translation>What this party asks for</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="154"/>
        <source>显示并修改</source>
        <translation>Show and edit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="155"/>
        <source>移除这位当事人</source>
        <translation>Remove this party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="159"/>
        <source>当事人{n}</source>
        <translation>Party {n}</translation>
    </message>
</context>
<context>
    <name>PendingTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="37"/>
        <source>“{title}”功能尚未完成</source>
        <translation>&quot;{title}&quot; is not built yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="38"/>
        <source>这一页目前没有任何功能，也不显示任何数据。请先在“案件受理”中登记案件，在“案件台账”中查找案件。</source>
        <translation>This page has no function yet and shows no data. Register cases under &quot;Case intake&quot; and find them in the &quot;Case ledger&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="43"/>
        <source>选择明白人</source>
        <translation>Choose the elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="43"/>
        <source>将提供：村里的明白人库；由当事人自由选择明白人并逐一记录同意；回避与利害关系提示；记录主持人、见证人、记录人。</source>
        <translation>Will provide: the village pool of elders; the parties&apos; free choice of elder with each party&apos;s consent recorded; recusal and conflict warnings; the host, witness and clerk of the case.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="45"/>
        <source>法理情调解</source>
        <translation>Law · reason · feeling session</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="45"/>
        <source>将提供：按“以法为准、以理为基、以情为引”逐步引导调解，记录每次调解经过，生成人民调解记录。</source>
        <translation>Will provide: a step-by-step session guided by law, reason and feeling, a record of each sitting, and the mediation record.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="47"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pending_tab.py" line="47"/>
        <source>将提供：生成人民调解协议书（PDF），预览、打印供当事人签名按指印，版本管理和验证码核验。</source>
        <translation>Will provide: the people&apos;s mediation agreement as a PDF, preview and printing for signatures and fingerprints, versions, and verification codes.</translation>
    </message>
</context>
<context>
    <name>Screening</name>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="43"/>
        <source>法院委托调解的案件：调解结果须及时告知委托法院（人民调解法第18条）。</source>
        <translation>Entrusted by a court: report the outcome to that court promptly (Mediation Law Art. 18).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="46"/>
        <source>纠纷已由人民法院受理或裁判，人民调解委员会不予受理（《人民调解工作若干规定》第22条）。</source>
        <translation>A court has accepted or decided the dispute; the committee does not accept it (Provisions on People&apos;s Mediation Work, Art. 22).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="50"/>
        <source>公安机关移交的案件：只调解民事部分，结果告知移交的公安机关（人民调解法第18条）。</source>
        <translation>Referred by the police: mediate the civil part only and report the outcome to them (Mediation Law Art. 18).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="53"/>
        <source>纠纷已由公安机关或其他行政机关受理或处理，不予受理（《人民调解工作若干规定》第22条）。</source>
        <translation>The police or another administrative body has accepted or handled the dispute; not accepted (Provisions, Art. 22).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="56"/>
        <source>纠纷已申请仲裁，应由仲裁机构处理，不予受理（人民调解法第3条）。</source>
        <translation>Arbitration has been applied for; the arbitration body handles it; not accepted (Mediation Law Art. 3).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="59"/>
        <source>涉嫌刑事犯罪，不属于人民调解范围，应及时报告公安机关（人民调解法第25条）。</source>
        <translation>A suspected crime is outside people&apos;s mediation; report it to the police at once (Mediation Law Art. 25).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="62"/>
        <source>涉及治安违法：违法行为由公安机关处理，调委会只能调解其中的民事赔偿部分；有激化可能的要报告公安机关。</source>
        <translation>Public-order offence involved: the police deal with the offence; the committee may mediate only the civil compensation, and must tell the police if it may escalate.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/screening.py" line="65"/>
        <source>有当事人明确拒绝调解，不得调解（人民调解法第17条）。可告知其通过诉讼、仲裁或行政途径解决。</source>
        <translation>A party clearly refuses mediation, so there is none (Mediation Law Art. 17). Tell them about litigation, arbitration or administrative routes.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="21"/>
        <source>调委会设置</source>
        <translation>Committee settings</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="23"/>
        <source>如 新野县王庄镇王庄村人民调解委员会</source>
        <translation>e.g. People&apos;s Mediation Committee of Wangzhuang Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="25"/>
        <source>如 新王</source>
        <translation>e.g. 新王</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="31"/>
        <source>人民调解委员会名称</source>
        <translation>Committee name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="32"/>
        <source>案号前缀</source>
        <translation>Case number prefix</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="34"/>
        <source>当前操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="48"/>
        <source>案号示例：{example}</source>
        <translation>Example case number: {example}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../xinye_desktop/domain/text.py" line="28"/>
        <source>此项必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/text.py" line="34"/>
        <source>含有无法保存的控制字符，请删除后重新输入</source>
        <translation>Contains control characters that cannot be stored; delete them and retype</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/text.py" line="36"/>
        <source>内容太长：最多{max}个字，现在{n}个字</source>
        <translation>Too long: at most {max} characters, now {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/text.py" line="52"/>
        <source>姓名只能由汉字、字母和间隔号“·”组成</source>
        <translation>A name may contain only Chinese characters, letters and the separator &quot;·&quot;</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/text.py" line="74"/>
        <source>日期不对，请按 1980-01-31 的格式填写</source>
        <translation>Not a valid date; write it like 1980-01-31</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/case_number.py" line="21"/>
        <source>案号前缀应为1至8个汉字，如“新王”</source>
        <translation>The prefix must be 1 to 8 Chinese characters, e.g. 新王</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/case_number.py" line="23"/>
        <source>前缀里不用写“调字”，案号会自动加上</source>
        <translation>Leave &quot;调字&quot; out of the prefix; it is added automatically</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="49"/>
        <source>这是旧的15位身份证号，请填写18位身份证号</source>
        <translation>This is an old 15-digit ID number; enter the 18-character one</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="51"/>
        <source>身份证号应为18位</source>
        <translation>An ID number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="53"/>
        <source>身份证号只能由数字和末位的X组成</source>
        <translation>An ID number has digits only, and maybe an X at the end</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="55"/>
        <source>身份证号校验位不对，请核对是否有数字填错</source>
        <translation>The ID number&apos;s check character does not match; check for a mistyped digit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="59"/>
        <source>身份证号中的出生日期不存在</source>
        <translation>The date of birth in the ID number does not exist</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="62"/>
        <source>身份证号中的出生日期晚于今天</source>
        <translation>The date of birth in the ID number is after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="64"/>
        <source>身份证号中的出生日期不合理</source>
        <translation>The date of birth in the ID number is not plausible</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="68"/>
        <source>身份证号前6位不是有效的行政区划代码</source>
        <translation>The first 6 digits are not a valid region code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="102"/>
        <source>电话号码格式不对：手机号为1开头的11位数字，座机请带区号，如0377-66212345</source>
        <translation>Not a phone number: mobiles have 11 digits starting with 1; landlines need the area code, e.g. 0377-66212345</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="115"/>
        <source>统一社会信用代码不正确，应为18位且校验位正确</source>
        <translation>Not a valid unified social credit code (18 characters with a check character)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="150"/>
        <source>性别与身份证号不符</source>
        <translation>Sex does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="161"/>
        <source>出生日期不能晚于今天</source>
        <translation>The date of birth cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="163"/>
        <source>出生日期与身份证号不符</source>
        <translation>Date of birth does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="165"/>
        <source>出生日期不合理</source>
        <translation>Date of birth is not plausible</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="169"/>
        <source>请选择性别</source>
        <translation>Choose the sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="179"/>
        <source>年龄应为0到120之间的整数</source>
        <translation>Age must be a whole number from 0 to 120</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="187"/>
        <source>请从列表中选择民族</source>
        <translation>Choose an ethnicity from the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="189"/>
        <source>请选择民族</source>
        <translation>Choose the ethnicity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="230"/>
        <source>请填写受理日期</source>
        <translation>Enter the date received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="232"/>
        <source>受理日期不能晚于今天</source>
        <translation>The date received cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="234"/>
        <source>受理日期不合理</source>
        <translation>The date received is not plausible</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="237"/>
        <source>请选择案件来源</source>
        <translation>Choose the source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="241"/>
        <source>请选择纠纷类型</source>
        <translation>Choose the dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="248"/>
        <source>纠纷简要情况太简单，请写清楚起因、经过和争议焦点（至少10个字）</source>
        <translation>Too brief: say how it started, what happened and what is disputed (at least 10 characters)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="252"/>
        <source>至少需要两方当事人</source>
        <translation>At least two parties are needed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="254"/>
        <source>当事人最多{max}个</source>
        <translation>At most {max} parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="267"/>
        <source>与第{n}位当事人的身份证号相同</source>
        <translation>Same ID number as party {n}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="31"/>
        <source>婚姻家庭纠纷</source>
        <translation>Marriage and family</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="32"/>
        <source>邻里纠纷</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="33"/>
        <source>房屋宅基地纠纷</source>
        <translation>Housing and homestead</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="34"/>
        <source>合同纠纷</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="35"/>
        <source>生产经营纠纷</source>
        <translation>Production and business</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="36"/>
        <source>损害赔偿纠纷</source>
        <translation>Damages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="37"/>
        <source>山林土地纠纷</source>
        <translation>Forest and land</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="38"/>
        <source>征地拆迁纠纷</source>
        <translation>Land taking and demolition</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="39"/>
        <source>环境污染纠纷</source>
        <translation>Pollution</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="40"/>
        <source>劳动争议纠纷</source>
        <translation>Labour</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="41"/>
        <source>消费纠纷</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="42"/>
        <source>医疗纠纷</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="43"/>
        <source>道路交通事故纠纷</source>
        <translation>Road traffic accident</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="44"/>
        <source>物业纠纷</source>
        <translation>Property management</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="45"/>
        <source>其他纠纷</source>
        <translation>Other disputes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="51"/>
        <source>当事人申请</source>
        <translation>Party application</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="52"/>
        <source>调委会主动调解</source>
        <translation>Committee initiative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="53"/>
        <source>公安机关移交</source>
        <translation>Referred by police</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="54"/>
        <source>法院委托</source>
        <translation>Entrusted by court</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="55"/>
        <location filename="../../xinye_desktop/domain/enums.py" line="110"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="61"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="62"/>
        <source>调解中</source>
        <translation>Mediating</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="63"/>
        <source>达成协议（书面）</source>
        <translation>Agreement (written)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="64"/>
        <source>达成协议（口头）</source>
        <translation>Agreement (oral)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="65"/>
        <source>调解终止</source>
        <translation>Mediation ended</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="66"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="72"/>
        <source>履行中</source>
        <translation>Being performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="73"/>
        <source>已履行</source>
        <translation>Performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="74"/>
        <source>部分履行</source>
        <translation>Partly performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="75"/>
        <source>未履行</source>
        <translation>Not performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="81"/>
        <source>司法确认申请中</source>
        <translation>Judicial confirmation applied</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="82"/>
        <source>已司法确认</source>
        <translation>Judicially confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="83"/>
        <source>不予确认</source>
        <translation>Confirmation refused</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="87"/>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="88"/>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="92"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="93"/>
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="94"/>
        <source>第三人</source>
        <translation>Third party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="98"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="99"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="105"/>
        <source>老干部</source>
        <translation>Retired cadre</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="106"/>
        <source>老党员</source>
        <translation>Veteran Party member</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="107"/>
        <source>老模范</source>
        <translation>Former model worker</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="108"/>
        <source>老教师</source>
        <translation>Retired teacher</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="109"/>
        <source>老军人</source>
        <translation>Veteran soldier</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="114"/>
        <source>村民会议推选</source>
        <translation>Elected by villagers&apos; meeting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/enums.py" line="115"/>
        <source>村委会聘任</source>
        <translation>Appointed by village committee</translation>
    </message>
</context>
</TS>
