<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="41"/>
        <source>关于三理室调解台</source>
        <translation>About the Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="44"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="45"/>
        <source>组件与许可证</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="47"/>
        <source>复制版本信息</source>
        <translation>Copy version details</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="49"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="66"/>
        <source>三理室调解台</source>
        <translation>Sanlishi Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="71"/>
        <source>新野县矛盾化解“三理”室：说理、评理、处理。</source>
        <translation>Xinye county&apos;s &quot;three reasons&quot; rooms: state the case, weigh it, act on it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="83"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="87"/>
        <source>案件、文书和备份都保存在数据文件夹中。升级程序不会改动它，卸载时默认保留。</source>
        <translation>Cases, documents and backups are kept in the data folder. Upgrading never changes it, and uninstalling keeps it unless you choose otherwise.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="92"/>
        <source>Python {python}，Qt {qt}（PySide6 {pyside}），{system}</source>
        <translation>Python {python}, Qt {qt} (PySide6 {pyside}), {system}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="97"/>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="122"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="98"/>
        <source>构建</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="99"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="101"/>
        <source>程序位置</source>
        <translation>Program folder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="102"/>
        <source>运行环境</source>
        <translation>Runtime</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="113"/>
        <source>本软件随附下列组件，各按其许可证分发。Qt 与 PySide6 按 GNU LGPL 第 3 版使用：它们是程序文件夹中独立的库文件，可以换成自行编译的版本，源代码见 &lt;a href=&quot;https://download.qt.io/official_releases/QtForPython/&quot;&gt;download.qt.io&lt;/a&gt;。字体 Noto Sans SC 与花园明朝 B（HanaMinB）按 SIL 开放字体许可证 1.1 随附。</source>
        <translation>This software ships with the components below, each distributed under its own licence. Qt and PySide6 are used under the GNU LGPL version 3: they are separate library files in the program folder and can be replaced with versions you build yourself; the source code is at &lt;a href=&quot;https://download.qt.io/official_releases/QtForPython/&quot;&gt;download.qt.io&lt;/a&gt;. The fonts Noto Sans SC and Hanazono Mincho B (HanaMinB) are included under the SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="122"/>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="123"/>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="135"/>
        <source>选中上面的一个组件，这里显示它的许可证全文。</source>
        <translation>Select a component above to see the full text of its licence here.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="153"/>
        <source>从源代码运行（未打包）</source>
        <translation>Running from source (not packaged)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="154"/>
        <source>日期不详</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="156"/>
        <source>{date}（源代码版本 {commit}）</source>
        <translation>{date} (source revision {commit})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="164"/>
        <source>没有找到这个组件的许可证文本。</source>
        <translation>No licence text was found for this component.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="169"/>
        <source>三理室调解台 {version}</source>
        <translation>Sanlishi Mediation Desk {version}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="170"/>
        <source>构建：{build}</source>
        <translation>Build: {build}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="171"/>
        <source>数据文件夹：{folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="172"/>
        <source>程序位置：{folder}</source>
        <translation>Program folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/about_dialog.py" line="178"/>
        <source>已复制，可以粘贴给技术支持人员。</source>
        <translation>Copied: you can paste it to whoever is helping you.</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <location filename="../../xinye_desktop/ui/access.py" line="90"/>
        <source>“{role}”账号不能{action}</source>
        <translation>A “{role}” account may not {action}</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="75"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="80"/>
        <source>密码输错，锁定至 {time}</source>
        <translation>Locked after wrong passwords until {time}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="82"/>
        <source>还没有密码</source>
        <translation>No password yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="84"/>
        <source>下次登录须设新密码</source>
        <translation>Must set a new password at next login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="85"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="91"/>
        <source>调委会主任或委员会指定的人：管理账号、设置、备份和恢复，也能做调解员的一切工作</source>
        <translation>The committee chair or the person the committee names: accounts, settings, backup and restore, and everything a mediator does</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="92"/>
        <source>登记案件、调解、选明白人、制作协议、回访，能打印、导出和备份</source>
        <translation>Registers cases, mediates, chooses 明白人, drafts agreements, follows up; may print, export and back up</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="93"/>
        <source>只填写本人参与的案件的调解记录和文书并打印；其他案件只能查看</source>
        <translation>Fills in and prints the records and documents of the cases they are on; only views other cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="94"/>
        <source>只能查看案件和台账，证件号和电话只显示部分，如司法所的查阅人员</source>
        <translation>Only views cases and the ledger, ID numbers and phones masked (e.g. a 司法所 reviewer)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="135"/>
        <source>新建账号</source>
        <translation>Account created</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="138"/>
        <source>如 lihua 或 李华</source>
        <translation>e.g. lihua or 李华</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="140"/>
        <source>如 李华</source>
        <translation>e.g. 李华</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="142"/>
        <source>请选择角色</source>
        <translation>Choose a role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="147"/>
        <source>换一个</source>
        <translation>Another</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="148"/>
        <source>随机生成一个初次密码</source>
        <translation>Generate a random first password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="155"/>
        <source>至少{min}个字符，不能和用户名相同。请把它告诉本人；本人第一次登录时要改成自己的密码</source>
        <translation>At least {min} characters, not the user name. Tell it to the holder; they must change it at their first login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="161"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="271"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="161"/>
        <source>登录时输入。{min}到{max}个字：汉字、字母、数字或 _ . - ·，不能有空格；不分大小写</source>
        <translation>Typed at login. {min} to {max} characters: Chinese characters, letters, digits or _ . - ·, no spaces; case does not matter</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="164"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="271"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="164"/>
        <source>本人的真实姓名：案件记录和审计记录里署这个名字</source>
        <translation>The holder&apos;s real name: case records and the audit trail are signed with it</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="172"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="272"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="173"/>
        <source>初次密码</source>
        <translation>First password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="175"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="206"/>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="206"/>
        <source>正在新建…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="234"/>
        <source>更改角色：{name}</source>
        <translation>Change role: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="238"/>
        <source>“{name}”（{username}）现在是{role}。改为：</source>
        <translation>“{name}” ({username}) is now {role}. Change to:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="253"/>
        <source>改动从这个账号的下一步操作起生效。</source>
        <translation>The change applies from this account&apos;s next action.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="272"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="273"/>
        <source>上次登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="282"/>
        <source>账号管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="290"/>
        <source>新建账号…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="291"/>
        <source>更改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="292"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="430"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="517"/>
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="293"/>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="294"/>
        <source>本人忘了密码时：生成一个临时密码，本人下次登录时要改成自己的</source>
        <translation>When the holder forgot the password: makes a temporary one, which they must change at the next login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="319"/>
        <source>已抄下，隐藏</source>
        <translation>Written down, hide</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="334"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="337"/>
        <source>自动锁定</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="339"/>
        <source>电脑无人操作</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="341"/>
        <source>分钟后锁定，须重新输入密码（已填写的内容保留）</source>
        <translation>idle minutes; the password is asked again (what was typed is kept)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="365"/>
        <source>每个角色能做什么。没有权限的按钮在窗口里不可用，程序也会拒绝。“本人参与的案件”指这个账号在案件里担任主持人、见证人或记录人。</source>
        <translation>What each role may do. Buttons a role may not use are disabled, and the program refuses too. “Own cases” means cases where this account is the host, witness or recorder.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="371"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="372"/>
        <source>各角色的权限</source>
        <translation>Role permissions</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="402"/>
        <source>{name}（当前登录）</source>
        <translation>{name} (logged in)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="406"/>
        <source>从未登录</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="429"/>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="520"/>
        <source>启用账号</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="455"/>
        <source>这个账号已经不在了，列表已刷新。</source>
        <translation>This account no longer exists; the list was refreshed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="471"/>
        <source>已新建账号“{username}”（{name}，{role}）。请把初次密码告诉本人；本人第一次登录时要改成自己的密码。</source>
        <translation>Account “{username}” ({name}, {role}) created. Tell the holder the first password; they must change it at their first login.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="490"/>
        <source>更改自己的角色</source>
        <translation>Change your own role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="490"/>
        <source>改成{role}后，您就不能再管理账号和设置了。确定要改吗？</source>
        <translation>As {role} you will no longer manage accounts and settings. Change it?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="501"/>
        <source>“{name}”的角色已改为{role}。</source>
        <translation>“{name}” is now {role}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="515"/>
        <source>停用“{name}”（{username}）的账号？停用后不能再用它登录，它做过的记录都保留，以后可以重新启用。</source>
        <translation>Disable the account of “{name}” ({username})? It can no longer log in; everything it recorded is kept, and it can be enabled again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="519"/>
        <source>重新启用“{name}”（{username}）的账号？</source>
        <translation>Enable the account of “{name}” ({username}) again?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="530"/>
        <source>已停用“{name}”的账号。</source>
        <translation>The account of “{name}” is disabled.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="531"/>
        <source>已启用“{name}”的账号。</source>
        <translation>The account of “{name}” is enabled.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="544"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="544"/>
        <source>为“{name}”（{username}）重设密码？原来的密码就不能用了；程序会生成一个临时密码，只显示一次。</source>
        <translation>Reset the password of “{name}” ({username})? The old password stops working; a temporary password is made and shown only once.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="559"/>
        <source>“{name}”（{username}）的临时密码如下，只显示这一次。请抄下来交给本人；本人下次登录时要改成自己的密码。</source>
        <translation>The temporary password of “{name}” ({username}) is below and is shown only this once. Write it down and give it to them; at their next login they must change it to a password of their own.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="584"/>
        <source>已保存：电脑无人操作{minutes}分钟后自动锁定。</source>
        <translation>Saved: the app locks after {minutes} idle minutes.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="590"/>
        <source>能做的事</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="594"/>
        <source>可以</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="595"/>
        <source>本人参与的案件</source>
        <translation>Own cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/accounts_dialog.py" line="596"/>
        <source>不能</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Aftercare</name>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="116"/>
        <source>协议生效后才能登记履行情况</source>
        <translation>Performance can be recorded only once the agreement is in effect</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="185"/>
        <source>只有达成书面调解协议的案件才涉及司法确认</source>
        <translation>Only a case settled by a written agreement can go to judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="187"/>
        <source>已经登记了司法确认申请，不能再更改能否申请的认定</source>
        <translation>An application for judicial confirmation has been recorded: the decision on eligibility can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="201"/>
        <source>只有已签署生效的书面调解协议才能申请司法确认</source>
        <translation>Only a signed written agreement in effect can go to judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="202"/>
        <source>本协议被认定为涉及婚姻、收养或身份关系，依法释〔2011〕5号，人民法院不予受理司法确认申请；认定有误的，请先在“司法确认”中点“认定能否申请…”更改</source>
        <translation>This agreement is held to concern a marriage, adoption or personal-status relationship; under Fashi [2011] No. 5 the court will not accept an application for judicial confirmation. If that is wrong, first change it with &quot;Decide eligibility…&quot; under &quot;Judicial confirmation&quot;</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="205"/>
        <source>已经申请司法确认，请登记法院的裁定结果</source>
        <translation>Judicial confirmation was applied for: record the court&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="206"/>
        <source>本协议已经司法确认</source>
        <translation>This agreement has been judicially confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="207"/>
        <source>法院已裁定不予确认</source>
        <translation>The court refused confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="99"/>
        <source>状态为“{before}”的案件不能改为“{after}”</source>
        <translation>A case that is “{before}” cannot change to “{after}”</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="123"/>
        <source>履行情况不能从“{before}”改为“{after}”</source>
        <translation>Performance cannot change from “{before}” to “{after}”</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="189"/>
        <source>还没有登记司法确认申请</source>
        <translation>No application for judicial confirmation has been recorded</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="226"/>
        <source>已超过三十日申请期限：人民法院不予受理</source>
        <translation>Past the 30-day window: the court will not accept it</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="263"/>
        <source>这次回访已取消</source>
        <translation>This visit was called off</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="289"/>
        <source>只有尚未进行的回访才能取消</source>
        <translation>Only a visit not yet made can be called off</translation>
    </message>
</context>
<context>
    <name>AftercareTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="46"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="47"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="184"/>
        <source>请先在“案件台账”中打开一个案件。</source>
        <translation>Open a case from the Case ledger first.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="185"/>
        <source>更改调解状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="186"/>
        <source>登记履行情况…</source>
        <translation>Record performance…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="187"/>
        <source>司法确认（协议生效之日起三十日内共同申请）</source>
        <translation>Judicial confirmation (joint application within 30 days of the agreement taking effect)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="188"/>
        <source>生成司法确认申请书</source>
        <translation>Make the application for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="189"/>
        <source>登记已申请…</source>
        <translation>Record application…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="190"/>
        <source>登记法院裁定…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="191"/>
        <source>认定能否申请…</source>
        <translation>Decide eligibility…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="192"/>
        <source>程序按协议条款识别是否涉及婚姻、收养、身份关系；识别有误时，由调解员认定并写明原因</source>
        <translation>The program reads the terms for marriage, adoption or personal-status relationships; when it reads them wrongly, the mediator decides and gives the reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="194"/>
        <source>协议条款及履行情况</source>
        <translation>Terms of the agreement and their performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="195"/>
        <source>回访</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="196"/>
        <source>记录回访…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="197"/>
        <source>打印回访记录</source>
        <translation>Print visit record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="198"/>
        <source>追加回访…</source>
        <translation>Add visit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="199"/>
        <source>取消回访…</source>
        <translation>Call off visit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="200"/>
        <source>条款</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="200"/>
        <source>履行人</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="201"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="201"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="202"/>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="205"/>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="361"/>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="203"/>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="428"/>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="203"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="204"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="204"/>
        <source>回访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="205"/>
        <source>回访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="206"/>
        <source>满意程度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="206"/>
        <source>风险隐患</source>
        <translation>Risks</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="229"/>
        <source>调解状态：{status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="231"/>
        <source>协议生效：{day}</source>
        <translation>Agreement in effect: {day}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="233"/>
        <source>履行情况：{status}</source>
        <translation>Performance: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="246"/>
        <source>已取消</source>
        <translation>Called off</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="248"/>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="250"/>
        <source>已逾期{days}天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="253"/>
        <source>待回访</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="266"/>
        <source>只有已签署生效的书面调解协议才能申请司法确认。</source>
        <translation>Only a signed written agreement in effect can go to judicial confirmation.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="269"/>
        <source>可以申请：{left}</source>
        <translation>Can apply: {left}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="271"/>
        <source>；{day}向{court}申请</source>
        <translation>; applied to {court} on {day}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="274"/>
        <source>；{day}裁定</source>
        <translation>; decided on {day}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="290"/>
        <source>调解员{operator}于{day}认定：{decision}。原因：{reason}</source>
        <translation>Decided by mediator {operator} on {day}: {decision}. Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="293"/>
        <source>已打印的第{n}版协议书上关于司法确认的提示与此认定不一致；需要更正的，请在“调解协议”中另起新版本。</source>
        <translation>The notice on judicial confirmation printed on version {n} of the agreement says otherwise than this decision; to correct it, start a new version under &quot;Mediation agreement&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="298"/>
        <source>按协议条款识别为不能申请：条款中有“{terms}”。识别有误的，请点“认定能否申请…”。</source>
        <translation>Read from the terms as not eligible: they contain &quot;{terms}&quot;. If that is wrong, click &quot;Decide eligibility…&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="301"/>
        <source>按协议条款识别：没有确认婚姻、收养、身份关系的内容，可以申请。</source>
        <translation>Read from the terms: nothing confirms a marriage, adoption or personal-status relationship; an application is possible.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="344"/>
        <source>更改调解状态</source>
        <translation>Change the mediation status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="345"/>
        <source>改为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="346"/>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="414"/>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="440"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="347"/>
        <source>达成协议、调解终止通常在“法理情调解”中结束调解时自动记录；这里用于当事人撤回申请等情况。</source>
        <translation>Agreements and terminations are normally recorded when a sitting is finished in the Law, reason and feeling tab; use this for cases such as an applicant withdrawing.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="348"/>
        <source>调解状态已更改，已记入修改记录。</source>
        <translation>Status changed and kept in the change log.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="360"/>
        <source>登记履行情况</source>
        <translation>Record performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="362"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="363"/>
        <source>履行情况已登记。</source>
        <translation>Performance recorded.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="368"/>
        <source>如 新野县人民法院</source>
        <translation>e.g. Xinye County People&apos;s Court</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="374"/>
        <source>登记司法确认申请</source>
        <translation>Record the application for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="375"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="376"/>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="377"/>
        <source>各方当事人应共同向调委会所在地基层人民法院申请。</source>
        <translation>All parties apply jointly to the basic-level court where the committee sits.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="378"/>
        <source>司法确认申请已登记。</source>
        <translation>The application for judicial confirmation was recorded.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="381"/>
        <source>确认有效</source>
        <translation>Confirmed valid</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="381"/>
        <source>不予确认</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="385"/>
        <source>法院的案号，可不填</source>
        <translation>The court&apos;s case number (optional)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="394"/>
        <source>登记法院裁定</source>
        <translation>Record the court&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="395"/>
        <source>裁定结果</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="396"/>
        <source>裁定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="397"/>
        <source>法院案号</source>
        <translation>Court case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="398"/>
        <source>不予确认的理由</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="399"/>
        <source>法院裁定已登记。</source>
        <translation>The court&apos;s decision was recorded.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="402"/>
        <source>可以申请司法确认</source>
        <translation>May apply for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="402"/>
        <source>不能申请司法确认</source>
        <translation>Cannot apply for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="405"/>
        <source>如：条款只涉及财产分割和抚养费，不确认婚姻、收养、身份关系</source>
        <translation>e.g. the terms only divide property and set child support; they confirm no marriage, adoption or personal-status relationship</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="412"/>
        <source>认定能否申请司法确认</source>
        <translation>Decide eligibility for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="413"/>
        <source>认定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="415"/>
        <source>依法释〔2011〕5号，确认婚姻、收养、身份关系的调解协议，人民法院不予受理司法确认申请；财产分割、抚养费、赡养、继承等内容可以申请。认定及原因记入修改记录，三十日倒计时和以后打印的协议书上的提示都按认定办理。</source>
        <translation>Under Fashi [2011] No. 5 the court does not accept applications to confirm mediation agreements that confirm a marriage, adoption or personal-status relationship; terms on property division, child support, elder support, inheritance and the like can be confirmed. The decision and its reason go into the change history; the 30-day countdown and the notice on agreements printed from now on follow it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="418"/>
        <source>已认定能否申请司法确认，已记入修改记录。</source>
        <translation>Eligibility for judicial confirmation decided and recorded in the change history.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="428"/>
        <source>追加回访</source>
        <translation>Add a visit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="429"/>
        <source>已追加一次回访。</source>
        <translation>One more visit planned.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="440"/>
        <source>取消回访</source>
        <translation>Call off the visit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="441"/>
        <source>取消的回访仍保留在记录中。</source>
        <translation>A visit called off stays on record.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="442"/>
        <source>回访已取消（记录保留）。</source>
        <translation>Visit called off (kept on record).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="452"/>
        <source>回访记录已保存。</source>
        <translation>Visit record saved.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="461"/>
        <source>人民调解回访记录</source>
        <translation>Return visit record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="466"/>
        <source>司法确认申请书</source>
        <translation>Application for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="478"/>
        <source>正在生成{title}…</source>
        <translation>Making the {title}…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="500"/>
        <source>文书无法写入数据文件夹：{error}</source>
        <translation>The document cannot be written to the data folder: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/aftercare_tab.py" line="488"/>
        <source>{title}已生成并存档，核验码 {code}：{path}</source>
        <translation>{title} made and archived, code {code}: {path}</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="257"/>
        <source>本协议涉及婚姻、收养或身份关系的内容，依法释〔2011〕5号，该部分不能申请司法确认。</source>
        <translation>This agreement concerns marriage, adoption or personal status; under Judicial Interpretation 法释〔2011〕5号 that part cannot go to judicial confirmation.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="259"/>
        <source>婚姻家庭纠纷：协议中确认婚姻、收养、身份关系的内容不能申请司法确认，财产和抚养费等内容可以。</source>
        <translation>Marriage and family dispute: terms confirming marriage, adoption or personal status cannot go to judicial confirmation; property and maintenance terms can.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="253"/>
        <source>本案的调解协议还是草稿（第{n}版），尚未打印，没有可以写出的协议书；请先在“调解协议”中检查并打印</source>
        <translation>The case&apos;s agreement is still a draft (version {n}) and has not been printed, so there is no agreement to write out; check and print it under &quot;Mediation agreement&quot; first</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="256"/>
        <source>本案还没有调解协议</source>
        <translation>The case has no mediation agreement yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="258"/>
        <source>第{n}版的存档内容与打印时的摘要不符，存档可能已被改动，未写出</source>
        <translation>The archived content of version {n} no longer matches the digest taken when it was printed; the archive may have been altered. Nothing was written</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="261"/>
        <source>找不到第{n}版的存档文件：{path}。请从备份中恢复该文件</source>
        <translation>The archived file of version {n} cannot be found: {path}. Restore it from a backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="266"/>
        <source>第{n}版的存档文件与打印时记录的文件摘要不符，可能已被改动或损坏：{path}。未写出；请从备份中恢复该文件</source>
        <translation>The archived file of version {n} no longer matches the file digest recorded when it was printed; it may have been altered or damaged: {path}. Nothing was written; restore the file from a backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="320"/>
        <source>协议已打印，不能直接修改；请先“另起新版本”</source>
        <translation>The agreement has been printed and cannot be changed directly; start a new version first</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="336"/>
        <source>当前已是草稿，可以直接修改</source>
        <translation>The current version is a draft; edit it directly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="349"/>
        <source>没有可以打印的草稿</source>
        <translation>There is no draft to print</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="399"/>
        <source>只有已打印、尚未签署的最新版本才能登记签署</source>
        <translation>Only the latest printed, not yet signed version can be recorded as signed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="425"/>
        <source>先登记签署，再附上签署件的扫描件</source>
        <translation>Record the signing first, then attach the scan of the signed copy</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="460"/>
        <source>协议打印后，本案当事人或调解人员的信息有改动：导出的Word副本将与打印件不一致，请另起新版本</source>
        <translation>The parties or mediators changed after the agreement was printed: a Word copy would not match the paper. Start a new version</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="543"/>
        <source>本案状态为“{status}”：调解达成书面协议后才能制作协议书</source>
        <translation>The case is “{status}”: an agreement document is made after a written agreement is reached</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="26"/>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="82"/>
        <source>（不涉及）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="30"/>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="83"/>
        <source>如：李秀英赔偿张建国院墙损失</source>
        <translation>e.g. Li Xiuying compensates Zhang Jianguo for the wall</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="32"/>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="84"/>
        <source>金额（元），不涉及可不填</source>
        <translation>Amount (yuan); leave blank if none</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="38"/>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="85"/>
        <source>履行期限，如 2026-12-31</source>
        <translation>Deadline, e.g. 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="80"/>
        <source>删除此条</source>
        <translation>Delete this term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="75"/>
        <source>内容 *</source>
        <translation>Term *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="75"/>
        <source>履行人</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="76"/>
        <source>接受人</source>
        <translation>In favour of</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="76"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="77"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="77"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="86"/>
        <source>一次性或分期</source>
        <translation>Lump sum or instalments</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/clause_editor.py" line="87"/>
        <source>履行方式</source>
        <translation>Means</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="68"/>
        <source>纠纷主要事实 *</source>
        <translation>Main facts *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="68"/>
        <source>争议事项 *</source>
        <translation>Matters in dispute *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="69"/>
        <source>各方责任</source>
        <translation>Responsibilities</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="70"/>
        <source>履行方式、时限（补充）</source>
        <translation>Performance (further notes)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="71"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="74"/>
        <source>协议内容 *</source>
        <translation>Terms *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="75"/>
        <source>经调解，自愿达成如下协议：</source>
        <translation>Through mediation, the parties voluntarily agree as follows:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="76"/>
        <source>不填则为当事人数加一</source>
        <translation>Blank: number of parties + 1</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="77"/>
        <source>添加一条</source>
        <translation>Add a term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="161"/>
        <source>检查并打印…</source>
        <translation>Check and print…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="162"/>
        <source>查看已打印的协议书</source>
        <translation>View the printed agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="163"/>
        <source>另起新版本</source>
        <translation>Start a new version</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="164"/>
        <source>登记签署…</source>
        <translation>Record signing…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="165"/>
        <source>附上签署件扫描…</source>
        <translation>Attach the signed scan…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/oral_panel.py" line="37"/>
        <source>制作口头协议登记表…</source>
        <translation>Make the oral agreement register…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/oral_panel.py" line="38"/>
        <source>本案调解达成的是口头协议：不制作人民调解协议书，协议自各方当事人达成之日起生效（人民调解法第二十八条、第三十条）。协议内容取自“法理情调解”“处理”一步的记录，登记在《人民调解口头协议登记表》中：点下面的按钮（或右下角“制作案卷文书”）生成登记表，打印后由人民调解员、记录人签名，加盖调委会印章，入卷存档。</source>
        <translation>This case was settled by an oral agreement: no mediation agreement document is made, and the agreement takes effect on the day the parties reach it (People&apos;s Mediation Law, Articles 28 and 30). Its content, as recorded at the “Outcome” step of the Law · reason · feeling session, is entered in the oral agreement register: the button below (or “Case file documents” at the bottom right) makes the register; once printed, the mediators and the recorder sign it, the committee seals it, and it is filed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="59"/>
        <source>整理调解卷宗（一个PDF）…</source>
        <translation>Bind the case file (one PDF)…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/oral_panel.py" line="46"/>
        <source>登记表还没有制作。</source>
        <translation>The register has not been made yet.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/oral_panel.py" line="48"/>
        <source>登记表已于{day}制作（核验码 {code}）：{path}</source>
        <translation>Register made on {day} (verification code {code}): {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="36"/>
        <source>本案达成口头协议：记入人民调解口头协议登记表。</source>
        <translation>This case ended in an oral agreement: it is recorded in the oral agreement register.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="48"/>
        <source>签署前，第{k}版（{day}签署）仍然有效。</source>
        <translation> Until then, version {k} (signed {day}) remains in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="55"/>
        <source>第{m}版已打印待签，各方签署后取代本版；在此之前本版仍然有效。</source>
        <translation> Version {m} has been printed and awaits signatures; once every party signs it, it replaces this version, which remains in force until then.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="26"/>
        <source>（现行有效）</source>
        <translation> (in force)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="28"/>
        <source>（签署后取代第{k}版）</source>
        <translation> (replaces version {k} once signed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="371"/>
        <source>已另起第{n}版草稿；旧版本保留。已签署的旧版本在新版本签署前仍然有效，新版本签署后标为“已被取代”。</source>
        <translation>Draft version {n} started; the earlier versions are kept. A signed earlier version stays in force until the new version is signed, and is then marked &quot;superseded&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="419"/>
        <source>协议书另存为PDF</source>
        <translation>Save the agreement as PDF</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="420"/>
        <source>PDF文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="427"/>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="455"/>
        <source>无法保存到 {path}：{error}</source>
        <translation>Cannot save to {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="430"/>
        <source>已另存为：{path}</source>
        <translation>Saved as: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="439"/>
        <source>导出Word</source>
        <translation>Export to Word</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="440"/>
        <source>Word文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="448"/>
        <source>还不能导出：有{n}处需要补充或修改，见各项下方的红字。</source>
        <translation>Cannot export yet: {n} items need completing or correcting; see the red messages.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="458"/>
        <source>已导出Word：{path}。Word副本改动后不再与核验码相符，签署以打印的协议书为准。</source>
        <translation>Exported to Word: {path}. Once edited, the Word copy no longer matches the verification code; the printed agreement is the one to sign.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="85"/>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="161"/>
        <source>文书无法写入数据文件夹：{error}</source>
        <translation>The document cannot be written to the data folder: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="90"/>
        <source>{title}已生成并存档，核验码 {code}：{path}</source>
        <translation>{title} made and archived, code {code}: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="103"/>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="103"/>
        <source>长期（60年）</source>
        <translation>Long term (60 years)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="104"/>
        <source>短期（30年）</source>
        <translation>Short term (30 years)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="105"/>
        <source>整理调解卷宗</source>
        <translation>Bind the case file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="105"/>
        <source>保管期限（根据纠纷类型、协议内容和当事人实际情况确定）：</source>
        <translation>Retention period (set by the dispute type, the agreement and the parties&apos; circumstances):</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="135"/>
        <source>正在整理调解卷宗…</source>
        <translation>Binding the case file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="145"/>
        <source>调解卷宗已整理：共{pages}页文书（另有封面、卷内目录和封底），保管期限{retention}：{path}</source>
        <translation>Case file bound: {pages} pages of documents (plus cover, index and back cover), retention {retention}: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="151"/>
        <source>调解卷宗</source>
        <translation>Case file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="22"/>
        <source>第{n}版&#x3000;{state}</source>
        <translation>Version {n}&#x3000;{state}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="50"/>
        <source>制作案卷文书</source>
        <translation>Case file documents</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/editor_panel.py" line="134"/>
        <source>第{n}条</source>
        <translation>Term {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="166"/>
        <source>协议书另存为PDF…</source>
        <translation>Save agreement as PDF…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="167"/>
        <source>导出可编辑的Word…</source>
        <translation>Export editable Word…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="168"/>
        <source>供需要调整文字的单位使用。Word副本不带核验效力：以本程序打印、存档的协议书为准。</source>
        <translation>For offices that must adjust the wording. A Word copy carries no verification: the agreement printed and archived by this program is authoritative.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="51"/>
        <source>用本案已录入的信息制作案卷所需的其他文书，每页印有核验码</source>
        <translation>Make the case file&apos;s other documents from what was entered for this case, with a verification code on every page</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="52"/>
        <source>人民调解申请书</source>
        <translation>Application for people&apos;s mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="53"/>
        <source>人民调解受理登记表</source>
        <translation>Mediation registration form</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="54"/>
        <source>当事人权利义务告知书</source>
        <translation>Notice of the parties&apos; rights and duties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="55"/>
        <source>人民调解口头协议登记表</source>
        <translation>Oral agreement register</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/forms_panel.py" line="56"/>
        <source>化解处理意见书</source>
        <translation>Resolution opinion</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="14"/>
        <source>没有打开的案件。请在“案件台账”中双击一个案件。</source>
        <translation>No case is open. Double-click a case in the “Case ledger”.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="15"/>
        <source>{number}&#x3000;{title}&#x3000;状态：{status}</source>
        <translation>{number}&#x3000;{title}&#x3000;Status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="38"/>
        <source>调解达成书面协议（或形成化解意见）后，才能在这里制作人民调解协议书。达成口头协议的，用右下角“制作案卷文书”制作口头协议登记表。</source>
        <translation>A mediation agreement can be made here once mediation reached a written agreement (or a resolution opinion). For an oral agreement, make the oral agreement register with “Case file documents” at the bottom right.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="41"/>
        <source>填写的内容自动保存为草稿。检查无误后点“检查并打印”：打印后内容冻结，并在每页印上核验码。</source>
        <translation>What you type is saved as a draft. When it is right, click “Check and print”: the content is then frozen and a verification code is printed on every page.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="44"/>
        <source>第{n}版已打印（核验码 {code}），等待各方当事人签名、按指印，调解员签名并加盖调委会印章；完成后点“登记签署”。</source>
        <translation>Version {n} is printed (code {code}). When every party has signed and fingerprinted, the mediator has signed and the seal is applied, click “Record signing”.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="52"/>
        <source>第{n}版已于{day}签署生效（核验码 {code}）。</source>
        <translation>Version {n} was signed on {day} and is in effect (code {code}).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/status.py" line="58"/>
        <source>第{n}版已被新版本取代，只能查看。</source>
        <translation>Version {n} has been superseded and can only be viewed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="293"/>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="354"/>
        <source>协议已在别处修改，请重新打开本案。</source>
        <translation>The agreement was changed elsewhere; open the case again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="311"/>
        <source>还不能打印：有{n}处需要补充或修改，见各项下方的红字。</source>
        <translation>Cannot print yet: {n} items need completing or correcting; see the red messages.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="326"/>
        <source>正在生成协议书并存档…</source>
        <translation>Making and archiving the agreement…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="338"/>
        <source>第{n}版已生成并存档，核验码 {code}。请打印{copies}份。</source>
        <translation>Version {n} is made and archived, code {code}. Print {copies} copies.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="362"/>
        <source>人民调解协议书</source>
        <translation>People’s mediation agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/sign_dialog.py" line="17"/>
        <source>登记签署</source>
        <translation>Record signing</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/sign_dialog.py" line="23"/>
        <source>各方当事人签名（盖章或按指印）、人民调解员签名并加盖调委会印章的日期，即协议生效之日（人民调解法第二十九条）。</source>
        <translation>The day every party signed (sealed or fingerprinted), the mediator signed and the committee seal was applied: the day the agreement takes effect (People’s Mediation Law, Art. 29).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/sign_dialog.py" line="27"/>
        <source>签署日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="399"/>
        <source>选择签署件的扫描件或照片</source>
        <translation>Choose the scan or photo of the signed copy</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="400"/>
        <source>图片或PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement_tab.py" line="409"/>
        <source>签署件已存档：{path}</source>
        <translation>Signed copy archived: {path}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../xinye_desktop/app.py" line="95"/>
        <location filename="../../xinye_desktop/app.py" line="779"/>
        <source>无法打开数据库 {path}：
{error}</source>
        <translation>Cannot open the database {path}:
{error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="481"/>
        <source>设置完成</source>
        <translation>Set-up complete</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="481"/>
        <source>本机已设为{name}。请把 {file} 交给各村（拷到 U 盘），村里报送时用它加密。
本机密钥指纹：{fingerprint}</source>
        <translation>This PC is now {name}. Give {file} to every village (copy it to a USB drive): the villages encrypt their reports with it.
Fingerprint of this PC&apos;s key: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="696"/>
        <source>无法使用数据文件夹</source>
        <translation>Cannot use the data folder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="738"/>
        <location filename="../../xinye_desktop/app.py" line="764"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/app.py" line="878"/>
        <source>正在检查数据库，检查完成之前保存会稍等。</source>
        <translation>Checking the database; saving waits until the check is done.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="38"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="38"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="39"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="39"/>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="244"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="40"/>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="241"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="40"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="165"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="194"/>
        <source>导出审计记录</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="195"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="195"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="214"/>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="407"/>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="222"/>
        <source>如（2026）新调字第001号</source>
        <translation>e.g. （2026）新调字第001号</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="226"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="228"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="230"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="235"/>
        <source>清除条件</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="239"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="249"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="274"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="275"/>
        <source>按当前条件导出为 Excel（.xlsx）或 CSV 文件</source>
        <translation>Export the rows these filters select as Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="276"/>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="277"/>
        <source>检查审计记录有没有被改动、删除或插入</source>
        <translation>Check whether any audit row was changed, deleted or inserted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="314"/>
        <source>全部人员</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="345"/>
        <source>没有这个案号的案件</source>
        <translation>No case has this number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="350"/>
        <source>结束日期不能早于开始日期。</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="397"/>
        <source>共 {total} 条，已显示最新的 {shown} 条，向下滚动显示更早的记录</source>
        <translation>{total} in all, the newest {shown} shown; scroll down for older entries</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="400"/>
        <source>共 {shown} 条</source>
        <translation>{shown} rows</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="402"/>
        <source>没有符合条件的记录</source>
        <translation>No rows match</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="424"/>
        <source>正在导出审计记录，请稍候…</source>
        <translation>Exporting the audit trail…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="434"/>
        <source>已导出 {rows} 条到 {path}</source>
        <translation>Exported {rows} rows to {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="443"/>
        <source>无法保存到 {path}：{error}</source>
        <translation>Cannot save to {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="454"/>
        <source>正在校验审计记录…</source>
        <translation>Verifying the audit trail…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="464"/>
        <source>校验通过：{rows} 条审计记录前后相接，没有被改动、删除或插入的痕迹。</source>
        <translation>Verified: all {rows} audit rows link up; nothing was changed, deleted or inserted.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/audit_dialog.py" line="469"/>
        <source>校验发现问题：{problem}。请保留这份数据和备份，报告调委会主任和司法所。</source>
        <translation>Verification found a problem: {problem}. Keep this data and its backups and report it to the committee chair and the 司法所.</translation>
    </message>
</context>
<context>
    <name>AuditSummary</name>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="188"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="190"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="193"/>
        <source>密码错误</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="194"/>
        <source>没有这个用户名</source>
        <translation>no such user name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="195"/>
        <source>账号已停用</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="196"/>
        <source>账号暂时锁定中</source>
        <translation>account locked for now</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="197"/>
        <source>恢复密钥不对</source>
        <translation>wrong recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="200"/>
        <source>登录</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="201"/>
        <location filename="../../xinye_desktop/domain/audit.py" line="252"/>
        <source>解锁屏幕</source>
        <translation>screen unlocked</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="202"/>
        <source>修改密码</source>
        <translation>password changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="203"/>
        <source>用恢复密钥恢复</source>
        <translation>recovered with the recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="206"/>
        <source>纠纷台账</source>
        <translation>case ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="207"/>
        <source>统计报表</source>
        <translation>statistics</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="208"/>
        <source>审计记录</source>
        <translation>audit trail</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="209"/>
        <source>报送司法所的数据包</source>
        <translation>package for the justice office</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="213"/>
        <source>调委会名称</source>
        <translation>committee name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="214"/>
        <source>案号前缀</source>
        <translation>case number prefix</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="215"/>
        <source>操作员</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="216"/>
        <source>回访间隔（天）</source>
        <translation>visit interval (days)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="217"/>
        <source>第二备份位置</source>
        <translation>second backup location</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="218"/>
        <source>无操作自动锁定（分钟）</source>
        <translation>lock after idle (minutes)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="219"/>
        <source>报送包签名密钥（指纹）</source>
        <translation>Package signing key (fingerprint)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="229"/>
        <source>新增明白人</source>
        <translation>trusted elder added</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="230"/>
        <source>修改明白人</source>
        <translation>trusted elder edited</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="231"/>
        <source>明白人退出</source>
        <translation>trusted elder retired</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="232"/>
        <source>明白人恢复</source>
        <translation>trusted elder reinstated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="233"/>
        <source>删除明白人</source>
        <translation>trusted elder deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="234"/>
        <source>名单新增人员</source>
        <translation>person added to the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="235"/>
        <source>修改名单中的人员</source>
        <translation>person on the list edited</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="236"/>
        <source>人员退出名单</source>
        <translation>person retired from the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="237"/>
        <source>人员恢复到名单</source>
        <translation>person reinstated on the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="238"/>
        <source>删除名单中的人员</source>
        <translation>person deleted from the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="239"/>
        <source>导入明白人名单</source>
        <translation>elder roster imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="242"/>
        <source>新增排查记录</source>
        <translation>canvass record added</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="243"/>
        <source>修改排查记录</source>
        <translation>canvass record edited</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="244"/>
        <source>删除排查记录</source>
        <translation>canvass record deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="246"/>
        <source>保存草稿</source>
        <translation>draft saved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="247"/>
        <source>保存调解记录</source>
        <translation>mediation record saved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="250"/>
        <source>第一个管理员账号</source>
        <translation>first administrator account</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="251"/>
        <source>第一次设置密码</source>
        <translation>first password set</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="253"/>
        <source>用恢复密钥恢复后登录</source>
        <translation>login after recovery with the recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="254"/>
        <source>账号已暂时锁定</source>
        <translation>account locked for a while</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="255"/>
        <source>停用账号</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="255"/>
        <source>重新启用账号</source>
        <translation>account enabled again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="256"/>
        <source>没有改动</source>
        <translation>no change</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="257"/>
        <source>登记签署</source>
        <translation>signing recorded</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="258"/>
        <source>附上签署件扫描件</source>
        <translation>scan of the signed copy attached</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="259"/>
        <source>含联系电话</source>
        <translation>with phone numbers</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="259"/>
        <source>不含联系电话</source>
        <translation>without phone numbers</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="260"/>
        <source>零报告</source>
        <translation>zero report</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="261"/>
        <source>另存一份到第二备份位置</source>
        <translation>a copy kept in the second backup location</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="262"/>
        <source>损坏的数据文件已移到一旁</source>
        <translation>the damaged data file was moved aside</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="267"/>
        <source>《{value}》</source>
        <translation>“{value}”</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="268"/>
        <source>第{value}次调解</source>
        <translation>sitting {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="269"/>
        <source>第{value}版</source>
        <translation>version {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="270"/>
        <source>核验码{value}</source>
        <translation>verification code {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="273"/>
        <source>当事人{value}人</source>
        <translation>{value} parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="274"/>
        <source>案件{value}件</source>
        <translation>{value} cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="275"/>
        <source>文书{value}份</source>
        <translation>{value} documents</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="276"/>
        <source>复制文书{value}份</source>
        <translation>{value} documents copied</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="277"/>
        <source>明白人{value}人</source>
        <translation>{value} trusted elders</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="278"/>
        <source>村：{value}</source>
        <translation>village: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="279"/>
        <source>期间：{value}</source>
        <translation>period: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="280"/>
        <source>文件：{value}</source>
        <translation>file: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="281"/>
        <source>备份：{value}</source>
        <translation>backup: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="282"/>
        <source>恢复前的数据另存为：{value}</source>
        <translation>the data before the restore kept as: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="283"/>
        <source>司法所公钥指纹：{value}</source>
        <translation>justice office key fingerprint: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="284"/>
        <source>明白人编号{value}</source>
        <translation>trusted elder no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="285"/>
        <source>人员编号{value}</source>
        <translation>person no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="286"/>
        <source>排查记录编号{value}</source>
        <translation>canvass record no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="287"/>
        <source>回访编号{value}</source>
        <translation>visit no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="288"/>
        <source>数据升级（{value}）</source>
        <translation>data upgrade ({value})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="289"/>
        <source>姓名：{value}</source>
        <translation>name: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="290"/>
        <source>备注：{value}</source>
        <translation>note: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="292"/>
        <source>Word 文件（.docx）</source>
        <translation>Word file (.docx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="293"/>
        <source>存档的 PDF</source>
        <translation>archived PDF</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="298"/>
        <source>操作：{value}</source>
        <translation>action: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="299"/>
        <source>原因：{value}</source>
        <translation>reason: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="300"/>
        <source>当时在：{value}</source>
        <translation>was at: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="301"/>
        <source>连续第{value}次输错</source>
        <translation>wrong {value} times in a row</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="302"/>
        <source>锁定到{value}</source>
        <translation>locked until {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="303"/>
        <source>账号：{value}</source>
        <translation>account: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="304"/>
        <source>账号：{username}（{name}）</source>
        <translation>account: {username} ({name})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="305"/>
        <source>账号编号{value}</source>
        <translation>account no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="306"/>
        <source>角色</source>
        <translation>role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="307"/>
        <source>由原来的“操作员”设置生成</source>
        <translation>made from the former “operator” setting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="308"/>
        <source>恢复密钥已打印</source>
        <translation>recovery key printed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="309"/>
        <source>结果：{value}</source>
        <translation>result: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="310"/>
        <source>方式：{value}</source>
        <translation>method: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="311"/>
        <source>恢复自：{value}</source>
        <translation>restored from: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="312"/>
        <source>备份时间：{value}</source>
        <translation>backup made: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="313"/>
        <source>变更范围：第{since}号之后至第{up_to}号</source>
        <translation>changes after mark {since} up to mark {up_to}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="314"/>
        <source>共{value}条</source>
        <translation>{value} in all</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="315"/>
        <source>{value}人</source>
        <translation>{value} people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="316"/>
        <source>条件：{value}</source>
        <translation>filter: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="317"/>
        <location filename="../../xinye_desktop/domain/audit.py" line="386"/>
        <source>{name}：{value}</source>
        <translation>{name}: {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="321"/>
        <source>人员 {value}</source>
        <translation>person {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="322"/>
        <source>账号编号 {value}</source>
        <translation>account no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="323"/>
        <source>案件编号 {value}</source>
        <translation>case no. {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="324"/>
        <source>类别 {value}</source>
        <translation>kind {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="325"/>
        <source>日期 {since}至{until}</source>
        <translation>dates {since} to {until}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="326"/>
        <source>日期 {value}起</source>
        <translation>dates from {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="327"/>
        <source>日期 至{value}</source>
        <translation>dates up to {value}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="368"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="368"/>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="370"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="384"/>
        <source>{name}：{old} → {new}</source>
        <translation>{name}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="492"/>
        <source>{action}（{count}次）</source>
        <translation>{action} ({count} times)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="500"/>
        <source>改动项目：{fields}，另有{more}项</source>
        <translation>changed: {fields} and {more} more</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="502"/>
        <source>改动项目：{fields}</source>
        <translation>changed: {fields}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="508"/>
        <source>当事人{index}的{field}</source>
        <translation>party {index}&apos;s {field}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="510"/>
        <source>明白人编号{id}的{field}</source>
        <translation>{field} of trusted elder no. {id}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="511"/>
        <source>查看：{field}</source>
        <translation>viewed: {field}</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="223"/>
        <location filename="../../xinye_desktop/services/backup/model.py" line="24"/>
        <source>启动时</source>
        <translation>At start</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="223"/>
        <location filename="../../xinye_desktop/services/backup/model.py" line="25"/>
        <source>每日</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="224"/>
        <location filename="../../xinye_desktop/services/backup/model.py" line="26"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="224"/>
        <location filename="../../xinye_desktop/services/backup/model.py" line="27"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="225"/>
        <location filename="../../xinye_desktop/services/backup/model.py" line="28"/>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="225"/>
        <location filename="../../xinye_desktop/services/backup/model.py" line="29"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/model.py" line="41"/>
        <source>备份没有完成：{error}</source>
        <translation>The backup was not completed: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/snapshot.py" line="415"/>
        <source>这份备份来自不同版本的程序，无法识别。</source>
        <translation>This backup comes from a different version of the program and cannot be read.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/snapshot.py" line="445"/>
        <source>数据文件夹里还没有数据库：{folder}</source>
        <translation>There is no database in the data folder yet: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="74"/>
        <location filename="../../xinye_desktop/services/backup/snapshot.py" line="498"/>
        <source>这不是三理室调解台的备份，或者备份已损坏：{path}</source>
        <translation>This is not a 三理室调解台 backup, or the backup is damaged: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="61"/>
        <source>这份备份里没有三理室调解台的数据库：{path}</source>
        <translation>This backup holds no 三理室调解台 database: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="65"/>
        <source>这份备份已损坏，不能用来恢复。请换一份备份。</source>
        <translation>This backup is damaged and cannot be used to restore. Please choose another backup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="85"/>
        <source>这份备份是较新版本的三理室调解台做的，请先升级本程序再恢复。</source>
        <translation>This backup was made by a newer version of 三理室调解台. Please update this program first, then restore.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="171"/>
        <source>这份备份是{office}汇总库的备份，这里是村调委会的数据：不能恢复到这里。请恢复到一个空文件夹（restore --data-dir 新文件夹），再用 --hub 打开。</source>
        <translation>This is a backup of a {office} hub; this folder holds a village committee&apos;s data: it cannot be restored here. Restore it into an empty folder (restore --data-dir NEW_FOLDER) and open that with --hub.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="174"/>
        <source>这份备份是村调委会的备份，这里是{office}的汇总库：不能恢复到这里。请恢复到一个空文件夹（restore --data-dir 新文件夹）。</source>
        <translation>This is a village committee&apos;s backup; this folder is a {office} hub: it cannot be restored here. Restore it into an empty folder (restore --data-dir NEW_FOLDER).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/restore.py" line="177"/>
        <source>这份备份是{backup}汇总库的备份，这里是{office}的汇总库：不能恢复到这里。</source>
        <translation>This is a backup of a {backup} hub; this folder is a {office} hub: it cannot be restored here.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/backup/sealed_documents.py" line="38"/>
        <source>这份备份是另一个调委会的（它的数据用另一把数据密钥加密），不能恢复到这里。现在的数据没有任何改动。</source>
        <translation>This backup belongs to another committee (its data uses another data key) and cannot be restored here. The current data is unchanged.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="37"/>
        <source>今天 {time}</source>
        <translation>today {time}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="39"/>
        <source>昨天 {time}</source>
        <translation>yesterday {time}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="180"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="182"/>
        <source>备份失败，点此查看</source>
        <translation>Backup failed, click for details</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="187"/>
        <source>尚未备份</source>
        <translation>Not backed up yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="188"/>
        <source>点此打开“备份与恢复”</source>
        <translation>Click to open “Backup and restore”</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="190"/>
        <source>上次备份：{when}</source>
        <translation>Last backup: {when}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="193"/>
        <source>（U盘未写入）</source>
        <translation> (USB drive not written)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="214"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="216"/>
        <source>程序每次启动时和每天自动备份数据库和存档文件（协议书、扫描件等），每份都会读回校验。保留最近7天每天一份、4周每周一份、12个月每月一份；升级前和恢复前的备份一直保留。</source>
        <translation>The program backs up the database and the archived files (agreements, scans, etc.) every time it starts and once a day, and reads every backup back to verify it. It keeps one a day for the last 7 days, one a week for 4 weeks and one a month for 12 months; backups made before an upgrade or a restore are always kept.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="226"/>
        <source>备份时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="226"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="226"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="227"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="227"/>
        <source>协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="227"/>
        <source>存档文件</source>
        <translation>Archived files</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="228"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="228"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="239"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="240"/>
        <source>导出到文件…</source>
        <translation>Export to file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="241"/>
        <source>用所选备份恢复…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="242"/>
        <source>从文件恢复…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="243"/>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="256"/>
        <source>第二备份位置（如U盘）</source>
        <translation>Second backup location (e.g. a USB drive)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="259"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="260"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="261"/>
        <source>不再使用</source>
        <translation>Stop using</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="264"/>
        <source>每次备份后自动再复制一份到这里。U盘没插时会提醒，但不影响本机的备份。</source>
        <translation>After each backup a copy is also made here. If the USB drive is not plugged in you are reminded; the backup on this PC is not affected.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="298"/>
        <source>本机备份文件夹：{folder}</source>
        <translation>Backup folder on this PC: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="305"/>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="305"/>
        <source>第二位置</source>
        <translation>Second location</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="343"/>
        <source>正在备份，请稍候…</source>
        <translation>Backing up, please wait…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="348"/>
        <source>备份完成并已校验：{path}</source>
        <translation>Backup made and verified: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="350"/>
        <source>第二位置也已写入：{path}</source>
        <translation>Also written to the second location: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="352"/>
        <source>第二位置没有写入：</source>
        <translation>Not written to the second location: </translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="357"/>
        <source>已导出并校验：{path}</source>
        <translation>Exported and verified: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="361"/>
        <source>备份没有完成。</source>
        <translation>The backup was not completed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="377"/>
        <source>已不再复制到第二位置。</source>
        <translation>Backups are no longer copied to a second location.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="379"/>
        <source>以后每次备份都会再复制一份到：{folder}</source>
        <translation>From now on every backup is also copied to: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="407"/>
        <source>用 {when} 的备份（案件 {cases} 件，当事人 {parties} 人，调解协议 {agreements} 份）替换现在的数据？</source>
        <translation>Replace the current data with the backup from {when} ({cases} cases, {parties} parties, {agreements} mediation agreements)?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="412"/>
        <source>现在的数据会先完整备份一份（类型“恢复前”），不会丢失。这份备份之后登记或修改的内容，恢复后需要重新核对。恢复后窗口会重新打开。</source>
        <translation>The current data is first backed up in full (kind “Before restore”), so nothing is lost. Anything registered or changed after this backup must be checked again after restoring. The window reopens after the restore.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="415"/>
        <source>这份备份只有数据库，存档文件保持现状。</source>
        <translation>This backup holds only the database; the archived files stay as they are.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="416"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="418"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="419"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="426"/>
        <source>选择第二备份位置（如U盘）</source>
        <translation>Choose a second backup location (e.g. a USB drive)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="430"/>
        <source>三理室调解台备份-{date}.zip</source>
        <translation>sanli-mediation-backup-{date}.zip</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="431"/>
        <source>导出备份</source>
        <translation>Export backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="432"/>
        <source>备份文件 (*.zip)</source>
        <translation>Backup files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="438"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="440"/>
        <source>备份文件或备份文件夹里的 manifest.json (*.zip *.sqlite3 manifest.json)</source>
        <translation>Backup files, or manifest.json inside a backup folder (*.zip *.sqlite3 manifest.json)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="455"/>
        <source>打开数据库时发现文件已损坏（可能是停电或硬盘故障造成的）。损坏的文件已原样移到下面的文件夹，没有删除任何东西：
{folder}</source>
        <translation>The database file was found damaged when it was opened (a power cut or a failing disk can cause this). The damaged file has been moved, unchanged, to the folder below; nothing was deleted:
{folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="458"/>
        <source>上次发现数据库已损坏，还没有恢复。</source>
        <translation>Last time the database was found damaged, and it has not been restored yet.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="462"/>
        <source>注意：有 {count} 份较新的备份比更早的备份案件少（最近一份是 {when} 的，案件 {cases} 件），可能是在数据丢失之后做的，所以没有选用。如确实需要，可以在程序里“文件 → 备份与恢复”中手动选择。</source>
        <translation>Note: {count} newer backup(s) hold fewer cases than an earlier one (the newest is from {when}, {cases} cases); they were probably made after data was lost, so none was chosen. If you really need one, choose it by hand in File → Backup and restore.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="466"/>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="468"/>
        <source>没有找到完好的备份。程序将新建一个空白数据库继续使用；损坏的文件请交给技术支持人员尝试修复。</source>
        <translation>No good backup was found. The program will start with a new, empty database; please give the damaged file to technical support to try to repair it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="471"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="475"/>
        <source>最近一份完好的备份是 {when} 的（案件 {cases} 件，当事人 {parties} 人，调解协议 {agreements} 份）。建议用它恢复；恢复后，请核对这之后登记或修改的案件。</source>
        <translation>The newest good backup is from {when} ({cases} cases, {parties} parties, {agreements} mediation agreements). Restoring it is recommended; afterwards, please check the cases registered or changed since then.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="480"/>
        <source>用这份备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/backup_dialog.py" line="481"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>CanvassDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="31"/>
        <source>修改排查记录</source>
        <translation>Edit dispute canvass record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="32"/>
        <source>新增排查记录</source>
        <translation>New dispute canvass record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="35"/>
        <source>如 2026-11-20</source>
        <translation>e.g. 2026-11-20</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="39"/>
        <source>选择或填写村（社区）</source>
        <translation>Choose or type a village (community)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="45"/>
        <source>如 调委会主任王保国、网格员李桂兰</source>
        <translation>e.g. committee chair Wang Baoguo, grid worker Li Guilan</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="49"/>
        <source>没有的填0</source>
        <translation>0 if none</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="54"/>
        <source>排查的重点、发现的矛盾隐患和采取的措施</source>
        <translation>What the canvass focused on, the latent conflicts found and the measures taken</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="61"/>
        <source>排查日期 *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="62"/>
        <source>村（社区） *</source>
        <translation>Village (community) *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="63"/>
        <source>排查人 *</source>
        <translation>Canvassed by *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="64"/>
        <source>排查发现纠纷数（件） *</source>
        <translation>Disputes found *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="65"/>
        <source>预防纠纷数（件） *</source>
        <translation>Disputes prevented *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="66"/>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="160"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="68"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="69"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="113"/>
        <source>还有{n}处需要填写或更正，见各项下方的红字</source>
        <translation>{n} items still need filling in or correcting: see the red text under each</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="117"/>
        <source>这条排查记录已在别处修改或删除，请关闭后重新打开。你填写的内容没有保存。</source>
        <translation>This canvass record was changed or deleted elsewhere. Close and open it again; what you typed was not saved.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="125"/>
        <source>放弃填写的内容</source>
        <translation>Discard what was typed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="126"/>
        <source>填写的排查记录还没有保存。放弃这些内容吗？</source>
        <translation>The canvass record you filled in has not been saved. Discard it?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="143"/>
        <source>排查记录</source>
        <translation>Dispute canvasses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="146"/>
        <source>全部村（社区）</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="152"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="154"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="158"/>
        <source>排查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="158"/>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="159"/>
        <source>排查人</source>
        <translation>Canvassed by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="159"/>
        <source>发现纠纷（件）</source>
        <translation>Disputes found</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="160"/>
        <source>预防纠纷（件）</source>
        <translation>Disputes prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="163"/>
        <source>新增排查…</source>
        <translation>New canvass…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="164"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="165"/>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="167"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="171"/>
        <source>村（社区）：</source>
        <translation>Village (community):</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="173"/>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="200"/>
        <source>共排查{n}次，发现纠纷{found}件，预防纠纷{prevented}件</source>
        <translation>{n} canvasses, {found} disputes found, {prevented} disputes prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="227"/>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="239"/>
        <source>已保存：{day} {village}的排查记录。</source>
        <translation>Saved: the canvass of {village} on {day}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="265"/>
        <source>删除排查记录</source>
        <translation>Delete canvass record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="266"/>
        <source>删除{day} {village}的排查记录（排查人：{who}，发现纠纷{found}件，预防纠纷{prevented}件）？
删除后不再计入统计报表。</source>
        <translation>Delete the canvass of {village} on {day} (by {who}, {found} disputes found, {prevented} prevented)?
It will no longer count in the statistics.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="276"/>
        <source>这条排查记录已在别处修改或删除，列表已刷新。</source>
        <translation>This canvass record was changed or deleted elsewhere; the list has been refreshed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/canvass_dialog.py" line="279"/>
        <source>已删除{day} {village}的排查记录。</source>
        <translation>Deleted the canvass of {village} on {day}.</translation>
    </message>
</context>
<context>
    <name>CaseChoicePage</name>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="162"/>
        <source>候选明白人（本村的排在前面）</source>
        <translation>Candidate elders (this village first)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="163"/>
        <source>按姓名或拼音首字母查找，如 zjg</source>
        <translation>Find by name or pinyin initials, e.g. zjg</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="164"/>
        <source>只看本村</source>
        <translation>This village only</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="166"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="166"/>
        <source>村·组</source>
        <translation>Village · group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="166"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="167"/>
        <source>擅长本类纠纷</source>
        <translation>Good at this type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="167"/>
        <source>在办</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="168"/>
        <source>已办</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="168"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="169"/>
        <source>“在办”是此人在其他案件中正在办理的件数，“已办”是已结束的件数。“任期已满”的明白人三年任期已过、尚未重新推选，当事人仍可自愿选择，提名前须确认。双击或点“提名”把人选交给各方当事人表态。</source>
        <translation>&quot;Open&quot; is how many other cases this person is handling now, &quot;Done&quot; how many have ended. An elder marked &quot;term over&quot; has served the three-year term and was not chosen again; the parties may still choose them, after a confirmation. Double-click or press &quot;Propose&quot; to put a person to every party.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="172"/>
        <source>提名…</source>
        <translation>Propose…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="173"/>
        <source>库外人选（一事一议）…</source>
        <translation>Someone outside the pool (case by case)…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="174"/>
        <source>本案明白人：提名与各方当事人表态</source>
        <translation>Elders for this case: proposals and the parties&apos; answers</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="175"/>
        <source>还没有提名。请当事人从左边的名单中自愿选择信任的明白人，或共同选定库外人选。</source>
        <translation>No one proposed yet. The parties freely choose an elder they trust from the list on the left, or jointly agree on someone outside the pool.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="176"/>
        <source>本案其他人员</source>
        <translation>Other people in this case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="177"/>
        <source>主持人（通常为一名干部和一名联村干警）</source>
        <translation>Hosts (usually a cadre and a village-link police officer)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="178"/>
        <source>见证人（相关职能部门）</source>
        <translation>Witnesses (relevant government departments)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="179"/>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="183"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="184"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="189"/>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="203"/>
        <source>没有打开的案件。请在“案件台账”中双击一个案件，再回到这里为它选择明白人。</source>
        <translation>No case is open. Double-click a case in the &quot;Case ledger&quot;, then come back here to choose its elders.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="227"/>
        <source>{number}&#x3000;{title}&#x3000;{village}&#x3000;状态：{status}</source>
        <translation>{number}   {title}   {village}   Status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="231"/>
        <source>本案状态为“{status}”，人选只能查看，不能更改。</source>
        <translation>This case is &quot;{status}&quot;: the people chosen can be viewed but not changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="234"/>
        <source>人选已齐，可以开始调解。</source>
        <translation>Everyone is in place; mediation can start.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="240"/>
        <source>开始调解前还需要：</source>
        <translation>Still needed before mediation can start:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="264"/>
        <source>提名中</source>
        <translation>proposed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="265"/>
        <source>已选定</source>
        <translation>chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="266"/>
        <source>未获同意</source>
        <translation>not agreed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="267"/>
        <source>已回避</source>
        <translation>recused</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="268"/>
        <source>已撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="272"/>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="374"/>
        <source>任期已满</source>
        <translation>term over</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="273"/>
        <source>任期已于{day}届满，尚未重新推选；当事人仍可自愿选择</source>
        <translation>Term ended on {day} and was not renewed; the parties may still choose this elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="280"/>
        <source>★ 擅长</source>
        <translation>★ Yes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="330"/>
        <source>已提名{name}，请其他当事人逐一表态。</source>
        <translation>{name} proposed. Ask each of the other parties for their answer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="342"/>
        <source>还没有提名：填写的内容仍在，选好提名人后再点“保存”。</source>
        <translation>Not proposed yet: what you typed is still here. Choose who proposes, then click &quot;Save&quot; again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="353"/>
        <source>库外人选（一事一议）</source>
        <translation>Someone outside the pool (case by case)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="357"/>
        <source>已提名库外人选，请其他当事人逐一表态。</source>
        <translation>Someone outside the pool has been proposed. Ask each of the other parties for their answer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="407"/>
        <source>已记录回避。请各方重新选定明白人。</source>
        <translation>Recusal recorded. The parties now choose another elder.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="445"/>
        <source>调委会</source>
        <translation>the mediation committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="448"/>
        <source>一事一议</source>
        <translation>case by case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="452"/>
        <source>待调解员确认回避情形</source>
        <translation>Waiting for the mediator to confirm the grounds for recusal</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="453"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;（{where}，{kind}）&#x3000;由{proposer}提名&#x3000;&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{state}&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ({where}, {kind})   proposed by {proposer}   &lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{state}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="459"/>
        <source>（此人已退出明白人库）</source>
        <translation>(This person has left the elder pool)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="463"/>
        <source>{end}：{who}，理由：{reason}</source>
        <translation>{end}: {who}, reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="472"/>
        <source>回避情形（已确认：{note}）：
{lines}</source>
        <translation>Grounds for recusal (confirmed: {note}):
{lines}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="475"/>
        <source>回避情形，须向各方说明并确认：
{lines}</source>
        <translation>Grounds for recusal, to be explained to all parties and confirmed:
{lines}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="486"/>
        <source>（{reason}）</source>
        <translation> ({reason})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="488"/>
        <source>&#x3000;关系：{relation}</source>
        <translation>   Relation: {relation}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="499"/>
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="504"/>
        <source>不同意…</source>
        <translation>Disagree…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="509"/>
        <source>改为未表态</source>
        <translation>Clear answer</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="516"/>
        <source>申报关系…</source>
        <translation>Declare relation…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="520"/>
        <source>确认回避情形…</source>
        <translation>Confirm recusal grounds…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="524"/>
        <source>申请回避…</source>
        <translation>Request recusal…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="529"/>
        <source>撤回提名…</source>
        <translation>Withdraw proposal…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="553"/>
        <source>新建人员…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="555"/>
        <source>添加{role}</source>
        <translation>Add {role}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="556"/>
        <source>从名单中选择；名单里没有的，选“新建人员…”，以后可以直接选用。</source>
        <translation>Choose from the list. If the person is not on it, choose &quot;New person…&quot;; next time they can be chosen directly.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/choice_page.py" line="557"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="55"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="56"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="68"/>
        <source>此项必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="86"/>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="141"/>
        <source>{name}（当事人）</source>
        <translation>{name} (party)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="87"/>
        <source>调委会</source>
        <translation>Mediation committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="92"/>
        <source>{name}的三年任期已于{day}届满，尚未重新推选，已不在上墙名单上。当事人仍可自愿选择他（她）（人民调解法第十九、二十条）：请先向各方当事人说明，各方知情后仍愿意，再提名。</source>
        <translation>{name}&apos;s three-year term ended on {day} and was not renewed, so {name} is no longer on the wall list. The parties may still choose this elder (People&apos;s Mediation Law, Arts. 19-20): tell every party first, and propose only if they still want it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="106"/>
        <source>请注意回避情形：
{lines}
请向各方当事人说明。各方知情后仍愿意选他（她），请在下面写明；不写则提名后须再确认。</source>
        <translation>Note the grounds for recusal:
{lines}
Explain them to all parties. If, knowing this, they still want this person, record it below; otherwise it must be confirmed after the proposal.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="108"/>
        <source>调解员确认记录</source>
        <translation>Mediator&apos;s confirmation note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="112"/>
        <source>提名明白人：{name}</source>
        <translation>Propose elder: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="113"/>
        <source>由谁提名？提名的当事人视为同意；其他当事人须逐一表态。</source>
        <translation>Who proposes? The proposing party counts as agreeing; each other party must answer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="114"/>
        <source>提名人</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="115"/>
        <source>如：双方均知悉明白人与申请人同姓不同支，仍同意由其评理</source>
        <translation>e.g. Both sides know the elder shares the applicant&apos;s surname but not the family branch, and still agree to the elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="116"/>
        <source>提名</source>
        <translation>Propose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="116"/>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="125"/>
        <source>仍然提名</source>
        <translation>Propose anyway</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="123"/>
        <source>任期已满：{name}</source>
        <translation>Term over: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="129"/>
        <source>暂不提名</source>
        <translation>No one for now</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="131"/>
        <source>{party}不同意{elder}</source>
        <translation>{party} does not agree to {elder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="132"/>
        <source>当事人有权拒绝明白人（人民调解法第二十三条）。请记下理由；当事人可以同时提名另一位明白人，也可以稍后用“库外人选（一事一议）”提名库外的人。</source>
        <translation>A party may refuse an elder (People&apos;s Mediation Law, Art. 23). Record the reason. The party may propose another elder at the same time, or later propose someone from outside the pool with &quot;Someone outside the pool (case by case)&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="134"/>
        <source>改提名</source>
        <translation>Propose instead</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="135"/>
        <source>不同意的理由 *</source>
        <translation>Reason for disagreeing *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="136"/>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="167"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="140"/>
        <source>{name}（明白人本人）</source>
        <translation>{name} (the elder)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="143"/>
        <source>申请回避：{name}</source>
        <translation>Request recusal: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="144"/>
        <source>明白人本人或任何一方当事人都可以申请回避。回避后请各方重新选定明白人。</source>
        <translation>The elder or any party may request recusal. After a recusal, the parties choose another elder.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="145"/>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="146"/>
        <source>回避理由 *</source>
        <translation>Reason for recusal *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="147"/>
        <source>回避</source>
        <translation>Recuse</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="152"/>
        <source>撤回提名：{name}</source>
        <translation>Withdraw proposal: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="153"/>
        <source>撤回后这条提名仍留在记录中，标为“已撤回”。</source>
        <translation>A withdrawn proposal stays on record, marked &quot;Withdrawn&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="154"/>
        <source>撤回原因 *</source>
        <translation>Reason for withdrawal *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="155"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="162"/>
        <source>申报关系：{name}</source>
        <translation>Declare relation: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="163"/>
        <source>明白人与某方当事人有亲属、邻里、经济往来等关系时，在这里记下；记下后须由调解员向各方说明并确认。清空关系一栏即为撤销申报。</source>
        <translation>When the elder is related to a party (family, neighbours, money dealings, etc.), record it here; the mediator must then explain it to all parties and confirm it. Clear the relation to cancel the declaration.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="165"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="166"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="173"/>
        <source>确认回避情形：{name}</source>
        <translation>Confirm recusal grounds: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="175"/>
        <source>向各方当事人说明上述情形。各方知情后仍同意由他（她）评理的，写明确认情况。否则请用“申请回避”。</source>
        <translation>Explain the grounds above to all parties. If, knowing them, they still agree to have this elder weigh the dispute, record how they confirmed it. Otherwise use &quot;Request recusal&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="177"/>
        <source>确认记录 *</source>
        <translation>Confirmation note *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/choice_dialogs.py" line="178"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>DisputeTypes</name>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="25"/>
        <source>第{line}项：没有填写细目名称。</source>
        <translation>Entry {line}: no name given.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="26"/>
        <source>第{line}项的名称含有无法保存的控制字符，请删除后重新输入。</source>
        <translation>Entry {line}: the name contains control characters that cannot be stored; remove them and type it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="27"/>
        <source>第{line}项“{name}”：名称太长，最多 {max} 个字。</source>
        <translation>Entry {line} &quot;{name}&quot;: the name is too long (at most {max} characters).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="28"/>
        <source>第{line}项“{name}”：请选择它归入的统计类别（15 类之一）。</source>
        <translation>Entry {line} &quot;{name}&quot;: choose the report category it is counted under (one of the 15).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="29"/>
        <source>第{line}项“{name}”本身就是统计类别之一，不用再加。</source>
        <translation>Entry {line} &quot;{name}&quot; is one of the report categories already; it need not be added.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="30"/>
        <source>第{line}项“{name}”与前面的一项重名。</source>
        <translation>Entry {line} &quot;{name}&quot; has the same name as an entry above.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="31"/>
        <source>细目最多 {max} 项，现在 {n} 项。</source>
        <translation>At most {max} local types; there are {n}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/dispute_types.py" line="32"/>
        <source>第{line}项写法不对：应写成“细目名称=统计类别”，如 继承纠纷=婚姻家庭纠纷。</source>
        <translation>Entry {line} is not written right: write NAME=CATEGORY, e.g. 继承纠纷=婚姻家庭纠纷.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="52"/>
        <source>该村明白人的任期都已届满：请重新推选，在“修改”中更新任期后再打印名单</source>
        <translation>Every elder of this village has served out the term: hold a new selection, update the terms with &quot;Edit&quot;, then print the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="54"/>
        <source>该村明白人库中还没有明白人（已退出的不算），无法打印名单</source>
        <translation>This village&apos;s elder pool has no elders yet (those who left do not count), so there is no list to print</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="98"/>
        <source>不予受理的案件没有受理登记表</source>
        <translation>A case that was not accepted has no intake registration form</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="143"/>
        <source>本案不是当事人申请调解的，或没有申请人，不能制作人民调解申请书（以受理登记表代替）</source>
        <translation>This case was not brought by the parties&apos; application, or has no applicant: no application form can be made (the registration form takes its place)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="169"/>
        <source>本案没有以“达成口头协议”结束的调解，不能制作口头协议登记表</source>
        <translation>No sitting of this case ended in an oral agreement, so there is no oral-agreement register</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="182"/>
        <source>本案没有以“形成化解意见”结束的调解，不能制作化解处理意见书</source>
        <translation>No sitting of this case ended in a resolution opinion, so there is no resolution opinion document</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="203"/>
        <source>不予受理的案件不立调解卷宗</source>
        <translation>A case that was not accepted has no case file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/documents.py" line="205"/>
        <source>调解尚未结束，结案后才能整理调解卷宗</source>
        <translation>Mediation has not ended; the case file is bound once the case is closed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="218"/>
        <source>这次回访还没有记录，不能打印回访记录</source>
        <translation>This visit has not been recorded yet: there is no visit record to print</translation>
    </message>
</context>
<context>
    <name>ElderDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="37"/>
        <source>明白人信息</source>
        <translation>Trusted elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="41"/>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="53"/>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="58"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="43"/>
        <source>如 1956</source>
        <translation>e.g. 1956</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="49"/>
        <source>如 3组</source>
        <translation>e.g. Group 3</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="51"/>
        <source>手机或带区号的座机</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="55"/>
        <source>身份为“其他”时填写，如村医、致富带头人</source>
        <translation>When the identity is &quot;Other&quot;, e.g. village doctor, local business leader</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="57"/>
        <source>一事一议（不入库）</source>
        <translation>Case by case (not in the pool)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="60"/>
        <source>如 2024-01-15</source>
        <translation>e.g. 2024-01-15</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="62"/>
        <source>不填则按三年任期推算</source>
        <translation>If empty, a three-year term is assumed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="66"/>
        <source>擅长调解的纠纷</source>
        <translation>Disputes they are good at mediating</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="85"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="85"/>
        <source>性别 *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="86"/>
        <source>出生年份</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="87"/>
        <source>村 *</source>
        <translation>Village *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="87"/>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="88"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="89"/>
        <source>身份 *</source>
        <translation>Identity *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="90"/>
        <source>身份说明</source>
        <translation>Identity note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="91"/>
        <source>产生方式</source>
        <translation>How chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="92"/>
        <source>推选/聘任日期</source>
        <translation>Date elected/appointed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="93"/>
        <source>任期至</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="100"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="103"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="104"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="111"/>
        <source>一事一议：当事人共同选定的库外人选，只参与本案，不列入明白人库。</source>
        <translation>Case by case: someone outside the pool, chosen jointly by the parties. They take part in this case only and are not added to the elder pool.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="194"/>
        <source>有{n}处需要修改，见各项下方的红字。</source>
        <translation>{n} items need correcting; see the red text under each field.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="251"/>
        <source>已恢复{time}未保存的内容。</source>
        <translation>Restored the unsaved input from {time}.</translation>
    </message>
</context>
<context>
    <name>ElderTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/elder_tab.py" line="45"/>
        <source>本案人选</source>
        <translation>People for this case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_tab.py" line="46"/>
        <source>明白人库</source>
        <translation>Elder pool</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_tab.py" line="47"/>
        <source>主持人·见证人·记录人名单</source>
        <translation>Hosts · witnesses · recorders</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="104"/>
        <source>不能这样做</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="110"/>
        <source>操作没有完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="113"/>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="114"/>
        <source>程序遇到一个意外的错误，这一步可能没有完成。已保存的案件都在数据库里；正在填写的内容已存为草稿，下次打开时会提示恢复。您可以继续使用。</source>
        <translation>The program met an unexpected error; this step may not have been completed. Saved cases are all in the database; what you were filling in has been saved as a draft and will be offered back the next time the program opens. You can carry on working.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="118"/>
        <source>详细情况已记录在日志文件中：
{log}
如果反复出现，请把这个文件发给技术支持人员。</source>
        <translation>The details have been written to the log file:
{log}
If this keeps happening, please send this file to technical support.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="121"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/error_dialog.py" line="122"/>
        <source>继续使用</source>
        <translation>Carry on</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../xinye_desktop/services/exchange/crypto.py" line="32"/>
        <source>司法所的公钥不对（应是 32 字节的 X25519 公钥）：报送包没有生成。</source>
        <translation>The justice office&apos;s public key is not valid (it should be a 32-byte X25519 public key): no package was made.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="66"/>
        <source>报送包 {name} 太大（{size}），超过上限 {limit}：没有读取，什么都没有导入。</source>
        <translation>The package {name} is too large ({size}, the limit is {limit}): it was not read and nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="67"/>
        <source>报送包 {name} 里有一部分解开后太大（超过 {limit}），可能是恶意文件：没有读取，什么都没有导入。</source>
        <translation>A part of the package {name} would unpack too large (over {limit}); it may be a malicious file: it was not read and nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="69"/>
        <source>{name} 不是报送包，或者文件不完整（可能复制时中断、U盘被拔出）：什么都没有导入。请让村里重新生成报送包。</source>
        <translation>{name} is not a package, or the file is incomplete (the copy may have been interrupted, the USB drive pulled out): nothing was imported. Ask the village to make the package again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="71"/>
        <source>报送包 {name} 已损坏（{detail} 的校验不符，文件可能在U盘上出错）：什么都没有导入。请让村里重新生成报送包。</source>
        <translation>The package {name} is damaged ({detail} fails its check; the file may have been corrupted on the USB drive): nothing was imported. Ask the village to make the package again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="73"/>
        <source>报送包 {name} 里有不安全或不认识的文件名（{detail}），可能是被人改过的恶意文件：什么都没有读取和导入。</source>
        <translation>The package {name} contains an unsafe or unknown file name ({detail}); it may be a tampered, malicious file: nothing was read or imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="75"/>
        <source>报送包 {name} 的内容与它签名的清单不符（{detail}），可能被改动过：什么都没有导入。</source>
        <translation>The content of the package {name} does not match its signed manifest ({detail}); it may have been altered: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="77"/>
        <source>报送包 {name} 的签名不对：不是调委会的签名密钥签的，或者清单被改动过。什么都没有导入。</source>
        <translation>The signature of the package {name} is wrong: it was not signed with the committee&apos;s signing key, or the manifest was altered. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="79"/>
        <source>报送包 {name} 是用另一把签名密钥签的（指纹 {fingerprint}），与这个调委会登记的密钥（指纹 {registered}）不一致：什么都没有导入。请打电话向村里核对密钥指纹。</source>
        <translation>The package {name} was signed with another signing key (fingerprint {fingerprint}) than the one registered for this committee (fingerprint {registered}): nothing was imported. Phone the village to compare the key&apos;s fingerprint.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="82"/>
        <source>报送包 {name} 的格式（第 {version} 版）比这个程序新：请先升级三理室调解台再导入。什么都没有导入。</source>
        <translation>The package {name} has a newer format (version {version}) than this program: upgrade 三理室调解台 first, then import it. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="84"/>
        <source>报送包 {name} 的内容格式不对（{detail}）：什么都没有导入。</source>
        <translation>The content of the package {name} is not in the expected format ({detail}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="85"/>
        <source>报送包 {name} 不是加密给这个司法所的（它的公钥指纹是 {fingerprint}）：个人信息打不开，什么都没有导入。</source>
        <translation>The package {name} was not encrypted for this justice office (its public key&apos;s fingerprint is {fingerprint}): the personal data cannot be opened and nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="89"/>
        <source>还没有司法所的公钥：请先导入司法所发来的回执包（或设置司法所的公钥），再生成报送包。</source>
        <translation>There is no public key of the justice office yet: import the acknowledgement package it sent (or set its public key) first, then make the package.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="91"/>
        <source>这个调委会还没有签名密钥（设置管理员账号和密码时生成）：请先登录后再生成报送包。</source>
        <translation>This committee has no signing key yet (it is made when the administrator account and password are set up): log in first, then make the package.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="93"/>
        <source>文件夹 {folder} 不存在：报送包没有生成。</source>
        <translation>The folder {folder} does not exist: no package was made.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="94"/>
        <source>报送包没有写完（{detail}）。没有留下不完整的报送包；请检查U盘（是否插好、是否已满）后重新生成。</source>
        <translation>The package was not written completely ({detail}). No incomplete package was left; check the USB drive (plugged in? full?) and make it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="96"/>
        <source>报送月份不对：请写成 2026-12 这样的年月。</source>
        <translation>The month is not valid: write it as a year and month like 2026-12.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="97"/>
        <source>{folder} 空间不够，报送包没有写完：没有留下不完整的报送包。请删掉U盘上不需要的文件或换一个U盘后重新生成。</source>
        <translation>Not enough space on {folder}, so the report package was not fully written: no incomplete report package was left behind. Please delete unneeded files from the USB drive or use another USB drive, then generate it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="99"/>
        <source>文件夹 {folder} 不能写入（只读、写保护或没有权限）：报送包没有生成。请拨开U盘的写保护开关，或另选文件夹。</source>
        <translation>Folder {folder} cannot be written to (read-only, write-protected, or no permission): the report package was not generated. Please slide off the USB drive&apos;s write-protect switch, or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="101"/>
        <source>写报送包时找不到 {folder}（U盘可能被拔出）：没有留下不完整的报送包。请插好U盘后重新生成。</source>
        <translation>{folder} could not be found while writing the report package (the USB drive may have been removed): no incomplete report package was left behind. Please plug the USB drive back in and generate it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="133"/>
        <source>回执包 {name} 太大（{size}），超过上限 {limit}：没有读取，什么都没有导入。</source>
        <translation>Return package {name} is too large ({size}), over the limit of {limit}: it was not read, and nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="134"/>
        <source>回执包 {name} 里有一部分解开后太大（超过 {limit}），可能是恶意文件：没有读取，什么都没有导入。</source>
        <translation>Part of return package {name} is too large once unpacked (over {limit}) and may be a malicious file: it was not read, and nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="136"/>
        <source>{name} 不是回执包，或者文件不完整（可能复制时中断、U盘被拔出）：什么都没有导入。请让司法所重新生成回执包。</source>
        <translation>{name} is not a return package, or the file is incomplete (copying may have been interrupted or the USB drive removed): nothing was imported. Please ask the township justice office to generate the return package again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="138"/>
        <source>回执包 {name} 已损坏（{detail} 的校验不符，文件可能在U盘上出错）：什么都没有导入。请让司法所重新生成回执包。</source>
        <translation>Return package {name} is damaged (the checksum of {detail} does not match; the file may have been corrupted on the USB drive): nothing was imported. Please ask the township justice office to generate the return package again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="140"/>
        <source>回执包 {name} 里有不安全或不认识的文件名（{detail}），可能是被人改过的恶意文件：什么都没有读取和导入。</source>
        <translation>Return package {name} contains unsafe or unrecognized file names ({detail}) and may be a tampered, malicious file: nothing was read or imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="142"/>
        <source>回执包 {name} 的内容与它签名的清单不符（{detail}），可能被改动过：什么都没有导入。</source>
        <translation>The contents of return package {name} do not match its signed manifest ({detail}); it may have been tampered with: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="144"/>
        <source>回执包 {name} 的签名不对：不是司法所的签名密钥签的，或者清单被改动过。什么都没有导入。</source>
        <translation>The signature on return package {name} is not valid: it was not signed with the township justice office&apos;s signing key, or the manifest has been altered. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="146"/>
        <source>回执包 {name} 是用另一把签名密钥签的（指纹 {fingerprint}），与本机第一次导入回执时记下的司法所密钥（指纹 {registered}）不一致：什么都没有导入。请打电话向司法所核对密钥指纹。</source>
        <translation>Return package {name} was signed with a different signing key (fingerprint {fingerprint}) from the township justice office key recorded when this computer first imported a return package (fingerprint {registered}): nothing was imported. Please phone the township justice office to check the key fingerprint.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="149"/>
        <source>回执包 {name} 的格式（第 {version} 版）比这个程序新：请先升级三理室调解台再导入。什么都没有导入。</source>
        <translation>Return package {name} uses a format (version {version}) newer than this program: please upgrade Sanlishi Mediation Desk before importing. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="151"/>
        <source>回执包 {name} 的内容格式不对（{detail}）：什么都没有导入。</source>
        <translation>The contents of return package {name} are in the wrong format ({detail}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="152"/>
        <source>{name} 不是司法所发来的回执包（{kind}）：什么都没有导入。</source>
        <translation>{name} is not a return package from the township justice office ({kind}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="153"/>
        <source>回执包 {name} 是发给{committee}的，不是本调委会的：什么都没有导入。请把它交给对应的村。</source>
        <translation>Return package {name} is addressed to {committee}, not to this mediation committee: nothing was imported. Please pass it on to the right village.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="155"/>
        <source>回执包 {name} 带来的司法所公钥（指纹 {fingerprint}）与本机报送包加密用的公钥（指纹 {registered}）不一致：什么都没有导入。请打电话向司法所核对。</source>
        <translation>The township justice office public key carried by return package {name} (fingerprint {fingerprint}) does not match the public key this computer uses to encrypt report packages (fingerprint {registered}): nothing was imported. Please phone the township justice office to check.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="158"/>
        <source>回执包 {name} 是司法所的第 {sequence} 号回执，本机已经导入了第 {last} 号（{at}）：它不比已导入的新，什么都没有导入。</source>
        <translation>Return package {name} is return no. {sequence} from the township justice office, but this computer has already imported no. {last} ({at}): it is not newer than what has already been imported, so nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="161"/>
        <source>回执包 {name} 里的审查理由是加密给另一把密钥的（可能本机恢复过别的备份）：打不开，什么都没有导入。请让司法所在收到本机新的报送包后重新生成回执包。</source>
        <translation>The review reasons in return package {name} are encrypted for a different key (this computer may have restored a different backup): they cannot be opened, so nothing was imported. Please ask the township justice office to generate the return package again after it receives a new report package from this computer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="164"/>
        <source>回执包 {name} 里的设置不对（{detail}）：什么都没有导入。</source>
        <translation>The settings in return package {name} are not valid ({detail}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="165"/>
        <source>回执包 {name} 里的审查理由是加密的，要登录后才能打开：请先登录再导入。什么都没有导入。</source>
        <translation>The review reasons in return package {name} are encrypted and can only be opened after logging in: please log in first, then import. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/format.py" line="167"/>
        <source>回执包 {name} 里的安装程序没有保存下来（{detail}）：什么都没有导入。请检查磁盘空间后再导入。</source>
        <translation>The installer in return package {name} could not be saved ({detail}): nothing was imported. Please check the disk space, then import again.</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <location filename="../../xinye_desktop/services/failures.py" line="27"/>
        <source>磁盘空间已满，这一步没有完成；已保存的资料都还在。请删除不需要的大文件（如下载的视频）或清空回收站，腾出空间后再试一次。位置：{folder}</source>
        <translation>The disk is full; this step was not completed, and everything saved is still there. Please delete large files you do not need (such as downloaded videos) or empty the recycle bin, then try again once there is space. Location: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/failures.py" line="30"/>
        <source>文件夹不能写入（只读或没有权限），这一步没有完成；已保存的资料都还在。请让电脑管理员给这个文件夹写入权限后再试：{folder}</source>
        <translation>The folder cannot be written to (read-only or no permission); this step was not completed, and everything saved is still there. Please ask the computer&apos;s administrator to give write permission to this folder, then try again: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/failures.py" line="33"/>
        <source>数据库文件正被其他程序占用（例如杀毒软件、网盘同步或另一个打开的调解台），这一步没有完成；已保存的资料都还在。请稍等片刻再试；如果一直这样，请关闭这些程序或重启电脑。</source>
        <translation>The database file is in use by another program (e.g. antivirus, cloud-drive sync or another open copy of the app); this step was not completed, and everything saved is still there. Please wait a moment and try again; if it keeps happening, close those programs or restart the computer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/failures.py" line="36"/>
        <source>找不到文件夹 {folder}（如果是U盘，可能已经拔出）。请插好U盘或另选位置后再试。</source>
        <translation>The folder {folder} cannot be found (if it is a USB drive, it may have been pulled out). Plug the USB drive back in or choose another location, then try again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/failures.py" line="38"/>
        <source>数据库文件已损坏，这一步没有完成。请关闭程序后重新打开：程序会把损坏的文件移到一边保存，并提供最近一份完好的备份来恢复。</source>
        <translation>The database file is damaged; this step was not completed. Please close the program and open it again: it will move the damaged file aside (keeping it) and offer the newest good backup to restore.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/failures.py" line="41"/>
        <source>读写磁盘时出错（磁盘可能已满或有故障），这一步没有完成；已保存的资料都还在。请检查磁盘空间后再试；如果反复出现，请尽快把数据备份到U盘并请人检查硬盘。位置：{folder}</source>
        <translation>An error occurred reading or writing the disk (it may be full or failing); this step was not completed, and everything saved is still there. Please check the free disk space and try again; if it keeps happening, back up the data to a USB drive soon and have the disk checked. Location: {folder}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="17"/>
        <source>受理日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="18"/>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="19"/>
        <source>来源说明</source>
        <translation>Source note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="20"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="21"/>
        <source>类型说明</source>
        <translation>Type note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="22"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="23"/>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="24"/>
        <source>纠纷简要情况</source>
        <translation>Brief facts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="535"/>
        <location filename="../../xinye_desktop/domain/history.py" line="25"/>
        <location filename="../../xinye_desktop/services/aftercare.py" line="35"/>
        <location filename="../../xinye_desktop/services/session.py" line="182"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="36"/>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="37"/>
        <source>司法确认</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/taking_effect.py" line="22"/>
        <source>回访</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/taking_effect.py" line="23"/>
        <source>协议生效</source>
        <translation>Agreement in effect</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/taking_effect.py" line="24"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/taking_effect.py" line="25"/>
        <source>能否申请司法确认</source>
        <translation>Eligible for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="160"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="161"/>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="198"/>
        <source>裁定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/aftercare.py" line="200"/>
        <source>法院案号</source>
        <translation>Court case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="26"/>
        <source>受理审查</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="29"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="29"/>
        <source>地位</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="30"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="30"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="31"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="31"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="32"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="32"/>
        <source>职业或职务</source>
        <translation>Occupation or post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="33"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="33"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="34"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="35"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="36"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="36"/>
        <source>请求事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="96"/>
        <source>当事人{index}·{field}</source>
        <translation>Party {index} · {field}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="152"/>
        <source>新增</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="160"/>
        <source>撤出当事人</source>
        <translation>Party withdrawn</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="41"/>
        <source>未署名</source>
        <translation>unsigned</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="155"/>
        <location filename="../../xinye_desktop/services/selection.py" line="177"/>
        <source>明白人表态</source>
        <translation>Answer on elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="201"/>
        <source>申报关系</source>
        <translation>Declared relation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="217"/>
        <source>回避情形确认</source>
        <translation>Recusal grounds confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="235"/>
        <source>明白人人选</source>
        <translation>Elder choice</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="282"/>
        <source>调委会</source>
        <translation>Mediation committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="284"/>
        <source>提名明白人</source>
        <translation>Elder proposed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="29"/>
        <source>防止民转刑</source>
        <translation>Prevented from becoming a criminal case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="30"/>
        <source>防止群体性上访</source>
        <translation>Mass petition prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="136"/>
        <location filename="../../xinye_desktop/services/session.py" line="181"/>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="48"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="33"/>
        <source>修改记录：{number}</source>
        <translation>Change history: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="34"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="34"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="35"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="35"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="36"/>
        <source>原内容</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="36"/>
        <source>新内容</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="63"/>
        <source>已评级</source>
        <translation>Graded</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="65"/>
        <source>以案定补 {grade}</source>
        <translation>Per-case subsidy: {grade}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="67"/>
        <source>理由：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="69"/>
        <source>理由没有随回执包发来，请向司法所询问</source>
        <translation>the reason did not come with the return package; ask the township justice office</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/history_dialog.py" line="70"/>
        <source>司法所审查（{who}）：{what}</source>
        <translation>Township justice office review ({who}): {what}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="41"/>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="41"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="42"/>
        <source>提名明白人</source>
        <translation>Elder proposed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="43"/>
        <source>当事人表态</source>
        <translation>Party answered</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="44"/>
        <source>申报关系</source>
        <translation>Relation declared</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="45"/>
        <source>确认回避情形</source>
        <translation>Recusal grounds confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="46"/>
        <source>回避或撤回</source>
        <translation>Recused or withdrawn</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="47"/>
        <source>添加人员</source>
        <translation>Person added</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="48"/>
        <source>移除人员</source>
        <translation>Person removed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="49"/>
        <source>开始调解</source>
        <translation>Sitting started</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="50"/>
        <source>结束调解</source>
        <translation>Sitting finished</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="51"/>
        <source>协议新版本</source>
        <translation>New agreement version</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="52"/>
        <source>打印协议</source>
        <translation>Agreement printed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="53"/>
        <source>协议签署</source>
        <translation>Agreement signed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="54"/>
        <source>协议生效</source>
        <translation>Agreement in effect</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="55"/>
        <source>更改状态</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="56"/>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="57"/>
        <source>申请司法确认</source>
        <translation>Applied for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="58"/>
        <source>司法确认裁定</source>
        <translation>Court decision on confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="59"/>
        <source>安排回访</source>
        <translation>Visit planned</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="60"/>
        <source>回访</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="61"/>
        <source>更正回访</source>
        <translation>Visit corrected</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="62"/>
        <source>取消回访</source>
        <translation>Call off the visit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="63"/>
        <source>升级时的状态</source>
        <translation>Status at upgrade</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/history.py" line="64"/>
        <source>防止纠纷激化</source>
        <translation>Escalation prevented</translation>
    </message>
</context>
<context>
    <name>Hub</name>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="9"/>
        <source>这个数据文件夹已经设为{office}（{area}）：不能重新设置。换一把密钥会让各村已生成的报送包都打不开。</source>
        <translation>This data folder is already set up as {office} ({area}): it cannot be set up again. A new key would make every package the villages have made unreadable.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="11"/>
        <source>这个数据文件夹里有调委会自己的 {cases} 件案件：{office}要用一个单独的、新的数据文件夹。什么都没有改动。</source>
        <translation>This data folder holds {cases} cases of a committee of its own: a {office} needs a separate, new data folder. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="13"/>
        <source>“{area}”不是乡镇的名称：司法所请写所在的乡镇，如 王庄镇。</source>
        <translation>“{area}” is not the name of a township: for a 司法所 give its township, e.g. 王庄镇.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="14"/>
        <source>“{area}”不是县（区、市）的名称：司法局请写所在的县，如 新野县。</source>
        <translation>“{area}” is not the name of a county (district, city): for a 司法局 give its county, e.g. 新野县.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="15"/>
        <source>这个数据文件夹还没有设为司法所或司法局（先运行 hub-setup）：不能导入报送包，什么都没有导入。</source>
        <translation>This data folder is not set up as a 司法所 or 司法局 yet (run hub-setup first): packages cannot be imported; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="19"/>
        <source>报送包 {name} 是{township}的调委会（{committee}）报送的，不属于本{office}（{area}）：什么都没有导入。</source>
        <translation>The package {name} comes from a committee of {township} ({committee}), not of this {office} ({area}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="21"/>
        <source>报送包 {name} 的调委会名称（{committee}）没有写明乡镇，无法确认属于本司法所（{area}）：什么都没有导入。请让村里在设置里写全调委会名称后重新生成。</source>
        <translation>The committee name of the package {name} ({committee}) names no township, so it cannot be confirmed as belonging to this 司法所 ({area}): nothing was imported. Ask the village to give the committee&apos;s full name in its settings and make the package again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="24"/>
        <source>报送包 {name} 是{county}的调委会（{committee}）报送的，不属于本司法局（{area}）：什么都没有导入。</source>
        <translation>The package {name} comes from a committee of {county} ({committee}), not of this 司法局 ({area}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="26"/>
        <source>报送包 {name} 是用{committee}的签名密钥签的（指纹 {fingerprint}），这把密钥已于 {revoked_at} 被本{office}吊销：什么都没有导入。用吊销的密钥签的报送包一律不导入（电脑可能已丢失或被人冒用）；请让村里在重新安装的电脑上用新的签名密钥重新生成报送包。</source>
        <translation>Report package {name} was signed with {committee}&apos;s signing key (fingerprint {fingerprint}), which this {office} revoked on {revoked_at}: nothing was imported. Report packages signed with a revoked key are never imported (the computer may have been lost or misused); please ask the village to generate the report package again with a new signing key on the reinstalled computer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="30"/>
        <source>报送包 {name} 不是村调委会的报送包（{kind}）：什么都没有导入。</source>
        <translation>The package {name} is not a village committee&apos;s package ({kind}): nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="31"/>
        <source>找不到 {path}：没有导入。</source>
        <translation>{path} was not found: nothing imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="32"/>
        <source>文件夹 {path} 里没有报送包（.xdx 文件）。</source>
        <translation>The folder {path} holds no packages (.xdx files).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="35"/>
        <source>{name}：{committee}，{period}{zero}，已导入：新增 {new} 条，更新 {updated} 条，没有变化 {unchanged} 条，存档文件新增 {documents} 个。</source>
        <translation>{name}: {committee}, {period}{zero}, imported: {new} new, {updated} updated, {unchanged} unchanged records, {documents} new archived files.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="38"/>
        <source>（零报告）</source>
        <translation>(zero report)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="39"/>
        <source>其中 {older} 条比本{office}已有的旧，没有覆盖已有的。</source>
        <translation>{older} of them were older than what this {office} holds and did not overwrite it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="40"/>
        <source>村里删除了 {deleted} 条（本{office}留有原记录，标为已删除）。</source>
        <translation>The village deleted {deleted} records (this {office} keeps them, marked deleted).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="41"/>
        <source>{name}：{committee}的这个报送包已经导入过（{at}），没有任何改动。</source>
        <translation>{name}: this package of {committee} was imported before ({at}); nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="42"/>
        <source>{name}：没有导入。{message}</source>
        <translation>{name}: not imported. {message}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="43"/>
        <source>{committee}原来的签名密钥已于 {revoked_at} 吊销，这是吊销后收到的第一个报送包：已登记它的新签名密钥，指纹 {fingerprint}。请打电话与村里核对这个指纹后再确认；以后用别的密钥签的报送包都不会导入。</source>
        <translation>{committee}&apos;s previous signing key was revoked on {revoked_at}, and this is the first report package received since then: its new signing key has been registered, fingerprint {fingerprint}. Please phone the village to check this fingerprint before confirming; from now on, report packages signed with any other key will not be imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="46"/>
        <source>第一次收到{committee}的报送包：已登记它的签名密钥，指纹 {fingerprint}。请打电话与村里核对这个指纹；以后用别的密钥签的报送包都不会导入。</source>
        <translation>The first package from {committee}: its signing key is registered, fingerprint {fingerprint}. Phone the village to compare this fingerprint; packages signed with any other key will not be imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="51"/>
        <source>{committee}与{other}有相同的案号（{count} 件，如 {examples}）：两个调委会的案件分开保存，查阅时请按调委会区分。</source>
        <translation>{committee} and {other} use the same case numbers ({count} cases, e.g. {examples}): the two committees&apos; cases are kept apart; tell them apart by committee.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="53"/>
        <source>{committee}的案件 {case_number} 在本{office}审核（{decision}）之后又被村里修改：审核意见保留，没有合并，请重新审核。</source>
        <translation>Case {case_number} of {committee} was changed by the village after this {office} reviewed it ({decision}): the review is kept, nothing was merged; please review it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="56"/>
        <source>报送包 {name} 有 {count} 条记录比本{office}已有的旧（可能是旧的报送包，或村里恢复过备份）：旧记录没有覆盖，请与村里核实。</source>
        <translation>The package {name} has {count} records older than what this {office} holds (an old package, or the village restored a backup): they did not overwrite; check with the village.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="59"/>
        <source>报送包 {name} 从村里第 {since} 号变更之后开始，而本{office}只收齐到第 {acknowledged} 号：中间可能缺了一个报送包，请让村里补报。</source>
        <translation>The package {name} starts after the village&apos;s change {since}, but this {office} holds everything only up to change {acknowledged}: a package may be missing in between; ask the village to send it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="63"/>
        <source>评级</source>
        <translation>grading</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="84"/>
        <source>还没有收到过这个调委会的报送包。</source>
        <translation>No package from this committee has been received yet.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="85"/>
        <source>本{office}没有这个案件（可能还没有导入它的报送包）。</source>
        <translation>This {office} holds no such case (its package may not have been imported yet).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="86"/>
        <source>退回案卷要写明理由。</source>
        <translation>Returning a case file needs a reason.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="87"/>
        <source>“{text}”对应多个调委会（{names}）：请写调委会的全称或编号。</source>
        <translation>“{text}” matches several mediation committees ({names}): please enter the committee&apos;s full name or number.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="89"/>
        <source>指纹不一致：登记的是 {fingerprint}。请再与村里核对；不一致时不要确认，可能有人冒用这个调委会报送。</source>
        <translation>The fingerprints differ: the registered one is {fingerprint}. Check again with the village; do not confirm if they differ — someone may be sending in this committee&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="93"/>
        <source>吊销签名密钥要写明理由（如：村里的电脑丢失）：什么都没有改动。</source>
        <translation>Revoking a signing key requires a reason (e.g. the village&apos;s computer was lost): nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="95"/>
        <source>吊销的理由太长（{length} 个字，最多 {limit} 个字）：什么都没有改动。</source>
        <translation>The reason for revocation is too long ({length} characters; at most {limit} allowed): nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="97"/>
        <source>{committee}的签名密钥（指纹 {fingerprint}）已于 {revoked_at} 吊销，还没有收到用新密钥签的报送包：不用再吊销，什么都没有改动。</source>
        <translation>The signing key of {committee} (fingerprint {fingerprint}) was revoked on {revoked_at}, and no report package signed with a new key has arrived yet: there is no need to revoke it again. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="100"/>
        <source>{committee}的签名密钥（指纹 {fingerprint}）已于 {revoked_at} 吊销，不能再确认。等村里用新的签名密钥报送后，再电话核对新的指纹。</source>
        <translation>The signing key of {committee} (fingerprint {fingerprint}) was revoked on {revoked_at} and can no longer be confirmed. Once the village reports with a new signing key, check the new fingerprint by phone.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/messages.py" line="105"/>
        <source>这个数据文件夹还没有设为司法所或司法局（先运行 hub-setup 并导入各村的报送包）：没有可以汇总的数据。</source>
        <translation>This data folder is not set up as a justice office or bureau yet (run hub-setup first and import the villages&apos; packages): there is nothing to roll up.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="9"/>
        <source>只有司法所向司法局转报：这个数据文件夹是{office}（{area}），没有生成转报包。</source>
        <translation>Only a township justice office forwards to the county justice bureau: this data folder belongs to {office} ({area}), so no forwarding package was generated.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="11"/>
        <source>这个司法所还没有签名密钥（设置管理员账号和密码时生成）：请先设置账号并登录，再生成转报包。</source>
        <translation>This township justice office has no signing key yet (it is created when the administrator account and password are set up): please set up the account and log in first, then generate the forwarding package.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="13"/>
        <source>司法局的公钥不对（应是司法局 hub-setup 写出的 hub-key.txt）：没有生成转报包。</source>
        <translation>The county justice bureau&apos;s public key is wrong (it should be the hub-key.txt written by the bureau&apos;s hub-setup): no forwarding package was generated.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="15"/>
        <source>给的是本司法所自己的公钥，不是司法局的：没有生成转报包。请用司法局 hub-setup 写出的 hub-key.txt。</source>
        <translation>The public key given is this township justice office&apos;s own, not the county justice bureau&apos;s: no forwarding package was generated. Please use the hub-key.txt written by the bureau&apos;s hub-setup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="17"/>
        <source>本司法所保存的{committee}的数据打不开（{detail}）：这个村的转报包没有生成，其他村不受影响。</source>
        <translation>The data this township justice office holds for {committee} cannot be opened ({detail}): no forwarding package was generated for this village; other villages are not affected.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="19"/>
        <source>月份不对：请写成 2026-12 这样的年月。没有生成转报包。</source>
        <translation>Invalid month: please enter a year and month such as 2026-12. No forwarding package was generated.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="20"/>
        <source>本司法所还没有记下司法局的公钥：第一次转报请给出司法局 hub-setup 写出的 hub-key.txt（以后会记住）。没有生成转报包。</source>
        <translation>This justice office has no justice bureau key on record yet: for the first relay, give the hub-key.txt the bureau&apos;s hub-setup wrote (it is remembered afterwards). No relay package was written.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="23"/>
        <source>给的司法局公钥（指纹 {given}）与本司法所记下的（指纹 {remembered}）不一样：没有生成转报包。司法局确实换了密钥时，请先打电话与司法局核对新指纹，再换用新的公钥。</source>
        <translation>The bureau key given (fingerprint {given}) is not the one on record here (fingerprint {remembered}): no relay package was written. If the bureau really changed its key, check the new fingerprint with the bureau by phone first, then replace the key.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="26"/>
        <source>读不到司法局的公钥文件 {file}：{detail}。没有生成转报包。</source>
        <translation>The bureau&apos;s key file {file} cannot be read: {detail}. No relay package was written.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="29"/>
        <source>报送包 {name} 是{township}司法所转报给司法局的转报包，司法所不导入转报包：什么都没有导入。村里的报送包请直接导入。</source>
        <translation>Report package {name} is a forwarding package sent by the {township} justice office to the county justice bureau; township justice offices do not import forwarding packages, so nothing was imported. Import the villages&apos; report packages directly.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="32"/>
        <source>转报包 {name} 由{township}司法所转报，但里面的调委会（{committee}）属于{other}：一个司法所只能转报本乡镇的调委会，什么都没有导入。</source>
        <translation>Forwarding package {name} was forwarded by the {township} justice office, but the mediation committee in it ({committee}) belongs to {other}: a township justice office can only forward its own township&apos;s committees, so nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="35"/>
        <source>转报包 {name} 没有写明是哪个乡镇的司法所转报的：什么都没有导入。</source>
        <translation>Forwarding package {name} does not say which township justice office forwarded it: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="37"/>
        <source>转报包 {name} 是用另一把签名密钥签的（指纹 {fingerprint}），与本司法局为{township}司法所登记的密钥（指纹 {registered}）不一致：什么都没有导入。请打电话向{township}司法所核对密钥指纹。</source>
        <translation>Forwarding package {name} was signed with a different signing key (fingerprint {fingerprint}) from the key this county justice bureau registered for the {township} justice office (fingerprint {registered}): nothing was imported. Please phone the {township} justice office to check the key fingerprint.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="40"/>
        <source>转报包 {name} 的月度数字格式不对：什么都没有导入。</source>
        <translation>The monthly figures in forwarding package {name} are in the wrong format: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="41"/>
        <source>转报包 {name} 里吊销密钥的记录格式不对：什么都没有导入。</source>
        <translation>The key revocations in the relay package {name} are not in the right format: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="43"/>
        <source>司法所转报的吊销（未写理由）</source>
        <translation>Revoked by the justice office and relayed (no reason given)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="46"/>
        <source>（经{township}司法所转报，{months}）</source>
        <translation>(forwarded by the {township} justice office, {months})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="47"/>
        <source>带来 {months} 的月度数字</source>
        <translation>Carries monthly figures for {months}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="48"/>
        <source>没有新的月度数字</source>
        <translation>No new monthly figures</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="49"/>
        <source>第一次收到{township}司法所（{hub}）的转报包：已登记它的签名密钥，指纹 {fingerprint}。请打电话与司法所核对这个指纹；以后用别的密钥签的{township}转报包都不会导入。</source>
        <translation>First forwarding package received from the {township} justice office ({hub}): its signing key has been registered, fingerprint {fingerprint}. Please phone the township justice office to check this fingerprint; from now on, {township} forwarding packages signed with any other key will not be imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="52"/>
        <source>转报包带来{township}司法所吊销的签名密钥 {count} 把，本司法局已照样吊销其中 {applied} 把（指纹 {fingerprints}）：以后用这些密钥签的报送包一律拒收。</source>
        <translation>The relay package brings {count} signing keys revoked by the {township} justice office; this bureau has revoked {applied} of them too (fingerprints {fingerprints}): packages signed with these keys are refused from now on.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/relay_messages.py" line="55"/>
        <source>转报包带来{township}司法所吊销的签名密钥 {count} 把，本司法局都已吊销，没有变化。</source>
        <translation>The relay package brings {count} signing keys revoked by the {township} justice office; this bureau had revoked them all already: nothing changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="86"/>
        <source>回执包没有写完（{detail}）。没有留下不完整的回执包；请检查U盘（是否插好、是否已满）后重新生成。</source>
        <translation>The return package was not fully written ({detail}). No incomplete return package was left behind; please check the USB drive (is it plugged in properly? is it full?) and generate it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="88"/>
        <source>找不到安装程序 {path}：回执包没有生成。</source>
        <translation>Installer {path} not found: the return package was not generated.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="89"/>
        <source>安装程序的文件名“{name}”不能用（太长，或含有 \ / : * ? &quot; &lt; &gt; | 等字符）：请改名后再生成回执包。</source>
        <translation>The installer file name “{name}” cannot be used (it is too long, or contains characters such as \ / : * ? &quot; &lt; &gt; |): please rename it, then generate the return package again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="91"/>
        <source>还没有收到过任何调委会的报送包：没有可以生成回执包的村。</source>
        <translation>No report packages have been received from any mediation committee yet: there are no villages to generate return packages for.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="92"/>
        <source>这里登记的 {n} 个调委会都是经司法所转报的：它们的回执包由各自的司法所生成、发回（村里只认那个司法所的签名），这里不用生成。</source>
        <translation>All {n} committees registered here report through their township justice office: that office writes and sends back their return packages (the village trusts only that office's signature), so none are written here.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="95"/>
        <source>{committee}经{township}司法所转报：它的回执包由{township}司法所生成、发回（村里只认那个司法所的签名），这里生成的会被村里拒收。</source>
        <translation>{committee} reports through the {township} justice office: that office writes and sends back its return packages (the village trusts only its signature); one written here would be refused at the village.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/returns.py" line="98"/>
        <source>没有给出要设置的项目（案号前缀、回访间隔或纠纷类型细目）：什么都没有改动。</source>
        <translation>Nothing to set was given (case-number prefix, visit interval or local dispute types): nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="51"/>
        <source>人员名单里没有编号为 {id} 的人：什么都没有改动。</source>
        <translation>There is no one numbered {id} on the roster: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="52"/>
        <source>{name}已经停用了：什么都没有改动。</source>
        <translation>{name} is retired already: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="53"/>
        <source>{name}已经停用，不能再修改：需要时请重新新增。</source>
        <translation>{name} is retired and can no longer be edited: add them again if needed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="54"/>
        <source>还没有收到过{township}的调委会的报送包：不能只发给这个乡镇。</source>
        <translation>No package has come from a committee of {township} yet: the roster entry cannot be sent to that township alone.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="55"/>
        <source>请只选一个：发给一个村，或者发给一个乡镇的各村。</source>
        <translation>Choose only one: one village, or the villages of one township.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="56"/>
        <source>这个数据文件夹还没有设为司法所或司法局（先运行 hub-setup）：没有人员名单。村里的主持人、见证人请在 选择明白人 → 主持人·见证人·记录人名单 里登记。</source>
        <translation>This data folder is not set up as a justice office or bureau yet (run hub-setup first): it has no roster. A village registers its hosts and witnesses under Choose the elder → Hosts · witnesses · recorders.</translation>
    </message>
</context>
<context>
    <name>HubCommitteesTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="91"/>
        <source>已吊销（{when}），等村里的新密钥</source>
        <translation>Revoked ({when}); waiting for the village&apos;s new key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="94"/>
        <source>已核对（{who}，{when}）</source>
        <translation>Checked ({who}, {when})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="97"/>
        <source>未核对</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="108"/>
        <source>已登记的调委会 {n} 个（未核对指纹 {open} 个）</source>
        <translation>{n} registered mediation committees ({open} with unchecked fingerprints)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="110"/>
        <source>待处理 {n} 项</source>
        <translation>{n} pending</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="131"/>
        <source>核对指纹</source>
        <translation>Check fingerprint</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="132"/>
        <source>请给{name}打电话，请对方在 文件 → 报送司法所… 里念出本调委会的指纹，把听到的指纹输入这里：</source>
        <translation>Please phone {name} and ask them to read out their mediation committee&apos;s fingerprint from File → Report to the township justice office…, then enter the fingerprint you hear here:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="146"/>
        <source>{name} 的指纹已核对无误。</source>
        <translation>The fingerprint of {name} has been checked and matches.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="153"/>
        <source>吊销签名密钥</source>
        <translation>Revoke the signing key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="154"/>
        <source>吊销后，用{name}现在这把密钥（指纹 {fingerprint}）签的报送包一律拒收；村里换了新密钥后，下一个报送包会登记新密钥。
请写明理由（如 电脑被盗），会记入审计记录：</source>
        <translation>Once revoked, every package signed with the current key of {name} (fingerprint {fingerprint}) is refused; after the village makes a new key, its next package registers that key.
Give the reason (e.g. the PC was stolen); it goes into the audit trail:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="174"/>
        <source>{name} 的签名密钥（指纹 {fingerprint}）已吊销。请村里换签名密钥（文件 → 报送司法所… → 换签名密钥…）后重新报送。</source>
        <translation>The signing key of {name} (fingerprint {fingerprint}) is revoked. Ask the village to make a new signing key (File → Report to the township justice office… → New signing key…) and report again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="177"/>
        <source>下次向司法局转报时，这次吊销会一起报上去，司法局也会拒收这把密钥。</source>
        <translation> The next relay to the justice bureau carries this revocation, and the bureau will refuse this key too.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="182"/>
        <source>处理完毕</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="183"/>
        <source>写下怎么处理的（会记入审计记录）：</source>
        <translation>Describe how it was handled (this will be recorded in the audit trail):</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="195"/>
        <source>已标记为处理完毕。</source>
        <translation>Marked as handled.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="208"/>
        <source>没有保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="211"/>
        <source>核对指纹…</source>
        <translation>Check fingerprint…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="212"/>
        <source>吊销密钥…</source>
        <translation>Revoke key…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="213"/>
        <source>处理完毕…</source>
        <translation>Mark as handled…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="214"/>
        <source>每个调委会第一次报送时登记它的签名密钥。请打电话核对指纹：对得上，以后的报送包才能确认出自该村。</source>
        <translation>Each mediation committee&apos;s signing key is registered the first time it reports. Please phone to check the fingerprint: only if it matches can later report packages be confirmed as coming from that village.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="216"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="216"/>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="220"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="217"/>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="217"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="218"/>
        <source>登记时间</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="218"/>
        <source>最近报送</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="219"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="219"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="220"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="221"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="225"/>
        <source>已登记的调委会</source>
        <translation>Registered mediation committees</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/committees_tab.py" line="226"/>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
</context>
<context>
    <name>HubEldersTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="83"/>
        <source>在任明白人 {serving} 人，分布在 {villages} 个村（{kinds}）。</source>
        <translation>{serving} trusted elders serving in {villages} villages ({kinds}).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="89"/>
        <source>（未解开）</source>
        <translation>(not opened)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="93"/>
        <source>已退出</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="93"/>
        <source>在任</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="107"/>
        <source>共 {total} 人，第 {first}–{last} 人</source>
        <translation>{total} people, {first}–{last} shown</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="108"/>
        <source>没有符合条件的明白人。</source>
        <translation>No trusted elder matches.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="111"/>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="120"/>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="123"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="111"/>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="121"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="112"/>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="124"/>
        <source>身份</source>
        <translation>Background</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="115"/>
        <source>全部身份</source>
        <translation>Any background</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="119"/>
        <source>含已退出的</source>
        <translation>Include those who left</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="120"/>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="124"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="121"/>
        <source>在任人数</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="122"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="122"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="123"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="125"/>
        <source>产生方式</source>
        <translation>How chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="125"/>
        <source>任期至</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/elders_tab.py" line="126"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>HubImportDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="34"/>
        <source>导入报送包</source>
        <translation>Import report packages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="37"/>
        <source>选择村里报送的 .xdx 文件，或 U 盘上存放它们的文件夹。每个包单独导入：有问题的包整包拒收、什么也不改，其他包照常导入。</source>
        <translation>Choose the .xdx files sent by the villages, or the folder on the USB drive that holds them. Each package is imported separately: a package with problems is refused as a whole and nothing in it is changed, while the other packages are imported as usual.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="40"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="41"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="44"/>
        <source>要导入的</source>
        <translation>To import</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="47"/>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="55"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="55"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="56"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="56"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="78"/>
        <source>选择报送包</source>
        <translation>Choose report packages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="79"/>
        <source>报送包 (*.xdx)</source>
        <translation>Report packages (*.xdx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="83"/>
        <source>选择存放报送包的文件夹</source>
        <translation>Choose the folder containing the report packages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="112"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="119"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="119"/>
        <source>已导入过</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="120"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="130"/>
        <source>共 {n} 个包：导入 {imported} 个，已导入过 {unchanged} 个，拒收 {refused} 个。</source>
        <translation>{n} packages in total: {imported} imported, {unchanged} already imported before, {refused} refused.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/import_dialog.py" line="138"/>
        <source>没有导入：{error}</source>
        <translation>Not imported: {error}</translation>
    </message>
</context>
<context>
    <name>HubLedgerTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="101"/>
        <source>（村里已删除）</source>
        <translation>(deleted by the village)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="119"/>
        <source>共 {total} 件，第 {first}–{last} 件</source>
        <translation>{total} cases, {first}–{last} shown</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="120"/>
        <source>没有符合条件的案件。</source>
        <translation>No case matches.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="130"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="130"/>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="147"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="131"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="131"/>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="149"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="132"/>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="149"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="132"/>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="147"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="135"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="136"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="139"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="143"/>
        <source>案号或其中几个字，如 新调字第012</source>
        <translation>Case number or part of it, e.g. 新调字第012</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="144"/>
        <source>含村里已删除的</source>
        <translation>Include cases the village deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="145"/>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="146"/>
        <source>审查这个案卷</source>
        <translation>Review this case file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="148"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="148"/>
        <source>村、组</source>
        <translation>Village, group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="150"/>
        <source>协议生效</source>
        <translation>Agreement in force</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="150"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/ledger_tab.py" line="151"/>
        <source>当事人姓名以本机密钥加密保存，只解开本页显示的。</source>
        <translation>The parties&apos; names are stored encrypted with this PC&apos;s key; only those on this page are opened.</translation>
    </message>
</context>
<context>
    <name>HubPeriod</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="248"/>
        <source>{n}月</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="250"/>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="250"/>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="251"/>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="251"/>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="259"/>
        <source>月报</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="260"/>
        <source>季报</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="261"/>
        <source>年报</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="264"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>HubRelayDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="52"/>
        <source>转报包存到哪里（一般是U盘）</source>
        <translation>Where to save the relay packages (usually a USB drive)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="54"/>
        <source>选择司法局的公钥文件</source>
        <translation>Choose the justice bureau&apos;s key file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="55"/>
        <source>公钥文件 (*.txt);;所有文件 (*)</source>
        <translation>Key files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="57"/>
        <source>转报司法局</source>
        <translation>Relay to the justice bureau</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="60"/>
        <source>给每个有新内容的调委会生成一个转报包（如 王庄村-2026-12-经王庄镇.xdx），拷到 U 盘送到司法局导入。转报包里是本司法所收到的各村记录、存档文件和月度数字，用本司法所的密钥签名；身份证号、电话、住址用司法局的公钥加密，U 盘丢失也不会泄露。</source>
        <translation>For each committee with something new, a relay package (e.g. 王庄村-2026-12-经王庄镇.xdx) to copy onto a USB drive and import at the justice bureau. It holds the villages&apos; records, archived files and monthly figures this office received, signed with this office&apos;s key; ID numbers, phones and addresses are encrypted to the bureau&apos;s key, so a lost drive reveals none of them.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="68"/>
        <source>插上U盘，再选择U盘</source>
        <translation>Plug in the USB drive, then choose it</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="69"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="81"/>
        <source>司法局给的 hub-key.txt</source>
        <translation>the hub-key.txt the bureau gave</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="103"/>
        <source>如 2026-12</source>
        <translation>e.g. 2026-12</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="106"/>
        <source>不填：转报到现在为止的全部新内容。填了：转报包按这个月命名，以后月份的数字留到下次转报。</source>
        <translation>Empty: everything new up to now. Given: the packages are named for that month, and later months&apos; figures wait for the next relay.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="108"/>
        <source>全部重新转报</source>
        <translation>Relay everything again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="109"/>
        <source>把本司法所保存的全部内容再转报一遍，不只是上次转报之后新的内容。司法局的数据丢了或换了电脑时才用；司法局已有的记录导入时不会重复。</source>
        <translation>Relays everything this office holds again, not only what is new since the last relay. Use it only when the bureau lost its data or has a new PC; records the bureau has already are not duplicated on import.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="115"/>
        <source>存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="116"/>
        <source>司法局公钥：</source>
        <translation>Bureau&apos;s key:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="117"/>
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="120"/>
        <source>生成转报包</source>
        <translation>Write relay packages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="137"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="137"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="138"/>
        <source>记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="138"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="139"/>
        <source>存档文件</source>
        <translation>Archived files</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="139"/>
        <source>月度数字</source>
        <translation>Monthly figures</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="140"/>
        <source>吊销密钥</source>
        <translation>Revoked keys</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="140"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="141"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="159"/>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="194"/>
        <source>换一个公钥文件…</source>
        <translation>Another key file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="176"/>
        <source>请选择转报包存放的文件夹（一般是U盘）。</source>
        <translation>Choose the folder for the relay packages (usually a USB drive).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="179"/>
        <source>找不到文件夹 {folder}（U盘拔掉了？）：请插好U盘或重新选择。</source>
        <translation>The folder {folder} is not there (USB drive pulled out?): plug the drive in or choose again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="196"/>
        <source>选择公钥文件…</source>
        <translation>Choose key file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="204"/>
        <source>新公钥的指纹 {fingerprint}（代替记下的 {remembered}）：请打电话与司法局核对，一致再生成转报包。生成后本机记下这把新公钥。</source>
        <translation>The new key&apos;s fingerprint is {fingerprint} (replacing {remembered}): check it with the bureau by phone, and write the packages only if it matches. This PC then remembers the new key.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="208"/>
        <source>指纹 {fingerprint}：请打电话与司法局核对，一致再生成转报包。生成后本机记下这把公钥，以后不用再选。</source>
        <translation>Fingerprint {fingerprint}: check it with the bureau by phone, and write the packages only if it matches. This PC then remembers the key; no need to choose it again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="214"/>
        <source>已记下司法局的公钥，指纹 {fingerprint}（可打电话与司法局核对）。不用再选公钥文件。</source>
        <translation>The bureau&apos;s key is on record, fingerprint {fingerprint} (check it with the bureau by phone if in doubt). No need to choose a key file.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="218"/>
        <source>第一次转报：请选择司法局给的 hub-key.txt（司法局用 hub-setup 写出）。</source>
        <translation>First relay: choose the hub-key.txt the bureau gave (its hub-setup writes it).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="226"/>
        <source>换司法局的公钥</source>
        <translation>Replace the bureau&apos;s key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="226"/>
        <source>本司法所已记下司法局的公钥（指纹 {fingerprint}）。只有司法局换了密钥（重新设置了司法局的电脑）时才换：
换了以后，转报包都用新的公钥加密，原来的司法局打不开。

确定要换一个公钥文件吗？</source>
        <translation>This office has the bureau&apos;s key on record (fingerprint {fingerprint}). Replace it only if the bureau changed its key (set its PC up again):
afterwards every relay package is encrypted to the new key, and the old bureau PC cannot open them.

Replace the key file?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="251"/>
        <source>生成转报包仍用记下的公钥，指纹 {fingerprint}。</source>
        <translation>The packages are still written with the key on record, fingerprint {fingerprint}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="280"/>
        <source>请先选择司法局的公钥文件 hub-key.txt。</source>
        <translation>Choose the bureau&apos;s key file hub-key.txt first.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="286"/>
        <source>请写成 2026-12 这样的年月，或者不填。</source>
        <translation>Write a year and month such as 2026-12, or leave it empty.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="293"/>
        <source>正在生成……</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="316"/>
        <source>无新的</source>
        <translation>none new</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="319"/>
        <source>删除 {n} 条</source>
        <translation>{n} deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="327"/>
        <source>上次转报之后没有新的内容，没有生成转报包</source>
        <translation>Nothing new since the last relay: no package written</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="330"/>
        <source>没有生成转报包（原因见表下）</source>
        <translation>No package written (why: below the table)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="333"/>
        <source>{committee}：{why}</source>
        <translation>{committee}: {why}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="337"/>
        <source>已生成 {n} 个转报包，存在 {folder}。</source>
        <translation>{n} relay packages written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="340"/>
        <source>没有需要转报的内容：各调委会上次转报之后都没有新的内容。</source>
        <translation>Nothing to relay: no committee has anything new since the last relay.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="342"/>
        <source>{n} 个调委会的转报包没有生成（原因见表下）。</source>
        <translation>The relay packages of {n} committees were not written (why: below the table).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="343"/>
        <source>本司法所签名密钥指纹：{fingerprint}（司法局第一次导入时，请打电话读给司法局核对）。</source>
        <translation>This office&apos;s signing key fingerprint: {fingerprint} (read it to the bureau by phone at its first import).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="354"/>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="361"/>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="364"/>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="367"/>
        <source>转报包没有生成。</source>
        <translation>No relay package was written.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/relay_dialog.py" line="369"/>
        <source>转报包没有生成：{error}</source>
        <translation>No relay package was written: {error}</translation>
    </message>
</context>
<context>
    <name>HubReturnDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="28"/>
        <source>回执包存到哪里</source>
        <translation>Where to save return packages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="29"/>
        <source>选择新版安装程序</source>
        <translation>Choose the new installer</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="30"/>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="70"/>
        <source>生成回执包</source>
        <translation>Generate return packages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="33"/>
        <source>给每个调委会生成一个回执包（如 王庄村-回执-2026-12.xdr），拷到 U 盘带回村里，在村里的电脑上导入。回执包里有：已收到哪些记录、审查意见、统一设置，可以附带新版安装程序。</source>
        <translation>Generate one return package for each mediation committee (e.g. 王庄村-回执-2026-12.xdr), copy them to a USB drive, take them back to the villages and import them on the village computers. A return package contains which records have been received, review comments and common settings, and can include a new version of the installer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="41"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="51"/>
        <source>全部调委会</source>
        <translation>All committees</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="54"/>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="57"/>
        <source>不附带</source>
        <translation>Don&apos;t attach</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="55"/>
        <source>选择安装程序…</source>
        <translation>Choose installer…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="67"/>
        <source>存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="68"/>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="77"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="69"/>
        <source>安装程序</source>
        <translation>Installer</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="77"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="78"/>
        <source>第几号</source>
        <translation>Sequence no.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="78"/>
        <source>审查意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="79"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="102"/>
        <source>经司法所转报的 {n} 个调委会不在这里（{names}）：它们的回执包由各自的司法所生成、发回。</source>
        <translation>{n} committees that report through their township justice office are not listed here ({names}): their offices write and send back their return packages.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="135"/>
        <source>请选择回执包存放的文件夹（如 U 盘）。</source>
        <translation>Please choose the folder to save the return packages in (e.g. a USB drive).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="138"/>
        <source>这个文件夹不存在了（U 盘拔掉了？），请重新选择。</source>
        <translation>This folder no longer exists (was the USB drive removed?). Please choose again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="145"/>
        <source>正在生成……</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="159"/>
        <source>{n} 件的理由没有发送（村里还没报送过加密公钥）</source>
        <translation>Reasons for {n} cases were not sent (the village has not yet sent its encryption public key)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="161"/>
        <source>人员名单 {n} 人</source>
        <translation>roster: {n} people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="163"/>
        <source>人员名单 {n} 人没有发送（村里还没报送过加密公钥）</source>
        <translation>roster: {n} people not sent (the village has not yet sent its encryption key)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="166"/>
        <source>人员名单 {n} 人暂不发送（村里的程序是旧版本：升级并报送一次后再发）</source>
        <translation>roster: {n} people held back (the village runs an older version: sent once it has upgraded and reported)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="169"/>
        <source>附安装程序 {name}</source>
        <translation>Attach installer {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="174"/>
        <source>已生成 {n} 个回执包。村里第一次导入时，请在电话里核对本机的签名指纹：{fingerprint}</source>
        <translation>{n} return packages generated. When a village imports for the first time, please check this computer&apos;s signing fingerprint with them by phone: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/return_dialog.py" line="180"/>
        <source>回执包没有生成：{error}</source>
        <translation>Return package not generated: {error}</translation>
    </message>
</context>
<context>
    <name>HubReviewTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="184"/>
        <source>未审查</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="189"/>
        <source>审查后村里又修改</source>
        <translation>Changed by the village after review</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="193"/>
        <source>列出 {shown} 件，本调委会共 {total} 件；未审查 {open} 件。</source>
        <translation>{shown} listed of the committee&apos;s {total} case files; {open} not reviewed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="206"/>
        <source>已审查</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="210"/>
        <source>最近一次审查：{what}（{who}，{when}）</source>
        <translation>Last review: {what} ({who}, {when})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="213"/>
        <source>理由：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="221"/>
        <source>在左边选一件案件。</source>
        <translation>Choose a case on the left.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="233"/>
        <source>{number}
{committee}
当事人：{parties}
受理日期：{date}
纠纷类型：{type}
状态：{status}</source>
        <translation>{number}
{committee}
Parties: {parties}
Received: {date}
Dispute type: {type}
Status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="238"/>
        <source>还没有审查过。</source>
        <translation>Not reviewed yet.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="261"/>
        <source>请选择等级或审查结论。</source>
        <translation>Choose a grade or a decision.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="264"/>
        <source>退回要写明理由，村里会看到。</source>
        <translation>A return needs a reason; the village will see it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="274"/>
        <source>已保存 {number} 的审查意见，下次生成回执包时发给村里。</source>
        <translation>The review of {number} is saved; the next return package takes it to the village.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="287"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="288"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="289"/>
        <source>未审查的</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="289"/>
        <source>审查后又修改的</source>
        <translation>Changed after review</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="290"/>
        <source>全部案卷</source>
        <translation>All case files</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="293"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="293"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="294"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="294"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="295"/>
        <source>审查</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="296"/>
        <source>案卷</source>
        <translation>Case file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="297"/>
        <source>审查意见（以案定补）</source>
        <translation>Review (per-case subsidy)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="298"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="299"/>
        <source>结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="300"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="301"/>
        <source>退回时必填：要村里补正什么</source>
        <translation>Required for a return: what the village must put right</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/review_tab.py" line="302"/>
        <source>保存审查意见</source>
        <translation>Save the review</translation>
    </message>
</context>
<context>
    <name>HubRosterTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="39"/>
        <source>各村（全部调委会）</source>
        <translation>Every village (all committees)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="43"/>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="196"/>
        <source>{township}各村</source>
        <translation>The villages of {township}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="47"/>
        <source>修改人员</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="47"/>
        <source>新增人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="52"/>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="218"/>
        <source>发给</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="53"/>
        <source>保存后随下一批回执包发给所选的村，村里导入后出现在它的主持人、见证人名单里。</source>
        <translation>Once saved, the next return packages send this to the chosen villages; after the import there it appears in their lists of hosts and witnesses.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="127"/>
        <source>（{kind}）</source>
        <translation> ({kind})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="134"/>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="135"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="137"/>
        <source>共 {n} 人在用，{retired} 人已停用</source>
        <translation>{n} active, {retired} retired</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="158"/>
        <source>已加入人员名单：{name}，下次生成回执包时发给{where}。</source>
        <translation>Added to the roster: {name}; sent to {where} with the next return packages.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="171"/>
        <source>已保存：{name}（第 {version} 版），下次回执包会更新{where}的名单。</source>
        <translation>Saved: {name} (version {version}); the next return packages update the list of {where}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="177"/>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="178"/>
        <source>停用{name}后，下次回执包会让{where}也停用此人（已参与的案件记录不变，名单里仍保留）。确定停用吗？</source>
        <translation>Once {name} is retired, the next return packages retire this person at {where} too (the cases they took part in are unchanged, and they stay on the list). Retire?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="188"/>
        <source>{name}已停用。</source>
        <translation>{name} is retired.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="189"/>
        <source>没有停用：{reason}</source>
        <translation>Not retired: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="197"/>
        <source>各村</source>
        <translation>every village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="209"/>
        <source>这里登记的联村干警和各职能部门（派出所、自然资源所、农业服务中心、民政所等）的见证人，随回执包发给各村，村里不用再逐个录入。电话只显示部分号码。</source>
        <translation>The village-link police officers and the departments&apos; witnesses (police station, natural resources office, agricultural service centre, civil affairs office…) registered here go to the villages with the return packages, so the villages need not type them in. Phones are shown in part.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="212"/>
        <source>显示已停用的</source>
        <translation>Show retired</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="213"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="214"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="215"/>
        <source>停用…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="216"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="216"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="217"/>
        <source>单位/部门</source>
        <translation>Unit / department</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="217"/>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="218"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="219"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/roster_tab.py" line="219"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>HubSetupDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="26"/>
        <source>设置为司法所或司法局</source>
        <translation>Set up as township justice office or county justice bureau</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="28"/>
        <source>这台电脑用来汇总各村的报送包。请选择它是哪一级、管辖哪里。设置后不能更改。</source>
        <translation>This computer collects the villages&apos; report packages. Please choose its level and jurisdiction. This cannot be changed after setup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="43"/>
        <source>如 新野县王庄镇（司法所）或 新野县（司法局）</source>
        <translation>e.g. 新野县王庄镇 (township justice office) or 新野县 (county justice bureau)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="46"/>
        <source>不填则为 王庄镇司法所 这样的名称</source>
        <translation>If left blank, a name such as 王庄镇司法所 is used</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="48"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="49"/>
        <source>辖区</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="50"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="52"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="53"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/setup_dialog.py" line="67"/>
        <source>请填写辖区，如 新野县王庄镇。</source>
        <translation>Please enter the area, e.g. 新野县王庄镇.</translation>
    </message>
</context>
<context>
    <name>HubStatisticsTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="28"/>
        <source>村里报的受理数与本机台账按受理日期统计的不一致：可能有报送包还没到，或村里改过案件。</source>
        <translation>The cases the villages reported differ from this PC&apos;s ledger counted by date received: a package may not have arrived yet, or a village changed cases.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="70"/>
        <source>{period}（{start}至{end}）：收到月报 {reports} 份（其中零报告 {zero} 份），应报 {expected} 份；受理 {accepted} 件，调解成功 {succeeded} 件，成功率 {rate}，协议涉及金额 {amount} 万元。</source>
        <translation>{period} ({start} to {end}): {reports} monthly reports received ({zero} of them zero reports) of {expected} due; {accepted} cases received, {succeeded} mediated successfully, success rate {rate}, agreements worth {amount} ten-thousand yuan.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="78"/>
        <source>（未写明乡镇）</source>
        <translation>(township not given)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="79"/>
        <source>乡镇小计</source>
        <translation>Township subtotal</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="83"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="87"/>
        <source>未报送 {n} 份：{list}</source>
        <translation>{n} not reported: {list}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="90"/>
        <source>本期各调委会都已报送。</source>
        <translation>Every committee has reported for this period.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="106"/>
        <source>导出统计汇总</source>
        <translation>Export the statistics</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="107"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="117"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="123"/>
        <source>没有导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="126"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="127"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="127"/>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="128"/>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="128"/>
        <source>调解成功</source>
        <translation>Mediated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="129"/>
        <source>成功率</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="129"/>
        <source>防止民转刑 件/人</source>
        <translation>Crimes prevented cases/people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="130"/>
        <source>防止群体性上访 件/人</source>
        <translation>Mass petitions prevented cases/people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="130"/>
        <source>排查</source>
        <translation>Canvasses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="131"/>
        <source>台账受理</source>
        <translation>In the ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/statistics_tab.py" line="132"/>
        <source>本机收到的案件中，按受理日期落在本期的件数：用来核对村里报的数。</source>
        <translation>Cases this PC received whose date received falls in this period: to check the villages&apos; figures against.</translation>
    </message>
</context>
<context>
    <name>HubStatusTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="76"/>
        <source>{month}：已报送 {reported} 个调委会（其中零报告 {zero} 个），未报送 {missing} 个。逾期未回访 {overdue} 件，司法确认申请期限即将届满 {closing} 件（截至 {today}）。</source>
        <translation>{month}: {reported} committees reported ({zero} of them zero reports), {missing} have not. {overdue} return visits overdue, {closing} judicial-confirmation windows closing (as of {today}).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="84"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="86"/>
        <source>零报告</source>
        <translation>Zero report</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="88"/>
        <source>已报送</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="91"/>
        <source>从未报送</source>
        <translation>Never reported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="95"/>
        <source>{days} 天</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="100"/>
        <source>今天截止</source>
        <translation>Closes today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="101"/>
        <source>剩 {days} 天</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="112"/>
        <source>报送情况</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="113"/>
        <source>（共 {total} 件，列出最紧迫的 {shown} 件）</source>
        <translation>({total} in all, the {shown} most urgent listed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="114"/>
        <source>（共 {total} 件）</source>
        <translation>({total} in all)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="115"/>
        <source>逾期未回访</source>
        <translation>Return visits overdue</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="117"/>
        <source>司法确认申请期限即将届满</source>
        <translation>Judicial-confirmation windows closing</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="121"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="122"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="122"/>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="124"/>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="127"/>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="123"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="123"/>
        <source>最近一次报送</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="124"/>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="127"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="125"/>
        <source>应回访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="125"/>
        <source>已逾期</source>
        <translation>Overdue by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="126"/>
        <source>回访事由</source>
        <translation>Visit for</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="128"/>
        <source>协议生效日期</source>
        <translation>Agreement in force since</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="128"/>
        <source>申请截止日</source>
        <translation>Apply by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/status_tab.py" line="129"/>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
</context>
<context>
    <name>HubTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="152"/>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="173"/>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="156"/>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="174"/>
        <source>全部调委会</source>
        <translation>All committees</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="175"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/common.py" line="176"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
</context>
<context>
    <name>HubVillageSettings</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="26"/>
        <source>下发给各村的设置</source>
        <translation>Settings for the villages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="28"/>
        <source>这里的设置随下一批回执包发给各村，村里导入后生效。留空的项不下发，各村保留自己的设置。</source>
        <translation>These settings go to the villages with the next return packages and take effect when a village imports one. A field left empty is not sent, and each village keeps its own setting.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="31"/>
        <source>如 新（案号：（2026）新调字第001号）</source>
        <translation>e.g. 新 (case number: （2026）新调字第001号)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="34"/>
        <source>如 30</source>
        <translation>e.g. 30</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="38"/>
        <source>细目名称</source>
        <translation>Local type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="39"/>
        <source>归入统计类别</source>
        <translation>Counted under</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="47"/>
        <source>添加一项</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="49"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="55"/>
        <source>月报仍按 15 类统计；细目列在它所归的类别下面，村里选细目时，案件记为该类别，细目名称记为类型说明。</source>
        <translation>The monthly report still counts the 15 categories. A local type is listed under its category; a case of that type is recorded as the category, with the local type&apos;s name as its type note.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="60"/>
        <source>案号前缀：</source>
        <translation>Case number prefix:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="61"/>
        <source>回访间隔（天）：</source>
        <translation>Visit interval (days):</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="62"/>
        <source>纠纷类型细目：</source>
        <translation>Local dispute types:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="68"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="69"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/village_settings_dialog.py" line="85"/>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>HubWindow</name>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="220"/>
        <source>找不到该语言的翻译文件，仍使用简体中文。</source>
        <translation>The translation for that language was not found; staying with Simplified Chinese.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="225"/>
        <source>三理室调解台（{office}）— {name}</source>
        <translation>Sanlishi Mediation Desk ({office}) — {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="227"/>
        <source>本月报送</source>
        <translation>This month&apos;s reports</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="227"/>
        <source>汇总台账</source>
        <translation>Consolidated ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="228"/>
        <source>统计汇总</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="228"/>
        <source>案卷审查</source>
        <translation>Case-file review</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="229"/>
        <source>明白人库</source>
        <translation>Trusted elders</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="229"/>
        <source>调委会与待处理</source>
        <translation>Committees and open items</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="230"/>
        <source>人员名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="233"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="234"/>
        <source>导入报送包…</source>
        <translation>Import report packages…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="235"/>
        <source>生成回执包…</source>
        <translation>Make return packages…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="236"/>
        <source>转报司法局…</source>
        <translation>Relay to the justice bureau…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="237"/>
        <source>下发给各村的设置…</source>
        <translation>Settings for the villages…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="238"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="239"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="240"/>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="242"/>
        <source>账号(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="243"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="244"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="245"/>
        <source>账号管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="246"/>
        <source>审计记录…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="247"/>
        <source>注销</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/window.py" line="248"/>
        <source>{office}：{area}&#x3000;数据库：{database}</source>
        <translation>{office}: {area}   Database: {database}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="41"/>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="43"/>
        <source>备份：服务器上用 pg_dump</source>
        <translation>Backup: pg_dump on the server</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="44"/>
        <source>数据库在 PostgreSQL 服务器上，各村的存档文件也在其中：请由管理服务器的人用 pg_dump 定期备份（用 pg_restore 或 psql 恢复）。本程序不在这台电脑上备份它。</source>
        <translation>The database is on a PostgreSQL server, with the villages&apos; archived documents in it: whoever runs the server should back it up regularly with pg_dump (restore with pg_restore or psql). This program does not back it up on this PC.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="81"/>
        <source>程序每次启动时和每天自动备份数据库和各村报送的存档文件（hub-documents 文件夹，仍是加密的），每份都会读回校验。保留最近7天每天一份、4周每周一份、12个月每月一份；升级前和恢复前的备份一直保留。</source>
        <translation>At every start and once a day the program backs up the database and the villages&apos; archived documents (the hub-documents folder, still encrypted), and reads each backup back to check it. It keeps one a day for 7 days, one a week for 4 weeks and one a month for 12 months; backups made before an upgrade or a restore are always kept.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="107"/>
        <source>正在恢复备份，请稍候…</source>
        <translation>Restoring the backup, please wait…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="119"/>
        <source>恢复前的数据保存在：{path}</source>
        <translation>The data as it was before the restore is kept in: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="121"/>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="121"/>
        <source>已恢复 {when} 的备份：各村案件 {cases} 件，存档文件 {documents} 个。</source>
        <translation>The backup of {when} is restored: {cases} village cases, {documents} archived documents.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/hub/backups.py" line="136"/>
        <source>没有恢复</source>
        <translation>Not restored</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="39"/>
        <source>该纠纷是否已由人民法院立案受理或作出裁判？</source>
        <translation>Has a court already accepted this dispute or ruled on it?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="40"/>
        <source>是否已由公安机关或其他行政机关受理或处理？</source>
        <translation>Has the police or another administrative authority already accepted or dealt with it?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="41"/>
        <source>是否已申请仲裁？</source>
        <translation>Has arbitration been applied for?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="42"/>
        <source>是否涉嫌刑事犯罪？</source>
        <translation>Is a crime suspected?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="43"/>
        <source>是否涉及打架斗殴等治安违法行为？</source>
        <translation>Does it involve fighting or another public-order offence?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="44"/>
        <source>是否有当事人明确表示拒绝调解？</source>
        <translation>Has any party clearly refused mediation?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="200"/>
        <source>案件信息</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="201"/>
        <source>当事人（至少两方）</source>
        <translation>Parties (at least two)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="202"/>
        <source>受理审查（以法为准）</source>
        <translation>Screening (the law sets the bounds)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="203"/>
        <source>逐项询问当事人并勾选。属于法律规定不能调解的，将登记为“不予受理”并告知当事人其他解决途径。</source>
        <translation>Ask the parties each question and tick what applies. A dispute the law does not allow to be mediated is registered as &quot;not accepted&quot;, and the parties are told the other routes open to them.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="205"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="205"/>
        <source>受理日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="205"/>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="206"/>
        <source>来源说明</source>
        <translation>Source note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="206"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="207"/>
        <source>类型说明</source>
        <translation>Type note</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="207"/>
        <source>所属村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="207"/>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="208"/>
        <source>纠纷简要情况</source>
        <translation>Brief facts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="212"/>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="213"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="214"/>
        <source>来源选“其他”时填写，如 网格员上报</source>
        <translation>When the source is &quot;Other&quot;, e.g. reported by a grid worker</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="215"/>
        <source>类型选“其他纠纷”时填写</source>
        <translation>When the type is &quot;Other disputes&quot;</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="216"/>
        <source>选择或输入村名</source>
        <translation>Choose or type a village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="217"/>
        <source>如 3组</source>
        <translation>e.g. Group 3</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="218"/>
        <source>起因、经过、双方争议的焦点</source>
        <translation>How it started, what happened, what the parties disagree on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="221"/>
        <source>＋ 增加当事人</source>
        <translation>+ Add a party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="222"/>
        <source>新建登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="223"/>
        <source>受理登记表（PDF）</source>
        <translation>Registration form (PDF)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="224"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="225"/>
        <source>生成本案的人民调解受理登记表，打印后由当事人和登记人签名</source>
        <translation>Make this case&apos;s intake registration form, to print and have the parties and the registrar sign</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="226"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="234"/>
        <source>新案件受理登记</source>
        <translation>New case intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="235"/>
        <source>保存时自动生成</source>
        <translation>Assigned when saved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="237"/>
        <source>修改案件：{number}</source>
        <translation>Editing case {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="258"/>
        <source>移除当事人</source>
        <translation>Remove party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="259"/>
        <source>确定移除“{name}”吗？已填写的内容将不再保存在本案中。</source>
        <translation>Remove &quot;{name}&quot;? What was typed for this party will no longer be kept in this case.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="260"/>
        <source>当事人{n}</source>
        <translation>Party {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="323"/>
        <source>未保存的内容</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="324"/>
        <source>受理登记表中有未保存的内容。继续的话，这些内容会另存为草稿（不会丢失），表单将被清空。是否继续？</source>
        <translation>The intake form has unsaved input. If you go on, it is kept as a separate draft (nothing is lost) and the form is cleared. Go on?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="354"/>
        <source>本案登记为“不予受理”：</source>
        <translation>This case is registered as not accepted:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="357"/>
        <source>案件状态：{status}</source>
        <translation>Case status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="393"/>
        <source>草稿无法写入磁盘：{error}</source>
        <translation>The draft could not be written to disk: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="415"/>
        <source>已恢复上次未保存的内容，请核对后保存。</source>
        <translation>The unsaved input from last time is back. Check it, then save.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="449"/>
        <source>不能受理：</source>
        <translation>Cannot be accepted:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="452"/>
        <source>可以受理，但请注意：</source>
        <translation>Can be accepted, but note:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="455"/>
        <source>未发现不能调解的情形，可以受理。</source>
        <translation>Nothing found that rules out mediation; the case can be accepted.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="501"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="502"/>
        <source>根据受理审查，本案不能调解：</source>
        <translation>Screening shows this dispute cannot be mediated:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="503"/>
        <source>是否登记为“不予受理”并保存？（记录会保留，便于说明和统计）</source>
        <translation>Register it as &quot;not accepted&quot; and save? (The record is kept for explanation and statistics.)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="513"/>
        <source>已保存：{number}</source>
        <translation>Saved: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="523"/>
        <source>正在生成受理登记表…</source>
        <translation>Making the registration form…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="545"/>
        <source>登记表无法写入：{error}</source>
        <translation>The form could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="536"/>
        <source>受理登记表已生成：{path}</source>
        <translation>Intake registration form made: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="580"/>
        <source>有{n}处需要修改，已在对应的项目下用红字标出。</source>
        <translation>{n} items need correcting; each is marked in red under its field.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="585"/>
        <source>这个案件刚被别处修改过。您填写的内容已存为草稿；请重新打开案件后再改。</source>
        <translation>This case was just changed elsewhere. Your input is kept as a draft; open the case again and redo the change.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/intake_tab.py" line="594"/>
        <source>没有保存。</source>
        <translation>Not saved. </translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="295"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="28"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="29"/>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="301"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="30"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="31"/>
        <source>村/组</source>
        <translation>Village/group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="32"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="33"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="34"/>
        <source>司法确认</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="35"/>
        <source>下次回访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="296"/>
        <source>案号、当事人姓名、拼音首字母（如 zjg）或纠纷情况中的词</source>
        <translation>Case number, party name, pinyin initials (e.g. zjg) or words of the facts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="298"/>
        <source>也可以输入当事人完整的手机号、座机号（带区号）或18位身份证号查找。
电话和身份证号是加密保存的，只输入其中几位查不到。</source>
        <translation>You can also search by a party&apos;s whole mobile number, landline (with area code) or 18-digit ID number.
Phones and ID numbers are stored encrypted, so part of a number finds nothing.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="302"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="303"/>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="304"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="305"/>
        <source>主持人</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="306"/>
        <source>明白人</source>
        <translation>Elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="307"/>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="308"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="309"/>
        <source>导出Excel台账…</source>
        <translation>Export ledger to Excel…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="310"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="311"/>
        <source>全部履行情况</source>
        <translation>All performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="312"/>
        <source>全部司法确认</source>
        <translation>All confirmation states</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="313"/>
        <source>按协议的履行情况筛选</source>
        <translation>Filter by how far the agreement has been performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="314"/>
        <source>按司法确认的情况筛选：三十日申请期限内（可申请、即将到期）、已过期限、申请中、法院的裁定，或涉及婚姻、收养、身份关系而不能申请</source>
        <translation>Filter by judicial confirmation: inside the 30-day window (open, closing soon), window closed, applied, the court&apos;s decision, or not eligible (marriage, adoption or personal status)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="317"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="318"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="319"/>
        <source>打开所选案件</source>
        <translation>Open selected case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="320"/>
        <source>新建登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="381"/>
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="399"/>
        <source>矛盾化解台账</source>
        <translation>Dispute resolution ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="406"/>
        <source>导出矛盾化解台账</source>
        <translation>Export the dispute ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="407"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="416"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="427"/>
        <source>导出失败：{error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="429"/>
        <source>已导出{n}件到 {path}</source>
        <translation>Exported {n} cases to {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="447"/>
        <source>共 {total} 件，已显示 {shown} 件</source>
        <translation>{total} cases, {shown} shown</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="189"/>
        <location filename="../../xinye_desktop/ui/i18n.py" line="46"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="91"/>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="146"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="147"/>
        <source>请输入密码解锁：</source>
        <translation>Enter your password to unlock:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="148"/>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="166"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="149"/>
        <source>注销（换账号登录）</source>
        <translation>Log out (log in as someone else)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="150"/>
        <source>正在填写的内容会先存为草稿，下次登录时可以恢复。</source>
        <translation>What is being typed is kept as a draft first and can be restored at the next login.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="154"/>
        <source>{name}（{role}）已经 {minutes} 分钟没有操作，为保护当事人信息，屏幕已锁定。正在填写的内容都还在。</source>
        <translation>{name} ({role}) has been idle for {minutes} minutes; the screen is locked to protect the parties&apos; information. Everything being typed is still there.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="158"/>
        <source>{name}（{role}）锁定了屏幕。正在填写的内容都还在。</source>
        <translation>{name} ({role}) locked the screen. Everything being typed is still there.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/lock_screen.py" line="166"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="37"/>
        <source>（{time} 以后可以再试）</source>
        <translation>(try again after {time})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="42"/>
        <source>{min}到{max}个字：汉字、字母、数字或 _ . - ·，不能有空格；登录时不分大小写</source>
        <translation>{min} to {max} characters: Chinese characters, letters, digits or _ . - ·, no spaces; not case-sensitive at login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="47"/>
        <source>至少{min}个字符，不能和用户名相同，也不能是同一个字符重复</source>
        <translation>At least {min} characters, not the user name, not one character repeated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="188"/>
        <source>两次输入的密码不一样，请重新输入</source>
        <translation>The two passwords differ; please type them again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="202"/>
        <source>登录 — 三理室调解台</source>
        <translation>Log in — Sanlishi Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="203"/>
        <source>三理室调解台</source>
        <translation>Sanlishi Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="205"/>
        <source>人民调解委员会</source>
        <translation>People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="212"/>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="257"/>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="214"/>
        <source>忘记密码？</source>
        <translation>Forgot your password?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="218"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="228"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="229"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="250"/>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="272"/>
        <source>需要先设置自己的密码才能使用。请重新登录。</source>
        <translation>You must set your own password first. Please log in again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="280"/>
        <source>忘记密码</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="280"/>
        <source>请找调委会的管理员为你重设密码（账号 → 账号管理）。

如果管理员自己也忘了密码，可以用设置管理员时打印的恢复密钥（由司法所保管）为管理员设置新密码。</source>
        <translation>Ask the committee&apos;s administrator to reset your password (Account → Accounts).

If the administrator has forgotten their own password too, the recovery key printed when the administrator was set up (kept by the justice office) sets a new one.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="284"/>
        <source>用恢复密钥设置新密码…</source>
        <translation>Set a new password with the recovery key…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="285"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="309"/>
        <source>设置新密码</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="309"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="310"/>
        <source>管理员给你的是临时密码。请设置一个只有你自己知道的新密码。</source>
        <translation>The administrator gave you a temporary password. Please set a new one that only you know.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="311"/>
        <source>修改“{name}”的密码。</source>
        <translation>Change the password of “{name}”.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="319"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="320"/>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="370"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="321"/>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="371"/>
        <source>再输一次新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="322"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="93"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="353"/>
        <source>用恢复密钥设置新密码</source>
        <translation>Set a new password with the recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="354"/>
        <source>输入设置管理员时打印的恢复密钥（由司法所保管），为管理员账号设置新密码。数据不会丢失。</source>
        <translation>Enter the recovery key printed when the administrator was set up (kept by the justice office) to set a new password for an administrator account. No data is lost.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="367"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="367"/>
        <source>24个字母和数字，不分大小写，短横线可以不输</source>
        <translation>24 letters and digits, not case-sensitive; the dashes may be left out</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="369"/>
        <source>管理员用户名</source>
        <translation>Administrator&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/login_dialog.py" line="372"/>
        <source>设置新密码并登录</source>
        <translation>Set the password and log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="441"/>
        <source>三理室调解台</source>
        <translation>Sanlishi Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="435"/>
        <source>案件台账</source>
        <translation>Case ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="435"/>
        <source>今日工作</source>
        <translation>Today&apos;s work</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="436"/>
        <source>案件受理</source>
        <translation>Case intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="436"/>
        <source>选择明白人</source>
        <translation>Choose the elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="437"/>
        <source>法理情调解</source>
        <translation>Law · reason · feeling session</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="437"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="438"/>
        <source>统计报表</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="438"/>
        <source>回访与履行</source>
        <translation>Visits and performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="445"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="446"/>
        <source>新建受理登记</source>
        <translation>New case intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="447"/>
        <source>查找案件（台账）</source>
        <translation>Find a case (ledger)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="448"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="449"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="450"/>
        <source>调委会设置…</source>
        <translation>Committee settings…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="451"/>
        <source>验证核验码（协议书及案卷文书）…</source>
        <translation>Verify a code (agreements and case documents)…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="452"/>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="453"/>
        <source>报送司法所…</source>
        <translation>Report to the township justice office…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="454"/>
        <source>导入司法所回执包…</source>
        <translation>Import the township justice office&apos;s return package…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="455"/>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="456"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="457"/>
        <source>关于三理室调解台</source>
        <translation>About the Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="459"/>
        <source>账号(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="460"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="461"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="462"/>
        <source>注销</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="463"/>
        <source>账号管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="464"/>
        <source>审计记录…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="473"/>
        <source>找不到该语言的翻译文件，仍使用简体中文。</source>
        <translation>The translation file for that language is missing; staying with Simplified Chinese.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="484"/>
        <source>找不到案件</source>
        <translation>Case not found</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="484"/>
        <source>这个案件已不在数据库中。</source>
        <translation>This case is no longer in the database.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="543"/>
        <source>当前案件：无（在“案件台账”中双击一个案件，或新建受理登记）</source>
        <translation>Current case: none (double-click a case in the ledger, or start a new intake)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="545"/>
        <source>当前案件：{number}</source>
        <translation>Current case: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="549"/>
        <source>&#x3000;&#x3000;（“{role}”账号：案件只能查看，不能修改）</source>
        <translation>    (a “{role}” account: cases can be viewed, not changed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="554"/>
        <source>尚未设置调委会名称（设置 → 调委会设置）</source>
        <translation>Committee name not set yet (Settings → Committee settings)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="555"/>
        <source>{committee}&#x3000;数据位置：{folder}</source>
        <translation>{committee}   Data folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="686"/>
        <source>正在恢复备份，请稍候…</source>
        <translation>Restoring the backup, please wait…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="713"/>
        <source>没有恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="697"/>
        <source>恢复前的数据保存在：{path}</source>
        <translation>The data from before the restore is kept in: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="699"/>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="699"/>
        <source>已恢复 {when} 的备份：案件 {cases} 件。</source>
        <translation>The backup from {when} has been restored: {cases} cases.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="755"/>
        <source>草稿无法读取，已另存在草稿文件夹中：{folder}</source>
        <translation>The draft could not be read; it was set aside in the drafts folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="767"/>
        <source>恢复未保存的登记</source>
        <translation>Restore unsaved intake</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="767"/>
        <source>上次有一份受理登记没有保存（{time}）。是否恢复？
选择“不恢复”时，这份草稿会另存起来，不会删除。</source>
        <translation>An intake form was left unsaved last time ({time}). Restore it?
If you choose &quot;Don&apos;t restore&quot;, the draft is set aside, not deleted.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="770"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/main_window.py" line="771"/>
        <source>不恢复</source>
        <translation>Don&apos;t restore</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="119"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="122"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="122"/>
        <source>地位</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="123"/>
        <source>单位名称</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="123"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="124"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="124"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="124"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="125"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="125"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="126"/>
        <source>经营范围</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="126"/>
        <source>职业或职务</source>
        <translation>Occupation or post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="127"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="127"/>
        <source>单位地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="127"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="128"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="128"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="129"/>
        <source>请求事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="133"/>
        <source>选填，18位；填后自动带出性别和出生日期</source>
        <translation>Optional, 18 characters; fills in sex and date of birth</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="134"/>
        <source>如 1968-03-15</source>
        <translation>e.g. 1968-03-15</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="135"/>
        <source>不知出生日期时填</source>
        <translation>If the date of birth is unknown</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="136"/>
        <source>手机或带区号的座机</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="137"/>
        <source>如 新野县王庄镇王庄村3组</source>
        <translation>e.g. Group 3, Wangzhuang Village, Wangzhuang Town, Xinye</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="138"/>
        <source>这一方要求解决什么</source>
        <translation>What this party asks for</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="139"/>
        <source>显示并修改</source>
        <translation>Show and edit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="140"/>
        <source>移除这位当事人</source>
        <translation>Remove this party</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/party_editor.py" line="144"/>
        <source>当事人{n}</source>
        <translation>Party {n}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../xinye_desktop/ui/pdf_preview.py" line="101"/>
        <source>共{n}页&#x3000;文件：{path}</source>
        <translation>{n} pages   File: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pdf_preview.py" line="105"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pdf_preview.py" line="107"/>
        <source>正在打印：第%v页，共%m页</source>
        <translation>Printing: page %v of %m</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pdf_preview.py" line="110"/>
        <source>用其他程序打开</source>
        <translation>Open in another program</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/pdf_preview.py" line="111"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="70"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="71"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="72"/>
        <source>按姓名、拼音首字母或单位查找</source>
        <translation>Find by name, pinyin initials or organisation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="73"/>
        <source>显示已停用的</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="75"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="75"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="75"/>
        <source>单位/部门</source>
        <translation>Organisation/department</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="76"/>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="76"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="76"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="77"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="78"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="79"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="99"/>
        <source>司法所名单</source>
        <translation>Office roster</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="100"/>
        <source>本村录入</source>
        <translation>Typed here</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="106"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="108"/>
        <source>可能重复</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="108"/>
        <source>司法所名单中也有{role}{name}（{unit}）：是同一个人的，停用本村录入的这一条。</source>
        <translation>The office roster also has {role} {name} ({unit}): if it is the same person, retire this row typed here.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="112"/>
        <source>可选用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="116"/>
        <source>本村录入的 {n} 人与司法所名单中的人同名、同角色（状态为“可能重复”）：请核对，是同一个人的，选中本村录入的那一条点“停用”（已参与的案件记录不变）。</source>
        <translation>{n} people typed here have the name and role of someone on the office roster (state “Possible duplicate”): check them, and where it is the same person select the row typed here and click “Retire” (the cases they took part in stay as they are).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="138"/>
        <source>恢复选用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="139"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="146"/>
        <source>已加入名单：{name}</source>
        <translation>Added to the list: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="168"/>
        <source>{name}已停用，不再出现在选择列表中；已参与的案件记录不变。</source>
        <translation>{name} is inactive and no longer offered for selection; the records of past cases are unchanged.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/people_page.py" line="170"/>
        <source>{name}已恢复选用。</source>
        <translation>{name} is active again.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="267"/>
        <source>人员信息</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="269"/>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="277"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="275"/>
        <source>如 村支书、民警、所长</source>
        <translation>e.g. village Party secretary, police officer, station head</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="283"/>
        <source>角色 *</source>
        <translation>Role *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="284"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="286"/>
        <source>单位/部门</source>
        <translation>Organisation/department</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="287"/>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="288"/>
        <source>主持人类别</source>
        <translation>Host type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="289"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="292"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="293"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="318"/>
        <source>职能部门 *</source>
        <translation>Department *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="321"/>
        <source>单位 *</source>
        <translation>Organisation *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="321"/>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elder_dialog.py" line="338"/>
        <source>请按红字提示修改后再保存。</source>
        <translation>Correct the items marked in red, then save.</translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="91"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="92"/>
        <source>按姓名、拼音首字母或电话查找</source>
        <translation>Find by name, pinyin initials or phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="93"/>
        <source>显示已退出的</source>
        <translation>Show those who left</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="95"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="95"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="95"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="96"/>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="312"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="96"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="96"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="97"/>
        <source>产生方式</source>
        <translation>How chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="97"/>
        <source>任期至</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="97"/>
        <source>擅长</source>
        <translation>Good at</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="98"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="98"/>
        <source>在办</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="98"/>
        <source>已办</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="99"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="100"/>
        <source>新增明白人…</source>
        <translation>Add elder…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="101"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="102"/>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="103"/>
        <source>只能删除误录入、从未参与过案件的人；参与过案件的请用“退出明白人库”。</source>
        <translation>Only someone entered by mistake who never took part in a case can be deleted; for anyone else, use &quot;Leave the elder pool&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="104"/>
        <source>导入名单（Excel/CSV）…</source>
        <translation>Import roster (Excel/CSV)…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="105"/>
        <source>打印上墙名单…</source>
        <translation>Print wall list…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="107"/>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="115"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="149"/>
        <source>已退出</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="150"/>
        <source>任期已满</source>
        <translation>Term over</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="150"/>
        <source>在库</source>
        <translation>In pool</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="168"/>
        <source>共{n}人，其中在库{active}人</source>
        <translation>{n} people, {active} in the pool</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="171"/>
        <source>，任期已满{n}人</source>
        <translation>, {n} with the term over</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="173"/>
        <source>，已退出{n}人</source>
        <translation>, {n} who left the pool</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="175"/>
        <source>任期已满：三年任期已过、尚未重新推选的明白人。不列入上墙名单；当事人仍可自愿选择，提名时须确认。重新推选后，请在“修改”中更新推选日期和任期。</source>
        <translation>Term over: elders whose three-year term has ended and who were not chosen again. They are left off the wall list; the parties may still choose them, with a confirmation when proposing. After a new selection, update the selection date and term with &quot;Edit&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="195"/>
        <source>恢复入库</source>
        <translation>Return to pool</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="196"/>
        <source>退出明白人库…</source>
        <translation>Leave the elder pool…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="204"/>
        <source>新增明白人</source>
        <translation>New trusted elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="207"/>
        <source>已把{name}加入{village}明白人库。</source>
        <translation>Added {name} to the elder pool of {village}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="220"/>
        <source>修改明白人：{name}</source>
        <translation>Edit elder: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="224"/>
        <source>已保存{name}的信息。</source>
        <translation>Saved the details of {name}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="236"/>
        <source>{name}已恢复入库。</source>
        <translation>{name} is back in the elder pool.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="239"/>
        <source>退出明白人库：{name}</source>
        <translation>Leave the elder pool: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="240"/>
        <source>退出后不再作为候选人，但参与过的案件记录仍保留其姓名。</source>
        <translation>After leaving, the person is no longer a candidate, but their name stays in the records of cases they took part in.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="241"/>
        <source>退出原因 *</source>
        <translation>Reason for leaving *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="242"/>
        <source>如：任期届满未连任、年老体弱、本人申请、迁出本村</source>
        <translation>e.g. term ended without re-election, old age or frailty, own request, moved out of the village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="243"/>
        <source>退出</source>
        <translation>Leave pool</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="251"/>
        <source>{name}已退出明白人库。</source>
        <translation>{name} has left the elder pool.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="264"/>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="276"/>
        <source>{name}参与过案件，不能删除，只能“退出明白人库”，以便旧案记录仍可查阅。</source>
        <translation>{name} took part in cases and cannot be deleted; use &quot;Leave the elder pool&quot; instead, so that old case records can still be consulted.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="268"/>
        <source>删除明白人</source>
        <translation>Delete elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="269"/>
        <source>确定删除误录入的{name}吗？此人从未参与过案件，删除后不能恢复。</source>
        <translation>Delete {name}, entered by mistake? This person never took part in a case. Deleting cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="279"/>
        <source>已删除{name}。</source>
        <translation>Deleted {name}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="309"/>
        <source>打印上墙名单</source>
        <translation>Print wall list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="310"/>
        <source>生成《矛盾化解“三理”室“明白人”名单》PDF，打印后张贴在三理室。已退出和任期已满的不列入。</source>
        <translation>Make the PDF of the village&apos;s list of elders, to print and hang in the mediation room. Elders who left the pool or whose term is over are not listed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="319"/>
        <source>正在生成名单…</source>
        <translation>Making the list…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="335"/>
        <source>{names}的任期已满，未列入名单；重新推选后请在“修改”中更新任期。</source>
        <translation>{names}: term over, left off the list; after a new selection, update the term with &quot;Edit&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="313"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="314"/>
        <source>不印（张贴公示时的默认做法）</source>
        <translation>Do not print (the default for public posting)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="315"/>
        <source>印出（须经明白人本人同意）</source>
        <translation>Print (only with the elder&apos;s own consent)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="316"/>
        <source>生成PDF</source>
        <translation>Make PDF</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="348"/>
        <source>名单无法写入：{error}</source>
        <translation>The list could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/elders/pool_page.py" line="333"/>
        <source>名单已生成：{path}</source>
        <translation>List made: {path}</translation>
    </message>
</context>
<context>
    <name>PreventionBox</name>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="72"/>
        <source>防止纠纷激化（本案，计入统计报表）</source>
        <translation>Escalation prevented (this case, counted in the statistics)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="76"/>
        <source>涉及</source>
        <translation>involving</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="77"/>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="79"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="80"/>
        <source>经调解，纠纷没有激化为刑事案件或群体性上访的，在此勾选并填写涉及的人数；统计报表按“X件Y人”计入。调解结束后也可以在这里修改。</source>
        <translation>Where mediation kept the dispute from turning into a criminal case or a mass petition, tick it here and enter the people involved; the statistics count it as &quot;X cases, Y people&quot;. It can be changed here after the sitting too.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="83"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/prevention_box.py" line="144"/>
        <source>有改动，尚未保存。</source>
        <translation>Changed, not saved yet.</translation>
    </message>
</context>
<context>
    <name>ReturnImport</name>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="31"/>
        <source>导入司法所回执包</source>
        <translation>Import the township justice office&apos;s return package</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="33"/>
        <source>回执包（如 王庄村-回执-2026-12.xdr）是司法所收到报送包后发回的：告诉本机司法所已经收到哪些记录（下次报送包只带之后的变化）、各案卷的审查意见，以及县里统一的设置。</source>
        <translation>The return package (e.g. 王庄村-回执-2026-12.xdr) is what the township justice office sends back after a report package: which records it has received (the next package carries only what came after), its review of each case file, and the settings the county sets.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="37"/>
        <source>插上U盘，再选择回执包</source>
        <translation>Plug in the USB drive, then choose the return package</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="40"/>
        <source>选择回执包…</source>
        <translation>Choose return package…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="47"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="48"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="63"/>
        <source>选择司法所的回执包</source>
        <translation>Choose the township justice office&apos;s return package</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="64"/>
        <source>回执包 (*.xdr);;所有文件 (*)</source>
        <translation>Return packages (*.xdr);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="75"/>
        <source>请先选择回执包。</source>
        <translation>Choose a return package first.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="79"/>
        <source>找不到文件 {path}（U盘可能没插好）：请插好U盘或另选文件。</source>
        <translation>The file {path} is not there (the USB drive may not be plugged in properly): plug it in or choose another file.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="83"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="107"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="113"/>
        <source>回执包没有导入。</source>
        <translation>The return package was not imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/return_import_dialog.py" line="116"/>
        <source>回执包没有导入，什么都没有改动：{reason}</source>
        <translation>The return package was not imported and nothing was changed: {reason}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="156"/>
        <source>{name}：这个回执包已经导入过（{at}），没有任何改动。</source>
        <translation>{name}: this return package was imported before ({at}); nothing changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="157"/>
        <source>{office}第 {sequence} 号回执包已导入：司法所已收到第 {mark} 号变更为止的记录，下次报送包只带之后的变化。审查意见新增 {new} 件、更新 {updated} 件、没有变化 {unchanged} 件（在案件受理页打开案件可以看到）。</source>
        <translation>Return package no. {sequence} of {office} imported: the office has the records up to change {mark}, and the next package carries only what came after. Reviews: {new} new, {updated} updated, {unchanged} unchanged (open a case on the intake tab to see its review).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="161"/>
        <source>其中 {n} 件没有附理由（司法所当时还没有本调委会的加密公钥）：请向司法所询问。</source>
        <translation>{n} of them came without their reason (the office did not yet have this committee&apos;s encryption key): ask the office.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="165"/>
        <source>{office}下发的人员名单（联村干警、职能部门见证人）已并入本调委会的名单：新增 {new} 人、更新 {updated} 人、停用 {retired} 人（在 选择明白人 → 主持人·见证人·记录人名单 里可以看到）。</source>
        <translation>The roster the {office} sent (village-link police officers, department witnesses) is merged into this committee&apos;s lists: {new} added, {updated} updated, {retired} retired (see Choose the elder → Hosts · witnesses · recorders).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="168"/>
        <source>本调委会自己录入的人中有 {n} 人与司法所名单中的人同名、同角色，可能是同一个人：请在那份名单里核对（状态一栏写着“可能重复”），是同一个人的，停用本村录入的那一条（已参与的案件记录不变）。</source>
        <translation>{n} people this committee typed itself have the name and role of someone on the office roster and may be the same person: check them in that list (their state says “Possible duplicate”), and where it is the same person retire the row typed here (the cases they took part in stay as they are).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="176"/>
        <source>案号前缀</source>
        <translation>Case number prefix</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="177"/>
        <source>回访间隔（天）</source>
        <translation>Visit interval (days)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="178"/>
        <source>纠纷类型细目</source>
        <translation>Local dispute types</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="163"/>
        <source>设置已按{office}的要求修改：{setting} {before} → {after}。</source>
        <translation>Setting changed as {office} asks: {setting} {before} → {after}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="164"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="171"/>
        <source>新版本安装程序已保存到 {path}：没有自动运行，请核对后由管理员手动安装。</source>
        <translation>A new installer is saved in {path}: it was not run; an administrator checks it and installs it by hand.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/exchange/returns_import.py" line="173"/>
        <source>第一次导入{office}的回执包：已记下它的签名密钥，指纹 {fingerprint}。请打电话与{office}核对这个指纹；以后用别的密钥签的回执包都不会导入。</source>
        <translation>First return package from {office}: its signing key is remembered, fingerprint {fingerprint}. Check this fingerprint with {office} by phone; return packages signed with any other key will not be imported.</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="29"/>
        <source>姓名</source>
        <translation>姓名 (name)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="30"/>
        <source>性别</source>
        <translation>性别 (sex)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="31"/>
        <source>出生年份</source>
        <translation>出生年份 (year of birth)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="32"/>
        <source>年龄</source>
        <translation>年龄 (age)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="33"/>
        <source>村</source>
        <translation>村 (village)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="34"/>
        <source>组</source>
        <translation>组 (group)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="35"/>
        <source>联系电话</source>
        <translation>联系电话 (phone)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="36"/>
        <source>身份</source>
        <translation>身份 (identity)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="37"/>
        <source>身份说明</source>
        <translation>身份说明 (identity note)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="38"/>
        <source>产生方式</source>
        <translation>产生方式 (how chosen)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="39"/>
        <source>推选（聘任）日期</source>
        <translation>推选（聘任）日期 (date elected/appointed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="40"/>
        <source>任期至</source>
        <translation>任期至 (term ends)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="41"/>
        <source>擅长纠纷类型</source>
        <translation>擅长纠纷类型 (dispute types)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="42"/>
        <source>备注</source>
        <translation>备注 (notes)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="105"/>
        <source>{column}：{message}</source>
        <translation>{column}: {message}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="328"/>
        <source>请填“男”或“女”</source>
        <translation>Enter &quot;男&quot; (male) or &quot;女&quot; (female)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="332"/>
        <source>“{value}”不是性别，请填“男”或“女”</source>
        <translation>&quot;{value}&quot; is not a sex; enter &quot;男&quot; (male) or &quot;女&quot; (female)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="342"/>
        <source>年龄请填数字，如68</source>
        <translation>Enter the age as a number, e.g. 68</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="351"/>
        <source>请填“推选”或“聘任”</source>
        <translation>Enter &quot;推选&quot; (elected) or &quot;聘任&quot; (appointed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="355"/>
        <source>“{value}”不是产生方式，请填“推选”或“聘任”</source>
        <translation>&quot;{value}&quot; is not a way of being chosen; enter &quot;推选&quot; (elected) or &quot;聘任&quot; (appointed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="360"/>
        <source>不认识“{word}”，请填纠纷类型，如邻里、宅基地、婚姻家庭，多个用顿号隔开</source>
        <translation>Unknown dispute type &quot;{word}&quot;: enter types such as 邻里 (neighbours), 宅基地 (homestead) or 婚姻家庭 (marriage and family), separated by &quot;、&quot;</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="395"/>
        <source>请填身份，如老党员、老干部、老教师，或写明其他身份</source>
        <translation>Enter the identity, e.g. 老党员 (veteran Party member), 老干部 (retired cadre), 老教师 (retired teacher), or write another identity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="421"/>
        <source>找不到表头：表格前10行中没有一行同时有“姓名”和性别、村、联系电话等列。请检查表头，或下载模板照着填写。</source>
        <translation>Header not found: none of the first 10 rows has &quot;姓名&quot; (name) together with columns such as 性别, 村 or 联系电话. Check the header row, or download the template and fill it in.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="429"/>
        <source>表格中没有这一列</source>
        <translation>Column missing from the sheet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="445"/>
        <source>与第{line}行重复（姓名、村、联系电话都相同）</source>
        <translation>Duplicate of row {line} (same name, village and phone)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roster.py" line="452"/>
        <source>表头下面没有明白人：表格是空的。</source>
        <translation>No elders below the header row: the sheet is empty.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="51"/>
        <source>预览之后明白人库有了变化：第{line}行的{name}已在库中。没有导入任何人，请重新选择文件预览。</source>
        <translation>The elder pool changed after the preview: {name} in row {line} is already in the pool. No one was imported; choose the file again to preview it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="67"/>
        <location filename="../../xinye_desktop/services/roster.py" line="158"/>
        <source>打不开文件“{name}”：请确认文件还在，并且有权限读取。</source>
        <translation>Cannot open &quot;{name}&quot;: check that the file still exists and that you may read it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="71"/>
        <source>“{name}”是旧的 .xls 格式或设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码，另存为 .xlsx 或 CSV 后再导入。</source>
        <translation>&quot;{name}&quot; is in the old .xls format or has a password, so it cannot be read. In Excel or WPS, remove the password and save it as .xlsx or CSV, then import that.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="79"/>
        <source>无法读取“{name}”：请另存为 .xlsx 或 CSV 后再导入。</source>
        <translation>Cannot read &quot;{name}&quot;: save it as .xlsx or CSV, then import that.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="81"/>
        <source>“{name}”不是表格文件：只能导入 Excel 工作簿（.xlsx）或 CSV 文件。</source>
        <translation>&quot;{name}&quot; is not a spreadsheet: only Excel workbooks (.xlsx) and CSV files can be imported.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="102"/>
        <location filename="../../xinye_desktop/services/roster.py" line="167"/>
        <source>无法读取“{name}”，文件可能已损坏。请另存为 .xlsx 或 CSV 后再导入。</source>
        <translation>Cannot read &quot;{name}&quot;; the file may be damaged. Save it as .xlsx or CSV, then import that.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="118"/>
        <location filename="../../xinye_desktop/services/roster.py" line="170"/>
        <source>“{name}”的第一个工作表超过{max}行，不像是明白人名单。</source>
        <translation>The first sheet of &quot;{name}&quot; has more than {max} rows; it does not look like a list of elders.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="162"/>
        <source>“{name}”的文字编码无法识别。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入。</source>
        <translation>The text encoding of &quot;{name}&quot; is not recognised. In Excel or WPS, save it as .xlsx or CSV, then import that.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="249"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/roster.py" line="250"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="47"/>
        <source>导入明白人名单</source>
        <translation>Import elder roster</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="49"/>
        <source>选择村里已有的明白人名单（Excel 的 .xlsx 或 CSV 文件）。导入前会逐行检查，有问题的行不会导入，可以导出问题清单改好后再导入。</source>
        <translation>Choose the village&apos;s existing list of elders (an Excel .xlsx or a CSV file). Every row is checked first; rows with problems are not imported. You can export a problem list, fix the rows and import again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="63"/>
        <source>没写村名的行算作：</source>
        <translation>Rows without a village go to:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="66"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="67"/>
        <source>下载模板…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="68"/>
        <source>还没有选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="75"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="75"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="76"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="76"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="77"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="77"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="94"/>
        <source>导出问题清单…</source>
        <translation>Export problem list…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="153"/>
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="156"/>
        <source>正在读取和检查名单…</source>
        <translation>Reading and checking the roster…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="187"/>
        <source>选择明白人名单</source>
        <translation>Choose the elder roster</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="188"/>
        <source>表格文件 (*.xlsx *.csv *.xls);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.xls);;Excel workbooks (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="210"/>
        <source>这些列不会导入：{columns}</source>
        <translation>These columns will not be imported: {columns}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="215"/>
        <source>可以导入</source>
        <translation>Can be imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="217"/>
        <source>文件有问题，不能导入</source>
        <translation>Problem in the file; cannot be imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="242"/>
        <source>共{total}行：可导入{good}行，有问题{bad}行（不会导入）</source>
        <translation>{total} rows: {good} can be imported, {bad} have problems (not imported)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="246"/>
        <source>导入{n}行</source>
        <translation>Import {n} rows</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="262"/>
        <source>保存明白人名单模板</source>
        <translation>Save the elder roster template</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="263"/>
        <source>明白人名单模板.xlsx</source>
        <translation>Elder roster template.xlsx</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="264"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="270"/>
        <source>模板已保存：{path}</source>
        <translation>Template saved: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="278"/>
        <source>导出问题清单</source>
        <translation>Export problem list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="279"/>
        <source>{name}-问题清单.csv</source>
        <translation>{name}-problems.csv</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="280"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="288"/>
        <source>问题清单已保存：{path}</source>
        <translation>Problem list saved: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="303"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="303"/>
        <source>无法保存到“{path}”。如果这个文件正在 Excel 或 WPS 中打开，请先关闭它再试。</source>
        <translation>Cannot save to &quot;{path}&quot;. If the file is open in Excel or WPS, close it and try again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="314"/>
        <source>有些行不会导入</source>
        <translation>Some rows will not be imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="314"/>
        <source>有{bad}行有问题，不会导入。现在只导入其余{good}行吗？
也可以先导出问题清单，改好后把整个文件再导入一次（已导入的人会被认出，不会重复）。</source>
        <translation>{bad} rows have problems and will not be imported. Import only the other {good} rows now?
Or export the problem list first, fix the rows and import the whole file again (people already imported are recognised and not added twice).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="323"/>
        <source>正在导入明白人名单，请稍候…</source>
        <translation>Importing the roster of respected villagers, please wait…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="339"/>
        <source>没有导入</source>
        <translation>Nothing imported</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="329"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/roster_import_dialog.py" line="329"/>
        <source>已把{n}位明白人加入明白人库。</source>
        <translation>Added {n} trusted elders to the elder pool.</translation>
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
    <name>Selection</name>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="226"/>
        <source>{name}的任期已于{day}届满，尚未重新推选，已不在上墙名单上。当事人仍可自愿选择他（她），请先向各方说明，确认后再提名。</source>
        <translation>{name}&apos;s term ended on {day} and was not renewed, so {name} is no longer on the wall list. The parties may still choose this elder: tell every party, then confirm to propose.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="240"/>
        <source>{name}已退出明白人库，不能再被选为明白人</source>
        <translation>{name} has left the elder pool and can no longer be chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="245"/>
        <source>提名人不是本案的当事人</source>
        <translation>The proposer is not a party to this case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="251"/>
        <source>{name}已在本案回避，不能再次提名</source>
        <translation>{name} was recused from this case and cannot be proposed again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="253"/>
        <source>{name}已被提名，正在等待各方表态或已选定</source>
        <translation>{name} is already proposed: awaiting answers, or already chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="259"/>
        <source>该提名已{end}，不能再表态</source>
        <translation>This proposal has ended ({end}); no more answers can be given</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="261"/>
        <location filename="../../xinye_desktop/services/selection.py" line="197"/>
        <location filename="../../xinye_desktop/services/selection.py" line="231"/>
        <source>此人不是本案的当事人</source>
        <translation>This person is not a party to this case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="263"/>
        <source>请写明不同意的理由</source>
        <translation>Give the reason for disagreeing</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="268"/>
        <source>该提名已{end}</source>
        <translation>This proposal has already ended ({end})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="270"/>
        <source>该明白人未获同意，无需回避</source>
        <translation>This elder was not agreed to, so no recusal is needed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="272"/>
        <source>请写明理由</source>
        <translation>Give the reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="317"/>
        <source>还没有各方当事人都同意的明白人</source>
        <translation>No elder agreed to by all parties yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="320"/>
        <source>{party}还没有对明白人{elder}表态</source>
        <translation>{party} has not yet answered on elder {elder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="323"/>
        <source>明白人{elder}有需要回避的情形，须调解员确认</source>
        <translation>Elder {elder} has grounds for recusal that the mediator must confirm</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="326"/>
        <source>还没有确定主持人</source>
        <translation>No host yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="328"/>
        <source>主持人中没有联村干警（通常由一名干部和一名联村干警共同主持）</source>
        <translation>No village-link police officer among the hosts (usually a cadre and a village-link police officer host together)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="330"/>
        <source>还没有确定记录人</source>
        <translation>No recorder yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="332"/>
        <source>还没有邀请见证人（相关职能部门的工作人员）</source>
        <translation>No witness invited yet (staff of a relevant government department)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="247"/>
        <source>{name}已从名单中停用</source>
        <translation>{name} has been deactivated in the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="249"/>
        <source>{name}已是本案的{role}</source>
        <translation>{name} already has a role in this case: {role}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="292"/>
        <source>本案状态为“{status}”，不能再更改人选</source>
        <translation>This case is &quot;{status}&quot;; the people chosen can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="331"/>
        <source>{name}已在明白人库中，请从候选名单中直接提名</source>
        <translation>{name} is already in the elder pool; propose them directly from the candidate list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/selection.py" line="337"/>
        <source>该提名{state}，不能再更改</source>
        <translation>This proposal is closed ({state}) and can no longer be changed</translation>
    </message>
</context>
<context>
    <name>SendPackage</name>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="95"/>
        <source>读不到文件 {name}（{error}）：请换一个文件，或把U盘插好后再选。</source>
        <translation>Cannot read the file {name} ({error}): choose another file, or plug the USB drive in properly and choose again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="106"/>
        <source>{name} 不是司法所的公钥文件：请选择司法所用 hub-setup 写出的 hub-key.txt。</source>
        <translation>{name} is not the township justice office&apos;s public key file: choose the hub-key.txt the office wrote with hub-setup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="124"/>
        <source>报送司法所</source>
        <translation>Report to the township justice office</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="129"/>
        <source>报送包带上次司法所确认之后的全部变化和所选月份的统计；当月没有受理纠纷时报送零报告。身份证号、电话、住址用司法所的公钥加密，U盘丢失也不会泄露。</source>
        <translation>The package carries every change since the township justice office&apos;s last acknowledgement and the chosen month&apos;s figures; a month without disputes is sent as a zero report. ID numbers, phones and addresses are encrypted to the office&apos;s public key, so a lost USB drive reveals none of them.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="135"/>
        <source>yyyy年M月</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="156"/>
        <source>司法所给的 hub-key.txt</source>
        <translation>the hub-key.txt from the township justice office</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="158"/>
        <source>选择公钥文件…</source>
        <translation>Choose key file…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="180"/>
        <source>插上U盘，再选择U盘</source>
        <translation>Plug in the USB drive, then choose it</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="183"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="199"/>
        <source>报送月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="200"/>
        <source>司法所公钥：</source>
        <translation>Office&apos;s public key:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="201"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="209"/>
        <source>生成报送包</source>
        <translation>Write the package</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="210"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="211"/>
        <source>换签名密钥…</source>
        <translation>New signing key…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="212"/>
        <source>电脑丢失、被盗，或本机是从落入他人之手的备份恢复的：司法所吊销旧密钥后，换一把新的签名密钥（管理员）</source>
        <translation>The PC was lost or stolen, or this one was restored from a backup that fell into other hands: once the township justice office has revoked the old key, make a new signing key (administrator)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="263"/>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="383"/>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="269"/>
        <source>{month}没有受理纠纷：报送零报告。</source>
        <translation>No disputes received in {month}: a zero report is sent.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="271"/>
        <source>{month}受理纠纷 {count} 件。</source>
        <translation>{count} disputes received in {month}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="285"/>
        <source>已记下司法所的公钥，指纹 {fingerprint}（可打电话与司法所核对）。不用再选公钥文件。</source>
        <translation>The township justice office&apos;s public key is remembered, fingerprint {fingerprint} (check it with the office by phone). No key file is needed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="290"/>
        <source>指纹 {fingerprint}：请打电话与司法所核对，一致再生成报送包。生成后本机记下这把公钥。</source>
        <translation>Fingerprint {fingerprint}: check it with the township justice office by phone, and write the package only if it matches. This PC then remembers the key.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="295"/>
        <source>第一次报送：请选择司法所给的 hub-key.txt（司法所用 hub-setup 写出）。</source>
        <translation>First report: choose the hub-key.txt the township justice office gave you (written with hub-setup).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="300"/>
        <source>选择司法所的公钥文件</source>
        <translation>Choose the township justice office&apos;s public key file</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="301"/>
        <source>公钥文件 (*.txt);;所有文件 (*)</source>
        <translation>Key files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="329"/>
        <source>文件名：{name}</source>
        <translation>File name: {name}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="333"/>
        <source>报送包保存到（一般是U盘）</source>
        <translation>Save the package to (usually a USB drive)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="341"/>
        <source>请选择保存报送包的文件夹（一般是U盘）。</source>
        <translation>Choose the folder to save the package in (usually a USB drive).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="343"/>
        <source>找不到文件夹 {folder}（U盘可能没插好）：请插好U盘或另选文件夹。</source>
        <translation>The folder {folder} is not there (the USB drive may not be plugged in properly): plug it in or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="345"/>
        <source>文件夹 {folder} 不能写入（只读、写保护或没有权限）：请另选文件夹。</source>
        <translation>The folder {folder} cannot be written (read-only, write-protected or no permission): choose another folder.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="359"/>
        <source>请先选择司法所的公钥文件 hub-key.txt。</source>
        <translation>First choose the township justice office&apos;s public key file hub-key.txt.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="384"/>
        <source>（零报告：当月没有受理纠纷）</source>
        <translation> (zero report: no disputes received that month)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="385"/>
        <source>报送包已写入 {path}（{size}）。
带{month}的统计{zero}，和上次司法所确认以来的变化：案件 {cases} 件、记录 {rows} 条、存档文件 {documents} 个。
调委会签名密钥指纹：{fingerprint}（司法所第一次导入时请打电话读给司法所核对）。</source>
        <translation>The package is written to {path} ({size}).
It carries the figures of {month}{zero} and the changes since the township justice office&apos;s last acknowledgement: {cases} cases, {rows} records, {documents} archived files.
Committee signing key fingerprint: {fingerprint} (read it to the office by phone when it first imports).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="392"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="400"/>
        <source>报送包没有生成。</source>
        <translation>The package was not written.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="421"/>
        <source>换签名密钥</source>
        <translation>New signing key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="421"/>
        <source>只有在司法所已经或将要吊销本调委会原来的签名密钥时才换（电脑丢失、被盗，或从落入他人之手的备份恢复）。
换了以后，司法所吊销旧密钥之前会拒收本调委会的报送包。

确定要换一把新的签名密钥吗？</source>
        <translation>Only make a new key when the township justice office has revoked, or will revoke, the committee&apos;s old signing key (the PC lost or stolen, or restored from a backup that fell into other hands).
Until the office revokes the old key, it refuses the committee&apos;s packages signed with the new one.

Make a new signing key?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="436"/>
        <source>（原来的指纹 {old}）</source>
        <translation> (the old fingerprint was {old})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/send_package_dialog.py" line="437"/>
        <source>已换新的签名密钥，指纹 {new}{was}。请打电话把新指纹念给司法所核对；司法所吊销旧密钥后，下一个报送包会登记这把新密钥。</source>
        <translation>A new signing key is made, fingerprint {new}{was}. Read the new fingerprint to the township justice office by phone; once the office has revoked the old key, the next package registers the new one.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="232"/>
        <source>填写调解日期</source>
        <translation>Enter the date of the sitting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="234"/>
        <source>填写调解地点</source>
        <translation>Enter the place of the sitting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="236"/>
        <source>询问当事人是否公开调解</source>
        <translation>Ask the parties whether the sitting is public</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="238"/>
        <source>写明不公开调解的原因</source>
        <translation>State why the sitting is not public</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="240"/>
        <source>向当事人宣读权利义务告知</source>
        <translation>Read the notice of the parties&apos; rights and duties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="243"/>
        <source>记录{party}是否到场</source>
        <translation>Record whether {party} is present</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="246"/>
        <source>{party}确认已听清权利义务</source>
        <translation>{party} confirms having understood the rights and duties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="248"/>
        <source>询问{party}是否自愿调解</source>
        <translation>Ask {party} whether they agree to mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="253"/>
        <source>记录{party}的陈述</source>
        <translation>Record {party}&apos;s statement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="256"/>
        <source>证据{n}：写明是什么证据</source>
        <translation>Evidence {n}: describe what it is</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="260"/>
        <source>主持人确认纠纷属于人民调解的范围</source>
        <translation>The host confirms the dispute is within the scope of people’s mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="262"/>
        <source>写明为何不属于人民调解范围</source>
        <translation>State why it is outside the scope of people’s mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="264"/>
        <source>写明依据的法律、法规或政策</source>
        <translation>Cite the laws, regulations or policies relied on</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="266"/>
        <source>确认处理意见不损害当事人合法权益、第三人和公共利益</source>
        <translation>Confirm the outcome harms no party&apos;s lawful rights, no third party and not the public interest</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="268"/>
        <source>写明需要纠正的内容</source>
        <translation>State what must be corrected</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="274"/>
        <source>明白人评“{point}”</source>
        <translation>The elder judges “{point}”</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="276"/>
        <source>“{point}”不符合时写明理由</source>
        <translation>State why “{point}” is not met</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="281"/>
        <source>记录{party}开始时的情绪</source>
        <translation>Record {party}&apos;s state of mind at the start</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="283"/>
        <source>记录{party}结束时的情绪</source>
        <translation>Record {party}&apos;s state of mind at the end</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="289"/>
        <source>记录见证人当场作出的承诺或答复</source>
        <translation>Record the witness&apos;s commitment or answer given on the spot</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="292"/>
        <source>承诺{n}：写明是哪位见证人作出的</source>
        <translation>Commitment {n}: state which witness gave it</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="308"/>
        <source>选择处理结果</source>
        <translation>Choose the outcome</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="311"/>
        <source>“{outcome}”需要先完成开场、说理、以法为准和以理为基</source>
        <translation>“{outcome}” needs the opening, statements, law check and elder’s judgement done first</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="313"/>
        <source>有当事人不愿调解，只能终止调解</source>
        <translation>A party declines mediation: it can only be terminated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="315"/>
        <source>写明协议或化解意见的内容</source>
        <translation>Write the content of the agreement or resolution opinion</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="318"/>
        <source>写明终止调解的原因</source>
        <translation>State why mediation is terminated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="320"/>
        <source>告知当事人可以选择的途径（诉讼、仲裁、行政）</source>
        <translation>Tell the parties the routes open to them (court, arbitration, administrative)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="322"/>
        <source>先完成“以情为引”</source>
        <translation>Complete “feeling” first</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="324"/>
        <source>先记录见证人的承诺或答复</source>
        <translation>Record the witness&apos;s commitment or answer first</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="326"/>
        <source>写明激化风险的情况</source>
        <translation>Describe the risk of escalation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="328"/>
        <source>可能激化为治安或刑事案件：须报告公安机关（人民调解法第二十五条）</source>
        <translation>May escalate into a public-order or criminal case: the police must be told (People’s Mediation Law Art. 25)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="343"/>
        <source>写明再次调解的安排</source>
        <translation>State the arrangement for the next sitting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="63"/>
        <source>本案状态为“{status}”，不能再开始调解</source>
        <translation>The case is “{status}”: no further sitting can start</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="65"/>
        <source>上一次调解还没有结束</source>
        <translation>The previous sitting has not ended yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="67"/>
        <source>人选还没有齐：请先在“选择明白人”中完成</source>
        <translation>The people are not all chosen yet: finish “Choose the elder” first</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="147"/>
        <source>这次调解已经结束，记录不能再修改</source>
        <translation>This sitting has ended; its record can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="162"/>
        <source>这次调解已经结束</source>
        <translation>This sitting has ended</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/session.py" line="167"/>
        <source>还有{n}项没有完成，不能结束</source>
        <translation>{n} items are still missing; the sitting cannot end yet</translation>
    </message>
</context>
<context>
    <name>SessionTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/step_page.py" line="116"/>
        <source>这一步还需要：</source>
        <translation>Still needed for this step:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/step_page.py" line="119"/>
        <source>这一步已完成。</source>
        <translation>This step is complete.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="141"/>
        <source>调解次数：</source>
        <translation>Sitting:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="142"/>
        <source>上一步</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="143"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="144"/>
        <source>生成调解记录（PDF）</source>
        <translation>Mediation record (PDF)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="145"/>
        <source>结束本次调解…</source>
        <translation>End this sitting…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="51"/>
        <source>主持人宣布“调解程序现在开始”。核对到场人员，询问是否公开调解，宣读当事人权利义务告知，请每位当事人确认听清，并再次询问是否自愿调解——有一方明确不愿调解的，不能继续（人民调解法第十七条）。</source>
        <translation>The host announces &quot;The mediation now begins&quot;. Check who is present, ask whether the sitting is to be public, read out the notice of rights and duties, have each party confirm they have understood it, and ask again whether they agree to mediation. If any party clearly refuses, mediation cannot go on (People&apos;s Mediation Law, Art. 17).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="45"/>
        <source>请各方当事人依次陈述事实和请求，不打断、不评判。记下提交的证据，并注明是否已核对。</source>
        <translation>Each party in turn states the facts and what they ask for, without interruption or judgement. Record the evidence submitted and note whether it has been checked.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="37"/>
        <source>以法为准：主持人（联村干警）确认纠纷属于人民调解范围，说明依据的法律和政策，并确认拟定的处理意见不损害任何一方的合法权益、第三人利益和公共利益；有不妥的，当场纠正。</source>
        <translation>Law: the host (village-link police officer) confirms that the dispute is within the scope of people&apos;s mediation, explains the laws and policies relied on, and confirms that the proposed outcome harms no party&apos;s lawful rights, no third party and not the public interest. Anything improper is corrected on the spot.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/reason.py" line="30"/>
        <source>以理为基：请明白人结合村风民俗和生产生活惯例评理，逐项说明处理意见是否公平公正、合乎常理、符合道德准则、生产惯例和生活习俗。</source>
        <translation>Reason: the trusted elder weighs the dispute against village ways and customs and everyday farming and household practice, and says point by point whether the proposed outcome is fair and just, makes common sense, and fits moral standards, farming practice and local customs.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/feeling.py" line="45"/>
        <source>以情为引：记下每位当事人开始和结束时的情绪，以及明白人如何疏导心结。</source>
        <translation>Feeling: record each party&apos;s state of mind at the start and at the end, and how the trusted elder eased their grievances.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/witness.py" line="27"/>
        <source>见证人（相关职能部门）对属于本部门的事项当场作出承诺或答复，记下内容和作出人。</source>
        <translation>Witnesses (relevant government departments) give commitments or answers on the spot on matters within their department. Record what was said and who said it.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="55"/>
        <source>处理：达成书面协议的，到“调解协议”中制作协议书；达成口头协议或形成化解意见的，写明内容；调解不成的，终止调解并告知当事人可以通过诉讼、仲裁或行政途径解决。纠纷可能激化的，要采取预防措施，可能引发治安或刑事案件的，须报告公安机关。</source>
        <translation>Outcome: for a written agreement, draw up the agreement under &quot;Mediation agreement&quot;; for an oral agreement or a resolution opinion, write down its content; if mediation fails, terminate it and tell the parties they can turn to litigation, arbitration or administrative routes. If the dispute may escalate, take preventive measures; if it may lead to a public-order or criminal case, report it to the police.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="53"/>
        <source>调解日期 *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="53"/>
        <source>调解地点 *</source>
        <translation>Place *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="54"/>
        <source>是否公开 *</source>
        <translation>Public? *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="54"/>
        <source>不公开的原因</source>
        <translation>Why not public</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="55"/>
        <source>调解员等</source>
        <translation>Mediators etc.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="55"/>
        <source>参加人、旁听人</source>
        <translation>Participants, observers</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="57"/>
        <source>如 2026-11-20</source>
        <translation>e.g. 2026-11-20</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="58"/>
        <source>受邀参加的亲属、邻里等（见证人已列入）</source>
        <translation>Invited relatives, neighbours… (witnesses are already listed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="59"/>
        <source>未询问</source>
        <translation>Not asked yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="59"/>
        <source>公开调解</source>
        <translation>Public sitting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="59"/>
        <source>不公开调解</source>
        <translation>Not public</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="60"/>
        <source>查看并宣读权利义务告知…</source>
        <translation>Show and read the notice of rights and duties…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="61"/>
        <source>已向当事人宣读</source>
        <translation>Read to the parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="62"/>
        <source>当事人到场与确认</source>
        <translation>Parties present and confirmations</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="46"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="47"/>
        <source>添加证据</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="39"/>
        <source>属于调解范围 *</source>
        <translation>Within scope *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="39"/>
        <source>常用依据</source>
        <translation>Common legal bases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="40"/>
        <source>法律政策依据 *</source>
        <translation>Legal and policy basis *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="40"/>
        <source>不损害合法权益 *</source>
        <translation>Harms no lawful rights *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="41"/>
        <source>纠正的内容</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="43"/>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="44"/>
        <source>未确认</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="43"/>
        <source>属于人民调解范围</source>
        <translation>Within the scope of people&apos;s mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="43"/>
        <source>不属于</source>
        <translation>Outside the scope</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="44"/>
        <source>不损害当事人、第三人和公共利益</source>
        <translation>Harms no party, no third party, not the public interest</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="44"/>
        <source>有损害，需要纠正</source>
        <translation>Harmful: needs correcting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/reason.py" line="36"/>
        <source>未评</source>
        <translation>Not judged</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/reason.py" line="41"/>
        <source>说明（不符合时必填）</source>
        <translation>Note (required when not met)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/witness.py" line="28"/>
        <source>本案这次调解不需要见证人答复</source>
        <translation>No answer from a witness is needed in this sitting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="56"/>
        <source>处理结果 *</source>
        <translation>Outcome *</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="60"/>
        <source>协议、意见或再调安排</source>
        <translation>Agreement, opinion or next arrangement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="60"/>
        <source>终止原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="61"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="61"/>
        <source>风险情况</source>
        <translation>Risk details</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="62"/>
        <source>报告公安</source>
        <translation>Police told</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="64"/>
        <source>告知的途径</source>
        <translation>Routes explained</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="67"/>
        <source>纠纷可能激化（防止民转刑）</source>
        <translation>The dispute may escalate (keep it from turning criminal)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/outcome.py" line="68"/>
        <source>已报告公安机关（人民调解法第二十五条）</source>
        <translation>The police have been told (People&apos;s Mediation Law, Art. 25)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="218"/>
        <source>没有打开的案件。请在“案件台账”中双击一个案件。</source>
        <translation>No case is open. Double-click a case in the &quot;Case ledger&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="219"/>
        <source>开始调解</source>
        <translation>Start mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="224"/>
        <source>{number}&#x3000;{title}&#x3000;状态：{status}</source>
        <translation>{number}   {title}   Status: {status}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="227"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="229"/>
        <source>第{n}次 {day} {state}</source>
        <translation>Sitting {n} {day} {state}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="231"/>
        <source>开始第{n}次调解</source>
        <translation>Start sitting {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="241"/>
        <source>人选已齐。点“开始第{n}次调解”，按左边的步骤逐项进行；填写的内容会自动保存。</source>
        <translation>Everyone is in place. Click &quot;Start sitting {n}&quot; and work through the steps on the left one by one; what you enter is saved automatically.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="244"/>
        <source>这次调解已经结束（{outcome}），记录只能查看和打印。</source>
        <translation>This sitting has ended ({outcome}); its record can only be viewed and printed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="258"/>
        <source>第{n}次调解已开始。</source>
        <translation>Sitting {n} has started.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="102"/>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="103"/>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="105"/>
        <source>（未定）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="104"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="106"/>
        <source>主持人：{hosts}；明白人：{elders}；见证人：{witnesses}；记录人：{recorder}</source>
        <translation>Hosts: {hosts}; elders: {elders}; witnesses: {witnesses}; recorder: {recorder}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="114"/>
        <source>已听清权利义务</source>
        <translation>Understood rights and duties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="115"/>
        <source>是否到场？</source>
        <translation>Present?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="115"/>
        <source>到场</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="115"/>
        <source>未到场</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="116"/>
        <source>是否自愿调解？</source>
        <translation>Agrees to mediation?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="116"/>
        <source>愿意调解</source>
        <translation>Agrees to mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="117"/>
        <source>不愿调解</source>
        <translation>Declines mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="71"/>
        <source>{party}的陈述</source>
        <translation>{party}&apos;s statement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="74"/>
        <source>事实经过和理由（按当事人原意记录）</source>
        <translation>What happened and why (in the party&apos;s own terms)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="75"/>
        <source>请求事项</source>
        <translation>What the party asks for</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="79"/>
        <source>陈述</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="80"/>
        <source>请求</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="94"/>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="95"/>
        <source>证据名称，如 宅基地使用证</source>
        <translation>Evidence, e.g. homestead use certificate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="96"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="97"/>
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="102"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="123"/>
        <source>删除证据</source>
        <translation>Delete evidence</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/statements.py" line="124"/>
        <source>从本次调解记录中删除证据“{what}”？</source>
        <translation>Delete the evidence “{what}” from this sitting’s record?</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/feeling.py" line="56"/>
        <source>如：明白人以同村几十年的情分劝导，讲清远亲不如近邻</source>
        <translation>e.g. The elder appealed to decades as fellow villagers: a close neighbour is worth more than distant kin</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/feeling.py" line="61"/>
        <source>开始时</source>
        <translation>At the start</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/feeling.py" line="62"/>
        <source>结束时</source>
        <translation>At the end</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/feeling.py" line="63"/>
        <source>疏导心结</source>
        <translation>Easing the grievance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/witness.py" line="34"/>
        <source>本案没有邀请见证人。需要时请在“选择明白人 → 本案人选”中添加。</source>
        <translation>No witness was invited for this case. If one is needed, add them under &quot;Choose the elder → People for this case&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/witness.py" line="41"/>
        <source>当场作出的承诺或答复，如：国土所下周一到现场重新测量界址</source>
        <translation>Commitment or answer given on the spot, e.g. the land office will re-survey the boundary on site next Monday</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/law.py" line="65"/>
        <source>选择后插入到下面…</source>
        <translation>Choose one to insert it below…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="320"/>
        <source>这次调解的记录已在别处修改。请重新打开本案；你刚才输入的内容没有保存。</source>
        <translation>This sitting&apos;s record was changed elsewhere. Open the case again; what you just typed was not saved.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="344"/>
        <source>（本案不需要）</source>
        <translation> (not needed here)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="348"/>
        <source>… {step}（差{n}项）</source>
        <translation>… {step} ({n} missing)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="362"/>
        <source>可以结束本次调解。</source>
        <translation>This sitting can now be ended.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="364"/>
        <source>结束前还差{n}项，见左边各步骤。</source>
        <translation>{n} items still missing before the sitting can end; see the steps on the left.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="390"/>
        <source>结束本次调解</source>
        <translation>End this sitting</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="391"/>
        <source>以“{outcome}”结束第{n}次调解？结束后记录不能再修改。</source>
        <translation>End sitting {n} with &quot;{outcome}&quot;? Its record cannot be changed afterwards.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="399"/>
        <source>这次调解的记录已在别处修改，请重新打开本案。</source>
        <translation>This sitting&apos;s record was changed elsewhere; open the case again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="405"/>
        <source>请到“调解协议”中制作人民调解协议书。</source>
        <translation> Draw up the people&apos;s mediation agreement under &quot;Mediation agreement&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="406"/>
        <source>请到“调解协议”中把化解意见制作成协议书。</source>
        <translation> Turn the resolution opinion into an agreement under &quot;Mediation agreement&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="407"/>
        <source>需要再调时，点“开始第{n}次调解”。</source>
        <translation> To mediate again, click &quot;Start sitting {n}&quot;.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="409"/>
        <source>第{n}次调解已结束：{outcome}。</source>
        <translation>Sitting {n} has ended: {outcome}.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="426"/>
        <source>防止纠纷激化：还有{n}处需要更正，没有保存。</source>
        <translation>Escalation prevented: {n} items need correcting; not saved.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="432"/>
        <source>已保存：{text}</source>
        <translation>Saved: {text}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="438"/>
        <source>{label}1件{n}人</source>
        <translation>{label}: 1 case, {n} people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="441"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="441"/>
        <source>本案不计入防止激化</source>
        <translation>This case is not counted as an escalation prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="450"/>
        <source>防止纠纷激化</source>
        <translation>Escalation prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="451"/>
        <source>这次调解记录了激化风险：“{risk}”，经调解已经化解。
是否计入本案的“{what}”？
（以后可以在“处理”一步下方的“防止纠纷激化”中修改。）</source>
        <translation>This sitting recorded a risk of escalation: &quot;{risk}&quot;, and mediation defused it.
Count &quot;{what}&quot; for this case?
(It can be changed later under &quot;Escalation prevented&quot; at the bottom of the Outcome step.)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="466"/>
        <source>正在生成调解记录…</source>
        <translation>Making the mediation record…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="488"/>
        <source>调解记录无法写入：{error}</source>
        <translation>The mediation record could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="479"/>
        <source>调解记录已生成：{path}</source>
        <translation>Mediation record made: {path}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_tab.py" line="483"/>
        <source>人民调解记录</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/session_steps/opening.py" line="132"/>
        <source>人民调解当事人权利义务告知</source>
        <translation>Notice of the parties&apos; rights and duties in people&apos;s mediation</translation>
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
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="34"/>
        <source>人民调解委员会名称</source>
        <translation>Committee name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="35"/>
        <source>案号前缀</source>
        <translation>Case number prefix</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="37"/>
        <source>当前操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="38"/>
        <source>协议生效后回访（天）</source>
        <translation>First return visit after the agreement takes effect (days)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="41"/>
        <source>{name}（归入{category}）</source>
        <translation>{name} (under {category})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="42"/>
        <source>没有（司法所的回执包可以下发）</source>
        <translation>None (the justice office&apos;s return packages can send them)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="44"/>
        <source>由司法所的回执包下发，这里不能修改；受理登记时列在所归类别的下面。</source>
        <translation>Sent by the justice office&apos;s return packages; not editable here. Intake lists them under their category.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="45"/>
        <source>纠纷类型细目</source>
        <translation>Local dispute types</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/settings_dialog.py" line="60"/>
        <source>案号示例：{example}</source>
        <translation>Example case number: {example}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="45"/>
        <source>第一次使用 — 三理室调解台</source>
        <translation>First start — Sanlishi Mediation Desk</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="57"/>
        <source>设置管理员账号</source>
        <translation>Set up the administrator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="58"/>
        <source>为管理员设置密码</source>
        <translation>Set the administrator&apos;s password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="61"/>
        <source>这是这个数据文件夹第一次使用。请先为调委会设置管理员账号：一般是调委会主任，或调委会指定的人。管理员可以添加其他人的账号、修改设置、恢复备份。以后每次打开都要用账号登录。</source>
        <translation>This data folder is used for the first time. First set up the committee&apos;s administrator: usually the committee chair, or the person the committee names. The administrator adds the others&apos; accounts, changes settings and restores backups. From now on every start asks for a login.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="65"/>
        <source>这个数据文件夹来自没有账号的旧版本。原来的操作人“{name}”已经成为管理员账号（用户名 {username}），请为它设置密码。以后每次打开都要用账号登录。</source>
        <translation>This data folder comes from an older version without accounts. Its operator “{name}” is now the administrator account (user name {username}); please set its password. From now on every start asks for a login.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="82"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="83"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="83"/>
        <source>真实姓名，会签在记录和文书上，如 王保国</source>
        <translation>Real name, signed on records and documents, e.g. 王保国</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="85"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="86"/>
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="87"/>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="128"/>
        <source>创建管理员账号</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="88"/>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="129"/>
        <source>设置密码</source>
        <translation>Password set</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="90"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="123"/>
        <source>正在创建…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="137"/>
        <source>管理员：{name}（用户名 {username}）</source>
        <translation>Administrator: {name} (user name {username})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="145"/>
        <source>恢复密钥（只显示这一次）</source>
        <translation>Recovery key (shown only this once)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="147"/>
        <source>所有管理员都忘记密码时，只有用这把恢复密钥才能重新设置密码、打开加密保存的身份证号和电话。软件里不保存它，这一页关掉以后就再也看不到了。</source>
        <translation>If every administrator forgets their password, only this recovery key can set a new password and open the encrypted ID numbers and phones. The app does not keep it: once this page is closed it cannot be seen again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="161"/>
        <source>请现在打印，交司法所密封保管（也可以工整地抄写在纸上）。不要拍照，不要存在这台电脑、手机或网盘里。</source>
        <translation>Print it now and give it to the justice office to keep sealed (or copy it neatly onto paper). Do not photograph it or keep it on this PC, a phone or a cloud drive.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="164"/>
        <source>打印恢复密钥…</source>
        <translation>Print the recovery key…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="165"/>
        <source>另存为PDF（如存到U盘）…</source>
        <translation>Save as PDF (e.g. to a USB drive)…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="169"/>
        <source>我已经打印（或抄写）了恢复密钥，会交司法所保管</source>
        <translation>I have printed (or copied) the recovery key and will give it to the justice office</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="170"/>
        <source>完成，开始使用</source>
        <translation>Done, start</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="222"/>
        <source>恢复密钥没有写成：{error}</source>
        <translation>The recovery key was not written: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="240"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="241"/>
        <source>打印好以后，请在下面打勾确认。</source>
        <translation>Once it is printed, tick the box below.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="244"/>
        <source>另存恢复密钥</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="247"/>
        <source>已保存到 {path}。请打印后把这个文件删掉，或把U盘交司法所保管。</source>
        <translation>Saved to {path}. Print it and then delete the file, or give the USB drive to the justice office.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="257"/>
        <source>还没有确认保管恢复密钥</source>
        <translation>Keeping the recovery key is not confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/setup_dialog.py" line="257"/>
        <source>这一页关掉以后，恢复密钥就再也看不到了。确定不打印、不抄写就继续吗？</source>
        <translation>Once this page is closed the recovery key cannot be seen again. Go on without printing or copying it?</translation>
    </message>
</context>
<context>
    <name>SignedInWindow</name>
    <message>
        <location filename="../../xinye_desktop/ui/signed_in_window.py" line="54"/>
        <source>登录：{name}（{role}）</source>
        <translation>Logged in: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/signed_in_window.py" line="63"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../xinye_desktop/ui/single_instance.py" line="108"/>
        <source>数据文件夹正被使用</source>
        <translation>Data folder in use</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/single_instance.py" line="108"/>
        <source>这个数据文件夹正被另一个三理室调解台使用（电脑：{host}，进程号：{pid}），但它没有响应。</source>
        <translation>This data folder is in use by another copy of 三理室调解台 (computer: {host}, process ID: {pid}), but it does not respond.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/single_instance.py" line="111"/>
        <source>如果那个程序已经关掉或卡住了，可以解除锁定后打开。如果它正在另一台电脑上使用这个文件夹，请先在那台电脑上关闭它，再点“退出”后重新打开。</source>
        <translation>If that program has been closed or is stuck, you can unlock the folder and open it. If it is using this folder on another computer, close it there first, then click “Quit” and open the program again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/single_instance.py" line="114"/>
        <source>解除锁定并打开</source>
        <translation>Unlock and open</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/single_instance.py" line="115"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>StatisticsTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="216"/>
        <source>月报</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="216"/>
        <source>季报</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="217"/>
        <source>年报</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="220"/>
        <source>统计期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="221"/>
        <source>范围：</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="222"/>
        <source>导出Excel报表…</source>
        <translation>Export Excel report…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="223"/>
        <source>排查记录…</source>
        <translation>Dispute canvasses…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="224"/>
        <source>按纠纷类型（受理数）</source>
        <translation>By dispute type (cases accepted)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="225"/>
        <source>按案件来源（受理数）</source>
        <translation>By source (cases accepted)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="226"/>
        <source>按村（社区）</source>
        <translation>By village (community)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="228"/>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="228"/>
        <source>受理数</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="229"/>
        <source>调解成功数</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="229"/>
        <source>成功率</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="230"/>
        <source>防止民转刑（件/人）</source>
        <translation>Criminal cases prevented (cases/people)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="230"/>
        <source>防止群体性上访（件/人）</source>
        <translation>Mass petitions prevented (cases/people)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="231"/>
        <source>排查次数</source>
        <translation>Canvasses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="231"/>
        <source>排查发现纠纷数</source>
        <translation>Disputes found</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="232"/>
        <source>预防纠纷数</source>
        <translation>Disputes prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="233"/>
        <source>防止民间纠纷转化为刑事案件：件数/涉及人数</source>
        <translation>Disputes kept from becoming criminal cases: cases/people involved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="234"/>
        <source>防止群体性上访：件数/涉及人数</source>
        <translation>Mass petitions prevented: cases/people involved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="235"/>
        <source>受理纠纷（件）</source>
        <translation>Disputes accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="236"/>
        <source>调解成功（件）</source>
        <translation>Settled by mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="237"/>
        <source>调解成功率</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="238"/>
        <source>协议涉及金额（万元）</source>
        <translation>Amount in agreements (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="239"/>
        <source>涉及当事人（人次）</source>
        <translation>Parties involved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="240"/>
        <source>协议已履行（件）</source>
        <translation>Agreements performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="241"/>
        <source>防止民间纠纷转化为刑事案件</source>
        <translation>Disputes kept from becoming criminal cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="242"/>
        <source>防止群体性上访</source>
        <translation>Mass petition prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="243"/>
        <source>排查次数（次）</source>
        <translation>Dispute canvasses</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="246"/>
        <source>口径：受理数不含不予受理；调解成功数为达成书面或口头协议的件数；成功率＝调解成功数÷受理数；协议涉及金额取各案现行协议书（已签署的最新版本，未签署的取最新打印版本）各条款金额之和。按受理日期统计，与“案件台账”按同一条件筛选的件数一致。防止民转刑、防止群体性上访为受理案件中经调解防止的件数和涉及人数（在“法理情调解”的“处理”一步登记）；排查次数、发现纠纷和预防纠纷按排查日期统计“排查记录”。</source>
        <translation>Definitions: disputes accepted exclude those not accepted; successful mediations are those that reached a written or oral agreement; success rate = successful ÷ accepted; the agreement amount is the sum of the clause amounts of each case&apos;s agreement in force (the latest signed version, else the latest printed one). Counted by date received, matching the case ledger filtered the same way. Criminal cases and mass petitions prevented are the accepted cases in which mediation prevented them, with the people involved (recorded at the Outcome step of the mediation tab); canvasses, disputes found and disputes prevented count the dispute canvass records by the date of the canvass.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="32"/>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="260"/>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="301"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="274"/>
        <source>{n}月</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="277"/>
        <source>第{n}季度</source>
        <translation>Q{n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="287"/>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="356"/>
        <source>全部村（社区）</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="357"/>
        <source>{period}&#x3000;{scope}&#x3000;{start}至{end}</source>
        <translation>{period}&#x3000;{scope}&#x3000;{start} to {end}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="360"/>
        <source>另不予受理{n}件</source>
        <translation>plus {n} not accepted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="361"/>
        <source>书面{w}件，口头{o}件</source>
        <translation>{w} written, {o} oral</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="362"/>
        <source>调解终止{t}件，尚在调解{n}件</source>
        <translation>{t} ended without agreement, {n} still open</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="364"/>
        <source>{n}份协议载有金额</source>
        <translation>{n} agreements with amounts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="366"/>
        <source>部分履行{q}件，未履行{n}件，履行中{m}件</source>
        <translation>{q} partly, {n} not performed, {m} under way</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="368"/>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="369"/>
        <source>{n}件{p}人</source>
        <translation>{n} cases, {p} people</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="370"/>
        <source>发现纠纷{f}件，预防纠纷{p}件</source>
        <translation>{f} disputes found, {p} prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="378"/>
        <source>{n}/{p}</source>
        <translation>{n}/{p}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="29"/>
        <source>{year}年{n}月</source>
        <translation>{year}-{n:02d}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="31"/>
        <source>{year}年第{n}季度</source>
        <translation>{year} Q{n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="420"/>
        <source>导出Excel报表</source>
        <translation>Export Excel report</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="421"/>
        <source>Excel工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="426"/>
        <source>正在导出统计报表，请稍候…</source>
        <translation>Exporting the statistics report, please wait…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="441"/>
        <source>无法保存到 {path}：{error}</source>
        <translation>Cannot save to {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/statistics_tab.py" line="435"/>
        <source>报表已导出：{path}</source>
        <translation>Report exported: {path}</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="66"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="67"/>
        <source>应回访日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="67"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="68"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="71"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="74"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="77"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="68"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="71"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="78"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="69"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="72"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="70"/>
        <source>回访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="70"/>
        <source>还有</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="73"/>
        <source>履行期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="73"/>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="77"/>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="74"/>
        <source>履行人</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="75"/>
        <source>条款</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="77"/>
        <source>申请截止</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="78"/>
        <source>协议生效</source>
        <translation>Agreement in effect</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="92"/>
        <source>今日工作&#x3000;{day}&#x3000;共{n}项</source>
        <translation>Today&apos;s work  {day}  {n} items</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="95"/>
        <source>逾期未回访（{n}）</source>
        <translation>Overdue visits ({n})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="96"/>
        <source>{days}天内应回访（{n}）</source>
        <translation>Visits due within {days} days ({n})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="97"/>
        <source>履行期限将到或已过未履行（{n}）</source>
        <translation>Term deadlines near or passed unperformed ({n})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="98"/>
        <source>司法确认申请期限将满（{n}）</source>
        <translation>Judicial confirmation windows closing ({n})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="104"/>
        <source>，显示最早的{m}项</source>
        <translation>, showing the first {m}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="116"/>
        <source>已过{n}天</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="118"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/today_tab.py" line="120"/>
        <source>{n}天</source>
        <translation>{n} days</translation>
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
        <location filename="../../xinye_desktop/domain/case_number.py" line="36"/>
        <source>案号前缀应为1至8个汉字，如“新王”</source>
        <translation>The prefix must be 1 to 8 Chinese characters, e.g. 新王</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/case_number.py" line="38"/>
        <source>前缀里不用写“调字”，案号会自动加上</source>
        <translation>Leave &quot;调字&quot; out of the prefix; it is added automatically</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="58"/>
        <source>这是旧的15位身份证号，请填写18位身份证号</source>
        <translation>This is an old 15-digit ID number; enter the 18-character one</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="60"/>
        <source>身份证号应为18位</source>
        <translation>An ID number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="62"/>
        <source>身份证号只能由数字和末位的X组成</source>
        <translation>An ID number has digits only, and maybe an X at the end</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="64"/>
        <source>身份证号校验位不对，请核对是否有数字填错</source>
        <translation>The ID number&apos;s check character does not match; check for a mistyped digit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="68"/>
        <source>身份证号中的出生日期不存在</source>
        <translation>The date of birth in the ID number does not exist</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="71"/>
        <source>身份证号中的出生日期晚于今天</source>
        <translation>The date of birth in the ID number is after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="73"/>
        <source>身份证号中的出生日期不合理：按此推算年龄超过120岁，请核对</source>
        <translation>The birth date in the ID number is not plausible: it gives an age over 120; please check</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="77"/>
        <source>身份证号前6位不是有效的行政区划代码</source>
        <translation>The first 6 digits are not a valid region code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="111"/>
        <source>电话号码格式不对：手机号为1开头的11位数字，座机请带区号，如0377-66212345</source>
        <translation>Not a phone number: mobiles have 11 digits starting with 1; landlines need the area code, e.g. 0377-66212345</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/identity.py" line="144"/>
        <source>统一社会信用代码不正确，应为18位且校验位正确</source>
        <translation>Not a valid unified social credit code (18 characters with a check character)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="201"/>
        <source>性别与身份证号不符</source>
        <translation>Sex does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="212"/>
        <source>出生日期不能晚于今天</source>
        <translation>The date of birth cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="214"/>
        <source>出生日期与身份证号不符</source>
        <translation>Date of birth does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="216"/>
        <source>出生日期不合理：按此推算年龄超过120岁，请核对</source>
        <translation>The birth date is not plausible: it gives an age over 120; please check</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="221"/>
        <location filename="../../xinye_desktop/domain/elders.py" line="146"/>
        <source>请选择性别</source>
        <translation>Choose the sex</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="231"/>
        <source>年龄应为0到120之间的整数</source>
        <translation>Age must be a whole number from 0 to 120</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="239"/>
        <source>请从列表中选择民族</source>
        <translation>Choose an ethnicity from the list</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="241"/>
        <source>请选择民族</source>
        <translation>Choose the ethnicity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="282"/>
        <source>请填写受理日期</source>
        <translation>Enter the date received</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="284"/>
        <source>受理日期不能晚于今天</source>
        <translation>The date received cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="286"/>
        <source>受理日期不合理</source>
        <translation>The date received is not plausible</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="289"/>
        <source>请选择案件来源</source>
        <translation>Choose the source</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="293"/>
        <source>请选择纠纷类型</source>
        <translation>Choose the dispute type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="300"/>
        <source>纠纷简要情况太简单，请写清楚起因、经过和争议焦点（至少10个字）</source>
        <translation>Too brief: say how it started, what happened and what is disputed (at least 10 characters)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="304"/>
        <source>至少需要两方当事人</source>
        <translation>At least two parties are needed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="306"/>
        <source>当事人最多{max}个</source>
        <translation>At most {max} parties</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/cases.py" line="319"/>
        <source>与第{n}位当事人的身份证号相同</source>
        <translation>Same ID number as party {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="152"/>
        <source>出生年份请填四位数字，如1956</source>
        <translation>Write the year of birth as four digits, e.g. 1956</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="156"/>
        <source>明白人须是成年人（{min}岁以上）</source>
        <translation>An elder must be an adult ({min} or older)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="159"/>
        <source>出生年份不合理</source>
        <translation>The year of birth is not plausible</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="172"/>
        <source>请选择身份</source>
        <translation>Choose the identity</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="175"/>
        <source>身份为“其他”时请注明，如村医、致富带头人</source>
        <translation>When the identity is &quot;Other&quot;, say what it is, e.g. village doctor, local business leader</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="180"/>
        <source>请选择产生方式</source>
        <translation>Choose how the elder was chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="184"/>
        <source>推选（聘任）日期不能晚于今天</source>
        <translation>The date elected (appointed) cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/elders.py" line="186"/>
        <source>任期截止日期应晚于推选（聘任）日期</source>
        <translation>The term must end after the date elected (appointed)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="102"/>
        <location filename="../../xinye_desktop/services/accounts.py" line="414"/>
        <source>请选择角色</source>
        <translation>Choose the role</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="114"/>
        <source>请填写见证人所在的职能部门</source>
        <translation>Enter the witness&apos;s department</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="125"/>
        <source>请选择主持人类别</source>
        <translation>Choose the host type</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/elders.py" line="142"/>
        <location filename="../../xinye_desktop/services/roster.py" line="187"/>
        <source>明白人库中已有同名、同村、同电话的{name}（已退出）</source>
        <translation>The elder pool already has {name} with the same name, village and phone (left the pool)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/elders.py" line="143"/>
        <location filename="../../xinye_desktop/services/roster.py" line="188"/>
        <source>明白人库中已有同名、同村、同电话的{name}</source>
        <translation>The elder pool already has {name} with the same name, village and phone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/elders.py" line="169"/>
        <location filename="../../xinye_desktop/services/elders.py" line="180"/>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="50"/>
        <source>名单中已有同一单位的{name}</source>
        <translation>The list already has {name} from the same organisation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="146"/>
        <source>至少写一条协议内容</source>
        <translation>Write at least one term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="153"/>
        <source>不是本案的当事人</source>
        <translation>Not a party of this case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="155"/>
        <source>履行人和接受人不能是同一人</source>
        <translation>The one who performs and the one who receives cannot be the same</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="159"/>
        <source>金额不对：请写数字，如 12000 或 12000.50（元），不超过两位小数</source>
        <translation>Not an amount: write a number such as 12000 or 12000.50 (yuan), at most two decimals</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="163"/>
        <source>有金额的条款要写明谁付给谁</source>
        <translation>A term with an amount must say who pays whom</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="171"/>
        <source>请写明履行期限</source>
        <translation>Give the deadline</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="173"/>
        <source>请选择一次性还是分期</source>
        <translation>Choose lump sum or instalments</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="175"/>
        <source>请选择履行方式</source>
        <translation>Choose how it is performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="182"/>
        <source>份数至少为当事人数加一（{n}份）：当事人各持一份，调委会留存一份</source>
        <translation>At least parties + 1 copies ({n}): one for each party and one for the committee</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="394"/>
        <source>签署日期不能晚于今天</source>
        <translation>The signing date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="403"/>
        <source>签署日期不能早于打印日期</source>
        <translation>The signing date cannot be before the printing date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="535"/>
        <source>本案还没有选定的明白人</source>
        <translation>No trusted elder has been chosen for this case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="537"/>
        <source>本案还没有主持人（人民调解员）</source>
        <translation>This case has no host (people&apos;s mediator) yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="147"/>
        <source>申请日期不能早于协议生效日期（{day}）</source>
        <translation>The application cannot be before the agreement took effect ({day})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="150"/>
        <source>已超过三十日申请期限（最后一天为{day}）：人民法院不予受理</source>
        <translation>Past the 30-day window (last day {day}): the court will not accept it</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="161"/>
        <source>请选择法院是否确认</source>
        <translation>Choose whether the court confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="164"/>
        <source>裁定日期不能早于申请日期（{day}）</source>
        <translation>The decision cannot be before the application ({day})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="195"/>
        <source>请选择能否申请司法确认</source>
        <translation>Choose whether the agreement may go to judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="246"/>
        <source>回访间隔请填1到{max}之间的天数</source>
        <translation>Enter a number of days from 1 to {max}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="309"/>
        <location filename="../../xinye_desktop/services/aftercare.py" line="245"/>
        <source>回访日期不能早于协议生效日期（{day}）</source>
        <translation>The visit cannot be before the agreement took effect ({day})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="318"/>
        <source>请选择回访方式</source>
        <translation>Choose how the visit was made</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="324"/>
        <source>请选择这一条的履行情况</source>
        <translation>Choose how far this term was performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="333"/>
        <source>请选择协议的履行情况</source>
        <translation>Choose how far the agreement was performed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="335"/>
        <source>请选择当事人的满意程度</source>
        <translation>Choose how satisfied the parties are</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="340"/>
        <source>发现了风险隐患，请写明采取的措施</source>
        <translation>Risks were found: state the measures taken</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="373"/>
        <location filename="../../xinye_desktop/domain/canvass.py" line="83"/>
        <location filename="../../xinye_desktop/services/aftercare.py" line="237"/>
        <source>请填写日期，如 2026-11-25</source>
        <translation>Enter a date, e.g. 2026-11-25</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="375"/>
        <location filename="../../xinye_desktop/domain/canvass.py" line="85"/>
        <source>日期不能晚于今天</source>
        <translation>The date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/canvass.py" line="62"/>
        <source>请填写件数，没有的填0</source>
        <translation>Enter the count (0 if none)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/canvass.py" line="65"/>
        <source>请填整数件数，如 2</source>
        <translation>Enter the count as a whole number, e.g. 2</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/canvass.py" line="69"/>
        <source>件数应在0到{max}之间</source>
        <translation>The count must be between 0 and {max}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/canvass.py" line="87"/>
        <source>日期不能早于{day}</source>
        <translation>The date cannot be before {day}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/canvass.py" line="97"/>
        <source>请选择或填写排查的村（社区）</source>
        <translation>Choose or type the village (community) canvassed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/canvass.py" line="105"/>
        <source>请填写排查人，如 调委会主任王保国、网格员李桂兰</source>
        <translation>Enter who canvassed, e.g. committee chair Wang Baoguo, grid worker Li Guilan</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/prevention.py" line="64"/>
        <source>请填写涉及的人数（至少1人）</source>
        <translation>Enter the number of people involved (at least 1)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/prevention.py" line="67"/>
        <source>人数请填整数，如 3</source>
        <translation>Enter the number of people as a whole number, e.g. 3</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/prevention.py" line="71"/>
        <source>人数应在1到{max}之间</source>
        <translation>The number of people must be between 1 and {max}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="92"/>
        <source>“{role}”账号不能{action}。请用有这个权限的账号登录，或请管理员调整角色。</source>
        <translation>A “{role}” account may not: {action}. Log in with an account that may, or ask the administrator to change the role.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="124"/>
        <source>请填写用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="126"/>
        <source>用户名太长：最多{max}个字，现在{n}个字</source>
        <translation>User name too long: at most {max} characters, now {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="129"/>
        <source>用户名只能由汉字、字母、数字和 _ . - · 组成，不能有空格、引号或其他符号</source>
        <translation>A user name may hold only Chinese characters, letters, digits and _ . - ·, no spaces, quotes or other marks</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="132"/>
        <source>用户名至少要{min}个字</source>
        <translation>A user name needs at least {min} characters</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="155"/>
        <source>请填写密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="157"/>
        <source>密码太长：最多{max}个字符，现在{n}个字符</source>
        <translation>Password too long: at most {max} characters, now {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="169"/>
        <source>密码里有无法输入的控制字符，请重新输入</source>
        <translation>The password holds control characters; type it again</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="171"/>
        <source>密码太短：至少要{min}个字符，现在{n}个字符</source>
        <translation>Password too short: at least {min} characters, now {n}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="174"/>
        <source>密码不能和用户名相同</source>
        <translation>The password may not be the user name</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="176"/>
        <source>密码不能是同一个字符重复</source>
        <translation>The password may not be one character repeated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="215"/>
        <source>密码连续输错{n}次，账号已锁定。请{minutes}分钟后再试，或请管理员重设密码。</source>
        <translation>{n} wrong passwords in a row: the account is locked. Try again in {minutes} minutes, or ask the administrator to reset the password.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="218"/>
        <source>密码已连续输错{n}次，请等{seconds}秒再试。</source>
        <translation>{n} wrong passwords in a row: wait {seconds} seconds before trying again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="234"/>
        <source>自动锁定时间请填{low}到{high}之间的分钟数</source>
        <translation>Enter an idle lock time of {low} to {high} minutes</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="152"/>
        <source>第{row}条审计记录是现存的第一条，但它前面原来还有记录：第1至{last}条被删除了</source>
        <translation>Audit row {row} is the first one left, but rows came before it: rows 1 to {last} were deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="157"/>
        <source>第{row}条审计记录之前缺少第{first}条：这条记录被删除了</source>
        <translation>Audit row {first} before row {row} is missing: it was deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="160"/>
        <source>第{row}条审计记录之前缺少第{first}至{last}条：这些记录被删除了</source>
        <translation>Audit rows {first} to {last} before row {row} are missing: they were deleted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="164"/>
        <source>第{row}条审计记录接不上前一条：它前面的记录被改动、删除、插入或调换过</source>
        <translation>Audit row {row} does not follow the row before it: rows before it were changed, deleted, inserted or swapped</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="170"/>
        <source>第{row}条审计记录的内容与它的哈希值不符：这条记录被改动过</source>
        <translation>Audit row {row} does not match its hash: the row was changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="175"/>
        <source>最后的审计记录被删除了：第{first}至{last}条已不在</source>
        <translation>The last audit rows were deleted: rows {first} to {last} are gone</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="107"/>
        <source>用户名或密码不对，请重新输入。</source>
        <translation>Wrong user name or password; try again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/access.py" line="17"/>
        <location filename="../../xinye_desktop/services/accounts.py" line="116"/>
        <location filename="../../xinye_desktop/services/accounts.py" line="120"/>
        <source>请先登录。</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/access.py" line="18"/>
        <location filename="../../xinye_desktop/services/accounts.py" line="122"/>
        <source>这个账号已停用。</source>
        <translation>This account is disabled.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="166"/>
        <location filename="../../xinye_desktop/services/accounts.py" line="173"/>
        <source>已经有账号了：请用已有的账号登录。</source>
        <translation>There are accounts already: log in with one of them.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="206"/>
        <source>这个账号不需要在这里设置密码：请直接登录。</source>
        <translation>This account needs no password set here: just log in.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="208"/>
        <source>请管理员为这个账号设置密码。</source>
        <translation>Ask the administrator to set a password for this account.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="219"/>
        <source>密码正确，但这个账号保存的数据密钥打不开（可能已损坏）。请管理员重设密码，或用恢复密钥恢复。</source>
        <translation>The password is right, but this account&apos;s data key cannot be opened (it may be damaged). Ask the administrator to reset the password, or recover with the recovery key.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="284"/>
        <source>这个账号已停用，请找管理员。</source>
        <translation>This account is disabled; ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="292"/>
        <source>这个账号还没有设置密码，请先设置密码。</source>
        <translation>This account has no password yet; set one first.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="332"/>
        <source>新密码不能和原密码相同</source>
        <translation>The new password may not be the old one</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="367"/>
        <source>恢复密钥的格式不对：是24个字母和数字，每4个一组，如 6DE4-7HPF-1EW6-…</source>
        <translation>That is not a recovery key: 24 letters and digits in groups of 4, e.g. 6DE4-7HPF-1EW6-…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="381"/>
        <source>恢复密钥只能为管理员账号设置新密码：请填写一个管理员的用户名。</source>
        <translation>The recovery key sets a new password only for an administrator: enter an administrator&apos;s user name.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="383"/>
        <source>这份数据还没有恢复密钥（还没有设置过密码）。</source>
        <translation>This data has no recovery key yet (no password was ever set).</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="390"/>
        <source>恢复密钥不对：请对照打印的恢复密钥重新输入。</source>
        <translation>Wrong recovery key: type it again from the printed copy.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="440"/>
        <source>不能停用自己正在使用的账号。</source>
        <translation>You cannot disable the account you are using.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="442"/>
        <source>这是最后一个管理员账号，不能停用。</source>
        <translation>This is the last administrator account; it cannot be disabled.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="460"/>
        <source>这是最后一个管理员账号，不能改成其他角色。</source>
        <translation>This is the last administrator account; its role cannot change.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="502"/>
        <source>这个用户名已经有人用了，请换一个</source>
        <translation>That user name is taken; choose another</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/accounts.py" line="506"/>
        <source>请重新登录后再试。</source>
        <translation>Log in again and retry.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/audit.py" line="127"/>
        <source>审计记录只能导出为 .csv 或 .xlsx 文件。</source>
        <translation>The audit trail exports only as a .csv or .xlsx file.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/intake.py" line="119"/>
        <source>本案没有这位当事人。</source>
        <translation>This case has no such party.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/storage/sealing.py" line="83"/>
        <source>需要登录后才能读取当事人的个人信息。</source>
        <translation>Log in to read the parties&apos; personal details.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/storage/sealing.py" line="90"/>
        <source>当事人的个人信息打不开：数据是用另一把密钥加密的，或者已被改动。请从备份恢复。</source>
        <translation>The parties&apos; personal details cannot be opened: they were encrypted with another key, or changed. Please restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/storage/sealing.py" line="99"/>
        <source>这份数据是用另一个调委会（另一把数据密钥）加密的，用这里的账号打不开。什么都没有改动。</source>
        <translation>This data was encrypted by another committee (another data key); the accounts here cannot open it. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/hub/roster.py" line="48"/>
        <source>人员名单只收主持人（如联村干警）和见证人：记录人由各村自己登记</source>
        <translation>The roster takes only hosts (such as village-link police officers) and witnesses: each village registers its own recorders</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="137"/>
        <source>{case_number} {title} {document}（{day}制作）</source>
        <translation>{case_number} {title} {document} (made {day})</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="140"/>
        <source>注意：本案的这份文书后来按更改后的内容重新制作过，这一份已被取代。</source>
        <translation>Note: this document of the case was later made again with changed content; this copy has been superseded.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="146"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 已签署生效；第{m}版已打印待签，各方签署后取代本版，在此之前本版仍然有效。</source>
        <translation>{case_number} {title}: mediation agreement version {n}, signed and in force; version {m} has been printed and awaits signatures, and replaces this version once every party signs it; until then this version remains in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="150"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 已签署生效，为现行有效的版本。</source>
        <translation>{case_number} {title}: mediation agreement version {n}, signed; this is the version in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="153"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 已打印待签，尚未生效；现行有效的是第{k}版（{day}签署）。</source>
        <translation>{case_number} {title}: mediation agreement version {n}, printed and awaiting signatures, not yet in force; version {k} (signed {day}) is in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="157"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 已打印待签，尚未登记签署生效。</source>
        <translation>{case_number} {title}: mediation agreement version {n}, printed and awaiting signatures; no signing has been recorded yet.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="160"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 已被取代，不再有效；现行有效的是第{k}版（{day}签署）。</source>
        <translation>{case_number} {title}: mediation agreement version {n} has been superseded and is no longer in force; version {k} (signed {day}) is in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="164"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 未经签署即被取代；现行有效的是第{k}版（{day}签署）。</source>
        <translation>{case_number} {title}: mediation agreement version {n} was superseded without being signed; version {k} (signed {day}) is in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="168"/>
        <source>{case_number} {title}：人民调解协议书第{n}版 已被取代，不再有效。</source>
        <translation>{case_number} {title}: mediation agreement version {n} has been superseded and is no longer in force.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="173"/>
        <source>第{m}版已打印待签。</source>
        <translation>Version {m} has been printed and awaits signatures.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="176"/>
        <source>签署生效日期：{day}</source>
        <translation>Signed and in force since: {day}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="179"/>
        <source>警告：存档内容与打印时的摘要不符，存档可能已被改动。</source>
        <translation>Warning: the archived content no longer matches the digest taken when it was printed; the archive may have been altered.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="181"/>
        <source>警告：存档的PDF文件与打印时记录的文件摘要不符，可能已被改动或损坏：{path}。请从备份中恢复该文件。</source>
        <translation>Warning: the archived PDF no longer matches the file digest recorded when it was printed; it may have been altered or damaged: {path}. Restore the file from a backup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="185"/>
        <source>警告：找不到存档的PDF文件：{path}。请从备份中恢复该文件。</source>
        <translation>Warning: the archived PDF cannot be found: {path}. Restore the file from a backup.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="188"/>
        <source>存档文件：{path}（请与纸质件逐字核对）</source>
        <translation>Archived file: {path} (compare it word for word with the paper copy)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="190"/>
        <source>这份文书制作时尚未记录PDF文件本身的摘要：只能核对存档内容，文件本身无法核对。</source>
        <translation>This document&apos;s PDF file was not fingerprinted when it was made: only the archived content can be checked, not the file itself.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="193"/>
        <source>这一版打印时尚未记录PDF文件本身的摘要，只能核对存档内容。</source>
        <translation>No digest of the PDF file itself was recorded when this version was printed: only the archived content can be checked.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="197"/>
        <source>警告：收有这份文书的调解卷宗与整理时记录的文件摘要不符，可能已被改动或损坏：{path}。请从备份中恢复该文件，或重新整理调解卷宗。</source>
        <translation>Warning: the case file containing this document does not match the fingerprint taken when it was bound; it may have been altered or damaged: {path}. Restore the file from a backup, or bind the case file again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="201"/>
        <source>警告：找不到收有这份文书的调解卷宗：{path}。请从备份中恢复该文件，或重新整理调解卷宗。</source>
        <translation>Warning: the case file containing this document cannot be found: {path}. Restore the file from a backup, or bind the case file again.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/services/agreements.py" line="205"/>
        <source>已收入调解卷宗：{path}</source>
        <translation>Bound in the case file: {path}</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="30"/>
        <source>验证</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="31"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="45"/>
        <source>这不是核验码的格式：核验码为12位字母和数字。</source>
        <translation>That is not a code: a code has 12 letters and digits.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="26"/>
        <source>验证核验码</source>
        <translation>Verify a code</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="28"/>
        <source>输入协议书或其他文书每页下方的核验码，如 6DE4-7HPF-1EW6</source>
        <translation>Enter the code printed at the bottom of each page of the agreement or other document, e.g. 6DE4-7HPF-1EW6</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="47"/>
        <source>核验码 {code} 与本机存档的任何调解协议或案卷文书都不相符。</source>
        <translation>Code {code} matches no agreement or case document archived on this computer.</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="54"/>
        <source>核验码有效：与本机存档的文书相符。</source>
        <translation>The code is valid: it matches the document archived on this computer.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="35"/>
        <source>记录回访：{number}</source>
        <translation>Record visit: {number}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="43"/>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="46"/>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="86"/>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="102"/>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="49"/>
        <source>未起诉可不填；已起诉的写明法院和结果</source>
        <translation>Leave blank if nobody sued; otherwise name the court and the outcome</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="52"/>
        <source>如矛盾反弹、扬言报复、悔约等；没有可不填</source>
        <translation>e.g. the dispute flaring up, threats, going back on the agreement; leave blank if none</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="68"/>
        <source>回访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="69"/>
        <source>回访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="70"/>
        <source>被回访人</source>
        <translation>People visited</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="71"/>
        <source>回访方式</source>
        <translation>How visited</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="76"/>
        <source>协议履行情况</source>
        <translation>Performance of the agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="82"/>
        <source>&#x3000;期限：{day}</source>
        <translation>  Deadline: {day}</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="88"/>
        <source>说明（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="106"/>
        <source>协议整体履行情况</source>
        <translation>Performance of the whole agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="111"/>
        <source>满意程度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="112"/>
        <source>是否起诉及结果</source>
        <translation>Lawsuit and outcome</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="113"/>
        <source>发现的风险隐患</source>
        <translation>Risks found</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="114"/>
        <source>采取的措施</source>
        <translation>Measures taken</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="115"/>
        <source>其他情况</source>
        <translation>Other remarks</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="125"/>
        <source>保存回访记录</source>
        <translation>Save visit record</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="126"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="155"/>
        <source>还有{n}处需要填写或更正，见各项下方的红字</source>
        <translation>{n} items still need filling in or correcting: see the red text under each</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/visit_dialog.py" line="162"/>
        <source>这次回访已在别处修改，请关闭后重新打开</source>
        <translation>This visit was changed elsewhere: close and open it again</translation>
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
        <location filename="../../xinye_desktop/domain/roles.py" line="31"/>
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
        <location filename="../../xinye_desktop/domain/session.py" line="32"/>
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
        <location filename="../../xinye_desktop/domain/aftercare.py" line="30"/>
        <source>协议生效后回访</source>
        <translation>Visit after the agreement took effect</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="31"/>
        <source>履行期限届满回访</source>
        <translation>Visit at a term&apos;s deadline</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="32"/>
        <source>追加回访</source>
        <translation>Add a visit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="36"/>
        <source>上门回访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="37"/>
        <source>电话回访</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="38"/>
        <source>约见回访</source>
        <translation>Met by appointment</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="43"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="44"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="50"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="51"/>
        <source>不能申请（婚姻、收养、身份关系）</source>
        <translation>Not eligible (marriage, adoption or personal status)</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="52"/>
        <source>可申请</source>
        <translation>Can apply</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="53"/>
        <source>即将到期</source>
        <translation>Closing soon</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="54"/>
        <source>已过申请期限</source>
        <translation>Window closed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="55"/>
        <source>申请中</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="56"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="57"/>
        <location filename="../../xinye_desktop/domain/enums.py" line="83"/>
        <source>不予确认</source>
        <translation>Confirmation refused</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="174"/>
        <source>可以申请司法确认</source>
        <translation>May apply for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="175"/>
        <source>不能申请司法确认</source>
        <translation>Cannot apply for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="385"/>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="59"/>
        <source>今天截止</source>
        <translation>Closes today</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="386"/>
        <location filename="../../xinye_desktop/ui/ledger_tab.py" line="58"/>
        <source>剩{days}天（至{day}）</source>
        <translation>{days} days left (until {day})</translation>
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
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="20"/>
        <source>主持人</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="21"/>
        <location filename="../../xinye_desktop/domain/session.py" line="24"/>
        <source>见证人</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="27"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="28"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="29"/>
        <location filename="../../xinye_desktop/domain/roles.py" line="22"/>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="30"/>
        <source>查阅</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="36"/>
        <source>查看案件和台账</source>
        <translation>View cases and the ledger</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="37"/>
        <source>登记和修改案件</source>
        <translation>Register and edit cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="38"/>
        <source>调解和选择明白人</source>
        <translation>Run sittings and choose elders</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="39"/>
        <source>制作和签署调解协议</source>
        <translation>Draft and sign agreements</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="40"/>
        <source>填写调解记录和案卷文书</source>
        <translation>Write records and case-file documents</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="41"/>
        <source>回访和履行登记</source>
        <translation>Return visits and performance</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="42"/>
        <source>维护明白人库和人员名单</source>
        <translation>Keep the elder pool and people lists</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="43"/>
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="44"/>
        <source>导出台账和报表</source>
        <translation>Export the ledger and reports</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="45"/>
        <source>查看完整身份证号和电话</source>
        <translation>See full ID numbers and phones</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="46"/>
        <location filename="../../xinye_desktop/domain/audit.py" line="53"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="47"/>
        <location filename="../../xinye_desktop/domain/audit.py" line="54"/>
        <source>恢复备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="48"/>
        <location filename="../../xinye_desktop/domain/audit.py" line="42"/>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="49"/>
        <source>管理账号</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/accounts.py" line="50"/>
        <source>查看和导出审计记录</source>
        <translation>View and export the audit trail</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="28"/>
        <source>村干部</source>
        <translation>Village cadre</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="29"/>
        <source>乡镇干部</source>
        <translation>Township cadre</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/roles.py" line="30"/>
        <source>联村干警</source>
        <translation>Village-link police officer</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="21"/>
        <source>未表态</source>
        <translation>No answer yet</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="22"/>
        <source>同意</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="23"/>
        <source>不同意</source>
        <translation>Disagreed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="27"/>
        <source>待各方表态</source>
        <translation>Awaiting answers</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="28"/>
        <source>已选定</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="29"/>
        <source>未获同意</source>
        <translation>Not agreed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="30"/>
        <source>已回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="31"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="37"/>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="38"/>
        <source>撤回提名</source>
        <translation>Proposal withdrawn</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="42"/>
        <source>可能就是明白人本人</source>
        <translation>May be the elder themself</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="43"/>
        <source>与明白人同姓同村</source>
        <translation>Same surname and village as the elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="44"/>
        <source>与明白人有申报的关系</source>
        <translation>Declared relation with the elder</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="49"/>
        <source>近亲属</source>
        <translation>Close relative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="50"/>
        <source>同族亲戚</source>
        <translation>Clan relative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="51"/>
        <source>姻亲</source>
        <translation>In-law</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="52"/>
        <source>邻居</source>
        <translation>Neighbour</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="53"/>
        <source>同事或合伙人</source>
        <translation>Colleague or partner</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="54"/>
        <source>有经济往来</source>
        <translation>Money dealings</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/selection.py" line="55"/>
        <source>曾有矛盾</source>
        <translation>Past conflict</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="19"/>
        <source>开场</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="20"/>
        <source>说理</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="21"/>
        <source>以法为准</source>
        <translation>Law</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="22"/>
        <source>以理为基</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="23"/>
        <source>以情为引</source>
        <translation>Feeling</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="25"/>
        <source>处理</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="29"/>
        <source>达成书面协议</source>
        <translation>Written agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="30"/>
        <source>达成口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="31"/>
        <source>形成化解意见</source>
        <translation>Resolution opinion</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="33"/>
        <source>择日再调</source>
        <translation>Adjourned</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="39"/>
        <source>向人民法院起诉</source>
        <translation>Sue in court</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="40"/>
        <source>申请仲裁</source>
        <translation>Apply for arbitration</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="41"/>
        <source>请求行政机关处理</source>
        <translation>Ask an administrative body</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="45"/>
        <source>符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="46"/>
        <source>不符合</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="47"/>
        <source>不涉及</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="53"/>
        <source>公平公正</source>
        <translation>Fair and just</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="54"/>
        <source>合乎常理</source>
        <translation>Common sense</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="55"/>
        <source>符合道德准则</source>
        <translation>Moral standards</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="56"/>
        <source>符合生产惯例</source>
        <translation>Farming practice</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="57"/>
        <source>符合生活习俗</source>
        <translation>Local customs</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="79"/>
        <source>平静</source>
        <translation>Calm</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="79"/>
        <source>焦虑</source>
        <translation>Anxious</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="80"/>
        <source>对立</source>
        <translation>Hostile</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="80"/>
        <source>激动</source>
        <translation>Agitated</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="81"/>
        <source>委屈</source>
        <translation>Aggrieved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/session.py" line="81"/>
        <source>缓和</source>
        <translation>Eased</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/aftercare.py" line="42"/>
        <location filename="../../xinye_desktop/domain/session.py" line="82"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="29"/>
        <source>一次性</source>
        <translation>Lump sum</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="30"/>
        <source>分期</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="34"/>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="35"/>
        <source>转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="36"/>
        <source>实物</source>
        <translation>In kind</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="37"/>
        <source>行为</source>
        <translation>An act</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="41"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="42"/>
        <source>已打印待签</source>
        <translation>Printed, awaiting signatures</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="43"/>
        <source>已签署生效</source>
        <translation>Signed, in effect</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/agreement.py" line="44"/>
        <source>已被新版本取代</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="15"/>
        <source>人民调解申请书</source>
        <translation>Application for people&apos;s mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="15"/>
        <source>人民调解受理登记表</source>
        <translation>Mediation registration form</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="16"/>
        <source>人民调解当事人权利义务告知书</source>
        <translation>Notice of the parties&apos; rights and duties in people&apos;s mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="17"/>
        <source>人民调解口头协议登记表</source>
        <translation>Oral agreement register</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/ui/agreement/verify_dialog.py" line="17"/>
        <source>化解处理意见书</source>
        <translation>Resolution opinion</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/statistics.py" line="71"/>
        <source>申请调解</source>
        <translation>On application</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/statistics.py" line="72"/>
        <source>主动调解</source>
        <translation>On the committee&apos;s initiative</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/statistics.py" line="73"/>
        <location filename="../../xinye_desktop/domain/statistics.py" line="74"/>
        <source>接受委托移送调解</source>
        <translation>Referred or entrusted</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/statistics.py" line="75"/>
        <source>其他来源</source>
        <translation>Other sources</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/documents/case_file.py" line="25"/>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/documents/case_file.py" line="25"/>
        <source>长期</source>
        <translation>Long term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/documents/case_file.py" line="26"/>
        <source>短期</source>
        <translation>Short term</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/prevention.py" line="25"/>
        <source>防止民间纠纷转化为刑事案件</source>
        <translation>Disputes kept from becoming criminal cases</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/prevention.py" line="26"/>
        <source>防止群体性上访</source>
        <translation>Mass petition prevented</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="34"/>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="35"/>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="36"/>
        <source>退出登录</source>
        <translation>Logout</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="37"/>
        <source>新建账号</source>
        <translation>Account created</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="38"/>
        <source>修改账号</source>
        <translation>Account changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="39"/>
        <source>设置密码</source>
        <translation>Password set</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="40"/>
        <source>管理员重设密码</source>
        <translation>Password reset by the administrator</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="41"/>
        <source>用恢复密钥恢复</source>
        <translation>Recovered with the recovery key</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="43"/>
        <source>修改数据</source>
        <translation>Data changed</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="45"/>
        <source>登记或修改案件</source>
        <translation>Register or edit a case</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="46"/>
        <source>选择明白人和调解人员</source>
        <translation>Choose elders and mediation staff</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="47"/>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="48"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="49"/>
        <source>回访、履行和司法确认</source>
        <translation>Follow-up visits, performance and judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="50"/>
        <source>明白人库和人员名单</source>
        <translation>Elder pool and staff lists</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="51"/>
        <source>矛盾纠纷排查</source>
        <translation>Dispute canvassing</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="52"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="55"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="56"/>
        <source>查看完整证件号或电话</source>
        <translation>Full ID number or phone shown</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/audit.py" line="57"/>
        <source>升级数据</source>
        <translation>Data upgraded</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="15"/>
        <source>司法所</source>
        <translation>Township justice office</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="16"/>
        <source>司法局</source>
        <translation>County justice bureau</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="31"/>
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="32"/>
        <source>疑难</source>
        <translation>Difficult</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="33"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="37"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="38"/>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="44"/>
        <source>案号相同</source>
        <translation>Same case number</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="45"/>
        <source>审核后村里又修改</source>
        <translation>Changed by the village after review</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="46"/>
        <source>收到比已有的旧的记录</source>
        <translation>Older than the record held</translation>
    </message>
    <message>
        <location filename="../../xinye_desktop/domain/hub.py" line="47"/>
        <source>可能缺少报送包</source>
        <translation>A package may be missing</translation>
    </message>
</context>
</TS>
