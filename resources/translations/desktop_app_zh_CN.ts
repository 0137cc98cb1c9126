<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../desktop_app/__init__.py" line="6"/>
        <source>Complaint Desk</source>
        <translation>投诉处理台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/auth.py" line="69"/>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/auth.py" line="73"/>
        <source>The password must not start or end with a space.</source>
        <translation>密码不能以空格开头或结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/auth.py" line="42"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/auth.py" line="44"/>
        <source>Too many failed sign-ins with this user name. Sign-in is blocked until {until}; please wait or ask an administrator.</source>
        <translation>该用户名登录失败次数过多，{until} 前禁止登录；请稍候再试或联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/auth.py" line="167"/>
        <source>This account is disabled. Please ask an administrator.</source>
        <translation>该账号已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/auth.py" line="207"/>
        <source>No active account named {name}.</source>
        <translation>没有名为 {name} 的有效账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="200"/>
        <source>The backup copy {file} failed the integrity check: {reason}</source>
        <translation>备份副本 {file} 未通过完整性检查：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="208"/>
        <source>Could not write the backup {file}: {reason}</source>
        <translation>无法写入备份 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="221"/>
        <source>pg_dump was not found on this computer, so no PostgreSQL backup was made. Install the PostgreSQL client tools (package postgresql-client, or the PostgreSQL installer on Windows) and try again, or use the database server&apos;s own backups.</source>
        <translation>本机未找到 pg_dump，未能备份 PostgreSQL 数据库。请安装 PostgreSQL 客户端工具（postgresql-client 软件包，Windows 上用 PostgreSQL 安装程序）后重试，或使用数据库服务器自身的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="247"/>
        <source>pg_dump could not write {file}: {reason}</source>
        <translation>pg_dump 无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="253"/>
        <source>pg_dump failed to write {file}: {reason}</source>
        <translation>pg_dump 写入 {file} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="339"/>
        <source>{file} is not a SQLite database; nothing was restored.</source>
        <translation>{file} 不是 SQLite 数据库，未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="345"/>
        <source>{file} is damaged ({reason}); nothing was restored.</source>
        <translation>{file} 已损坏（{reason}），未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="351"/>
        <source>{file} failed the integrity check ({reason}); nothing was restored.</source>
        <translation>{file} 未通过完整性检查（{reason}），未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="363"/>
        <source>{file} is not a Complaint Desk database (it has no schema_version table); nothing was restored.</source>
        <translation>{file} 不是投诉处理台数据库（没有 schema_version 表），未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="371"/>
        <source>{file} cannot be read ({reason}); nothing was restored.</source>
        <translation>无法读取 {file}（{reason}），未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="380"/>
        <source>{file} has no schema version; nothing was restored.</source>
        <translation>{file} 没有结构版本，未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="385"/>
        <source>{file} is at schema version {version}, newer than this program ({supported}); install the newer program version. Nothing was restored.</source>
        <translation>{file} 的结构版本为 {version}，比本程序支持的版本（{supported}）新；请安装新版程序。未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="416"/>
        <source>The database {file} is in use ({reason}). Close the program on every other PC and any other program using the file, then restore again. Nothing was restored.</source>
        <translation>数据库 {file} 正在使用中（{reason}）。请关闭其他电脑上的本程序及其他使用该文件的程序，然后重新恢复。未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="447"/>
        <source>Restoring a PostgreSQL database is done with the server&apos;s tools, not by this program. Close the program on every PC, then run: pg_restore --clean --if-exists --no-owner --dbname &lt;database URL&gt; {file}</source>
        <translation>PostgreSQL 数据库需用服务器工具恢复，而非本程序。请关闭所有电脑上的本程序，然后运行：pg_restore --clean --if-exists --no-owner --dbname &lt;数据库 URL&gt; {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="455"/>
        <source>{file} does not exist or is not a file; nothing was restored.</source>
        <translation>{file} 不存在或不是文件，未做任何恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="466"/>
        <source>{file} is the database itself; choose a backup file.</source>
        <translation>{file} 就是数据库本身，请选择备份文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/backup.py" line="482"/>
        <source>Could not restore {file}: {reason}</source>
        <translation>无法恢复 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/calendar.py" line="51"/>
        <location filename="../../desktop_app/services/calendar.py" line="202"/>
        <source>Choose a year between 1901 and 2999.</source>
        <translation>请选择 1901 至 2999 之间的年份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/calendar.py" line="100"/>
        <source>The day must become a holiday or a working day.</source>
        <translation>请把这一天设为节假日或工作日。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/calendar.py" line="103"/>
        <source>The note can have at most 200 characters.</source>
        <translation>备注最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/calendar.py" line="243"/>
        <source>The notice text is too long.</source>
        <translation>通知文本过长。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="114"/>
        <source>Someone else changed case {number} since you opened it.</source>
        <translation>您打开投诉 {number} 后，已有其他人修改了它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="332"/>
        <location filename="../../desktop_app/services/print_forms.py" line="48"/>
        <location filename="../../desktop_app/services/surveys.py" line="205"/>
        <source>No such complaint.</source>
        <translation>没有这件投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="334"/>
        <location filename="../../desktop_app/services/improvements.py" line="386"/>
        <location filename="../../desktop_app/services/print_forms.py" line="50"/>
        <location filename="../../desktop_app/services/surveys.py" line="207"/>
        <source>Case {number} is outside your queues.</source>
        <translation>投诉 {number} 不在您的处理范围内。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/audit.py" line="254"/>
        <location filename="../../desktop_app/services/cases.py" line="434"/>
        <location filename="../../desktop_app/services/surveys.py" line="474"/>
        <source>No complaint has the number {number}.</source>
        <translation>没有编号为 {number} 的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="794"/>
        <source>No such attachment.</source>
        <translation>没有这个附件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="798"/>
        <source>{name} is a recording reference, kept by the telephone system.</source>
        <translation>{name} 是录音编号，录音保存在电话系统中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="804"/>
        <source>The file {name} is not in the attachments folder ({folder}). On a shared database, set the same attachments folder on every PC.</source>
        <translation>附件文件夹（{folder}）中没有文件 {name}。多台电脑共用数据库时，请在每台电脑上设置相同的附件文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="946"/>
        <source>Only the case&apos;s owner, its supervisors and managers may change case {number}.</source>
        <translation>只有责任人、其主管和客服经理可以修改投诉 {number}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="988"/>
        <source>This case needs a supervisor&apos;s approval of the solution: submit it for approval.</source>
        <translation>该投诉的处理方案需经主管审批：请提交审批。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="993"/>
        <source>Close the case with &quot;Close case&quot;: it asks for the outcome.</source>
        <translation>请用“闭环”操作结案：需要填写处理结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="996"/>
        <source>The solution awaits a supervisor&apos;s decision.</source>
        <translation>处理方案正在等待主管审批。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1000"/>
        <source>Case {number} moves on from {current} through its own action.</source>
        <translation>投诉 {number} 处于“{current}”阶段，需通过相应的操作推进。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1006"/>
        <source>From {current} the case can only move to {allowed}.</source>
        <translation>投诉只能从“{current}”进入“{allowed}”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1026"/>
        <source>This time is before the complaint was made.</source>
        <translation>该时间早于投诉时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1028"/>
        <source>This time is in the future.</source>
        <translation>该时间晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1056"/>
        <source>Choose the customer&apos;s feedback from the list.</source>
        <translation>请从列表中选择客户反馈。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1078"/>
        <location filename="../../desktop_app/services/intake.py" line="425"/>
        <source>A file could not be copied: {reason}</source>
        <translation>文件复制失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1083"/>
        <source>Case {number} is closed; reopen it first.</source>
        <translation>投诉 {number} 已闭环，请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1092"/>
        <source>Write what was done, or move the case to its next stage.</source>
        <translation>请填写处理情况，或将投诉推进到下一阶段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1144"/>
        <source>Give the reason for the transfer.</source>
        <translation>请填写转派原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1148"/>
        <location filename="../../desktop_app/services/cases.py" line="1193"/>
        <location filename="../../desktop_app/services/cases.py" line="1507"/>
        <location filename="../../desktop_app/services/cases.py" line="1774"/>
        <source>Case {number} is closed.</source>
        <translation>投诉 {number} 已闭环。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1152"/>
        <source>Choose an active member of staff.</source>
        <translation>请选择一名在职员工。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1155"/>
        <source>{name} already owns this case.</source>
        <translation>{name} 已是该投诉的责任人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1189"/>
        <source>Give the reason for the escalation.</source>
        <translation>请填写升级原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1197"/>
        <source>Case {number} is already at the head of operations.</source>
        <translation>投诉 {number} 已升级到运营负责人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1233"/>
        <source>Describe the proposed solution.</source>
        <translation>请填写拟定的处理方案。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1238"/>
        <source>Only a proposed solution can be submitted for approval; case {number} is at {stage}.</source>
        <translation>只有“方案待确认”的投诉才能提交审批；投诉 {number} 当前处于“{stage}”阶段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1247"/>
        <source>Level I cases need no approval: move the case to execution.</source>
        <translation>一级投诉无需审批：请直接推进到执行处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1282"/>
        <source>Say why the solution is rejected.</source>
        <translation>请说明驳回方案的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1292"/>
        <source>Case {number} has no solution awaiting approval.</source>
        <translation>投诉 {number} 没有待审批的方案。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1298"/>
        <source>A solution you submitted needs another supervisor&apos;s or a manager&apos;s approval.</source>
        <translation>您本人提交的方案需由其他主管或客服经理审批。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1344"/>
        <source>Choose the outcome.</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1347"/>
        <source>Without the customer&apos;s confirmation, give the reason for closing.</source>
        <translation>未经客户确认时，请填写闭环原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1353"/>
        <location filename="../../desktop_app/services/cases.py" line="1434"/>
        <source>Case {number} is already closed.</source>
        <translation>投诉 {number} 已经闭环。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1358"/>
        <source>The customer can confirm a solution only once it is being carried out; case {number} is at {stage}.</source>
        <translation>方案执行后客户才能确认；投诉 {number} 当前处于“{stage}”阶段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1371"/>
        <source>A level {level} case closes only with its root cause: choose the cause.</source>
        <translation>{level}级投诉须填写原因分类才能闭环：请选择原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1419"/>
        <source>Choose the root cause from the list.</source>
        <translation>请从列表中选择原因分类。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1459"/>
        <source>Give the reason for reopening.</source>
        <translation>请填写重新打开的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1463"/>
        <source>Case {number} is still open.</source>
        <translation>投诉 {number} 尚未闭环。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1554"/>
        <location filename="../../desktop_app/services/cases.py" line="1557"/>
        <location filename="../../desktop_app/services/cases.py" line="1568"/>
        <source>Choose a value from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1571"/>
        <location filename="../../desktop_app/services/cases.py" line="1575"/>
        <source>Choose the subtype.</source>
        <translation>请选择子类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1679"/>
        <source>Say whether the case is urgent (yes or no).</source>
        <translation>请说明投诉是否紧急（是或否）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1681"/>
        <source>Choose the level from the list.</source>
        <translation>请从列表中选择级别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1687"/>
        <source>Only a supervisor of case {number} or a manager may re-assess it.</source>
        <translation>只有投诉 {number} 的主管或经理可以重新评估。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1691"/>
        <source>Case {number} is closed and cannot be re-assessed; reopen it first.</source>
        <translation>投诉 {number} 已闭环，不能重新评估；请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1707"/>
        <source>Only a manager may take the urgent mark off a case.</source>
        <translation>只有经理可以取消投诉的紧急标记。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1710"/>
        <source>Only a manager may lower a case&apos;s level.</source>
        <translation>只有经理可以降低投诉级别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1712"/>
        <source>Say why the case is urgent.</source>
        <translation>请说明紧急原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1715"/>
        <source>Give the reason for the re-assessment.</source>
        <translation>请填写重新评估的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1741"/>
        <source>Nothing to change: choose what to re-assess.</source>
        <translation>没有变更：请选择要重新评估的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1769"/>
        <source>Say whether the account is frozen (yes or no).</source>
        <translation>请说明账户是否已冻结（是或否）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1778"/>
        <source>Only account-security cases record whether the account is frozen.</source>
        <translation>只有账户安全类投诉记录账户是否冻结。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1783"/>
        <source>The account is already recorded as frozen.</source>
        <translation>账户已记录为冻结。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1785"/>
        <source>The account is not recorded as frozen.</source>
        <translation>账户未记录为冻结。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/demo.py" line="799"/>
        <source>The database has no departments; run init first.</source>
        <translation>数据库中没有部门，请先运行 init。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/demo.py" line="902"/>
        <source>The database has no complaint subtypes; run init first.</source>
        <translation>数据库中没有投诉子类，请先运行 init。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/demo.py" line="1594"/>
        <source>The number of cases must be 0 or more.</source>
        <translation>投诉数量不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="69"/>
        <source>This folder is on a network share: {folder}. A database file there can be damaged when several computers use it. Keep the file on this computer, or set up a shared PostgreSQL server for several computers.</source>
        <translation>此文件夹位于网络共享上：{folder}。多台电脑同时使用那里的数据库文件时，文件可能损坏。请把文件放在本机上；多台电脑使用时，请架设共享的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="86"/>
        <location filename="../../desktop_app/services/errors.py" line="87"/>
        <location filename="../../desktop_app/services/errors.py" line="90"/>
        <location filename="../../desktop_app/services/errors.py" line="92"/>
        <source>The database is busy (another computer is writing). Please try again.</source>
        <translation>数据库正忙（其他电脑正在写入），请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="95"/>
        <location filename="../../desktop_app/services/errors.py" line="99"/>
        <source>The database file is read-only; nothing can be saved. Ask an administrator.</source>
        <translation>数据库文件为只读，无法保存任何内容。请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="101"/>
        <location filename="../../desktop_app/services/errors.py" line="102"/>
        <source>The disk holding the database is full; nothing was saved.</source>
        <translation>数据库所在磁盘已满，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="103"/>
        <source>The database file cannot be opened: {detail}</source>
        <translation>无法打开数据库文件：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="106"/>
        <source>The file is not a Complaint Desk database or is damaged: {detail}</source>
        <translation>该文件不是投诉处理台的数据库，或已损坏：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="108"/>
        <source>The database file is damaged: {detail}. Restore it from a backup.</source>
        <translation>数据库文件已损坏：{detail}。请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="109"/>
        <source>No permission to use the database: {detail}</source>
        <translation>没有使用该数据库的权限：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="110"/>
        <location filename="../../desktop_app/services/setup.py" line="132"/>
        <source>The database server refused the user or password.</source>
        <translation>数据库服务器拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="111"/>
        <source>Cannot reach the database server: {detail}</source>
        <translation>无法连接数据库服务器：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_export.py" line="653"/>
        <location filename="../../desktop_app/services/report_workbook.py" line="1047"/>
        <source>Only managers may export unmasked contact details.</source>
        <translation>只有客服经理可以导出未隐藏的联系方式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_export.py" line="655"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="223"/>
        <source>... and {count:,} more problems</source>
        <translation>… 另有 {count:,} 个问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="312"/>
        <source>Expected text, found {value}.</source>
        <translation>此处应为文本，实际为 {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="314"/>
        <source>Expected text, found a date or time.</source>
        <translation>此处应为文本，实际为日期或时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="331"/>
        <source>Times are written without a time zone.</source>
        <translation>时间不能带时区。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="345"/>
        <source>{value!r} is not a date-time: write YYYY-MM-DD HH:MM.</source>
        <translation>{value!r} 不是日期时间：请写成 YYYY-MM-DD HH:MM。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="348"/>
        <source>Not a date-time: write YYYY-MM-DD HH:MM or use an Excel date cell.</source>
        <translation>不是日期时间：请写成 YYYY-MM-DD HH:MM，或使用 Excel 日期单元格。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="367"/>
        <source>A score is a whole number from 1 to 5.</source>
        <translation>评分须为 1 到 5 的整数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="377"/>
        <source>The level is I, II or III (also 一级, 二级, 三级).</source>
        <translation>级别须为 I、II 或 III（也可写一级、二级、三级）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="391"/>
        <source>Write 是 or 否 (yes or no), not {value!r}.</source>
        <translation>请填写“是”或“否”，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="402"/>
        <source>Unknown value {value!r}; use one of: {choices}.</source>
        <translation>未知的值 {value!r}；可用的值：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="441"/>
        <source>Unknown value(s) {values}; use: {choices}.</source>
        <translation>未知的值 {values}；可用的值：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="460"/>
        <source>Unknown value {value!r}; use one of: {choices} (a reason may follow in brackets).</source>
        <translation>未知的值 {value!r}；可用的值：{choices}（其后可用括号注明原因）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="533"/>
        <source>{name!r} is the display name of {count} accounts; write the user name instead.</source>
        <translation>{name!r} 是 {count} 个账号的显示名称；请改填用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="544"/>
        <source>A staff name has at most 60 characters.</source>
        <translation>员工姓名最多 60 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="682"/>
        <source>Unknown column; it was ignored.</source>
        <translation>未知的列，已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="691"/>
        <source>The column {first!r} appears twice.</source>
        <translation>与列 {first!r} 重复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="704"/>
        <source>The required column {label} ({key}) is missing.</source>
        <translation>缺少必需的列 {label}（{key}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="743"/>
        <source>This cell is required.</source>
        <translation>此单元格为必填项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="853"/>
        <source>Unknown root cause {value!r}.</source>
        <translation>未知的原因分类 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1063"/>
        <source>Urgent reasons are given but the urgency is {urgency}: write 紧急 or no urgency.</source>
        <translation>填写了紧急原因，但紧急程度为“{urgency}”：请将紧急程度写为“紧急”或留空。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1396"/>
        <source>The ID number is masked: a masked export cannot be imported; export with unmasked contacts.</source>
        <translation>证件号码已隐藏：隐藏了信息的导出文件不能导入；请导出未隐藏联系方式的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1374"/>
        <source>The contact is masked ({value}): a masked export cannot be imported; export with unmasked contacts.</source>
        <translation>联系方式已隐藏（{value}）：隐藏了信息的导出文件不能导入；请导出未隐藏联系方式的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1090"/>
        <location filename="../../desktop_app/services/exchange_import.py" line="1094"/>
        <source>Unknown subtype {value!r}.</source>
        <translation>未知的投诉子类 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="854"/>
        <source>Unknown value {value!r}.</source>
        <translation>未知的值 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="125"/>
        <location filename="../../desktop_app/services/exchange_import.py" line="1385"/>
        <source>{value!r} is longer than {limit} characters.</source>
        <translation>{value!r} 超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1088"/>
        <source>{value!r} is not a subtype of the row&apos;s type.</source>
        <translation>{value!r} 不是本行投诉类型下的子类。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="157"/>
        <location filename="../../desktop_app/services/exchange_import.py" line="760"/>
        <source>At most {maximum} characters ({length} now).</source>
        <translation>最多 {maximum} 个字符（现有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="798"/>
        <source>{time} is in the future.</source>
        <translation>{time} 晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="878"/>
        <source>The complaint number {number} is also on row {first}.</source>
        <translation>投诉编号 {number} 与第 {first} 行重复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="928"/>
        <location filename="../../desktop_app/services/exchange_import.py" line="1328"/>
        <source>The text of 其他 has at most 200 characters.</source>
        <translation>“其他”的说明最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="939"/>
        <source>Name the receiver (接收人).</source>
        <translation>请填写接收人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1116"/>
        <source>The complaint number {number} is already in the database.</source>
        <translation>投诉编号 {number} 在数据库中已存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1179"/>
        <source>No complaint {number} in this file or the database.</source>
        <translation>本文件和数据库中都没有编号为 {number} 的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1201"/>
        <source>{time} is before the complaint was registered ({limit}).</source>
        <translation>{time} 早于投诉登记时间（{limit}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1288"/>
        <source>Complaint {number} already has a survey (row {first}); a complaint has one survey.</source>
        <translation>投诉 {number} 已有满意度调查（第 {first} 行）；每件投诉只能有一份调查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1299"/>
        <source>Complaint {number} already has a survey in the database.</source>
        <translation>投诉 {number} 在数据库中已有满意度调查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1993"/>
        <location filename="../../desktop_app/services/exchange_import.py" line="2000"/>
        <source>{name} cannot be read as an Excel workbook (.xlsx): {reason}</source>
        <translation>无法将 {name} 作为 Excel 工作簿（.xlsx）读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="2027"/>
        <source>Unknown sheet; it was ignored.</source>
        <translation>未知的工作表，已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="2035"/>
        <source>The sheet {sheet} appears twice (also as {first!r}).</source>
        <translation>工作表 {sheet} 出现了两次（另一个为 {first!r}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="2049"/>
        <source>The workbook has none of the sheets 投诉登记, 进度跟踪, 满意度调查.</source>
        <translation>工作簿中没有投诉登记、进度跟踪、满意度调查中的任何一个工作表。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="106"/>
        <source>The {label} must be text.</source>
        <translation>{label}必须是文字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="108"/>
        <source>Enter the {label}.</source>
        <translation>请填写{label}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="111"/>
        <source>The {label} is longer than {max} characters.</source>
        <translation>{label}超过 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="121"/>
        <source>Enter the deadline.</source>
        <translation>请填写截止日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="132"/>
        <source>The deadline {value!r} is not a date (YYYY-MM-DD).</source>
        <translation>截止日期 {value!r} 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="140"/>
        <source>Unknown status {value!r}; one of {known}.</source>
        <translation>未知状态 {value!r}；可选：{known}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="151"/>
        <source>Choose the responsible department.</source>
        <translation>请选择责任部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="158"/>
        <location filename="../../desktop_app/services/kpi.py" line="560"/>
        <location filename="../../desktop_app/services/review_meetings.py" line="104"/>
        <location filename="../../desktop_app/services/users.py" line="75"/>
        <source>Unknown department {name!r}; known departments: {known}.</source>
        <translation>未知部门 {name!r}；现有部门：{known}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="83"/>
        <location filename="../../desktop_app/services/review_meetings.py" line="89"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="86"/>
        <location filename="../../desktop_app/services/review_meetings.py" line="91"/>
        <location filename="../../desktop_app/services/review_meetings.py" line="304"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="161"/>
        <source>Sign in to mark a typical case.</source>
        <translation>请登录后再标记典型案例。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="209"/>
        <location filename="../../desktop_app/services/improvements.py" line="384"/>
        <source>No case has the id {id}.</source>
        <translation>没有编号为 {id} 的案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="212"/>
        <source>Only a supervisor of the case&apos;s department or a manager marks it typical.</source>
        <translation>只有案件所属部门的主管或经理可以将其标记为典型案例。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="171"/>
        <source>Case {number} is still open: only closed cases are typical cases.</source>
        <translation>案件 {number} 尚未结案：只有已结案件可作为典型案例。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="225"/>
        <source>Case {number} is not in the library.</source>
        <translation>案件 {number} 不在案例库中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/case_library.py" line="233"/>
        <location filename="../../desktop_app/services/improvements.py" line="172"/>
        <source>Unknown complaint type {codes}.</source>
        <translation>未知的投诉类型 {codes}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="181"/>
        <source>Case ids must be numbers.</source>
        <translation>投诉 ID 必须是数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="186"/>
        <source>No case has the id {ids}.</source>
        <translation>没有 ID 为 {ids} 的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="320"/>
        <location filename="../../desktop_app/services/review_meetings.py" line="294"/>
        <source>The period ends before it starts.</source>
        <translation>期间的结束早于开始。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="399"/>
        <source>A supervisor may change the improvement actions of their own departments only.</source>
        <translation>客服主管只能修改本部门的改进措施。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="409"/>
        <location filename="../../desktop_app/services/improvements.py" line="569"/>
        <location filename="../../desktop_app/services/improvements.py" line="689"/>
        <source>No improvement action has the id {id}.</source>
        <translation>没有 ID 为 {id} 的改进措施。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="422"/>
        <source>A product name is longer than {max} characters.</source>
        <translation>产品名称超过 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="443"/>
        <source>{name!r} is not an active account of the responsible department.</source>
        <translation>{name!r} 不是责任部门的有效账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="497"/>
        <source>Sign in as a manager to record improvement actions: the action keeps who recorded it.</source>
        <translation>请以客服经理身份登录后再记录改进措施：每条措施都会记录登记人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="647"/>
        <source>The month {value!r} is not a month (YYYY-MM).</source>
        <translation>{value!r} 不是有效的月份（YYYY-MM）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="680"/>
        <source>Sign in to record a follow-up: it keeps who recorded it.</source>
        <translation>请登录后再记录跟踪：系统会记下记录人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/improvements.py" line="685"/>
        <source>The follow-up&apos;s month has not begun yet.</source>
        <translation>该跟踪月份尚未开始。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="150"/>
        <location filename="../../desktop_app/domain/validation.py" line="153"/>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="110"/>
        <location filename="../../desktop_app/services/customers.py" line="260"/>
        <source>Enter a phone number or an e-mail address.</source>
        <translation>请填写电话号码或电子邮箱。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="114"/>
        <location filename="../../desktop_app/services/customers.py" line="212"/>
        <source>{value!r} is not a valid e-mail address.</source>
        <translation>{value!r} 不是有效的电子邮箱。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="117"/>
        <location filename="../../desktop_app/services/customers.py" line="200"/>
        <source>{value!r} is not a valid phone number: use a mainland mobile number (11 digits, 13x–19x) or a landline with its area code (010-12345678).</source>
        <translation>{value!r} 不是有效的电话号码：请填写大陆手机号（11 位，13x–19x）或带区号的座机号（010-12345678）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="140"/>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation>证件号码为 18 位：17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="143"/>
        <source>This ID number&apos;s check digit is wrong; please check it again.</source>
        <translation>证件号码校验位不正确，请再核对一下。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="154"/>
        <source>Write at least {minimum} characters.</source>
        <translation>请至少填写 {minimum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/attachments.py" line="107"/>
        <source>{name}: the file name contains invisible control or direction characters, which can disguise the file&apos;s type; rename the file and attach it again.</source>
        <translation>{name}：文件名含有不可见的控制字符或方向字符，可能伪装文件类型；请重命名文件后再添加。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/attachments.py" line="111"/>
        <source>{name}: files of type {ext} cannot be attached; allowed are images, PDF, office documents, audio and plain text.</source>
        <translation>{name}：不能添加 {ext} 类型的文件；允许的类型为图片、PDF、办公文档、音频和纯文本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/attachments.py" line="115"/>
        <source>{name}: the content is not that of a {ext} file (it may be a disguised program); it cannot be attached.</source>
        <translation>{name}：文件内容不是 {ext} 文件（可能是伪装的程序），不能添加。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/attachments.py" line="162"/>
        <source>{name}: the file does not exist or is not a file.</source>
        <translation>{name}：文件不存在或不是文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/attachments.py" line="169"/>
        <source>{name}: the file cannot be read ({reason}).</source>
        <translation>{name}：无法读取文件（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/attachments.py" line="175"/>
        <source>{name}: {size:.1f} MB is larger than the {limit:.0f} MB allowed.</source>
        <translation>{name}：{size:.1f} MB，超过允许的 {limit:.0f} MB。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="805"/>
        <source>{time} is before the complaint time ({limit}).</source>
        <translation>{time} 早于投诉时间（{limit}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="850"/>
        <source>Unknown channel {value!r}.</source>
        <translation>未知的投诉渠道 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="89"/>
        <location filename="../../desktop_app/domain/validation.py" line="133"/>
        <source>Expected text, not {kind}.</source>
        <translation>此处应为文本，而不是 {kind}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/validation.py" line="95"/>
        <source>The text holds a character that cannot be saved (U+{code:04X}, at position {position}); remove it.</source>
        <translation>文本中含有无法保存的字符（U+{code:04X}，位于第 {position} 个字符）；请删除该字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/audit.py" line="259"/>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/audit.py" line="483"/>
        <source>The file name must end in .xlsx.</source>
        <translation>文件名必须以 .xlsx 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/audit.py" line="516"/>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1024"/>
        <source>Enter a date and a time.</source>
        <translation>请输入日期和时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1060"/>
        <source>Choose the stage from the list.</source>
        <translation>请从列表中选择处理阶段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1063"/>
        <source>Say whether the customer was contacted (yes or no).</source>
        <translation>请说明是否已联系客户（是或否）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1068"/>
        <location filename="../../desktop_app/services/intake.py" line="269"/>
        <source>Choose the files to attach again.</source>
        <translation>请重新选择要添加的附件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="81"/>
        <source>The connection to the database server was lost while saving, so it is not known whether this was saved. Look it up (for example in the tracker) before entering it again.</source>
        <translation>保存时与数据库服务器的连接已断开，无法确定是否已保存。请先查询（例如在进度跟踪中）再决定是否重新录入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/errors.py" line="115"/>
        <location filename="../../desktop_app/services/errors.py" line="122"/>
        <source>The connection to the database server was lost, so this was not done. Please try again; the program connects again by itself.</source>
        <translation>与数据库服务器的连接已断开，此操作未执行。请重试；程序会自动重新连接。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="851"/>
        <source>Unknown complaint type {value!r}.</source>
        <translation>未知的投诉类型 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="852"/>
        <source>Unknown department {value!r}.</source>
        <translation>未知的部门 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="963"/>
        <source>A closed case (已闭环) needs its closing time.</source>
        <translation>已闭环的投诉须填写闭环时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="965"/>
        <source>A closed case (已闭环) needs its outcome.</source>
        <translation>已闭环的投诉须填写处理结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="974"/>
        <source>Only a closed case (已闭环) has a closing time.</source>
        <translation>只有已闭环的投诉才有闭环时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="976"/>
        <source>Only a closed case (已闭环) has an outcome.</source>
        <translation>只有已闭环的投诉才有处理结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/exchange_import.py" line="1214"/>
        <source>{time} is before the previous progress row of {number} ({previous}): list a case&apos;s progress in time order.</source>
        <translation>{time} 早于 {number} 的上一条进度记录（{previous}）：请按时间顺序排列投诉的进度记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="139"/>
        <location filename="../../desktop_app/services/intake.py" line="697"/>
        <source>This customer has no case in your queues.</source>
        <translation>该客户在您的队列中没有案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="216"/>
        <location filename="../../desktop_app/services/intake.py" line="201"/>
        <source>Choose a member tier.</source>
        <translation>请选择会员等级。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="221"/>
        <location filename="../../desktop_app/services/customers.py" line="251"/>
        <source>Choose the kind of sensitive customer from the list.</source>
        <translation>请从列表中选择敏感客户类别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="223"/>
        <source>Say whether to re-assess the open cases (yes or no).</source>
        <translation>请说明是否重新评估未结案件（是或否）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="234"/>
        <source>Someone else changed this customer&apos;s record since you opened it; reload it.</source>
        <translation>在您打开之后，其他人修改了该客户档案；请重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="256"/>
        <source>You see this customer&apos;s contacts masked and may not change them.</source>
        <translation>您看到的该客户联系方式已脱敏，不能修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="268"/>
        <source>Another customer ({name}) has this member number.</source>
        <translation>另一位客户（{name}）已使用此会员号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="275"/>
        <source>Give the reason: the tier or sensitivity decides how complaints are handled.</source>
        <translation>请填写原因：会员等级和敏感标记决定投诉的处理方式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1439"/>
        <location filename="../../desktop_app/services/customers.py" line="278"/>
        <source>Nothing to change.</source>
        <translation>没有需要修改的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="203"/>
        <source>Enter when the customer complained.</source>
        <translation>请填写投诉时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="205"/>
        <source>Enter when the customer complained (a date and a time).</source>
        <translation>请输入投诉时间（日期和时间）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="207"/>
        <source>The complaint time cannot be in the future.</source>
        <translation>投诉时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="209"/>
        <source>The complaint time is more than a year ago; check the date.</source>
        <translation>投诉时间在一年以前，请核对日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="212"/>
        <source>Choose the channel the complaint came through.</source>
        <translation>请选择投诉渠道。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="215"/>
        <source>Choose the complaint type.</source>
        <translation>请选择投诉类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1577"/>
        <location filename="../../desktop_app/services/intake.py" line="220"/>
        <source>Choose a subtype of the chosen type.</source>
        <translation>请选择该类型下的投诉子类。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="222"/>
        <source>Choose the urgency.</source>
        <translation>请选择紧急程度。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="226"/>
        <source>Choose the customer&apos;s requests from the list.</source>
        <translation>请从列表中选择客户诉求。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="231"/>
        <source>Unknown customer request: {codes}.</source>
        <translation>未知的客户诉求：{codes}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="240"/>
        <source>Choose the department initially responsible.</source>
        <translation>请选择初步责任部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="244"/>
        <source>Say whether the complaint came from head office (yes or no).</source>
        <translation>请说明是否为总部转来的越级投诉（是或否）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="252"/>
        <source>The level is I, II or III.</source>
        <translation>级别只能是一级、二级或三级。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="257"/>
        <source>This complaint is at least level {level}; a level can be raised, not lowered.</source>
        <translation>该投诉至少为{level}级；级别只能提高，不能降低。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="284"/>
        <source>The chosen customer no longer exists; search again.</source>
        <translation>所选客户已不存在，请重新查找。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="306"/>
        <source>Enter the staff member complained about.</source>
        <translation>请填写被投诉员工。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="319"/>
        <source>Enter the staff member complained about (user name or name).</source>
        <translation>请填写被投诉员工（用户名或姓名）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="322"/>
        <source>Say whether this is a repeat complaint (yes or no).</source>
        <translation>请说明是否为重复/升级投诉（是或否）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="331"/>
        <source>Choose the earlier case this complaint repeats.</source>
        <translation>请选择本次投诉所针对的原投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/intake.py" line="335"/>
        <location filename="../../desktop_app/services/intake.py" line="438"/>
        <source>The earlier case must be one of this customer&apos;s cases; pick it again.</source>
        <translation>原投诉必须是该客户的投诉，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="91"/>
        <location filename="../../desktop_app/services/intake.py" line="695"/>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/kpi.py" line="548"/>
        <location filename="../../desktop_app/services/report_workbook.py" line="525"/>
        <source>A supervisor sees the figures of their own departments: choose one of them.</source>
        <translation>客服主管只能查看本部门的数据：请选择其中一个部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/kpi.py" line="575"/>
        <source>The period needs a first and a last day.</source>
        <translation>请填写期间的开始日期和结束日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/kpi.py" line="582"/>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>期间的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/permissions.py" line="16"/>
        <source>Your role ({role}) may not do this; it needs: {needed}.</source>
        <translation>您的角色（{role}）无权执行此操作；需要：{needed}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/queue.py" line="178"/>
        <location filename="../../desktop_app/services/tracker.py" line="861"/>
        <source>A page holds 1 to {max} cases.</source>
        <translation>每页可显示 1 至 {max} 件投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/reminders.py" line="72"/>
        <source>Improvement action overdue since {deadline}: {problem}</source>
        <translation>改进措施已于 {deadline} 逾期：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/reminders.py" line="74"/>
        <source>No follow-up of {month} recorded for the improvement action: {problem}</source>
        <translation>改进措施尚未记录 {month} 的月度跟踪：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/reminders.py" line="677"/>
        <source>This reminder is not in your list any more.</source>
        <translation>这条提醒已不在您的列表中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/reminders.py" line="694"/>
        <source>Snooze between 1 minute and 7 days.</source>
        <translation>稍后提醒的时间须在 1 分钟到 7 天之间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/settings.py" line="107"/>
        <source>Unknown setting {key}.</source>
        <translation>未知的设置项 {key}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/settings.py" line="129"/>
        <source>{value} is not the user name of an active manager.</source>
        <translation>{value} 不是在职经理的用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="64"/>
        <source>{key}: expected a number, got {value!r}</source>
        <translation>{key}：应为数字，实际为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="57"/>
        <location filename="../../desktop_app/domain/settings.py" line="63"/>
        <source>{key}: expected a whole number, got {value!r}</source>
        <translation>{key}：应为整数，实际为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="65"/>
        <source>{key}: expected text, got {value!r}</source>
        <translation>{key}：应为文字，实际为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="53"/>
        <source>{key}: expected yes or no, got {value!r}</source>
        <translation>{key}：应为“是”或“否”，实际为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="69"/>
        <source>{key}: expected one of {choices}, got {value!r}</source>
        <translation>{key}：应为 {choices} 之一，实际为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="79"/>
        <source>{key}: must be at least {minimum:g}</source>
        <translation>{key}：不能小于 {minimum:g}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="83"/>
        <source>{key}: must be at most {maximum:g}</source>
        <translation>{key}：不能大于 {maximum:g}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="136"/>
        <source>The database server has no such database. Ask its administrator to create it (an empty database), then try again: {detail}</source>
        <translation>数据库服务器上没有该数据库。请联系数据库管理员创建（空数据库）后重试：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="156"/>
        <source>Cannot reach the database server at {host}:{port}. Check the address and port, and that the server accepts connections from this computer: {detail}</source>
        <translation>无法连接位于 {host}:{port} 的数据库服务器。请检查地址和端口，并确认服务器允许本机连接：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="167"/>
        <location filename="../../desktop_app/services/setup.py" line="218"/>
        <source>Cannot connect to the database server: {detail}</source>
        <translation>无法连接到数据库服务器：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="186"/>
        <source>Not a PostgreSQL address.</source>
        <translation>不是 PostgreSQL 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="246"/>
        <source>The two passwords differ. Please type the password again in the second field.</source>
        <translation>两次输入的密码不一致。请在第二个输入框中重新输入密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="281"/>
        <source>The database cannot be set up: {detail}</source>
        <translation>无法设置数据库：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1503"/>
        <source>Give the reason agreed with the customer.</source>
        <translation>请填写与客户商定的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1513"/>
        <source>A complex case must be resolved within {days} working days of registration: by {limit} at the latest.</source>
        <translation>复杂投诉须在登记后 {days} 个工作日内办结：最迟 {limit}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/cases.py" line="1522"/>
        <source>The new resolution date must be in the future.</source>
        <translation>新的办结日期必须晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="210"/>
        <source>Case {number} is still open: surveys follow closure.</source>
        <translation>投诉 {number} 尚未闭环：闭环后才能调查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="241"/>
        <source>Choose what happened on the call.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="246"/>
        <source>Give the time the customer asked to be called back.</source>
        <translation>请填写客户要求回电的时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="252"/>
        <source>Give the time of the next try.</source>
        <translation>请填写下次致电的时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="254"/>
        <source>The next try must be later than now.</source>
        <translation>下次致电时间必须晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="259"/>
        <source>Case {number} has its survey already.</source>
        <translation>投诉 {number} 已有调查记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="307"/>
        <source>Give the reason the customer is not to be surveyed.</source>
        <translation>请填写不予调查的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="415"/>
        <source>Enter the customer&apos;s name.</source>
        <translation>请填写客户姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="417"/>
        <source>Enter the survey time.</source>
        <translation>请填写调查时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="419"/>
        <source>Enter the survey time (a date and a time).</source>
        <translation>请输入调查时间（日期和时间）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="421"/>
        <source>The survey time is in the future.</source>
        <translation>调查时间晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="423"/>
        <source>Choose how the survey was done.</source>
        <translation>请选择调查方式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="427"/>
        <source>Give a score from 1 (very dissatisfied) to 5 (very satisfied).</source>
        <translation>请打 1（非常不满意）到 5（非常满意）分。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="433"/>
        <source>Choose from the listed aspects.</source>
        <translation>请从列出的环节中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="441"/>
        <source>Say what &quot;other&quot; means.</source>
        <translation>请说明“其他”的具体内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="483"/>
        <source>The survey time is before the case was closed.</source>
        <translation>调查时间早于投诉闭环时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="534"/>
        <source>The survey could not be saved: {reason}</source>
        <translation>调查未能保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="547"/>
        <source>Case {number} already has its survey, recorded {at} by {name}; a complaint is surveyed once.</source>
        <translation>投诉 {number} 已有调查记录（{name} 于 {at} 记录）；每件投诉只调查一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="623"/>
        <source>Say what was done for the customer.</source>
        <translation>请说明为客户做了哪些处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="628"/>
        <source>This follow-up is done or gone.</source>
        <translation>该跟进已完成或已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/surveys.py" line="633"/>
        <source>Only the supervisor it was given to, the case&apos;s handlers and managers may complete this follow-up.</source>
        <translation>只有被指派的主管、该投诉的处理人员和客服经理可以完成此跟进。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tracker.py" line="363"/>
        <source>Unknown sort order {sort}.</source>
        <translation>未知的排序方式 {sort}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tracker.py" line="677"/>
        <source>The list&apos;s position belongs to another order or filter; reload the list.</source>
        <translation>列表位置属于其他排序或筛选条件，请重新加载列表。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="239"/>
        <location filename="../../desktop_app/services/users.py" line="155"/>
        <source>The user name must be 1 to 60 letters, digits or . _ - @, without spaces.</source>
        <translation>用户名须为 1 至 60 个字母、数字或 . _ - @，不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/setup.py" line="183"/>
        <source>The server address, port or database name is not valid.</source>
        <translation>服务器地址、端口或数据库名称无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="160"/>
        <location filename="../../desktop_app/services/users.py" line="415"/>
        <source>Unknown role {role!r}; use clerk, supervisor, manager or admin.</source>
        <translation>未知角色 {role!r}；请使用 clerk、supervisor、manager 或 admin。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="171"/>
        <source>The user name {name} is already taken.</source>
        <translation>用户名 {name} 已被占用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="89"/>
        <source>Unknown supervisor {name!r}.</source>
        <translation>未知的主管 {name!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="91"/>
        <source>An account cannot be its own supervisor.</source>
        <translation>账号不能把自己设为主管。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="95"/>
        <source>{name} cannot be a supervisor: choose an active supervisor, manager or administrator account.</source>
        <translation>{name} 不能担任主管：请选择在用的主管、经理或管理员账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="107"/>
        <source>{name} cannot supervise {account}: {account} is above {name}.</source>
        <translation>{name} 不能担任 {account} 的主管：{account} 是 {name} 的上级。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="212"/>
        <location filename="../../desktop_app/services/users.py" line="260"/>
        <source>No user named {name}.</source>
        <translation>没有名为 {name} 的用户。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="246"/>
        <source>Only an administrator changes the account of a manager or administrator.</source>
        <translation>经理或管理员的账号只能由系统管理员修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="251"/>
        <source>{name} belongs to none of your departments; ask an administrator.</source>
        <translation>{name} 不属于您的任何部门；请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="286"/>
        <source>The command line has no password to change.</source>
        <translation>命令行会话没有可修改的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="290"/>
        <source>Your account no longer exists or is disabled.</source>
        <translation>您的账号已不存在或已停用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="293"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="296"/>
        <source>The new password must differ from the current one.</source>
        <translation>新密码必须与当前密码不同。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="440"/>
        <source>You assign only your own departments; ask an administrator.</source>
        <translation>您只能分配自己所属的部门；请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="424"/>
        <source>&quot;{value}&quot; is not 是 or 否 (yes or no)</source>
        <translation>&quot;{value}&quot; 不是“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy.py" line="110"/>
        <source>{code} was changed by someone else after you opened it. Reload to see the change, then edit again.</source>
        <translation>{code} 在您打开后已被他人修改。请重新加载查看修改，然后再编辑。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy.py" line="134"/>
        <source>Unknown policy table {sheet}.</source>
        <translation>未知的政策表 {sheet}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy.py" line="182"/>
        <location filename="../../desktop_app/services/policy.py" line="186"/>
        <location filename="../../desktop_app/services/policy_workbook.py" line="461"/>
        <location filename="../../desktop_app/services/policy_workbook.py" line="590"/>
        <source>Both names are required (Chinese and English).</source>
        <translation>中文名称和英文名称均为必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="463"/>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="471"/>
        <source>A code is required.</source>
        <translation>代码为必填项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="477"/>
        <source>&quot;{value}&quot; is not a code: 1 to {limit} letters, digits or _ . + -</source>
        <translation>&quot;{value}&quot; 不是有效代码：应为 1 至 {limit} 个字母、数字或 _ . + -</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="546"/>
        <location filename="../../desktop_app/services/policy_workbook.py" line="745"/>
        <location filename="../../desktop_app/services/policy_workbook.py" line="886"/>
        <source>{code} appears twice (row {row}).</source>
        <translation>{code} 重复出现（第 {row} 行）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="569"/>
        <source>{code} is a subtype, not a type.</source>
        <translation>{code} 是子类，不是投诉类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="601"/>
        <source>&quot;{value}&quot; differs from the type&apos;s name &quot;{name}&quot;: rename a type on its own row (subtype blank).</source>
        <translation>&quot;{value}&quot; 与该类型的名称“{name}”不一致：请在该类型自己的行（子类留空）中改名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="620"/>
        <source>A type has no {column}: write it on its subtypes&apos; rows.</source>
        <translation>投诉类型没有 {column}：请填写在其子类的行中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="665"/>
        <source>{code} is a type, not a subtype.</source>
        <translation>{code} 是投诉类型，不是子类。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="679"/>
        <source>{code} has cases under its type; it cannot move to {type}.</source>
        <translation>{code} 在其所属类型下已有投诉，不能移到 {type}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="739"/>
        <source>A user name is required.</source>
        <translation>用户名为必填项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="757"/>
        <source>No account named {name}: the policy workbook never creates accounts (add it under Administration or with user add).</source>
        <translation>没有名为 {name} 的账户：规则工作簿不会创建账户（请在“系统管理”中或用 user add 添加）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="775"/>
        <source>&quot;{value}&quot; is not a role (clerk, supervisor, manager, admin)</source>
        <translation>&quot;{value}&quot; 不是有效角色（clerk、supervisor、manager、admin）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="783"/>
        <source>Only an administrator changes roles ({name} is {role}).</source>
        <translation>只有管理员可以更改角色（{name} 为 {role}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="800"/>
        <location filename="../../desktop_app/services/users.py" line="361"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用您自己的账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="849"/>
        <location filename="../../desktop_app/services/policy_workbook.py" line="969"/>
        <source>&quot;{value}&quot; is not a department (by code, in the database or on the departments sheet).</source>
        <translation>&quot;{value}&quot; 不是部门（按代码，须在数据库或“部门”工作表中）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="880"/>
        <source>&quot;{value}&quot; is not a setting key.</source>
        <translation>&quot;{value}&quot; 不是设置键名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="981"/>
        <source>&quot;{value}&quot; is not a level (I, II, III)</source>
        <translation>&quot;{value}&quot; 不是有效级别（I、II、III）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="989"/>
        <source>&quot;{value}&quot; is not a first-callback rule (same_day, t+1, t+2)</source>
        <translation>&quot;{value}&quot; 不是首次回电规则（same_day、t+1、t+2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="998"/>
        <source>&quot;{value}&quot; is not a handling rule ({codes})</source>
        <translation>&quot;{value}&quot; 不是处理人规则（{codes}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="1012"/>
        <source>{path} is not an .xlsx workbook: {reason}</source>
        <translation>{path} 不是 .xlsx 工作簿：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="1024"/>
        <source>Not a sheet of the policy workbook: ignored.</source>
        <translation>不是规则工作簿的工作表：已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="1030"/>
        <source>The sheet appears twice.</source>
        <translation>该工作表出现了两次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="1047"/>
        <source>Unknown column: ignored.</source>
        <translation>未知列：已忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="1051"/>
        <source>The column appears twice.</source>
        <translation>该列出现了两次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/policy_workbook.py" line="1061"/>
        <source>The column is missing.</source>
        <translation>缺少该列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="275"/>
        <source>{name} is the last administrator who can sign in; add another administrator first.</source>
        <translation>{name} 是最后一个可以登录的系统管理员；请先添加其他系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="400"/>
        <source>Only an administrator changes roles.</source>
        <translation>只有系统管理员可以修改角色。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="402"/>
        <source>Only an administrator changes names.</source>
        <translation>只有系统管理员可以修改姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/users.py" line="408"/>
        <source>The display name must be 1 to 60 characters.</source>
        <translation>显示名称须为 1 至 60 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="105"/>
        <source>{key}: expected an http:// or https:// address, got {value!r}</source>
        <translation>{key}：应为 http:// 或 https:// 地址，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="117"/>
        <source>{key}: expected department code=address pairs separated by ;, not {value!r}</source>
        <translation>{key}：应为以 ; 分隔的“部门代码=地址”，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="129"/>
        <source>First response, urgent (hours)</source>
        <translation>首次响应时限，紧急（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="137"/>
        <source>First response, normal (hours)</source>
        <translation>首次响应时限，一般（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="141"/>
        <source>First response, low (hours)</source>
        <translation>首次响应时限，低（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="142"/>
        <source>Solution agreed, urgent (working days)</source>
        <translation>方案确认时限，紧急（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="143"/>
        <source>Solution agreed, normal (working days)</source>
        <translation>方案确认时限，一般（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="144"/>
        <source>Solution agreed, low (working days)</source>
        <translation>方案确认时限，低（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="145"/>
        <source>Resolved, urgent (working days)</source>
        <translation>办结时限，紧急（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="146"/>
        <source>Resolved, normal (working days)</source>
        <translation>办结时限，一般（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="147"/>
        <source>Resolved, low (working days)</source>
        <translation>办结时限，低（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="154"/>
        <source>First callback of urgent cases (hours)</source>
        <translation>紧急投诉首次回电时限（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="162"/>
        <source>First callback of escalated and VIP complaints (same_day, t+1, t+2)</source>
        <translation>升级投诉和VIP会员投诉的首次回电时限（same_day、t+1、t+2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="165"/>
        <source>Hour targets count working time only</source>
        <translation>按小时计的时限只计工作时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="170"/>
        <source>Complex cases: latest renegotiated resolution (working days)</source>
        <translation>复杂投诉：重新约定的最晚办结时间（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="178"/>
        <source>Progress update to the customer every (days)</source>
        <translation>向客户通报进度的间隔（天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="186"/>
        <source>Weekly progress updates after (working days open)</source>
        <translation>超过多少个工作日未闭环后改为每周通报进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="194"/>
        <source>Progress update interval for long cases (days)</source>
        <translation>长期投诉的进度通报间隔（天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="202"/>
        <source>Survey window opens after closure (hours)</source>
        <translation>闭环后多久开始回访调查（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="206"/>
        <source>Survey due after closure (hours)</source>
        <translation>闭环后回访调查时限（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="211"/>
        <source>Survey call: next try after no answer (working minutes)</source>
        <translation>回访电话无人接听时，再次致电的间隔（工作分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="219"/>
        <source>Survey call attempts before the customer counts as unreachable</source>
        <translation>回访致电多少次后视为联系不上客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="227"/>
        <source>Survey queue keeps cases this many days past their survey due time</source>
        <translation>调查时限过后投诉在调查队列中保留的天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="235"/>
        <source>Overall score at or below which an unhappy customer is followed up</source>
        <translation>整体满意度不高于此分数时跟进不满意客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="240"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="241"/>
        <source>Working day starts (HH:MM)</source>
        <translation>上班时间（HH:MM）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="242"/>
        <source>Working day ends (HH:MM)</source>
        <translation>下班时间（HH:MM）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="243"/>
        <source>Working weekdays (1 = Monday)</source>
        <translation>工作日（1 = 星期一）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="248"/>
        <source>Use China&apos;s public holidays and adjusted working days</source>
        <translation>使用中国法定节假日和调休安排</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="256"/>
        <source>Batch complaint: more than this many of one subtype in a day</source>
        <translation>批量投诉：同一子类一天内超过此数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="266"/>
        <source>Root cause required to close from this level (4: never)</source>
        <translation>自此级别起闭环须填写原因分类（4：从不要求）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="274"/>
        <source>Reminder scan interval (seconds)</source>
        <translation>提醒检查间隔（秒）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="282"/>
        <source>Warn before the first-response deadline (minutes)</source>
        <translation>首次响应时限前多久提醒（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="290"/>
        <source>Warn before the solution deadline (working hours)</source>
        <translation>方案时限前多久提醒（工作小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="298"/>
        <source>Warn before the resolution deadline (working days)</source>
        <translation>办结时限前多久提醒（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="306"/>
        <source>Escalate overdue cases after (minutes)</source>
        <translation>超时多久后自动升级（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="314"/>
        <source>Raise missed reminders for deadlines up to this many days old</source>
        <translation>补发错过的提醒：最多追溯多少天内的时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="325"/>
        <source>Improvement actions: remind of a missing monthly follow-up after this day of the next month</source>
        <translation>改进措施：次月此日之后仍缺月度跟踪时提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="335"/>
        <source>Tracker: a deadline is due soon within (hours)</source>
        <translation>进度跟踪：距时限多少小时内算即将到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="343"/>
        <source>Customer-service manager who receives escalations (user name; empty: any manager)</source>
        <translation>接收升级的客服经理（用户名；留空则为任一客服经理）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="349"/>
        <source>Head of operations, last escalation step (user name; empty: the manager)</source>
        <translation>运营负责人，即最后一级升级（用户名；留空则为客服经理）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="352"/>
        <source>Failed sign-ins before lockout</source>
        <translation>登录失败多少次后锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="353"/>
        <source>Lockout duration (minutes)</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="354"/>
        <source>Lock after idle (minutes)</source>
        <translation>闲置多久后锁定（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="355"/>
        <source>Minimum password length</source>
        <translation>密码最短长度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="356"/>
        <source>Largest attachment (MB)</source>
        <translation>附件大小上限（MB）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="361"/>
        <source>Attachment folder (empty: next to the database file; a shared folder for PostgreSQL)</source>
        <translation>附件文件夹（留空则放在数据库文件旁；使用 PostgreSQL 时请设为共享文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="363"/>
        <source>Daily backups kept</source>
        <translation>保留的每日备份数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="364"/>
        <source>Weekly backups kept</source>
        <translation>保留的每周备份数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="365"/>
        <source>Complaint number prefix</source>
        <translation>投诉编号前缀</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="371"/>
        <source>Group robot webhook for urgent, overdue and escalated cases (empty: none)</source>
        <translation>群机器人 Webhook 地址（紧急、超时、升级投诉；留空：不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="378"/>
        <source>Group robot webhooks per department (code=address; code=address)</source>
        <translation>各部门群机器人 Webhook（部门代码=地址；部门代码=地址）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="385"/>
        <source>Group robot kind (auto, wecom, dingtalk, feishu)</source>
        <translation>群机器人类型（auto 自动、wecom 企业微信、dingtalk 钉钉、feishu 飞书）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/settings.py" line="392"/>
        <source>DingTalk robot signing secret (empty: unsigned)</source>
        <translation>钉钉机器人加签密钥（留空：不加签）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="51"/>
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/bootstrap.py" line="115"/>
        <source>The database {file} is open on {host} (since {since}). Two computers must not use one database file: close the program there first, or set up a shared PostgreSQL server for several computers.</source>
        <translation>数据库 {file} 正在 {host} 上使用（自 {since} 起）。两台电脑不能同时使用同一个数据库文件：请先在那台电脑上关闭程序，或为多台电脑架设共享的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="111"/>
        <source>The notice is about {found}, not {year}.</source>
        <translation>该通知是关于{found}年的，不是{year}年。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="116"/>
        <source>The notice names no year: paste it with its title (国务院办公厅关于20XX年部分节假日安排的通知) or give the year.</source>
        <translation>通知中没有年份：请连同标题（国务院办公厅关于20XX年部分节假日安排的通知）一起粘贴，或指定年份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="121"/>
        <source>The year {year} is not a plausible notice year.</source>
        <translation>{year}不是合理的通知年份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="137"/>
        <source>No numbered holiday line (such as 一、元旦：1月1日放假) was found in the notice.</source>
        <translation>通知中没有找到带编号的节假日行（如“一、元旦：1月1日放假”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="148"/>
        <source>Line {line}: {name} is not one of the holidays of the notice.</source>
        <translation>第{line}行：“{name}”不是通知中的节假日。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="161"/>
        <source>Line {line} ({name}): no day off was found (a date followed by 放假).</source>
        <translation>第{line}行（{name}）：未找到放假日（日期后应有“放假”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="179"/>
        <source>Line {line} ({name}): {date} is both a day off and a working day.</source>
        <translation>第{line}行（{name}）：{date}既是放假日又是上班日。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="194"/>
        <source>Line {line} ({name}): the date {text} has no month.</source>
        <translation>第{line}行（{name}）：日期“{text}”缺少月份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="210"/>
        <source>Line {line} ({name}): {text} is not a date.</source>
        <translation>第{line}行（{name}）：“{text}”不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="217"/>
        <source>Line {line} ({name}): {date} is not near the year {year}.</source>
        <translation>第{line}行（{name}）：{date}与{year}年相距太远。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="228"/>
        <source>Line {line} ({name}): {date} is a {actual}, but the notice says {written}; check the line against the published notice.</source>
        <translation>第{line}行（{name}）：{date}是{actual}，但通知写的是{written}；请对照已发布的通知核对该行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="261"/>
        <source>Line {line} ({name}): the range starting {date} has no end date.</source>
        <translation>第{line}行（{name}）：从{date}开始的日期范围缺少结束日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="270"/>
        <source>Line {line} ({name}): the range {first} to {last} ends before it starts.</source>
        <translation>第{line}行（{name}）：日期范围{first}至{last}的结束早于开始。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="279"/>
        <source>Line {line} ({name}): {count} days off in a row is not plausible.</source>
        <translation>第{line}行（{name}）：连续放假{count}天不合常理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/holiday_notice.py" line="288"/>
        <source>Line {line} ({name}): {first} to {last} is {count} days, but the notice says {written}.</source>
        <translation>第{line}行（{name}）：{first}至{last}共{count}天，但通知写的是“{written}”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/notify.py" line="356"/>
        <source>Set the group robot webhook address first.</source>
        <translation>请先设置群机器人 Webhook 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/notify.py" line="360"/>
        <source>{value} is not an http:// or https:// address.</source>
        <translation>{value} 不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/notify.py" line="378"/>
        <source>The test message was not delivered: {error}</source>
        <translation>测试消息未送达：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="15"/>
        <source>The password must not contain the user name or the display name.</source>
        <translation>密码不得包含用户名或显示名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="16"/>
        <source>This password is among the most common ones and would be guessed at once.</source>
        <translation>此密码属于最常见的密码，很快就会被猜中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="17"/>
        <source>Runs and repeats such as 12345678, abcd or aaaa are easy to guess.</source>
        <translation>12345678、abcd 或 aaaa 这类连续或重复的字符很容易被猜中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="18"/>
        <source>Rows of neighbouring keys such as qwerty are easy to guess.</source>
        <translation>qwerty 这类键盘上相邻的按键很容易被猜中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="19"/>
        <source>Dates and years are easy to guess.</source>
        <translation>日期和年份很容易被猜中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="20"/>
        <source>Names and common words on their own are easy to guess.</source>
        <translation>单独使用姓名和常用词很容易被猜中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/passwords.py" line="22"/>
        <source>This password is too easy to guess. Use a longer one, e.g. three or four unrelated words with a digit or sign.</source>
        <translation>此密码太容易被猜中。请使用更长的密码，例如三四个互不相关的词再加上数字或符号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/workbook_limits.py" line="20"/>
        <source>{name} unpacks to {size:.0f} MB, more than the 200 MB a workbook may have; nothing was changed. Split it into smaller workbooks.</source>
        <translation>{name} 解压后为 {size:.0f} MB，超过工作簿允许的 200 MB；未做任何更改。请拆分为较小的工作簿。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/workbook_limits.py" line="24"/>
        <source>{name} is compressed {ratio:.0f}:1, more than the 100:1 a workbook may be (it may be built to exhaust the computer); nothing was changed.</source>
        <translation>{name} 的压缩比为 {ratio:.0f}:1，超过工作簿允许的 100:1（可能是为耗尽电脑资源而构造的）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="83"/>
        <source>Enter a date (YYYY-MM-DD).</source>
        <translation>请输入日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="99"/>
        <source>Choose at least one department.</source>
        <translation>请至少选择一个部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="122"/>
        <source>Only a supervisor of a department present, or a manager, records this meeting.</source>
        <translation>只有参会部门的主管或经理可以登记此复盘会。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="225"/>
        <source>No review meeting has the id {id}.</source>
        <translation>没有编号为 {id} 的复盘会。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="301"/>
        <source>Decision {row}: enter what was decided.</source>
        <translation>决议 {row}：请填写决议内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="308"/>
        <source>Decision {row}: choose the responsible department.</source>
        <translation>决议 {row}：请选择责任部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="373"/>
        <source>Sign in to record a review meeting.</source>
        <translation>请登录后再登记复盘会。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="453"/>
        <source>No decision has the id {id}.</source>
        <translation>没有编号为 {id} 的决议。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/review_meetings.py" line="457"/>
        <source>This decision already has its improvement action.</source>
        <translation>该决议已有改进措施。</translation>
    </message>
</context>
<context>
    <name>AccountFields</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="69"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="70"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="71"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="72"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="475"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="479"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="491"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="505"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="381"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="384"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="387"/>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="392"/>
        <source>&amp;Lift sign-in lockout</source>
        <translation>解除登录锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="395"/>
        <source>Let the account sign in again at once after too many failed attempts</source>
        <translation>登录失败次数过多后，让该账号立即可以重新登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="398"/>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="476"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="423"/>
        <source>A disabled account cannot sign in; its cases and history stay. Every change is recorded in the audit log.</source>
        <translation>停用的账号不能登录，其投诉和历史记录仍会保留。每次修改都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="470"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="473"/>
        <source>Let {name} sign in again</source>
        <translation>允许 {name} 重新登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="479"/>
        <source>Stop {name} from signing in</source>
        <translation>禁止 {name} 登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="502"/>
        <source>New password set for {name}.</source>
        <translation>已为 {name} 设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="504"/>
        <source>Account {name} added.</source>
        <translation>已添加账号 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="506"/>
        <source>Account {name} changed.</source>
        <translation>已修改账号 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="551"/>
        <source>{name} can sign in again at once.</source>
        <translation>{name} 现在可以立即重新登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="568"/>
        <source>Enable the account</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="569"/>
        <source>Let {name} ({display}) sign in again?</source>
        <translation>允许 {name}（{display}）重新登录吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="573"/>
        <source>Disable the account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="575"/>
        <source>Disable {name} ({display})? The account can no longer sign in; its cases and history stay, and you can enable it again.</source>
        <translation>停用 {name}（{display}）吗？停用后该账号不能再登录，其投诉和历史记录仍会保留，之后可以重新启用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="587"/>
        <source>Account {name} enabled.</source>
        <translation>已启用账号 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="589"/>
        <source>Account {name} disabled.</source>
        <translation>已停用账号 {name}。</translation>
    </message>
</context>
<context>
    <name>AccountsTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="116"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="116"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="119"/>
        <source>No password</source>
        <translation>未设密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="120"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="120"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="128"/>
        <source>This account has no password (e.g. made by an import); reset its password to let it sign in.</source>
        <translation>该账号没有密码（例如由导入创建）；重置密码后才能登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="87"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="88"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="89"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="90"/>
        <source>Departments</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="91"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="92"/>
        <source>Can sign in</source>
        <translation>可登录</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="91"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>AdminForm</name>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="160"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="83"/>
        <source>&amp;Audit log</source>
        <translation>审计日志(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="89"/>
        <source>A&amp;ccounts</source>
        <translation>账号管理(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="94"/>
        <source>&amp;Backups</source>
        <translation>备份与恢复(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="97"/>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="109"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="116"/>
        <source>Administration is for managers (audit log) and administrators (accounts and backups).</source>
        <translation>系统管理仅供客服经理（审计日志）和系统管理员（账号、备份与恢复）使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="158"/>
        <source>The audit log is not protected: the database no longer refuses changes to audit entries, so they could be altered or deleted without a trace. Run &quot;desktop-app check&quot; to confirm, then &quot;desktop-app init&quot; (as the database owner) to put the protection back, or restore a recent backup; if you cannot, ask the administrator now.</source>
        <translation>审计日志未受保护：数据库已不再拒绝修改审计记录，记录可能被改动或删除而不留痕迹。请运行“desktop-app check”确认，再以数据库所有者身份运行“desktop-app init”恢复保护，或从最近的备份恢复；如果您无法处理，请立即联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="167"/>
        <source>The audit log is protected, but the program connects to PostgreSQL as the owner of the audit log, who could remove that protection. Connect the program as the application role (see &quot;PostgreSQL roles&quot; in the first-start wizard and the guide).</source>
        <translation>审计日志受保护，但程序以审计日志所有者的身份连接 PostgreSQL，该身份可以去掉这项保护。请让程序以应用角色连接（见第一次启动向导中的“PostgreSQL 角色”和用户手册）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_page.py" line="175"/>
        <source>The audit log is protected: the database refuses changes to audit entries.</source>
        <translation>审计日志受保护：数据库拒绝修改审计记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="183"/>
        <source>Administrator account</source>
        <translation>系统管理员账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="185"/>
        <source>The administrator signs in first and then adds the other accounts.</source>
        <translation>系统管理员先登录，再添加其他账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="189"/>
        <source>Choose the administrator&apos;s user name and password. Keep the password safe: nobody can look it up.</source>
        <translation>请设置系统管理员的用户名和密码。请妥善保管密码：任何人都无法查到它。</translation>
    </message>
</context>
<context>
    <name>AspectChoices</name>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="208"/>
        <source>What &quot;other&quot; is</source>
        <translation>“其他”具体是什么</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../desktop_app/ui/intake/widgets.py" line="122"/>
        <source>Screenshots, photos and other files: drop them here or use Add files</source>
        <translation>截图、照片等文件：拖到这里，或点“添加文件”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/widgets.py" line="157"/>
        <source>Images and documents (*.png *.jpg *.jpeg *.gif *.bmp *.pdf *.doc *.docx *.xls *.xlsx *.txt *.mp3 *.wav *.m4a);;All files (*)</source>
        <translation>图片和文档 (*.png *.jpg *.jpeg *.gif *.bmp *.pdf *.doc *.docx *.xls *.xlsx *.txt *.mp3 *.wav *.m4a);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/widgets.py" line="216"/>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/widgets.py" line="222"/>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="85"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="86"/>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="87"/>
        <source>Sign-in refused (locked out)</source>
        <translation>拒绝登录（已锁定）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="88"/>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="89"/>
        <source>Window unlocked</source>
        <translation>解锁窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="90"/>
        <source>Failed unlock</source>
        <translation>解锁失败</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="91"/>
        <source>Own password changed</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="92"/>
        <source>Password reset by an administrator</source>
        <translation>系统管理员重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="95"/>
        <source>Sign-in lockout lifted by an administrator</source>
        <translation>管理员解除了登录锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="98"/>
        <source>Account added</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="99"/>
        <source>Account changed</source>
        <translation>修改账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="100"/>
        <source>Account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="101"/>
        <source>Account enabled</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="102"/>
        <source>Complaint registered</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="103"/>
        <source>Customer record changed</source>
        <translation>客户档案已修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="104"/>
        <source>Case assigned by rule</source>
        <translation>按规则分派投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="105"/>
        <source>Progress recorded</source>
        <translation>记录进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="106"/>
        <source>Case transferred</source>
        <translation>转派投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="107"/>
        <source>Case escalated</source>
        <translation>升级投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="108"/>
        <source>Case escalated automatically</source>
        <translation>自动升级投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="109"/>
        <source>Approval requested</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="110"/>
        <source>Approval decided</source>
        <translation>审批处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="111"/>
        <source>Case closed</source>
        <translation>投诉闭环</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="112"/>
        <source>Case reopened</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="113"/>
        <source>Resolution date renegotiated</source>
        <translation>重新约定办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="114"/>
        <source>Case re-assessed</source>
        <translation>投诉重新评估</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="115"/>
        <source>Account frozen note</source>
        <translation>账户冻结记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="116"/>
        <source>Root cause recorded</source>
        <translation>已记录原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="117"/>
        <source>Batch complaint marked urgent</source>
        <translation>批量投诉列为紧急</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="118"/>
        <source>Deadlines recomputed</source>
        <translation>重新计算时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="119"/>
        <source>Full contact details shown</source>
        <translation>查看完整联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="120"/>
        <source>Follow-up created</source>
        <translation>创建跟进</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="121"/>
        <source>Follow-up done</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="122"/>
        <source>Reminder acknowledged</source>
        <translation>提醒已阅</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="123"/>
        <source>Reminder snoozed</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="124"/>
        <source>Survey recorded</source>
        <translation>记录满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="125"/>
        <source>Survey attempt recorded</source>
        <translation>记录回访电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="126"/>
        <source>Survey skipped</source>
        <translation>不予调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="127"/>
        <source>Improvement action added</source>
        <translation>新增改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="128"/>
        <source>Improvement action changed</source>
        <translation>修改改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="129"/>
        <source>Review meeting recorded</source>
        <translation>登记复盘会</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="130"/>
        <source>Review meeting changed</source>
        <translation>修改复盘会</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="131"/>
        <source>Improvement action created from a decision</source>
        <translation>由决议创建改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="134"/>
        <source>Marked as a typical case</source>
        <translation>标记为典型案例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="135"/>
        <source>Removed from the typical-case library</source>
        <translation>移出典型案例库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="138"/>
        <source>Cases exported</source>
        <translation>导出投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="139"/>
        <source>Cases exported unmasked</source>
        <translation>导出投诉（未隐藏联系方式）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="140"/>
        <source>Report exported</source>
        <translation>导出统计报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="141"/>
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="142"/>
        <source>Workbook imported</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="143"/>
        <source>Policy changed</source>
        <translation>政策已修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="144"/>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="145"/>
        <source>Calendar day changed</source>
        <translation>调整日历</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="146"/>
        <source>Calendar day change removed</source>
        <translation>取消日历调整</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="149"/>
        <source>Holiday notice imported</source>
        <translation>已导入放假通知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="152"/>
        <source>Backup taken</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="153"/>
        <source>Database restored</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="154"/>
        <source>Demo data generated</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="168"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="169"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="170"/>
        <source>Entity id</source>
        <translation>对象 ID</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="166"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="167"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="171"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="172"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="286"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="290"/>
        <source>Any complaint</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="294"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="310"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="311"/>
        <source>&amp;Complaint number:</source>
        <translation>投诉编号(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="312"/>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="313"/>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="314"/>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="336"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="339"/>
        <source>Read the audit log again (F5)</source>
        <translation>重新读取审计日志（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="343"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="347"/>
        <source>Save the entries of this filter as an Excel workbook (the export is recorded in the audit log)</source>
        <translation>将当前筛选出的记录另存为 Excel 工作簿（导出操作会记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="353"/>
        <source>Exporting… %p%</source>
        <translation>正在导出… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="365"/>
        <source>Every sign-in, change, export, setting change, backup and restore is recorded here. Entries cannot be changed or deleted.</source>
        <translation>每次登录、修改、导出、设置修改、备份和恢复都记录在这里。记录不能修改或删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="447"/>
        <source>No entries match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="449"/>
        <source>Entries: {total}</source>
        <translation>记录：{total} 条</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="451"/>
        <source>Entries: {shown} of {total} (scroll for more)</source>
        <translation>记录：{total} 条中已显示 {shown} 条（向下滚动查看更多）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="468"/>
        <source>Audit log {start}-{end}.xlsx</source>
        <translation>审计日志 {start}-{end}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="474"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="476"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="522"/>
        <source>Audit log exported: {rows} entries to {file}</source>
        <translation>审计日志已导出：{rows} 条记录，保存到 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="527"/>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="244"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="245"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="246"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="247"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_audit.py" line="248"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../desktop_app/ui/auto_backup.py" line="131"/>
        <source>Daily backup saved: {file}</source>
        <translation>每日备份已保存：{file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/auto_backup.py" line="140"/>
        <source>The daily backup failed: {reason}</source>
        <translation>每日备份失败：{reason}</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="128"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="129"/>
        <source>Backups folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="130"/>
        <source>Kept:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="139"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="142"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="145"/>
        <source>Replace the database with the selected backup (or a file you choose)</source>
        <translation>用选中的备份（或您选择的文件）替换数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="149"/>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="155"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="196"/>
        <source>the last {daily} daily and {weekly} weekly automatic backups (settings backups.keep_daily and backups.keep_weekly); a daily backup is taken while the program runs</source>
        <translation>最近 {daily} 份每日自动备份和 {weekly} 份每周自动备份（设置项 backups.keep_daily 和 backups.keep_weekly）；程序运行期间每天自动备份一次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="202"/>
        <source>a file you choose at each backup</source>
        <translation>每次备份时自行选择的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="203"/>
        <source>as the database server&apos;s backup plan says</source>
        <translation>按数据库服务器的备份计划</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="219"/>
        <source>Restoring is done with pg_restore, not by this program: close the program on every PC, then run pg_restore --clean --if-exists --no-owner --dbname &lt;database URL&gt; &lt;file&gt;.</source>
        <translation>恢复需用 pg_restore 完成，而非本程序：请关闭所有电脑上的本程序，然后运行 pg_restore --clean --if-exists --no-owner --dbname &lt;数据库 URL&gt; &lt;文件&gt;。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="225"/>
        <source>This database is on a PostgreSQL server. &quot;Back up now&quot; runs pg_dump ({program}) and writes the dump to a file you choose.</source>
        <translation>该数据库位于 PostgreSQL 服务器上。“立即备份”会运行 pg_dump（{program}），并把转储写入您选择的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="230"/>
        <source>This database is on a PostgreSQL server. pg_dump was not found on this computer: install the PostgreSQL client tools (package postgresql-client, or the PostgreSQL installer on Windows) to back up from here, or use the database server&apos;s own backups.</source>
        <translation>该数据库位于 PostgreSQL 服务器上。本机未找到 pg_dump：请安装 PostgreSQL 客户端工具（postgresql-client 软件包，Windows 上用 PostgreSQL 安装程序）后在此备份，或使用数据库服务器自身的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="269"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="271"/>
        <source>Database backups (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>数据库备份 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="282"/>
        <source>Save the PostgreSQL backup</source>
        <translation>保存 PostgreSQL 备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="284"/>
        <source>pg_dump archive (*.dump)</source>
        <translation>pg_dump 归档 (*.dump)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="315"/>
        <source>Backup saved: {file} ({size})</source>
        <translation>备份已保存：{file}（{size}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="319"/>
        <source>Older backups removed by the retention rule: {count}.</source>
        <translation>已按保留规则删除较早的备份：{count} 份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="354"/>
        <source> (taken {time})</source>
        <translation>（备份于 {time}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="356"/>
        <source>Replace the whole database by the backup {file}{when}?

Everything recorded after that backup is lost. The current database is kept as a copy beside it.

Close the program on every other PC first: the restore is refused while the database is in use.

After the restore this program signs you out; sign in again to continue.</source>
        <translation>要用备份 {file}{when} 替换整个数据库吗？

该备份之后记录的所有内容都将丢失。当前数据库会作为副本保存在同一位置。

请先关闭其他所有电脑上的本程序：数据库正在使用时无法恢复。

恢复后本程序会退出登录，请重新登录后继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="363"/>
        <source>Restore the database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="373"/>
        <source>The database was restored from {source} (schema version {version}).</source>
        <translation>数据库已从 {source} 恢复（结构版本 {version}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="376"/>
        <source>It was brought up to this program&apos;s schema version.</source>
        <translation>已升级到本程序的结构版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="377"/>
        <source>The database it replaced is kept as {kept}.</source>
        <translation>被替换的数据库已保留为 {kept}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="380"/>
        <source>You are now signed out; sign in again to continue.</source>
        <translation>您已退出登录，请重新登录后继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="387"/>
        <source>Database restored from {file}</source>
        <translation>已从 {file} 恢复数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="390"/>
        <source>Database restored</source>
        <translation>数据库已恢复</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="80"/>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="80"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_backups.py" line="80"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="159"/>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="164"/>
        <source>Import the holiday &amp;notice…</source>
        <translation>导入放假通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="168"/>
        <source>Next year&apos;s days off and makeup working days from the State Council&apos;s notice (国务院办公厅关于部分节假日安排的通知)</source>
        <translation>从国务院办公厅关于部分节假日安排的通知导入下一年的放假日和调休上班日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="231"/>
        <source>Click a day to see it here.</source>
        <translation>点击某一天，在这里查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="236"/>
        <source>Holiday (no work)</source>
        <translation>节假日（不上班）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="237"/>
        <location filename="../../desktop_app/ui/calendar_page.py" line="310"/>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="241"/>
        <source>Why, e.g. company anniversary</source>
        <translation>原因，例如公司周年庆</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="242"/>
        <source>Set &amp;override</source>
        <translation>设置调整(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="245"/>
        <source>&amp;Remove override</source>
        <translation>取消调整(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="252"/>
        <source>Selected day</source>
        <translation>选中的日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="255"/>
        <source>Make it &amp;a:</source>
        <translation>改为(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="258"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="268"/>
        <source>Overrides turn a day into a holiday or a working day for every deadline; open cases are recomputed after each change.</source>
        <translation>调整可把某天改为节假日或工作日，所有时限都按此计算；每次调整后会重新计算未闭环投诉的时限。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="272"/>
        <source>Only managers and administrators can change the working calendar.</source>
        <translation>只有客服经理和系统管理员可以修改工作日历。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="305"/>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="306"/>
        <source>Makeup working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="307"/>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="308"/>
        <source>Extra holiday (override)</source>
        <translation>额外休息日（调整）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="309"/>
        <source>Extra working day (override)</source>
        <translation>额外工作日（调整）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="315"/>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="315"/>
        <source>day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="316"/>
        <source>{day}: {mark} — {state}</source>
        <translation>{day}：{mark} — {state}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="379"/>
        <source>{year}: official public holidays and adjusted working days.</source>
        <translation>{year}年：已按官方公布的法定节假日和调休安排。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="386"/>
        <source>{year}: no official holiday schedule is known; only weekends and overrides count.</source>
        <translation>{year}年：尚无官方公布的放假安排，只按周末和调整计算。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="393"/>
        <source>The official {year} holiday schedule is not known to this program: deadlines in {year} count weekends and your calendar overrides only. Import the State Council&apos;s holiday notice for {year} (Import the holiday notice…), enter its days as overrides, or update the program.</source>
        <translation>本程序尚不知道{year}年的官方节假日安排：{year}年的时限只按周末和您的日历调整计算。请导入国务院{year}年放假通知（“导入放假通知…”），或把其中的日期设为调整，或更新程序。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/calendar_page.py" line="467"/>
        <source>The holiday notice for {year} was imported.</source>
        <translation>{year}年放假通知已导入。</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="262"/>
        <source>Escalate the case</source>
        <translation>升级投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="263"/>
        <source>The case goes up to: {step}. They are notified.</source>
        <translation>投诉将升级至：{step}，并通知对方。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="264"/>
        <location filename="../../desktop_app/ui/case/actions.py" line="327"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="274"/>
        <source>Request approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="276"/>
        <source>A supervisor approves the solution before it is carried out (level II and III and urgent cases).</source>
        <translation>方案执行前须经主管审批（二级、三级及紧急投诉）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="279"/>
        <source>&amp;Solution</source>
        <translation>处理方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="322"/>
        <source>Reopen the case</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="324"/>
        <source>The case opens again as an escalated complaint (level III) with new deadlines from now.</source>
        <translation>投诉将作为升级投诉（三级）重新打开，时限从现在起重新计算。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="443"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="452"/>
        <source>&amp;Save entry</source>
        <translation>保存记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="475"/>
        <source>The progress entry was saved.</source>
        <translation>进度记录已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="476"/>
        <source>The case was transferred.</source>
        <translation>投诉已转派。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="477"/>
        <source>The case was escalated.</source>
        <translation>投诉已升级。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="478"/>
        <source>Approval was requested.</source>
        <translation>已提交审批。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="479"/>
        <source>The decision was recorded.</source>
        <translation>审批结果已记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="480"/>
        <source>The case was closed.</source>
        <translation>投诉已闭环。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="481"/>
        <source>The case was reopened.</source>
        <translation>投诉已重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="482"/>
        <source>The resolution date was renegotiated.</source>
        <translation>已重新约定办结日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="483"/>
        <source>The case was re-assessed.</source>
        <translation>投诉已重新评估。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="484"/>
        <source>The account frozen note was recorded.</source>
        <translation>账户冻结记录已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="485"/>
        <source>The root cause was recorded.</source>
        <translation>已记录原因分类。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="486"/>
        <source>The case is in the typical-case library.</source>
        <translation>该案件已收入典型案例库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="491"/>
        <source>your progress entry</source>
        <translation>您的进度记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="492"/>
        <source>your transfer</source>
        <translation>您的转派</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="493"/>
        <source>your escalation</source>
        <translation>您的升级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="494"/>
        <source>your approval request</source>
        <translation>您的审批申请</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="495"/>
        <source>your decision</source>
        <translation>您的审批结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="496"/>
        <source>closing the case</source>
        <translation>投诉闭环</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="497"/>
        <source>reopening the case</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="498"/>
        <source>the new resolution date</source>
        <translation>新的办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="499"/>
        <source>your re-assessment</source>
        <translation>您的重新评估</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="500"/>
        <source>the account frozen note</source>
        <translation>账户冻结记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="501"/>
        <source>the root cause</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="502"/>
        <source>the typical case</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="528"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/actions.py" line="578"/>
        <source>The case was reloaded; nothing of yours was saved.</source>
        <translation>投诉已重新读取；您的操作未保存。</translation>
    </message>
</context>
<context>
    <name>CaseDetailsView</name>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="47"/>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="48"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="49"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="50"/>
        <source>Customer / member number</source>
        <translation>客户编号/会员账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="51"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="52"/>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="54"/>
        <source>Complaint</source>
        <translation>投诉信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="55"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="56"/>
        <source>Complaint time</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="57"/>
        <source>Registration time</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="58"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="59"/>
        <source>Type</source>
        <translation>投诉类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="60"/>
        <source>Subtype</source>
        <translation>投诉子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="61"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="62"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="63"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="64"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="65"/>
        <source>Customer requests</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="66"/>
        <source>Staff complained about</source>
        <translation>被投诉员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="67"/>
        <source>Repeat complaint of</source>
        <translation>升级投诉（原投诉）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="68"/>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="71"/>
        <source>Handling</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="72"/>
        <source>Stage</source>
        <translation>当前处理阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="73"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="74"/>
        <source>Urgent because</source>
        <translation>紧急原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="75"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="78"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="79"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="80"/>
        <source>Times reopened</source>
        <translation>重新打开次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="81"/>
        <source>Complex case</source>
        <translation>复杂投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="82"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="83"/>
        <source>Outcome reason</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="84"/>
        <source>Root cause</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="85"/>
        <source>Cause analysis</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="86"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="88"/>
        <source>Times and deadlines</source>
        <translation>时间与时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="89"/>
        <source>First response</source>
        <translation>首次响应时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="90"/>
        <source>Solution agreed</source>
        <translation>方案确认时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="91"/>
        <source>Closed</source>
        <translation>闭环时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="92"/>
        <source>First response due</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="93"/>
        <source>Solution due</source>
        <translation>方案时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="94"/>
        <source>Resolution due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="95"/>
        <source>Renegotiated resolution</source>
        <translation>重新约定的办结时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="96"/>
        <source>Next deadline</source>
        <translation>最近时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="97"/>
        <source>Next progress update due</source>
        <translation>下次进度更新时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="129"/>
        <location filename="../../desktop_app/ui/case/details.py" line="226"/>
        <source>Record frozen</source>
        <translation>记录已冻结</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="131"/>
        <source>Record that the customer&apos;s account was frozen now, or clear the note</source>
        <translation>记录客户账户已于此时冻结，或清除该记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="137"/>
        <location filename="../../desktop_app/ui/case/details.py" line="140"/>
        <source>Account frozen</source>
        <translation>账户冻结</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="156"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="156"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="179"/>
        <source>Yes, {time}</source>
        <translation>是，{time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="185"/>
        <source>Level {level}, urgent</source>
        <translation>{level}级，紧急</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="187"/>
        <source>Level {level}</source>
        <translation>{level}级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="200"/>
        <source>Not recorded (required to close)</source>
        <translation>未记录（闭环前必填）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="202"/>
        <source>{time} by {user}</source>
        <translation>{time}（{user}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="216"/>
        <source>Masked: you do not handle this case (privacy rule)</source>
        <translation>已隐藏：您不是该投诉的处理人员（隐私规定）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="226"/>
        <source>Clear the note</source>
        <translation>清除记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="248"/>
        <source>{time} (overdue)</source>
        <translation>{time}（已超时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="250"/>
        <source>{time} (due soon)</source>
        <translation>{time}（即将到期）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/details.py" line="252"/>
        <source>{time} (met)</source>
        <translation>{time}（已达成）</translation>
    </message>
</context>
<context>
    <name>CaseImprovements</name>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="60"/>
        <source>Improvement actions</source>
        <translation>持续改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="75"/>
        <source>Enter or a double click opens the action</source>
        <translation>按回车或双击打开该措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="78"/>
        <source>No improvement action is linked to this case.</source>
        <translation>本案件尚未关联任何改进措施。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="82"/>
        <source>&amp;New improvement action…</source>
        <translation>新建改进措施(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="86"/>
        <source>An improvement action about this case&apos;s subtype and product, with the case linked</source>
        <translation>针对本案件子类和产品的改进措施，并关联本案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="118"/>
        <source>#{id} {problem} — {status}, due {deadline}</source>
        <translation>#{id} {problem} — {status}，期限 {deadline}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="162"/>
        <source>Complaints about {subtype}; root cause: {cause} (case {number})</source>
        <translation>{subtype}类投诉；原因：{cause}（案件 {number}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="164"/>
        <source>Complaints about {subtype} (case {number})</source>
        <translation>{subtype}类投诉（案件 {number}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/improvements.py" line="217"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>CaseLibraryDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="103"/>
        <source>Typical-case library</source>
        <translation>典型案例库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="108"/>
        <source>Search summaries, lessons and scripts</source>
        <translation>搜索摘要、经验教训和话术</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="112"/>
        <source>Any type</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="115"/>
        <location filename="../../desktop_app/ui/case_library.py" line="134"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="118"/>
        <source>Any cause</source>
        <translation>任意原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="120"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="132"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="133"/>
        <source>Subtype</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="135"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="136"/>
        <location filename="../../desktop_app/ui/case_library.py" line="244"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="219"/>
        <source>{count} typical cases</source>
        <translation>{count} 个典型案例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="239"/>
        <source>Marked by {name} on {day}</source>
        <translation>{name} 于 {day} 标记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="245"/>
        <source>Lesson</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="246"/>
        <source>Handling script</source>
        <translation>有效话术</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="247"/>
        <source>Description (personal data masked)</source>
        <translation>描述（个人信息已脱敏）</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="193"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="193"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="193"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="193"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="245"/>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="140"/>
        <source>Case</source>
        <translation>投诉详情</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="174"/>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="176"/>
        <source>Hide this notice</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="210"/>
        <source>&amp;Transfer…</source>
        <translation>转派(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="211"/>
        <source>Give the case to someone else, with the reason</source>
        <translation>把投诉转给他人处理，并说明原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="216"/>
        <source>&amp;Escalate…</source>
        <translation>升级(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="217"/>
        <source>Send the case one step up the chain</source>
        <translation>把投诉升级到上一级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="222"/>
        <source>Request a&amp;pproval…</source>
        <translation>提交审批(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="223"/>
        <source>Ask a supervisor to approve the solution</source>
        <translation>请主管审批处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="228"/>
        <source>Appro&amp;ve…</source>
        <translation>批准(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="229"/>
        <source>Approve the proposed solution</source>
        <translation>批准提出的处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="234"/>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="235"/>
        <source>Send the solution back to the owner</source>
        <translation>把方案退回责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="240"/>
        <source>Rene&amp;gotiate…</source>
        <translation>重新约定(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="241"/>
        <source>Complex case: agree a later resolution date with the customer</source>
        <translation>复杂投诉：与客户约定更晚的办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="246"/>
        <source>C&amp;lose case…</source>
        <translation>闭环(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="247"/>
        <source>Close after the customer confirmed, or with an outcome and reason</source>
        <translation>客户确认后闭环，或填写处理结果和原因后闭环</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="252"/>
        <source>Re&amp;open…</source>
        <translation>重新打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="253"/>
        <source>Reopen the case: it becomes an escalated complaint (level III)</source>
        <translation>重新打开投诉：按升级投诉（三级）处理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="256"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="256"/>
        <source>Read the case again (F5)</source>
        <translation>重新读取投诉（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="263"/>
        <source>Re-&amp;assess…</source>
        <translation>重新评估(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="266"/>
        <source>Mark urgent, change the level, type, subtype or department</source>
        <translation>标记紧急，调整级别、类型、子类型或部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="271"/>
        <source>Cause analys&amp;is…</source>
        <translation>原因分析(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="274"/>
        <source>Record the root cause and the 5W1H analysis</source>
        <translation>记录原因分类和5W1H原因分析</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="279"/>
        <source>T&amp;ypical case…</source>
        <translation>典型案例(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="282"/>
        <source>Keep this closed case in the typical-case library</source>
        <translation>将此已结案件收入典型案例库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="317"/>
        <source>C&amp;ustomer…</source>
        <translation>客户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="320"/>
        <source>The customer&apos;s record: contacts, member tier, sensitive customer</source>
        <translation>客户档案：联系方式、会员等级、敏感客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="441"/>
        <source>Changed on another PC by {who} at {time}: {what}.</source>
        <translation>{who} 已于 {time} 在另一台电脑上修改：{what}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="445"/>
        <source>This case was changed on another PC.</source>
        <translation>此投诉已在另一台电脑上被修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="447"/>
        <source>Your unsaved progress entry is kept.</source>
        <translation>您尚未保存的处理进度已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="457"/>
        <source>The case cannot be shown: {reason}</source>
        <translation>无法显示该投诉：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="460"/>
        <source>Case not available</source>
        <translation>投诉无法查看</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="498"/>
        <source>Improvement action #{id} was saved.</source>
        <translation>改进措施 #{id} 已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="521"/>
        <location filename="../../desktop_app/ui/case/window.py" line="524"/>
        <source>{number} — {customer}</source>
        <translation>{number} — {customer}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="556"/>
        <source>{name} is not a type the program opens; its folder is shown instead.</source>
        <translation>本程序不直接打开 {name} 这种类型的文件，改为显示其所在文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="576"/>
        <source>Attach evidence</source>
        <translation>添加凭证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="588"/>
        <source>Discard the progress entry?</source>
        <translation>放弃这条进度记录？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/window.py" line="589"/>
        <source>The progress entry you typed is not saved. Close and discard it?</source>
        <translation>您填写的进度记录尚未保存。要关闭并放弃吗？</translation>
    </message>
</context>
<context>
    <name>CauseFields</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="225"/>
        <source>(choose the cause)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="225"/>
        <source>(not known yet)</source>
        <translation>（尚未查明）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="237"/>
        <source>Root &amp;cause</source>
        <translation>原因分类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="239"/>
        <source>Cause &amp;analysis</source>
        <translation>原因分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="243"/>
        <source>5W1H: What, When, Where, Who, Why, How (optional)</source>
        <translation>5W1H：何事、何时、何地、何人、为何、如何（可选）</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="41"/>
        <location filename="../../desktop_app/ui/password_dialog.py" line="72"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="45"/>
        <source>Signed in as {name} ({user}).</source>
        <translation>当前用户：{name}（{user}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="56"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="58"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="60"/>
        <source>&amp;Repeat new password:</source>
        <translation>确认新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="106"/>
        <source>At least {n} characters, not starting or ending with a space, different from the current password.</source>
        <translation>至少 {n} 个字符，不能以空格开头或结尾，且须与当前密码不同。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/password_dialog.py" line="130"/>
        <source>The repeated password differs from the new one.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="277"/>
        <source>Close the case</source>
        <translation>投诉闭环</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="279"/>
        <source>Close only when the customer confirmed the resolution, or say why the case closes without it.</source>
        <translation>请在客户确认问题已解决后再闭环；未经客户确认的，请说明原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="284"/>
        <source>The customer &amp;confirmed the resolution</source>
        <translation>客户已确认问题解决(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="285"/>
        <source>Customer</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="289"/>
        <source>&amp;Outcome</source>
        <translation>处理结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="291"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="301"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="303"/>
        <source>Required: why the case closes without the customer&apos;s confirmation</source>
        <translation>必填：未经客户确认即闭环的原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="317"/>
        <source>Without the customer&apos;s confirmation the reason is required.</source>
        <translation>未经客户确认时必须填写原因。</translation>
    </message>
</context>
<context>
    <name>CompleteFollowUpDialog</name>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="52"/>
        <source>Complete the follow-up</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="54"/>
        <source>{number} · {customer}
{reason}</source>
        <translation>{number} · {customer}
{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="63"/>
        <source>What was done for the customer</source>
        <translation>为客户做了哪些处理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="64"/>
        <source>Reopen the case as an escalated complaint</source>
        <translation>将投诉作为升级投诉重新打开</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="68"/>
        <source>The case is open already.</source>
        <translation>该投诉已处于打开状态。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="75"/>
        <source>&amp;Complete</source>
        <translation>完成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="81"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="410"/>
        <source>The case was changed meanwhile</source>
        <translation>投诉已被他人修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="414"/>
        <source>Since you opened this case, others changed it. Nothing of yours was saved ({action}).</source>
        <translation>您打开该投诉后，其他人修改了它。您的操作（{action}）未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="423"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="423"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="423"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="449"/>
        <source>Progress entry, stage {stage}</source>
        <translation>进度记录（{stage}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="452"/>
        <source>Transferred to {name}: {reason}</source>
        <translation>转派给{name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="455"/>
        <source>Escalated to step {step}: {reason}</source>
        <translation>升级至第 {step} 级：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="458"/>
        <source>Submitted the solution for approval</source>
        <translation>提交处理方案审批</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="460"/>
        <source>Approved the solution</source>
        <translation>批准处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="462"/>
        <source>Rejected the solution</source>
        <translation>驳回处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="464"/>
        <source>Closed the case ({outcome})</source>
        <translation>投诉闭环（{outcome}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="467"/>
        <source>Reopened the case: {reason}</source>
        <translation>重新打开投诉：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="470"/>
        <source>Renegotiated the resolution date</source>
        <translation>重新约定了办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="471"/>
        <source>Re-assessed the case: {reason}</source>
        <translation>重新评估了投诉：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="475"/>
        <source>Recorded the account as frozen</source>
        <translation>记录了账户已冻结</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="477"/>
        <source>Cleared the account frozen note</source>
        <translation>清除了账户冻结记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="479"/>
        <source>Recorded the root cause</source>
        <translation>记录了原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="481"/>
        <source>Changed the case</source>
        <translation>修改投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="489"/>
        <source>Reload shows the case as it is now (what you typed in the progress form stays there). Apply again makes your change on top of theirs.</source>
        <translation>“刷新”显示投诉的最新情况（进度表单中已填写的内容会保留）。“重新提交”在他人修改的基础上再次执行您的操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="494"/>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="496"/>
        <source>&amp;Apply again</source>
        <translation>重新提交(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="52"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="65"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="31"/>
        <source>The program hit an error it did not expect.

What happened: {what}
Where: {where}

The details are in the log file:
{log}

Please send that file to your administrator. Unsaved input in the current window may be lost; restart the program if it behaves strangely.</source>
        <translation>程序遇到了意外错误。

错误：{what}
位置：{where}

详细信息已写入日志文件：
{log}

请把该文件发给系统管理员。当前窗口中未保存的内容可能会丢失；如程序运行异常，请重新启动。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="73"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="89"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="91"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="93"/>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="96"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="98"/>
        <source>&amp;Member number</source>
        <translation>会员号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="103"/>
        <source>Member &amp;tier</source>
        <translation>会员等级(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="106"/>
        <source>Not sensitive</source>
        <translation>非敏感客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="109"/>
        <source>Sensiti&amp;ve customer</source>
        <translation>敏感客户(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="112"/>
        <source>Why the tier or sensitivity changes (recorded in the audit log)</source>
        <translation>修改会员等级或敏感标记的原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="114"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="115"/>
        <source>Also re-assess this customer&apos;s open cases</source>
        <translation>同时重新评估该客户的未结案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="122"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="159"/>
        <source>Sensitive (kind not recorded)</source>
        <translation>敏感客户（未记录类别）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="168"/>
        <source>Also re-assess this customer&apos;s open cases ({count})</source>
        <translation>同时重新评估该客户的未结案件（{count} 件）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="175"/>
        <source>A sensitive customer&apos;s complaints are urgent; a VIP member&apos;s are level III. A change applies to the customer&apos;s next complaint; tick the box to re-assess the open ones too.</source>
        <translation>敏感客户的投诉为紧急投诉；VIP会员的投诉为III级。修改对该客户的下一次投诉生效；勾选下方选项可同时重新评估其未结案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="180"/>
        <source>You see the contacts masked: they stay as they are.</source>
        <translation>您看到的联系方式已脱敏，保存时保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="182"/>
        <source>Only supervisors and managers may change a customer&apos;s record.</source>
        <translation>只有主管和经理可以修改客户档案。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="292"/>
        <source>The customer record was saved.</source>
        <translation>客户档案已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="294"/>
        <source>{count} open cases were re-assessed.</source>
        <translation>已重新评估 {count} 件未结案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer_dialog.py" line="298"/>
        <source>{count} open cases are outside your supervision and were not re-assessed.</source>
        <translation>{count} 件未结案件不在您的管辖范围内，未重新评估。</translation>
    </message>
</context>
<context>
    <name>CustomerLookup</name>
    <message>
        <location filename="../../desktop_app/ui/intake/customer.py" line="157"/>
        <source>sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/customer.py" line="251"/>
        <source>The picked customer was released.</source>
        <translation>已取消选中的客户。</translation>
    </message>
</context>
<context>
    <name>CustomerRequests</name>
    <message>
        <location filename="../../desktop_app/ui/intake/widgets.py" line="105"/>
        <source>What else the customer asks for</source>
        <translation>客户的其他诉求</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="146"/>
        <source>Where the cases are kept</source>
        <translation>投诉数据的保存位置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="149"/>
        <source>Most offices start with this computer only; a shared server lets several computers work on the same cases.</source>
        <translation>大多数办公室先只用本机；使用共享服务器可让多台电脑处理同一批投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="153"/>
        <source>&amp;This computer only (recommended)</source>
        <translation>仅本机（推荐）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="156"/>
        <source>The database file on this computer, kept as it is:
{path}</source>
        <translation>本机上的数据库文件（保持原样）：
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="162"/>
        <source>A database file on this computer:
{path}</source>
        <translation>本机上的数据库文件：
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="166"/>
        <source>&amp;Shared PostgreSQL server</source>
        <translation>共享的 PostgreSQL 服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="168"/>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="169"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="171"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="170"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="172"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="176"/>
        <source>name or address, e.g. db.example.lan</source>
        <translation>名称或地址，例如 db.example.lan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="178"/>
        <source>&amp;Remember password on this computer (else it is asked at each start)</source>
        <translation>在本机记住密码（否则每次启动时询问）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="180"/>
        <source>Test &amp;connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="186"/>
        <source>PostgreSQL roles: an owner and an application role</source>
        <translation>PostgreSQL 角色：所有者和应用角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="189"/>
        <source>The owner (the user above) sets the database up and runs upgrades (desktop-app init). Then a database administrator runs this SQL (e.g. in psql as postgres) to create the application role {role}, which reads and writes cases but cannot change tables or the audit log&apos;s protection; every computer connects as {role} with the password in the SQL.</source>
        <translation>所有者（上面填写的用户）负责初始化数据库和升级（desktop-app init）。之后由数据库管理员执行下面的 SQL（例如以 postgres 身份在 psql 中执行），创建应用角色 {role}：它可以读写投诉数据，但不能修改数据表，也不能去掉审计日志的保护；每台电脑都以 {role} 和 SQL 中的密码连接。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="196"/>
        <source>Cop&amp;y SQL</source>
        <translation>复制 SQL(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="322"/>
        <source>Fill in server, database and user first.</source>
        <translation>请先填写服务器、数据库和用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="326"/>
        <source>Connecting to {host}…</source>
        <translation>正在连接 {host}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="339"/>
        <source>Connected: {server}.</source>
        <translation>已连接：{server}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="345"/>
        <source>This database is already in use by the program: everyone signs in with their own account.</source>
        <translation>本程序已在使用该数据库：每个人用自己的账号登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="351"/>
        <source>This database has no administrator yet: you create one next.</source>
        <translation>该数据库还没有系统管理员：下一步创建。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/server.py" line="353"/>
        <source>The database is empty: the program sets it up.</source>
        <translation>该数据库为空：程序会自动完成初始化。</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/remembered.py" line="169"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/remembered.py" line="172"/>
        <source>The password of the database server:
{database}</source>
        <translation>数据库服务器的密码：
{database}</translation>
    </message>
</context>
<context>
    <name>DeadlineRecompute</name>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="46"/>
        <source>Recomputing the deadlines of the open cases…</source>
        <translation>正在重新计算未闭环投诉的时限…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="47"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="53"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="83"/>
        <source>1 case&apos;s deadlines updated</source>
        <translation>已更新 1 件投诉的时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="85"/>
        <source>{count} cases&apos; deadlines updated</source>
        <translation>已更新 {count} 件投诉的时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="88"/>
        <source>Recompute stopped: {done}; the other open cases keep their previous deadlines until the next recompute.</source>
        <translation>已停止重新计算：{done}；其余未闭环投诉在下次重新计算前保持原时限。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/recompute.py" line="98"/>
        <source>Deadlines not recomputed: {reason}</source>
        <translation>时限未重新计算：{reason}</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="140"/>
        <source>Targets by urgency</source>
        <translation>按紧急程度的时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="144"/>
        <source>First response (hours)</source>
        <translation>首次响应（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="145"/>
        <source>Solution agreed (working days)</source>
        <translation>确定方案（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="146"/>
        <source>Resolved (working days)</source>
        <translation>解决完成（工作日）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="162"/>
        <source>First callback by level</source>
        <translation>按级别的首次回电</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="166"/>
        <source>Level I and II: the subtype&apos;s rule (Complaint types tab)</source>
        <translation>一级、二级：按子类规则（见“投诉分类”标签页）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="171"/>
        <source>Other rules</source>
        <translation>其他规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="192"/>
        <source>&amp;Recompute open cases…</source>
        <translation>重新计算未结投诉(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="196"/>
        <source>Changes apply to cases registered afterwards. This moves the stored deadlines of the open cases to the rules as they are now.</source>
        <translation>修改只对此后登记的投诉生效。此操作按现行规则重新计算未结投诉已存储的时限。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="240"/>
        <source>A normal complaint registered now ({now}) is due: first response {first}, solution {solution}, resolution {resolution}.</source>
        <translation>现在（{now}）登记的一般投诉时限为：首次响应 {first}，确定方案 {solution}，解决完成 {resolution}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="263"/>
        <source>All {total} open cases already follow the rules: nothing to change.</source>
        <translation>全部 {total} 件未结投诉已符合现行规则：无需修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="269"/>
        <source>Recompute open cases</source>
        <translation>重新计算未结投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="271"/>
        <source>{cases} of the {total} open cases would change ({deadlines} deadlines move). Recompute them now?</source>
        <translation>{total} 件未结投诉中有 {cases} 件将改变（{deadlines} 个时限移动）。现在重新计算吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="293"/>
        <source>Deadlines recomputed: {count} open cases changed.</source>
        <translation>时限已重新计算：{count} 件未结投诉已更新。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="194"/>
        <source>Approve the solution</source>
        <translation>批准处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="194"/>
        <source>The case goes on to execution.</source>
        <translation>投诉将进入执行处理阶段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="198"/>
        <source>Reject the solution</source>
        <translation>驳回处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="199"/>
        <source>The owner reworks the solution; say what must change.</source>
        <translation>责任人需修改方案；请说明需要修改的地方。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="203"/>
        <source>&amp;Comment</source>
        <translation>审批意见(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DetailWords</name>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="135"/>
        <source>Stage</source>
        <translation>当前处理阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="136"/>
        <source>From stage</source>
        <translation>原阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="137"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="138"/>
        <source>Planned completion</source>
        <translation>计划完成时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="139"/>
        <source>Actual completion</source>
        <translation>实际完成时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="140"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="141"/>
        <source>Customer feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="142"/>
        <source>Feedback comment</source>
        <translation>具体意见</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="143"/>
        <source>Next action</source>
        <translation>下一步动作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="144"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="145"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="146"/>
        <source>Solution</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="147"/>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="148"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="150"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="195"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="266"/>
        <source>From</source>
        <translation>原</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="149"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="196"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="267"/>
        <source>To</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="151"/>
        <source>Up to</source>
        <translation>升级至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="152"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="153"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="154"/>
        <source>Previous outcome</source>
        <translation>原处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="155"/>
        <source>Customer confirmed</source>
        <translation>客户已确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="156"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="157"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="230"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="158"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="159"/>
        <source>For</source>
        <translation>提醒对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="160"/>
        <source>Message</source>
        <translation>提醒内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="161"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="162"/>
        <source>New resolution date</source>
        <translation>新办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="163"/>
        <source>First response due</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="164"/>
        <source>Solution due</source>
        <translation>方案确认时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="165"/>
        <source>Resolution due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="166"/>
        <source>Urgent because</source>
        <translation>紧急原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="167"/>
        <source>Frozen at</source>
        <translation>冻结时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="168"/>
        <source>Recorded frozen at</source>
        <translation>原记录冻结时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="169"/>
        <source>Timeliness</source>
        <translation>处理及时性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="170"/>
        <source>Effectiveness</source>
        <translation>解决方案有效性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="171"/>
        <source>Attitude</source>
        <translation>服务人员态度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="172"/>
        <source>Overall</source>
        <translation>整体满意度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="173"/>
        <source>Suggestions</source>
        <translation>其他建议或需求</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="175"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="176"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="177"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="178"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="179"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="180"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="415"/>
        <source>Departments</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="181"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="182"/>
        <source>Direct supervisor</source>
        <translation>直属主管</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="183"/>
        <source>Senior agent</source>
        <translation>资深坐席</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="184"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="185"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="186"/>
        <source>Computer</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="187"/>
        <source>Computers</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="189"/>
        <source>OS user</source>
        <translation>系统用户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="191"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="192"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="193"/>
        <source>Rule</source>
        <translation>分派规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="194"/>
        <source>Fallback (the rule could not be met)</source>
        <translation>替补（规则无法满足）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="197"/>
        <source>To department</source>
        <translation>转至部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="198"/>
        <source>Type</source>
        <translation>投诉类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="199"/>
        <source>Subtype</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="200"/>
        <source>Previous resolution date</source>
        <translation>原办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="201"/>
        <source>Account frozen</source>
        <translation>账户冻结</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="202"/>
        <source>Root cause</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="203"/>
        <source>Previous root cause</source>
        <translation>原先的原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="204"/>
        <source>Cause analysis (5W1H)</source>
        <translation>原因分析（5W1H）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="205"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="206"/>
        <source>Shown in full</source>
        <translation>完整显示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="207"/>
        <source>Assigned to</source>
        <translation>指派给</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="208"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="209"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="210"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="211"/>
        <source>Snoozed until</source>
        <translation>暂缓至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="212"/>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="213"/>
        <source>Attempt</source>
        <translation>第几次尝试</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="214"/>
        <source>Next try</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="215"/>
        <source>Not surveyed because</source>
        <translation>不回访原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="216"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="217"/>
        <source>Cases changed</source>
        <translation>变更的案件数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="219"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="220"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="221"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="222"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="223"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="224"/>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="225"/>
        <source>Sensitive kind</source>
        <translation>敏感客户类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="226"/>
        <source>Open cases re-assessed</source>
        <translation>重新评估的未结案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="228"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="229"/>
        <source>Plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="231"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="232"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="414"/>
        <source>Complaint types</source>
        <translation>投诉类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="234"/>
        <source>Held on</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="235"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="236"/>
        <source>Decisions</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="237"/>
        <source>Improvement action</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="238"/>
        <source>New entry</source>
        <translation>新增条目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="239"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="241"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="242"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="243"/>
        <source>Contacts in full</source>
        <translation>完整联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="244"/>
        <source>Selection</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="245"/>
        <source>Seconds</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="246"/>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="247"/>
        <source>Customers added</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="248"/>
        <source>Numbers assigned</source>
        <translation>分配编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="249"/>
        <source>Staff added</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="250"/>
        <source>Staff added (count)</source>
        <translation>新增人员数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="251"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="545"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="252"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="253"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="254"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="255"/>
        <source>Before</source>
        <translation>原为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="256"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="257"/>
        <source>Old backups removed</source>
        <translation>已删除的旧备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="258"/>
        <source>Previous database kept as</source>
        <translation>原数据库保存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="259"/>
        <source>Schema version</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="260"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="261"/>
        <source>Progress entries</source>
        <translation>进度记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="262"/>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="264"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="265"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="269"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="318"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="270"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="318"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="277"/>
        <source>Period from</source>
        <translation>期间自</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="279"/>
        <source>Period to</source>
        <translation>期间至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="281"/>
        <source>Rows changed</source>
        <translation>修改的行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="283"/>
        <source>Open cases checked</source>
        <translation>检查的未结案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="285"/>
        <source>Cases generated</source>
        <translation>生成案件数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="287"/>
        <source>Day becomes</source>
        <translation>调整为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="290"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="291"/>
        <source>Days off</source>
        <translation>放假天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="292"/>
        <source>Makeup working days</source>
        <translation>调休上班天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="293"/>
        <source>Replaced an earlier import</source>
        <translation>取代了之前的导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="298"/>
        <source>Follow-up opened</source>
        <translation>已开启跟进</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="304"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="304"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="308"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="309"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="310"/>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="320"/>
        <source>Selected cases</source>
        <translation>所选案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="320"/>
        <source>A period</source>
        <translation>按期间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="322"/>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="322"/>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="324"/>
        <source>The account is disabled</source>
        <translation>账号已停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="416"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="417"/>
        <source>Root causes</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="418"/>
        <source>Settings</source>
        <translation>规则设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="419"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="424"/>
        <source>added</source>
        <translation>已新增</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="425"/>
        <source>place</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="426"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="427"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="428"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="429"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="430"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="431"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="432"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="433"/>
        <source>default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="434"/>
        <source>first callback</source>
        <translation>首次回电</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="435"/>
        <source>handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="436"/>
        <source>handling department</source>
        <translation>处理部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="437"/>
        <source>notify department</source>
        <translation>通知部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="438"/>
        <source>in use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="439"/>
        <source>display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="440"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="441"/>
        <source>departments</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="442"/>
        <source>supervisor</source>
        <translation>直属主管</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="443"/>
        <source>senior agent</source>
        <translation>资深坐席</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="475"/>
        <source>{size:.1f} MB</source>
        <translation>{size:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="477"/>
        <source>{size:.0f} KB</source>
        <translation>{size:.0f} KB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="478"/>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="492"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="503"/>
        <location filename="../../desktop_app/ui/detail_words.py" line="541"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/detail_words.py" line="545"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="79"/>
        <source>Export the current view</source>
        <translation>导出当前视图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="81"/>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="238"/>
        <source>Export cases</source>
        <translation>导出投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="88"/>
        <source>The {count:,} cases of the tracker&apos;s current view, in its order, with their progress entries and surveys.</source>
        <translation>进度跟踪当前视图中的 {count:,} 件投诉（按视图中的顺序），连同其进度记录和满意度调查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="95"/>
        <source>The cases you may see, registered in the period, with their progress entries and surveys.</source>
        <translation>您有权查看的、在该期间登记的投诉，连同其进度记录和满意度调查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="104"/>
        <source>&amp;All dates</source>
        <translation>全部日期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="113"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="117"/>
        <source>&amp;Registered from:</source>
        <translation>登记日期从(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="124"/>
        <source>Full contact details and ID &amp;numbers</source>
        <translation>完整的联系方式和证件号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="128"/>
        <source>Contacts and ID numbers are masked (138****5678) unless you tick this. An unmasked export is recorded in the audit log with who, when, what and how many rows; keep the file safe. Only an unmasked export can be imported again.</source>
        <translation>不勾选此项时，联系方式和证件号码会被隐藏（138****5678）。未隐藏的导出会记入审计日志（操作人、时间、内容和行数）；请妥善保管文件。只有未隐藏的导出文件才能再次导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="142"/>
        <source>Contacts and ID numbers are masked (138****5678); only managers may export them in full.</source>
        <translation>联系方式和证件号码已隐藏（138****5678）；只有客服经理可以导出完整信息。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="150"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="157"/>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="161"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="200"/>
        <source>Complaints view {stamp}.xlsx</source>
        <translation>投诉视图 {stamp}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="201"/>
        <source>Complaints {stamp}.xlsx</source>
        <translation>投诉 {stamp}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="240"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="248"/>
        <source>Choose where to save the workbook.</source>
        <translation>请选择工作簿的保存位置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="268"/>
        <source>Exporting… %p%</source>
        <translation>正在导出… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="273"/>
        <source>The export was cancelled; no file was saved.</source>
        <translation>已取消导出，未保存文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="277"/>
        <source>Saved {path}: {complaints:,} complaints, {progress:,} progress entries, {surveys:,} surveys.</source>
        <translation>已保存 {path}：投诉 {complaints:,} 件，进度记录 {progress:,} 条，满意度调查 {surveys:,} 份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/export_dialog.py" line="286"/>
        <source>Contacts in full (recorded in the audit log).</source>
        <translation>含完整联系方式（已记入审计日志）。</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="112"/>
        <source>Ready to start</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="114"/>
        <source>Press Finish to set up the program. The sign-in window opens next.</source>
        <translation>点击“完成”设置程序，随后打开登录窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="117"/>
        <source>Fill with {n} &amp;demo cases to try the program</source>
        <translation>填入 {n} 件演示投诉，用于试用程序(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="121"/>
        <source>Made-up customers and cases in every stage, with progress and surveys, and demo staff accounts. Use a new database for real work.</source>
        <translation>虚构的客户和处于各个阶段的投诉，含进度记录、满意度调查和演示员工账号。正式使用时请换用新的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="130"/>
        <source>Language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="133"/>
        <source>Database: {url} (shared server)</source>
        <translation>数据库：{url}（共享服务器）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="138"/>
        <source>Database: {path} (this computer)</source>
        <translation>数据库：{path}（本机）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="141"/>
        <source>Administrator: {name}</source>
        <translation>系统管理员：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="146"/>
        <source>The database already has its accounts: sign in with yours.</source>
        <translation>该数据库已有账号：请用您自己的账号登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="174"/>
        <source>Setting up the database…</source>
        <translation>正在设置数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="181"/>
        <source>Writing demo cases: {done} of {total}…</source>
        <translation>正在写入演示投诉：{done}/{total}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="186"/>
        <source>Creating the administrator account…</source>
        <translation>正在创建系统管理员账号…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="90"/>
        <source>Create the administrator account</source>
        <translation>创建系统管理员账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="95"/>
        <source>This database has no administrator yet. Create the administrator account: it signs in next and can then add the other accounts.</source>
        <translation>该数据库还没有系统管理员。请创建系统管理员账号：创建后即用它登录，再添加其他账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="106"/>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="114"/>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/account.py" line="131"/>
        <source>The two passwords differ. Please type the password again in the second field.</source>
        <translation>两次输入的密码不一致。请在第二个输入框中重新输入密码。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="246"/>
        <source>Set up {app}</source>
        <translation>设置{app}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="248"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="249"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="250"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="251"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="317"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="320"/>
        <source>Done. This computer has no password store (keyring), so the database password was not remembered: it will be asked at each start.</source>
        <translation>完成。此电脑没有密码存储（密钥环），因此未记住数据库密码：每次启动时都会询问。</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="132"/>
        <source>Follow-ups of unhappy customers</source>
        <translation>不满意客户跟进</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="145"/>
        <source>Co&amp;mplete follow-up…</source>
        <translation>完成跟进(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="254"/>
        <source>Follow-up done: {number} is reopened as an escalated complaint.</source>
        <translation>跟进已完成：{number} 已作为升级投诉重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="257"/>
        <source>Follow-up done ({number}).</source>
        <translation>跟进已完成（{number}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/follow_ups.py" line="264"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="206"/>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="207"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="208"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="209"/>
        <source>Assigned to</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="210"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>HolidayNoticeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="59"/>
        <source>Import the holiday notice</source>
        <translation>导入放假通知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="64"/>
        <source>Paste the State Council&apos;s notice (国务院办公厅关于20XX年部分节假日安排的通知) with its title, or open it as a text file. Its days off and makeup working days replace the built-in holiday data of that year; your overrides still win.</source>
        <translation>粘贴国务院办公厅关于20XX年部分节假日安排的通知（连同标题），或打开保存该通知的文本文件。其中的放假日和调休上班日将取代程序内置的该年节假日数据；您设置的调整仍然优先。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="73"/>
        <source>国务院办公厅关于2027年部分节假日安排的通知
一、元旦：…</source>
        <translation>国务院办公厅关于2027年部分节假日安排的通知
一、元旦：…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="76"/>
        <source>&amp;Open a text file…</source>
        <translation>打开文本文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="92"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="92"/>
        <source>In the notice</source>
        <translation>通知中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="92"/>
        <source>Built in</source>
        <translation>程序内置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="99"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="133"/>
        <source>Open the holiday notice</source>
        <translation>打开放假通知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="135"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="143"/>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="209"/>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="210"/>
        <source>Makeup working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="247"/>
        <source>{year}: {off} days off, {makeup} makeup working days.</source>
        <translation>{year}年：放假{off}天，调休上班{makeup}天。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="251"/>
        <source>The program has no built-in data for {year}.</source>
        <translation>程序没有{year}年的内置数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="256"/>
        <source>Days that differ from the built-in data (highlighted): {count}.</source>
        <translation>与内置数据不同的日期（已高亮）：{count}天。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="259"/>
        <source>Same as the built-in data.</source>
        <translation>与内置数据相同。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/notice_dialog.py" line="262"/>
        <source>Importing replaces the notice imported earlier for {year}.</source>
        <translation>导入将取代之前导入的{year}年通知。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="105"/>
        <source>Import cases</source>
        <translation>导入投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="112"/>
        <source>Reads an exchange workbook (sheets 投诉登记, 进度跟踪, 满意度调查, Chinese or English headers). Check the file first: the import is all or nothing, and any bad cell rejects the whole file.</source>
        <translation>读取交换工作簿（工作表：投诉登记、进度跟踪、满意度调查，表头可为中文或英文）。请先检查文件：导入要么全部成功，要么全部不导入，任何一个单元格有误都会拒绝整个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="120"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="122"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="126"/>
        <source>&amp;Workbook:</source>
        <translation>工作簿(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="133"/>
        <source>Check &amp;file</source>
        <translation>检查文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="135"/>
        <source>Read and check every cell without importing anything</source>
        <translation>读取并检查每个单元格，不导入任何内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="139"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="142"/>
        <source>Import the checked file (after a clean check)</source>
        <translation>导入已检查的文件（检查无误后）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="172"/>
        <source>&amp;Save the error report…</source>
        <translation>保存错误报告(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="175"/>
        <source>Save every problem (sheet, row, column, reason) as an Excel workbook</source>
        <translation>将所有问题（工作表、行、列、原因）保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="205"/>
        <source>Choose the workbook to import</source>
        <translation>选择要导入的工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="207"/>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="227"/>
        <source>Choose the workbook to import.</source>
        <translation>请选择要导入的工作簿。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="237"/>
        <source>Checking… %p%</source>
        <translation>正在检查… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="254"/>
        <source>The check was cancelled.</source>
        <translation>已取消检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="275"/>
        <source>Importing… %p%</source>
        <translation>正在导入… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="284"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>已取消导入，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="298"/>
        <source>complaints (投诉登记): {complaints:,}; progress entries (进度跟踪): {progress:,}; surveys (满意度调查): {surveys:,}</source>
        <translation>投诉登记 {complaints:,} 件，进度记录 {progress:,} 条，满意度调查 {surveys:,} 份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="308"/>
        <source>Ignored:</source>
        <translation>已忽略：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="311"/>
        <source>The file is fine. It holds {counts}.</source>
        <translation>文件无误，包含{counts}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="314"/>
        <source>{count} staff names match no account and would become inactive accounts: {names}</source>
        <translation>有 {count} 个员工姓名没有对应账号，导入后将建为停用账号：{names}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="320"/>
        <source>Press Import to import it.</source>
        <translation>点击“导入”即可导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="324"/>
        <source>The file is rejected: {count:,} problems (listed below). Nothing was imported; correct the file and check it again.</source>
        <translation>文件被拒绝：共 {count:,} 个问题（见下表）。未导入任何内容；请修改文件后重新检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="329"/>
        <source>Imported {counts} in {seconds:.1f} s.</source>
        <translation>已导入{counts}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="334"/>
        <source>{count:,} new customers</source>
        <translation>新建客户 {count:,} 位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="337"/>
        <source>{count:,} complaint numbers assigned</source>
        <translation>分配投诉编号 {count:,} 个</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="343"/>
        <source>{count:,} inactive staff accounts</source>
        <translation>新建停用员工账号 {count:,} 个</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="369"/>
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="375"/>
        <source>The error report was saved to {path}.</source>
        <translation>错误报告已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="386"/>
        <source>{name} errors.xlsx</source>
        <translation>{name} 导入错误.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="390"/>
        <source>Save the error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="392"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ImprovementActions</name>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="85"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="86"/>
        <source>Plan</source>
        <translation>改进方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="87"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="88"/>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="89"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="90"/>
        <source>Types</source>
        <translation>投诉类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="100"/>
        <source>&amp;New action…</source>
        <translation>新增措施(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="106"/>
        <source>&amp;Edit action…</source>
        <translation>编辑措施(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="114"/>
        <source>New improvement action from the hot spot…</source>
        <translation>就此热点新建改进措施…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="118"/>
        <source>A new improvement action about the selected hot spot&apos;s product or subtype</source>
        <translation>针对所选热点的产品或子类新建改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="127"/>
        <source>Improvement actions</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="144"/>
        <source>{day} (overdue)</source>
        <translation>{day}（已超时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="277"/>
        <source>The improvement action was saved.</source>
        <translation>改进措施已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/improvements.py" line="286"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ImprovementDialog</name>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="152"/>
        <source>New improvement action</source>
        <translation>新增改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="154"/>
        <source>What keeps causing complaints, what will be done about it, by whom and by when.</source>
        <translation>反复引发投诉的问题是什么、要采取什么措施、由谁负责、何时完成。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="160"/>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="164"/>
        <source>Improvement action</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="160"/>
        <source>Changes are recorded in the audit log.</source>
        <translation>修改会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="166"/>
        <source>Read only: supervisors of the responsible department and managers change improvement actions.</source>
        <translation>只读：改进措施由负责部门的主管和经理修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="172"/>
        <source>&amp;Problem:</source>
        <translation>问题(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="174"/>
        <source>e.g. many complaints about late refunds</source>
        <translation>例如：退款慢的投诉较多</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="177"/>
        <source>P&amp;lan:</source>
        <translation>改进方案(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="177"/>
        <source>What will be done</source>
        <translation>将采取的措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="180"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="183"/>
        <source>Responsible &amp;department:</source>
        <translation>责任部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="186"/>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="477"/>
        <source>— nobody in particular —</source>
        <translation>— 不指定 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="187"/>
        <source>The active accounts of the responsible department</source>
        <translation>负责部门的在用账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="188"/>
        <source>Responsible perso&amp;n:</source>
        <translation>负责人(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="193"/>
        <source>D&amp;eadline:</source>
        <translation>完成期限(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="197"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="206"/>
        <source>Complaint &amp;types:</source>
        <translation>投诉类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="209"/>
        <source>The types (or subtypes) whose complaints this action is about; Space ticks the selected one</source>
        <translation>该措施针对的投诉类型（或子类）；按空格键勾选选中项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="215"/>
        <source>e.g. Rice cooker X1、Air fryer</source>
        <translation>例如：电饭煲X1、空气炸锅</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="218"/>
        <source>Product names, separated by 、 or commas, whose complaints this action is about</source>
        <translation>本措施针对的产品名称，用、或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="221"/>
        <source>P&amp;roducts:</source>
        <translation>产品(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="224"/>
        <source>Complaint numbers, separated by commas</source>
        <translation>投诉编号，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="225"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="227"/>
        <source>Look up the complaint numbers typed</source>
        <translation>查找所输入的投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="236"/>
        <source>Linked &amp;cases:</source>
        <translation>关联案件(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="255"/>
        <source>Monthly follow-ups</source>
        <translation>月度跟踪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="259"/>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="289"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="259"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="259"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="259"/>
        <source>What was done</source>
        <translation>已做工作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="263"/>
        <source>What was done this month</source>
        <translation>本月所做的工作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="268"/>
        <source>Record this &amp;month&apos;s</source>
        <translation>记录本月跟踪(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="273"/>
        <source>Done:</source>
        <translation>已做：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="277"/>
        <source>Status then:</source>
        <translation>当时状态：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="283"/>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="288"/>
        <source>Period</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="290"/>
        <source>Complaints</source>
        <translation>投诉量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="291"/>
        <source>Surveys</source>
        <translation>回访数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="292"/>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="298"/>
        <source>Complaints of the linked types and products registered each month, and their surveys: the 3 months before the action started, then each month since.</source>
        <translation>关联类型和产品每月登记的投诉及其回访：措施开始前 3 个月，以及此后每个月。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="311"/>
        <source>Available once the action is saved.</source>
        <translation>保存措施后可用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="388"/>
        <source>before</source>
        <translation>实施前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="388"/>
        <source>since</source>
        <translation>实施后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="436"/>
        <source>Say what was done this month.</source>
        <translation>请填写本月所做的工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="459"/>
        <source>This month&apos;s follow-up was recorded.</source>
        <translation>本月跟踪已记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="534"/>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="669"/>
        <source>No case has the number {numbers}.</source>
        <translation>没有编号为 {numbers} 的案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="580"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/improvement_dialog.py" line="668"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>IntakeDrafts</name>
    <message>
        <location filename="../../desktop_app/ui/intake/draft.py" line="170"/>
        <source>Unsaved form</source>
        <translation>未保存的登记表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/draft.py" line="171"/>
        <source>A form was not saved last time (customer: {name}). Restore it?</source>
        <translation>上次有一张登记表未保存（客户：{name}）。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/draft.py" line="172"/>
        <source>no name</source>
        <translation>未填姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/draft.py" line="179"/>
        <source>The unsaved form was restored.</source>
        <translation>未保存的登记表已恢复。</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="200"/>
        <location filename="../../desktop_app/ui/intake/page.py" line="333"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="203"/>
        <source>Register the complaint (Ctrl+S)</source>
        <translation>登记投诉（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="209"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="213"/>
        <source>Start a new form (Ctrl+N)</source>
        <translation>新建一张登记表（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="217"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="221"/>
        <source>Print the form: the case just saved, or what is typed now (Ctrl+P)</source>
        <translation>打印登记表：刚保存的投诉，或当前已填写的内容（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="225"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="247"/>
        <source>Register a complaint</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="320"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="340"/>
        <source>Saved as {number}.</source>
        <translation>已保存，投诉编号 {number}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="368"/>
        <source>{reason} Everything typed is kept.</source>
        <translation>{reason}已填写的内容都保留着。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="373"/>
        <source>Not saved: {reason} Everything typed is kept; try again.</source>
        <translation>未保存：{reason}已填写的内容都保留着，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="436"/>
        <source>Discard this form?</source>
        <translation>放弃这张登记表？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="437"/>
        <source>The form has typed work that is not saved. Discard it?</source>
        <translation>登记表中有尚未保存的内容。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="454"/>
        <source>The form was discarded.</source>
        <translation>登记表已放弃。</translation>
    </message>
</context>
<context>
    <name>IntakePrint</name>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="117"/>
        <source>Print the registration form</source>
        <translation>打印投诉登记表</translation>
    </message>
</context>
<context>
    <name>IntakePrinting</name>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="150"/>
        <source>(not saved yet)</source>
        <translation>（尚未保存）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="151"/>
        <source>(set on save)</source>
        <translation>（保存时填写）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="168"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="168"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="170"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="171"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="172"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="173"/>
        <source>Customer / member number</source>
        <translation>客户编号/会员账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="174"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="175"/>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="176"/>
        <source>Complaint time</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="177"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="178"/>
        <source>Type and subtype</source>
        <translation>投诉问题类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="181"/>
        <source>Staff complained about</source>
        <translation>被投诉员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="183"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="184"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="185"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="186"/>
        <source>Escalated by head office</source>
        <translation>越级投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="191"/>
        <source>Earlier case (repeat complaint)</source>
        <translation>原投诉编号（重复/升级投诉）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="192"/>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="196"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="197"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="198"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="199"/>
        <source>Recording IDs</source>
        <translation>录音编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="200"/>
        <source>Customer requests</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="201"/>
        <source>Initial department</source>
        <translation>初步责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="202"/>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="203"/>
        <source>Registration time</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="209"/>
        <source>Complaint registration form</source>
        <translation>客户投诉登记表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="216"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="225"/>
        <source>Save the form as PDF</source>
        <translation>将登记表另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/printing.py" line="227"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>IntakeSections</name>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="168"/>
        <location filename="../../desktop_app/ui/intake/form.py" line="528"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="177"/>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="179"/>
        <source>Customer &amp;name</source>
        <translation>客户姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="181"/>
        <source>Type 2 letters to find a known customer</source>
        <translation>输入 2 个字即可查找已有客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="182"/>
        <source>C&amp;ontact</source>
        <translation>联系方式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="183"/>
        <source>Mobile, landline with area code, or e-mail</source>
        <translation>手机、带区号的座机或电子邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="185"/>
        <source>Customer / member number</source>
        <translation>客户编号/会员账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="187"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="190"/>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="196"/>
        <source>Complaint</source>
        <translation>投诉信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="197"/>
        <source>Assigned on save</source>
        <translation>保存时生成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="199"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="201"/>
        <source>Complaint &amp;time</source>
        <translation>投诉时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="207"/>
        <source>C&amp;hannel</source>
        <translation>投诉渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="213"/>
        <source>T&amp;ype</source>
        <translation>投诉类型(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="218"/>
        <source>S&amp;ubtype</source>
        <translation>投诉子类(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="221"/>
        <source>Staff complained about</source>
        <translation>被投诉员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="224"/>
        <source>User name or name; any name for staff without an account</source>
        <translation>用户名或姓名；无账号的员工直接填写姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="230"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="231"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="234"/>
        <source>U&amp;rgency</source>
        <translation>紧急程度(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="240"/>
        <source>Head office</source>
        <translation>越级投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="242"/>
        <source>Escalated by head office (makes the complaint urgent)</source>
        <translation>由总部转来的越级投诉（自动列为紧急）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="245"/>
        <source>Repeat or escalated complaint (level III, handled by a supervisor)</source>
        <translation>重复/升级投诉（三级，由主管处理）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="250"/>
        <source>The customer complains again about an earlier case: pick the customer from the suggestions, then the earlier case</source>
        <translation>客户就以前的投诉再次投诉：先从提示中选中客户，再选择原投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="257"/>
        <source>A repeat complaint needs the customer picked from the suggestions (type their phone, member number or name): their earlier cases are listed then.</source>
        <translation>重复/升级投诉需要先从提示中选中客户（输入电话、会员号或姓名），然后才会列出该客户以前的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="268"/>
        <source>Repeat complaint</source>
        <translation>重复/升级投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="270"/>
        <source>Earlier case</source>
        <translation>原投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="275"/>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="278"/>
        <source>The subtype gives the level (III for VIP members); it can be raised, not lowered</source>
        <translation>级别由投诉子类决定（VIP会员为三级）；只能提高，不能降低</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="283"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="285"/>
        <source>&amp;Description</source>
        <translation>问题描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="290"/>
        <source>What happened, in the customer&apos;s words</source>
        <translation>按客户的原话记录发生了什么</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="296"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="299"/>
        <source>Recording IDs</source>
        <translation>录音编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="301"/>
        <source>Separate several with , or 、</source>
        <translation>多个编号用 , 或 、 分隔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="304"/>
        <source>Requests and handling</source>
        <translation>诉求与处理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="306"/>
        <source>Customer requests</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="313"/>
        <source>Initial &amp;department</source>
        <translation>初步责任部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="317"/>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="321"/>
        <source>Set on save</source>
        <translation>保存时填写</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="323"/>
        <source>Registration time</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="554"/>
        <source>From the subtype</source>
        <translation>按投诉子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="558"/>
        <source>{level} (repeat complaint)</source>
        <translation>{level}级（重复/升级投诉）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="563"/>
        <source>{level} (from the subtype)</source>
        <translation>{level}级（按投诉子类）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="567"/>
        <source>Raise to {level}</source>
        <translation>提高到{level}级</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/intake/form.py" line="602"/>
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>有 %n 项需要修改。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form.py" line="620"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="74"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="75"/>
        <source>Choose the language of the program.</source>
        <translation>请选择程序的语言。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run/wizard.py" line="76"/>
        <source>You can change it later under Settings.</source>
        <translation>以后可在“系统设置”中更改。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="103"/>
        <source>{app} — locked</source>
        <translation>{app} — 已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="108"/>
        <source>Signed in: {name} ({user})</source>
        <translation>当前用户：{name}（{user}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="120"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="126"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="131"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="151"/>
        <source>The program was locked at your request. Type your password to continue where you left off.</source>
        <translation>程序已按您的要求锁定。请输入密码，继续之前的工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="158"/>
        <source>The program was locked after 1 minute without activity. Type your password to continue where you left off.</source>
        <translation>程序闲置 1 分钟后已自动锁定。请输入密码，继续之前的工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="163"/>
        <source>The program was locked after {n} minutes without activity. Type your password to continue where you left off.</source>
        <translation>程序闲置 {n} 分钟后已自动锁定。请输入密码，继续之前的工作。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="105"/>
        <source>Sign in — {app}</source>
        <translation>登录 — {app}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="107"/>
        <source>{app} {version}</source>
        <translation>{app} {version}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="109"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="110"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="111"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="113"/>
        <source>Follow the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="117"/>
        <source>Language of the program on this computer</source>
        <translation>本机上程序使用的语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login.py" line="119"/>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="120"/>
        <source>{app} — {user}</source>
        <translation>{app} — {user}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="185"/>
        <source>Intake</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="186"/>
        <source>Tracker</source>
        <translation>进度跟踪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="187"/>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="188"/>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="189"/>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="190"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="292"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="296"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="303"/>
        <source>&amp;About {app}</source>
        <translation>关于{app}(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="318"/>
        <source>&amp;Reminders</source>
        <translation>提醒(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="368"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="374"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="378"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="383"/>
        <source>Review &amp;meetings…</source>
        <translation>复盘会(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="386"/>
        <source>&amp;Typical-case library…</source>
        <translation>典型案例库(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="391"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="395"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="424"/>
        <source>&amp;Import cases…</source>
        <translation>导入投诉(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="430"/>
        <source>Import an exchange workbook (.xlsx)</source>
        <translation>导入交换工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="432"/>
        <source>Only managers may import cases</source>
        <translation>只有客服经理可以导入投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="435"/>
        <source>&amp;Export cases…</source>
        <translation>导出投诉(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="439"/>
        <source>Export current &amp;view…</source>
        <translation>导出当前视图(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="443"/>
        <source>Export every case the tracker&apos;s filter lists, in its order</source>
        <translation>按顺序导出进度跟踪当前筛选列出的所有投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="524"/>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="542"/>
        <source>Collecting the cases of the current view…</source>
        <translation>正在收集当前视图中的投诉…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="554"/>
        <source>The current view lists no cases.</source>
        <translation>当前视图中没有投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="566"/>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="569"/>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="572"/>
        <source>Database: {database} (network share, this PC only: rollback journal)</source>
        <translation>数据库：{database}（网络共享，仅限本机：回滚日志）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="621"/>
        <source>About {app}</source>
        <translation>关于{app}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="626"/>
        <source>{app} {version}

Complaint registration, tracking, satisfaction surveys and reports for service teams.

Database: {database}</source>
        <translation>{app} {version}

面向客服团队的投诉登记、进度跟踪、满意度调查与统计报表。

数据库：{database}</translation>
    </message>
</context>
<context>
    <name>MarkTypicalDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="59"/>
        <source>Mark as a typical case</source>
        <translation>标记为典型案例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="61"/>
        <source>The case goes into the typical-case library for everyone to learn from, without the customer&apos;s name, contact or ID number.</source>
        <translation>该案例将收入典型案例库供全员学习，不含客户姓名、联系方式和证件号码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="66"/>
        <source>&amp;Summary:</source>
        <translation>案例摘要(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="66"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="69"/>
        <source>&amp;Lesson:</source>
        <translation>经验教训(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="69"/>
        <source>What we learnt</source>
        <translation>我们学到了什么</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="72"/>
        <source>Handling &amp;script:</source>
        <translation>有效话术(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_library.py" line="74"/>
        <source>What was said or done that worked</source>
        <translation>有效的说法或做法</translation>
    </message>
</context>
<context>
    <name>NotificationsTab</name>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="72"/>
        <source>Group robot messages (urgent, overdue and escalated cases) that could not be delivered after three retries. Check the webhook address on the Settings page and send a test message.</source>
        <translation>重试三次后仍未送达的群机器人消息（紧急、超时、升级投诉）。请在“设置”页检查 Webhook 地址并发送测试消息。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="100"/>
        <source>No failed messages.</source>
        <translation>没有发送失败的消息。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="102"/>
        <source>{count} message(s) not delivered.</source>
        <translation>{count} 条消息未送达。</translation>
    </message>
</context>
<context>
    <name>OptionalDateTime</name>
    <message>
        <location filename="../../desktop_app/ui/case/fields.py" line="46"/>
        <source>Set</source>
        <translation>填写</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/fields.py" line="54"/>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="327"/>
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="329"/>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="329"/>
        <source>Password a&amp;gain:</source>
        <translation>确认密码(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="332"/>
        <source>The account&apos;s sign-in lockout will be lifted. Tell the user the new password in person.</source>
        <translation>设置新密码后，该账号的登录锁定即解除。请当面将新密码告知该用户。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="344"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PeriodChoice</name>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="62"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="63"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="64"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="65"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="70"/>
        <source>Any day of the week, month or quarter</source>
        <translation>该周、月或季度中的任意一天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="74"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="77"/>
        <source>The previous period (Alt+Left)</source>
        <translation>上一期（Alt+Left）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="78"/>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="82"/>
        <source>The next period (Alt+Right)</source>
        <translation>下一期（Alt+Right）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/period.py" line="83"/>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="52"/>
        <source>Managers change the policy here; every change is recorded in the audit log and applies to complaints registered afterwards.</source>
        <translation>经理在此修改政策；每次修改都记入审计日志，并对此后登记的投诉生效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="56"/>
        <source>Only managers change the policy; you can read it here.</source>
        <translation>只有经理可以修改政策；您可以在此查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="68"/>
        <source>Complaint &amp;types</source>
        <translation>投诉分类(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="69"/>
        <source>&amp;Departments, channels, causes</source>
        <translation>部门、渠道与原因(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="70"/>
        <source>D&amp;eadlines</source>
        <translation>时限(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="71"/>
        <source>Reminders and &amp;escalation</source>
        <translation>提醒和升级(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="80"/>
        <source>E&amp;xport policy workbook…</source>
        <translation>导出政策工作簿(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="83"/>
        <source>Save the whole policy as an Excel workbook (for branches or records)</source>
        <translation>把全部政策保存为 Excel 工作簿（供分支机构使用或存档）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="88"/>
        <source>I&amp;mport policy workbook…</source>
        <translation>导入政策工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="91"/>
        <source>Check a policy workbook, see its changes, then apply them</source>
        <translation>检查政策工作簿，查看其中的修改，然后应用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="135"/>
        <source>Export the policy workbook</source>
        <translation>导出政策工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="136"/>
        <source>policy.xlsx</source>
        <translation>政策.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="137"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/editor.py" line="149"/>
        <source>Policy workbook saved: {path}</source>
        <translation>政策工作簿已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/common.py" line="125"/>
        <source>Automatic (by the address)</source>
        <translation>自动（按地址判断）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/common.py" line="126"/>
        <source>WeCom (企业微信)</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/common.py" line="127"/>
        <source>DingTalk (钉钉)</source>
        <translation>钉钉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/common.py" line="128"/>
        <source>Feishu / Lark (飞书)</source>
        <translation>飞书</translation>
    </message>
</context>
<context>
    <name>PolicyImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="27"/>
        <source>Import the policy workbook</source>
        <translation>导入政策工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="32"/>
        <source>Reads a policy workbook (sheets 投诉分类, 部门, 渠道, 规则设置, 人员). Check the file first: it lists every change; the import is all or nothing, and any bad cell rejects the whole file.</source>
        <translation>读取政策工作簿（工作表：投诉分类、部门、渠道、规则设置、人员）。请先检查文件：检查会列出每一处修改；导入要么全部成功要么全部不做，任何一个错误单元格都会使整个文件被拒绝。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="55"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 处</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="61"/>
        <source>The file is fine and matches the policy: nothing would change.</source>
        <translation>文件无误且与现行政策一致：不会有任何修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="63"/>
        <source>The file is fine. {count} changes:</source>
        <translation>文件无误。共 {count} 处修改：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="67"/>
        <source>Press Import to apply them.</source>
        <translation>按“导入”应用这些修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/workbook_dialog.py" line="71"/>
        <source>Imported: {count} changes, recorded in the audit log.</source>
        <translation>已导入：{count} 处修改，已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="79"/>
        <source>… and {count:,} more problems</source>
        <translation>… 另有 {count:,} 个问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="64"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="64"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="64"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/import_dialog.py" line="64"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="53"/>
        <source>New progress entry</source>
        <translation>新增进度记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="65"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="66"/>
        <source>S&amp;tage</source>
        <translation>处理阶段(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="67"/>
        <source>Stay in the current stage or move the case on</source>
        <translation>保持当前阶段，或推进到下一阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="70"/>
        <source>&amp;Planned completion</source>
        <translation>计划完成时间(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="75"/>
        <source>Act&amp;ual completion</source>
        <translation>实际完成时间(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="80"/>
        <source>&amp;Result (measures, compensation)</source>
        <translation>处理结果（措施、补偿等）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="85"/>
        <source>Customer &amp;feedback</source>
        <translation>客户反馈(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="87"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="91"/>
        <source>Feedback &amp;comment</source>
        <translation>具体意见(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="93"/>
        <source>&amp;Next action</source>
        <translation>下一步动作(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="100"/>
        <source>Contact</source>
        <translation>联系客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="102"/>
        <source>This entry was a contact with the customer</source>
        <translation>本次记录包含与客户的联系</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="111"/>
        <source>Evidence</source>
        <translation>凭证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="116"/>
        <source>&amp;Save entry</source>
        <translation>保存记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="119"/>
        <source>Save the progress entry (Ctrl+S or Ctrl+Enter)</source>
        <translation>保存进度记录（Ctrl+S 或 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="167"/>
        <source>{stage} (current)</source>
        <translation>{stage}（当前）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/progress.py" line="181"/>
        <source>You cannot add progress to this case now.</source>
        <translation>您现在不能为该投诉添加进度记录。</translation>
    </message>
</context>
<context>
    <name>ReassessDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="48"/>
        <source>Re-assess the case</source>
        <translation>重新评估投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="50"/>
        <source>Mark the case urgent, raise its level or correct its type and department. The deadlines are computed again from the complaint time, and the case goes to whoever the routing rule names.</source>
        <translation>可将投诉标记为紧急、提高级别或更正类型和部门。时限将从投诉时间起重新计算，投诉交由分派规则指定的人员处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="58"/>
        <source>Only a manager may take the urgent mark off or lower the level.</source>
        <translation>只有经理可以取消紧急标记或降低级别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="63"/>
        <source>Urgent complaint</source>
        <translation>紧急投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="67"/>
        <source>&amp;Urgency</source>
        <translation>紧急程度(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="71"/>
        <source>Why the case is urgent</source>
        <translation>紧急原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="72"/>
        <source>Urgent &amp;because</source>
        <translation>紧急原因(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="78"/>
        <source>Level {level}</source>
        <translation>{level}级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="80"/>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="88"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="91"/>
        <source>S&amp;ubtype</source>
        <translation>子类型(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="99"/>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="102"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="104"/>
        <source>Why the case is re-assessed (recorded on the case)</source>
        <translation>重新评估的原因（记入投诉记录）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="122"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="176"/>
        <source>Choose the subtype.</source>
        <translation>请选择子类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="178"/>
        <source>Say why the case is urgent.</source>
        <translation>请说明紧急原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="180"/>
        <source>Nothing to change: choose what to re-assess.</source>
        <translation>没有变更：请选择要重新评估的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/reassess_dialog.py" line="182"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>ReferenceList</name>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="56"/>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="57"/>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="63"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="64"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="66"/>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="130"/>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="69"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="71"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="109"/>
        <source>{name} (off)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="130"/>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="167"/>
        <source>Saved: {name}</source>
        <translation>已保存：{name}</translation>
    </message>
</context>
<context>
    <name>ReferenceTab</name>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="197"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="198"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="200"/>
        <source>Root causes</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/reference_tab.py" line="203"/>
        <source>Root causes are chosen in the case window during the investigation and at closing. A cause switched off is no longer offered; the cases that have it keep it.</source>
        <translation>原因分类在案件窗口中于调查期间和结案时选择。停用的原因不再提供选择；已使用该原因的案件保留原值。</translation>
    </message>
</context>
<context>
    <name>ReminderAnnouncer</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="605"/>
        <source>Complaint Desk reminders</source>
        <translation>投诉处理台提醒</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="386"/>
        <source>Show &amp;reminders</source>
        <translation>查看提醒(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="392"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReminderTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="160"/>
        <source>{target} due at {due}</source>
        <translation>{target}时限：{due}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="162"/>
        <source>{target} overdue since {due}</source>
        <translation>{target}已超时（时限 {due}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="164"/>
        <source>Escalated to you: {reason}</source>
        <translation>已升级给您：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="166"/>
        <source>Escalated to you: {target} overdue since {due}</source>
        <translation>已升级给您：{target}已超时（时限 {due}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="170"/>
        <source>Follow up the unhappy customer: {reason}</source>
        <translation>跟进不满意的客户：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="172"/>
        <source>Approve or reject the proposed solution: {solution}</source>
        <translation>请批准或驳回处理方案：{solution}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="176"/>
        <source>Give the customer a progress update (due {due})</source>
        <translation>向客户通报处理进度（时限 {due}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="178"/>
        <source>Record the satisfaction survey by {due}</source>
        <translation>请在 {due} 前记录满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="181"/>
        <source>Urgent case reported to you: {number}</source>
        <translation>紧急投诉已上报给您：{number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="185"/>
        <source>For your department&apos;s information: {number}</source>
        <translation>知会贵部门：{number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="195"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="196"/>
        <source>Case</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="197"/>
        <source>Deadline</source>
        <translation>时限类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="198"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="199"/>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="200"/>
        <source>Created</source>
        <translation>提醒时间</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="415"/>
        <source>1 new reminder</source>
        <translation>1 条新提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="417"/>
        <source>{count} new reminders</source>
        <translation>{count} 条新提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="422"/>
        <source>… and {more} more</source>
        <translation>……另有 {more} 条</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="457"/>
        <source>&amp;Acknowledge</source>
        <translation>已阅(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="460"/>
        <source>Mark the selected reminder as seen (Delete)</source>
        <translation>将选中的提醒标记为已阅（Delete）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="463"/>
        <source>Acknowledge</source>
        <translation>已阅</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="470"/>
        <source>Open case</source>
        <translation>打开投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="485"/>
        <source>For 15 minutes</source>
        <translation>15 分钟后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="486"/>
        <source>For 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="487"/>
        <source>Until tomorrow 09:00</source>
        <translation>明天 09:00</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="494"/>
        <source>&amp;Snooze</source>
        <translation>稍后提醒(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="497"/>
        <source>Hide the selected reminder for a while</source>
        <translation>暂时隐藏选中的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="551"/>
        <source>Reminders ({count})</source>
        <translation>提醒（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_panel.py" line="551"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="300"/>
        <source>Warnings before deadlines</source>
        <translation>时限前的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="304"/>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="311"/>
        <source>(any active manager)</source>
        <translation>（任一在职经理）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="316"/>
        <source>(the customer-service manager)</source>
        <translation>（客服经理）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="327"/>
        <source>Customer-service manager:</source>
        <translation>客服经理：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="329"/>
        <source>Head of operations:</source>
        <translation>运营负责人：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="333"/>
        <source>Group robot notifications</source>
        <translation>群机器人通知</translation>
    </message>
</context>
<context>
    <name>RenegotiateDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="366"/>
        <source>Renegotiate the resolution date</source>
        <translation>重新约定办结日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="368"/>
        <source>Complex cases only: the new date agreed with the customer, at most 15 working days after registration (the exact limit is a setting).</source>
        <translation>仅限复杂投诉：与客户约定的新日期，最迟为登记后第 15 个工作日（具体上限可在设置中修改）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="380"/>
        <source>New &amp;date</source>
        <translation>新日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="381"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="158"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="162"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="173"/>
        <source>A supervisor sees the figures of their own departments</source>
        <translation>客服主管只能查看本部门的数据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="176"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="179"/>
        <source>Compute the figures again (F5)</source>
        <translation>重新统计（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="53"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="58"/>
        <source>Full &amp;contacts</source>
        <translation>完整联系方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="62"/>
        <source>Write contact details unmasked in the overdue list (recorded in the audit log); otherwise they are masked like 138****5678</source>
        <translation>在超时清单中写入未隐藏的联系方式（记入审计日志）；否则按 138****5678 的形式隐藏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="70"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="77"/>
        <source>Exporting… %p%</source>
        <translation>正在导出… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="202"/>
        <source>Complaints registered</source>
        <translation>投诉量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="203"/>
        <source>Average handling time</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="204"/>
        <source>Resolution rate</source>
        <translation>投诉解决率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="205"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="622"/>
        <source>On-time rate</source>
        <translation>投诉处理及时率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="206"/>
        <source>First response on time</source>
        <translation>首次响应及时率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="207"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="208"/>
        <source>Overdue now</source>
        <translation>当前超时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="212"/>
        <source>Open cases past a deadline now. Click or press Enter to list them in the tracker.</source>
        <translation>当前已超过时限的未闭环投诉。点击或按 Enter 在进度跟踪中列出。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="215"/>
        <source>Complaints registered in the period. Click or press Enter to list them in the tracker.</source>
        <translation>本期登记的投诉。点击或按 Enter 在进度跟踪中列出。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="220"/>
        <source>Click or press Enter to list the cases registered in the period in the tracker.</source>
        <translation>点击或按 Enter 在进度跟踪中列出本期登记的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="231"/>
        <source>Complaints by type</source>
        <translation>各类型投诉量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="235"/>
        <source>Click a bar (or choose one with the arrow keys and press Enter) to list those cases</source>
        <translation>点击某个柱形（或用方向键选中后按 Enter）列出这些投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="241"/>
        <source>Complaints by week</source>
        <translation>每周投诉量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="244"/>
        <source>On-time rate by week (%)</source>
        <translation>每周处理及时率（%）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="247"/>
        <source>Satisfaction by question (mean, 1–5)</source>
        <translation>各项满意度（平均分，1–5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="250"/>
        <source>Root causes (Pareto)</source>
        <translation>原因分布（帕累托图）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="254"/>
        <source>Cases of the period per recorded root cause, most first; the line is the cumulative share</source>
        <translation>本期各原因分类的投诉量，从多到少排列；折线为累计占比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="261"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="292"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="261"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="264"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="299"/>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="264"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="267"/>
        <source>Hot spot</source>
        <translation>改进热点</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="267"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="267"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="272"/>
        <source>Product or subtype × cause</source>
        <translation>产品或子类 × 原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="273"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="293"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="682"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="274"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="275"/>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="276"/>
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="281"/>
        <source>The product (or subtype) and root cause pairs with the most complaints of the period, against the previous period of the same length. Enter or double-click a row to list its cases</source>
        <translation>本期投诉最多的产品（或子类）与原因组合，并与等长的上一期比较。按回车或双击一行可列出这些投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="294"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="295"/>
        <source>On time</source>
        <translation>及时率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="296"/>
        <source>Resolved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="297"/>
        <source>Avg. handling</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="298"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="304"/>
        <source>Cases registered in the period by their owner now; closed and average handling time over the cases closed in the period; overdue now. Enter or double-click a row to list the owner&apos;s cases of the period</source>
        <translation>按当前责任人统计期内登记的投诉；办结数与平均处理时长按期内办结的投诉计算；超时为当前数。按回车或双击一行，在跟踪表中列出该责任人本期的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="312"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="312"/>
        <source>Subtypes</source>
        <translation>投诉子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="315"/>
        <source>Complaints registered in the period about each staff member</source>
        <translation>期内登记的针对各员工的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="328"/>
        <source>Enter or double-click a row to list its overdue cases</source>
        <translation>按 Enter 或双击某行，列出其超时投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="330"/>
        <source>Enter or double-click a subtype to list its cases of the period</source>
        <translation>按 Enter 或双击某个子类，列出其本期投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="335"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="347"/>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="379"/>
        <source>Overdue by &amp;owner</source>
        <translation>各责任人超时(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="380"/>
        <source>Overdue by dep&amp;artment</source>
        <translation>各部门超时(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="381"/>
        <source>Ho&amp;t spots</source>
        <translation>高频改进建议(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="384"/>
        <source>Where complaints come &amp;from</source>
        <translation>投诉来源分析(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="399"/>
        <source>Figures by o&amp;wner</source>
        <translation>责任人指标(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="400"/>
        <source>Complaints about &amp;staff</source>
        <translation>被投诉员工(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="424"/>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="473"/>
        <source>Computing {period}…</source>
        <translation>正在统计 {period}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="505"/>
        <source>Not computed.</source>
        <translation>未统计。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="536"/>
        <source>all departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="539"/>
        <source>{period}, {department}; overdue as of {now}</source>
        <translation>{period}，{department}；超时截至 {now}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="550"/>
        <source>{n} urgent</source>
        <translation>紧急 {n} 件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="554"/>
        <source>over {n} closed in the period</source>
        <translation>按本期闭环的 {n} 件计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="558"/>
        <source>{k} of {n} resolved</source>
        <translation>{n} 件中已解决 {k} 件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="661"/>
        <source>Product {item}: {share} of complaints, main cause {cause}</source>
        <translation>产品 {item} 占 {share}，主要原因 {cause}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="663"/>
        <source>Product {item}: {share} of complaints, also {cause}</source>
        <translation>产品 {item} 占 {share}，另有原因 {cause}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="667"/>
        <source>Subtype {item}: {share} of complaints, main cause {cause}</source>
        <translation>子类 {item} 占 {share}，主要原因 {cause}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="669"/>
        <source>Subtype {item}: {share} of complaints, also {cause}</source>
        <translation>子类 {item} 占 {share}，另有原因 {cause}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="683"/>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="720"/>
        <source>{name} (no account)</source>
        <translation>{name}（无账号）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="566"/>
        <source>{k} of {n} answered on time</source>
        <translation>{n} 件中按时响应 {k} 件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="572"/>
        <source>{n} surveys, overall 4 or 5</source>
        <translation>{n} 份调查，整体满意度 4 或 5 分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="574"/>
        <source>open cases, now</source>
        <translation>当前未闭环的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="312"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="579"/>
        <location filename="../../desktop_app/ui/reports/page.py" line="611"/>
        <source>Complaints</source>
        <translation>投诉量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="562"/>
        <source>{k} of {n} due closed on time</source>
        <translation>应处理 {n} 件中按时办结 {k} 件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="582"/>
        <source>Timeliness</source>
        <translation>处理及时性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="583"/>
        <source>Effectiveness</source>
        <translation>解决方案有效性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="584"/>
        <source>Attitude</source>
        <translation>服务人员态度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="585"/>
        <source>Overall</source>
        <translation>整体满意度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="589"/>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="594"/>
        <source>Satisfaction by question: no surveys in the period</source>
        <translation>各项满意度：本期没有调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="598"/>
        <source>Satisfaction by question (mean of {n} surveys, 1–5)</source>
        <translation>各项满意度（{n} 份调查的平均分，1–5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="604"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="604"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="604"/>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="608"/>
        <source>Complaints by {bucket}</source>
        <translation>每{bucket}投诉量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="614"/>
        <source>On-time rate by {bucket} (%)</source>
        <translation>每{bucket}处理及时率（%）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="642"/>
        <source>Survey: needs improvement</source>
        <translation>调查：需改进的环节</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/page.py" line="646"/>
        <source>Top subtype</source>
        <translation>高发子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="101"/>
        <source>Export once the figures are shown</source>
        <translation>统计结果显示后即可导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="105"/>
        <source>Save the figures shown as an Excel workbook (summary, breakdowns, overdue cases, surveys, improvement actions, charts)</source>
        <translation>将显示的数据另存为 Excel 工作簿（汇总、分类统计、超时投诉、满意度调查、改进措施、图表）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="120"/>
        <source>Complaint report {period}.xlsx</source>
        <translation>投诉数据汇总 {period}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="127"/>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="129"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="178"/>
        <source>The export was cancelled; no file was saved.</source>
        <translation>已取消导出，未保存文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="184"/>
        <source>The report was saved to {path}.</source>
        <translation>报表已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/export.py" line="192"/>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
</context>
<context>
    <name>ReviewMeetingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="201"/>
        <source>Review meetings</source>
        <translation>复盘会</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="207"/>
        <source>Held on</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="207"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="207"/>
        <source>Decisions</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="224"/>
        <source>Who was there</source>
        <translation>参会人员名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="229"/>
        <source>Take the &amp;report&apos;s hot spots</source>
        <translation>提取报表热点(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="232"/>
        <source>The product × cause pairs of the period, from the report</source>
        <translation>本期报表中的产品×原因组合</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="242"/>
        <source>Decision</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="243"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="244"/>
        <source>Deadline (YYYY-MM-DD)</source>
        <translation>期限（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="245"/>
        <source>Improvement action</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="255"/>
        <source>&amp;Add decision</source>
        <translation>添加决议(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="258"/>
        <source>Re&amp;move decision</source>
        <translation>删除决议(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="261"/>
        <source>&amp;Create improvement action</source>
        <translation>创建改进措施(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="263"/>
        <source>Record the selected decision as an improvement action</source>
        <translation>将所选决议登记为改进措施</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="277"/>
        <source>Held &amp;on:</source>
        <translation>会议日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="278"/>
        <source>&amp;Period reviewed:</source>
        <translation>复盘期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="279"/>
        <source>&amp;Departments present:</source>
        <translation>参会部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="280"/>
        <source>People &amp;present:</source>
        <translation>参会人员(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="281"/>
        <source>Hot spots reviewed:</source>
        <translation>复盘的问题热点：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="283"/>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="289"/>
        <source>Decisions:</source>
        <translation>决议：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="298"/>
        <source>&amp;New meeting</source>
        <translation>新建复盘会(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="302"/>
        <source>&amp;Save meeting</source>
        <translation>保存复盘会(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="305"/>
        <source>Minutes as P&amp;DF…</source>
        <translation>会议纪要存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="308"/>
        <source>Save the minutes of the selected meeting as a PDF file</source>
        <translation>将所选复盘会的纪要保存为 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="395"/>
        <source>None taken yet</source>
        <translation>尚未提取</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="475"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="582"/>
        <source>The meeting was saved.</source>
        <translation>复盘会已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="592"/>
        <source>Save the meeting, then choose one of its decisions.</source>
        <translation>请先保存复盘会，再选择其中一条决议。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="607"/>
        <source>The improvement action was created.</source>
        <translation>改进措施已创建。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="620"/>
        <source>The minutes were saved to {path}.</source>
        <translation>会议纪要已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="628"/>
        <source>Save the minutes as PDF</source>
        <translation>会议纪要存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="630"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_meetings.py" line="639"/>
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>RootCauseDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="345"/>
        <source>Root cause</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="347"/>
        <source>Why did this complaint happen? Choose the cause category and note what, when, where, who, why and how.</source>
        <translation>为什么会发生这起投诉？请选择原因分类，并记录何事、何时、何地、何人、为何、如何。</translation>
    </message>
</context>
<context>
    <name>RoutingFields</name>
    <message>
        <location filename="../../desktop_app/ui/intake/routing_fields.py" line="138"/>
        <source>Listing the customer&apos;s cases…</source>
        <translation>正在列出该客户的投诉…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/routing_fields.py" line="159"/>
        <source>The customer&apos;s cases could not be listed</source>
        <translation>无法列出该客户的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/routing_fields.py" line="169"/>
        <source>Pick the customer first</source>
        <translation>请先选中客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/routing_fields.py" line="171"/>
        <source>No earlier cases of this customer</source>
        <translation>该客户没有以前的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/routing_fields.py" line="173"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>SavedDialog</name>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="70"/>
        <source>Complaint registered</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="71"/>
        <source>Complaint number:</source>
        <translation>投诉编号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="87"/>
        <source>Level {level}</source>
        <translation>{level}级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="88"/>
        <source>First response due {due}</source>
        <translation>首次响应时限 {due}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="93"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="103"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="111"/>
        <source>Read this to the customer:</source>
        <translation>请告知客户：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="126"/>
        <source>The rule ({rule}) could not be met: you handle this case.</source>
        <translation>无法按规则（{rule}）分派：由您本人处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="128"/>
        <source>The rule ({rule}) could not be met: handled by {name}.</source>
        <translation>无法按规则（{rule}）分派：由{name}处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="131"/>
        <source>You handle this case ({rule}).</source>
        <translation>由您本人处理（{rule}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="133"/>
        <source>Handled by {name} ({rule}).</source>
        <translation>由{name}处理（{rule}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/page.py" line="136"/>
        <source>Reported at once to {names}.</source>
        <translation>已即时上报：{names}。</translation>
    </message>
</context>
<context>
    <name>ScoreWidget</name>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="123"/>
        <source>Press 1 (very dissatisfied) to 5 (very satisfied); the next score follows</source>
        <translation>按 1（非常不满意）到 5（非常满意）；随后自动跳到下一项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="148"/>
        <source>not given</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="72"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="71"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="73"/>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="74"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="75"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
</context>
<context>
    <name>SettingEditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="152"/>
        <source>Change setting</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="160"/>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="175"/>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="182"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="195"/>
        <source>From {minimum:g} to {maximum:g}.</source>
        <translation>范围：{minimum:g} 至 {maximum:g}。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="70"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="72"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="77"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/targets_tab.py" line="126"/>
        <source>Saved: {names}</source>
        <translation>已保存：{names}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="255"/>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="259"/>
        <source>Policy for deadlines, calendar, reminders and security. Double-click a setting or press Change to edit it; every change is recorded in the audit log.</source>
        <translation>时限、日历、提醒和安全方面的规则。双击某项设置或点“修改”进行编辑；每次修改都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="265"/>
        <source>Policy for deadlines, calendar, reminders and security. Only managers and administrators can change settings.</source>
        <translation>时限、日历、提醒和安全方面的规则。只有客服经理和系统管理员可以修改设置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="284"/>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="285"/>
        <source>Change the selected setting (Enter)</source>
        <translation>修改选中的设置（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="294"/>
        <source>Send &amp;test message</source>
        <translation>发送测试消息(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="297"/>
        <source>Post a test message to the group robot webhook (notify.webhook_url)</source>
        <translation>向群机器人 Webhook（notify.webhook_url）发送一条测试消息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="324"/>
        <source>&amp;Policy</source>
        <translation>规则(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="325"/>
        <source>All &amp;settings</source>
        <translation>全部设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="326"/>
        <source>Working &amp;calendar</source>
        <translation>工作日历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="339"/>
        <source>Follow the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="344"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="360"/>
        <source>Saved for this computer. The new language shows after you sign out and sign in again.</source>
        <translation>已为本机保存。退出登录并重新登录后显示新语言。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="365"/>
        <source>Saved for this computer.</source>
        <translation>已为本机保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="409"/>
        <source>Saved: {label} = {value}</source>
        <translation>已保存：{label} = {value}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="442"/>
        <source>Sending the test message…</source>
        <translation>正在发送测试消息…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="454"/>
        <source>Test message delivered to the group robot ({kind}).</source>
        <translation>测试消息已送达群机器人（{kind}）。</translation>
    </message>
</context>
<context>
    <name>SettingsTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="135"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="135"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="135"/>
        <source>Key</source>
        <translation>键名</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="38"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="40"/>
        <location filename="../../desktop_app/ui/intake/similar.py" line="121"/>
        <source>New customer (none picked)</source>
        <translation>新客户（未选择已有客户）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="52"/>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="52"/>
        <source>Stage</source>
        <translation>处理阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="52"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="62"/>
        <source>&amp;Customer record…</source>
        <translation>客户档案(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="65"/>
        <source>Change the customer&apos;s contacts, member tier or sensitive-customer flag</source>
        <translation>修改客户的联系方式、会员等级或敏感客户标记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="71"/>
        <source>Similar cases</source>
        <translation>相似投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="73"/>
        <location filename="../../desktop_app/ui/intake/similar.py" line="177"/>
        <source>Choose a subtype to see today&apos;s count.</source>
        <translation>选择投诉子类后可查看今日数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="76"/>
        <source>Open cases of this customer</source>
        <translation>该客户未闭环的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="79"/>
        <source>Cases with a similar description</source>
        <translation>描述相似的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="83"/>
        <source>Typical cases of this subtype</source>
        <translation>本子类的典型案例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="130"/>
        <source>Member tier: {tier}</source>
        <translation>会员等级：{tier}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="140"/>
        <source>Sensitive customer: {kind}</source>
        <translation>敏感客户：{kind}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="142"/>
        <source>Sensitive customer</source>
        <translation>敏感客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="182"/>
        <location filename="../../desktop_app/ui/intake/similar.py" line="186"/>
        <location filename="../../desktop_app/ui/intake/similar.py" line="200"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="194"/>
        <source>Script: {script}</source>
        <translation>话术：{script}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="202"/>
        <source>Today: {count} of batch threshold {threshold} for this subtype</source>
        <translation>该子类今日已有 {count} 件，批量投诉阈值为 {threshold} 件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/similar.py" line="206"/>
        <source>the next one is a batch complaint (urgent)</source>
        <translation>再有一件即为批量投诉（紧急）</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="67"/>
        <location filename="../../desktop_app/ui/app.py" line="183"/>
        <source>{app} cannot start</source>
        <translation>{app}无法启动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="82"/>
        <source>The database cannot be used.

{reason}

Database: {url}
Log file: {log}

Check the --database option or the DESKTOP_APP_DATABASE variable, or ask your administrator.</source>
        <translation>无法使用数据库。

{reason}

数据库：{url}
日志文件：{log}

请检查 --database 选项或 DESKTOP_APP_DATABASE 环境变量，或联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="88"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="191"/>
        <source>This is the database chosen on this computer at the first start. You can try again later or choose another one.</source>
        <translation>这是本机首次启动时选择的数据库。您可以稍后重试，或选择其他数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="199"/>
        <source>Choose another database…</source>
        <translation>选择其他数据库…</translation>
    </message>
</context>
<context>
    <name>SurveyCalls</name>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="77"/>
        <source>Call attempt</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="92"/>
        <source>When the customer asked to be called back</source>
        <translation>客户要求回电的时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="99"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="101"/>
        <source>Record &amp;call</source>
        <translation>记录通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="107"/>
        <source>Why the customer is not to be surveyed</source>
        <translation>不调查该客户的原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="112"/>
        <source>Not to be s&amp;urveyed</source>
        <translation>不予调查(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="133"/>
        <source>Ne&amp;xt try</source>
        <translation>下次致电(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="137"/>
        <source>Call res&amp;ult</source>
        <translation>通话结果(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="143"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="147"/>
        <source>Reas&amp;on</source>
        <translation>原因(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="185"/>
        <source>Choose a case in the queue first.</source>
        <translation>请先在队列中选择投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="222"/>
        <source>Customer unreachable after 1 call: {number} left the queue.</source>
        <translation>致电 1 次仍联系不上客户：{number} 已移出队列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="224"/>
        <source>Customer unreachable after {count} calls: {number} left the queue.</source>
        <translation>致电 {count} 次仍联系不上客户：{number} 已移出队列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="227"/>
        <source>The customer refused the survey: {number} left the queue.</source>
        <translation>客户拒绝调查：{number} 已移出队列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="231"/>
        <source>Wrong number: {number} left the queue.</source>
        <translation>号码错误：{number} 已移出队列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="233"/>
        <source>Next try at {time} ({number}, call {count}).</source>
        <translation>下次致电时间 {time}（{number}，第 {count} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="239"/>
        <source>Call recorded ({number}).</source>
        <translation>通话已记录（{number}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/calls.py" line="275"/>
        <source>{number} will not be surveyed: it left the queue.</source>
        <translation>{number} 不予调查，已移出队列。</translation>
    </message>
</context>
<context>
    <name>SurveyFormPanel</name>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="258"/>
        <source>Survey</source>
        <translation>调查信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="260"/>
        <source>Complaint &amp;number (if any)</source>
        <translation>投诉编号（如有）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="262"/>
        <source>Empty for a proactive survey</source>
        <translation>主动调查时留空</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="264"/>
        <source>Customer na&amp;me</source>
        <translation>客户姓名(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="267"/>
        <source>Survey &amp;time</source>
        <translation>调查时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="271"/>
        <source>Met&amp;hod</source>
        <translation>调查方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="274"/>
        <source>Surveyor</source>
        <translation>调查人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="279"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="285"/>
        <source>1 = very dissatisfied … 5 = very satisfied; type the digit, the next score follows.</source>
        <translation>1 = 非常不满意 … 5 = 非常满意；输入数字后自动跳到下一项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="294"/>
        <source>1. T&amp;imeliness of handling</source>
        <translation>1. 处理及时性(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="295"/>
        <source>2. &amp;Effectiveness of the solution</source>
        <translation>2. 解决方案有效性(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="296"/>
        <source>3. Staff &amp;attitude</source>
        <translation>3. 服务人员态度(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="297"/>
        <source>4. O&amp;verall satisfaction</source>
        <translation>4. 整体满意度(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="306"/>
        <source>Aspects and suggestions</source>
        <translation>环节与建议</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="309"/>
        <source>Most &amp;satisfied with</source>
        <translation>最满意的环节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="313"/>
        <source>Needs im&amp;provement</source>
        <translation>需改进的环节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="321"/>
        <source>Other su&amp;ggestions or needs</source>
        <translation>其他建议或需求(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="334"/>
        <source>&amp;Save survey</source>
        <translation>保存调查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="337"/>
        <source>Save the survey (Ctrl+S)</source>
        <translation>保存调查（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="341"/>
        <source>Ne&amp;w survey</source>
        <translation>新建调查(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_form.py" line="344"/>
        <source>Empty the form, for a proactive survey without a complaint (Ctrl+N)</source>
        <translation>清空表单，用于没有投诉的主动调查（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="125"/>
        <source>Only clerks, supervisors and managers record surveys.</source>
        <translation>只有客服专员、客服主管和客服经理可以记录调查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="128"/>
        <source>Due for a survey</source>
        <translation>待回访调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="141"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="144"/>
        <source>Read the queue again (F5)</source>
        <translation>重新读取队列（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="154"/>
        <source>Enter or double-click: survey the selected case.</source>
        <translation>按 Enter 或双击：调查选中的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="178"/>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="217"/>
        <source>No case is due for a survey.</source>
        <translation>没有待回访调查的投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="219"/>
        <source>{total} cases due for a survey ({shown} shown)</source>
        <translation>{total} 件投诉待回访调查（显示 {shown} 件）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="224"/>
        <source>1 case due for a survey</source>
        <translation>1 件投诉待回访调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="226"/>
        <source>{count} cases due for a survey</source>
        <translation>{count} 件投诉待回访调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="230"/>
        <source>{count} overdue</source>
        <translation>{count} 件已超时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="269"/>
        <source>No case chosen in the queue.</source>
        <translation>未在队列中选择投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="274"/>
        <source>1 call so far</source>
        <translation>已致电 1 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="276"/>
        <source>{count} calls so far</source>
        <translation>已致电 {count} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="301"/>
        <source>Replace the form?</source>
        <translation>替换当前表单？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="303"/>
        <source>The survey form has typed work that is not saved. Start this case&apos;s survey instead?</source>
        <translation>调查表中有尚未保存的内容。要改为调查这件投诉吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="312"/>
        <source>Surveying {number}: {customer}, {contact}.</source>
        <translation>正在调查 {number}：{customer}，{contact}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="342"/>
        <source>Survey saved.</source>
        <translation>调查已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="344"/>
        <source>Follow-up created for the supervisor.</source>
        <translation>已为主管创建跟进任务。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="358"/>
        <source>Not saved: 1 field needs attention.</source>
        <translation>未保存：有 1 项需要修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="360"/>
        <source>Not saved: {count} fields need attention.</source>
        <translation>未保存：有 {count} 项需要修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="365"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey/page.py" line="368"/>
        <source>Not saved: {reason} Everything typed is kept; try again.</source>
        <translation>未保存：{reason}已填写的内容都保留着，请重试。</translation>
    </message>
</context>
<context>
    <name>SurveyQueueModel</name>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="85"/>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="86"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="87"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="88"/>
        <source>Subtype</source>
        <translation>投诉子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="89"/>
        <source>Closed at</source>
        <translation>闭环时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="90"/>
        <source>Survey due</source>
        <translation>调查时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="91"/>
        <source>Calls</source>
        <translation>致电次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="92"/>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="93"/>
        <source>Next try</source>
        <translation>下次致电</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="148"/>
        <source>Waiting: next try at {time}</source>
        <translation>等待中：下次致电时间 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="152"/>
        <source>The survey is overdue: it was due {time}</source>
        <translation>调查已超时：时限为 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/survey_queue.py" line="187"/>
        <source>{time} (overdue)</source>
        <translation>{time}（已超时）</translation>
    </message>
</context>
<context>
    <name>TemplatesPrint</name>
    <message>
        <location filename="../../desktop_app/ui/templates_print/forms_html.py" line="135"/>
        <source>Registration form (template 1)</source>
        <translation>客户投诉登记表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/forms_html.py" line="138"/>
        <source>Progress tracking (template 2)</source>
        <translation>投诉处理进度跟踪表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/forms_html.py" line="139"/>
        <source>Satisfaction survey (template 3)</source>
        <translation>客户满意度调查问卷</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="74"/>
        <source>Print: {name}</source>
        <translation>打印：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="88"/>
        <source>Save as PDF: {name}</source>
        <translation>另存为 PDF：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="92"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="104"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="105"/>
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="450"/>
        <source>&amp;Blank forms</source>
        <translation>空白表单(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="129"/>
        <source>Print {name}…</source>
        <translation>打印{name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="130"/>
        <source>Save {name} as PDF…</source>
        <translation>将{name}另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="176"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="180"/>
        <source>Print the case&apos;s forms (templates 1–3) or save them as PDF</source>
        <translation>打印该投诉的表单（登记表、进度跟踪表、满意度调查问卷），或另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="193"/>
        <source>Save as P&amp;DF</source>
        <translation>另存为 PDF(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="272"/>
        <source>The survey could not be read: {reason}</source>
        <translation>无法读取满意度调查：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/templates_print/paper.py" line="293"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
</context>
<context>
    <name>TimelineText</name>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="49"/>
        <location filename="../../desktop_app/ui/case/timeline.py" line="127"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="56"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="57"/>
        <source>Progress entry</source>
        <translation>进度记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="58"/>
        <source>Closed</source>
        <translation>闭环时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="59"/>
        <source>Transfer</source>
        <translation>转派</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="60"/>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="61"/>
        <source>Approval requested</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="62"/>
        <source>Approval decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="63"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="64"/>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="65"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="96"/>
        <source>Assigned by rule: {rule} → {owner}</source>
        <translation>按规则分派：{rule} → {owner}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="100"/>
        <source>(fallback: the rule could not be met)</source>
        <translation>（替补：规则无法满足）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="104"/>
        <source>Account frozen: yes</source>
        <translation>账户冻结：是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="106"/>
        <source>Account frozen: no</source>
        <translation>账户冻结：否</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="111"/>
        <source>marked urgent</source>
        <translation>标记为紧急</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="111"/>
        <source>urgent mark removed</source>
        <translation>取消紧急标记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="113"/>
        <source>level {before} → {after}</source>
        <translation>级别 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="114"/>
        <source>subtype {before} → {after}</source>
        <translation>子类型 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="115"/>
        <source>department {before} → {after}</source>
        <translation>部门 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="116"/>
        <source>owner {before} → {after}</source>
        <translation>处理人 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="126"/>
        <source>Re-assessed by {who}: {what}</source>
        <translation>{who} 重新评估：{what}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="164"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/timeline.py" line="174"/>
        <source>Attachments: {names}</source>
        <translation>附件：{names}</translation>
    </message>
</context>
<context>
    <name>TrackerFilters</name>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="97"/>
        <source>Number, customer, contact or words of the description (Ctrl+F)</source>
        <translation>投诉编号、客户、联系方式或描述中的词语（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="102"/>
        <source>Any stage</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="115"/>
        <source>Any owner</source>
        <translation>全部责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="119"/>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="126"/>
        <source>Any type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="129"/>
        <source>Any level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="133"/>
        <source>Any channel</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="138"/>
        <source>Any cause</source>
        <translation>任意原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="139"/>
        <source>No cause recorded</source>
        <translation>未填写原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="144"/>
        <source>Product contains…</source>
        <translation>产品包含…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="148"/>
        <source>Merchant contains…</source>
        <translation>商户包含…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="151"/>
        <source>Urgent onl&amp;y</source>
        <translation>仅紧急(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="153"/>
        <source>Overd&amp;ue only</source>
        <translation>仅超时(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="155"/>
        <source>&amp;Include closed</source>
        <translation>包括已闭环(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="157"/>
        <source>&amp;Mine only</source>
        <translation>仅我负责的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="159"/>
        <source>Only the cases you own</source>
        <translation>只显示由您负责的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="160"/>
        <source>Awaiting a&amp;pproval</source>
        <translation>待审批(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="163"/>
        <source>Only cases waiting for a supervisor&apos;s approval of the solution</source>
        <translation>只显示方案等待主管审批的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="165"/>
        <source>&amp;Follow-ups</source>
        <translation>待跟进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="168"/>
        <source>Only cases whose unhappy customer awaits a follow-up</source>
        <translation>只显示客户不满意、等待跟进的投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="173"/>
        <source>Cl&amp;ear filters</source>
        <translation>清除筛选(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="185"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="213"/>
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="214"/>
        <source>&amp;Stage:</source>
        <translation>处理阶段(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="215"/>
        <source>&amp;Owner:</source>
        <translation>责任人(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="216"/>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="217"/>
        <source>&amp;Type:</source>
        <translation>投诉类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="218"/>
        <source>Leve&amp;l:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="219"/>
        <source>&amp;Channel:</source>
        <translation>投诉渠道(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="220"/>
        <source>&amp;Registered from:</source>
        <translation>登记日期从(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="221"/>
        <source>to:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="222"/>
        <source>Root c&amp;ause:</source>
        <translation>原因分类(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="223"/>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="224"/>
        <source>Merc&amp;hant:</source>
        <translation>商户(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="321"/>
        <source>(no product)</source>
        <translation>（无产品）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="353"/>
        <source>(several)</source>
        <translation>（多项）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/filters.py" line="353"/>
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
</context>
<context>
    <name>TrackerModel</name>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="294"/>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="295"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="296"/>
        <source>Type</source>
        <translation>投诉类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="297"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="298"/>
        <source>Stage</source>
        <translation>处理阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="299"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="300"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="301"/>
        <source>Next deadline</source>
        <translation>最近时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="302"/>
        <source>Age</source>
        <translation>已历时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="307"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="308"/>
        <source>Customer name and contact (masked unless you handle the case)</source>
        <translation>客户姓名和联系方式（非处理人员看到的是隐藏后的信息）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="309"/>
        <source>Type / subtype</source>
        <translation>投诉类型/子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="310"/>
        <source>Severity level; urgent cases come before every level</source>
        <translation>投诉级别；紧急投诉排在所有级别之前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="311"/>
        <source>Current stage of handling</source>
        <translation>当前处理阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="312"/>
        <source>Who is responsible for the case now</source>
        <translation>当前负责该投诉的人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="313"/>
        <source>Department handling the case</source>
        <translation>处理该投诉的部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="315"/>
        <source>The earliest deadline not yet met: red overdue, amber due soon, green on track</source>
        <translation>最早一个尚未达成的时限：红色为已超时，橙色为即将到期，绿色为正常</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="317"/>
        <source>Time since the complaint was registered</source>
        <translation>自登记以来的时长</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="394"/>
        <source>{customer}
The contact is masked: you do not handle this case.</source>
        <translation>{customer}
联系方式已隐藏：您不是该投诉的处理人员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="399"/>
        <source>Urgent (level {level})</source>
        <translation>紧急（{level}级）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="400"/>
        <source>Level {level}</source>
        <translation>{level}级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="404"/>
        <source>Registered {time}</source>
        <translation>登记于 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="411"/>
        <source>Closed; no deadline left</source>
        <translation>已闭环，无剩余时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="412"/>
        <source>No deadline</source>
        <translation>无时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="415"/>
        <source>Overdue by {time} (due {due})</source>
        <translation>已超时 {time}（时限 {due}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="419"/>
        <source>Due soon: in {time} (at {due})</source>
        <translation>即将到期：还剩 {time}（{due}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="423"/>
        <source>On track: due in {time} (at {due})</source>
        <translation>正常：还剩 {time}（{due}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="426"/>
        <source>Closed; the last deadline was {due}</source>
        <translation>已闭环；最后时限为 {due}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="343"/>
        <source>{days} d {hours} h</source>
        <translation>{days}天{hours}小时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="344"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}小时{minutes}分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker_model.py" line="345"/>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location filename="../../desktop_app/ui/tracker/page.py" line="164"/>
        <source>Tracker</source>
        <translation>进度跟踪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/page.py" line="207"/>
        <source>{shown}+ cases (counting…)</source>
        <translation>{shown}+ 件投诉（正在统计…）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/page.py" line="222"/>
        <source>1 case</source>
        <translation>1 件投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/page.py" line="222"/>
        <source>{count} cases</source>
        <translation>{count} 件投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/page.py" line="331"/>
        <source>Processing order (urgent, level, deadline)</source>
        <translation>处理顺序（紧急、级别、时限）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/page.py" line="334"/>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>TrackerViews</name>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="126"/>
        <source>S&amp;ave view…</source>
        <translation>保存视图(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="130"/>
        <source>Keep the current filters as a view of your own</source>
        <translation>把当前筛选条件保存为自己的视图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="133"/>
        <location filename="../../desktop_app/ui/tracker/views.py" line="338"/>
        <location filename="../../desktop_app/ui/tracker/views.py" line="349"/>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="137"/>
        <source>Delete the selected view of your own</source>
        <translation>删除选中的自建视图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="146"/>
        <source>Vie&amp;ws</source>
        <translation>视图(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="313"/>
        <source>View “{name}” saved</source>
        <translation>视图“{name}”已保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="317"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="317"/>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/tracker/views.py" line="338"/>
        <source>Delete the view “{name}”?</source>
        <translation>删除视图“{name}”？</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="126"/>
        <source>Transfer the case</source>
        <translation>转派投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="128"/>
        <source>The new owner is responsible from now on; the transfer is recorded with your reason.</source>
        <translation>从现在起由新责任人负责；转派及原因都会记录在案。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="134"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="139"/>
        <source>New &amp;owner</source>
        <translation>新责任人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="140"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case/dialogs.py" line="149"/>
        <source>Choose who takes the case.</source>
        <translation>请选择接手该投诉的人。</translation>
    </message>
</context>
<context>
    <name>TypesTab</name>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="57"/>
        <source>Type / subtype</source>
        <translation>类型 / 子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="57"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="57"/>
        <source>First callback</source>
        <translation>首次回电</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="65"/>
        <source>Add &amp;type</source>
        <translation>新增类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="68"/>
        <source>Add s&amp;ubtype</source>
        <translation>新增子类(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="71"/>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="283"/>
        <source>S&amp;witch off</source>
        <translation>停用(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="74"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="77"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="122"/>
        <source>Chinese &amp;name:</source>
        <translation>中文名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="123"/>
        <source>&amp;English name:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="126"/>
        <source>Default &amp;level:</source>
        <translation>默认级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="127"/>
        <source>First &amp;callback:</source>
        <translation>首次回电(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="128"/>
        <source>&amp;Handled by:</source>
        <translation>处理人(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="131"/>
        <source>Handling &amp;department:</source>
        <translation>处理部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="137"/>
        <source>&amp;Notify department:</source>
        <translation>通知部门(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="147"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="151"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="217"/>
        <source>Switched off: not offered for new complaints</source>
        <translation>已停用：新投诉中不再提供</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="218"/>
        <source>{name} (off)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="237"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="270"/>
        <source>Subtype</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="279"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="283"/>
        <source>S&amp;witch on</source>
        <translation>启用(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="293"/>
        <source>New type</source>
        <translation>新类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="297"/>
        <source>Select the type the subtype belongs to.</source>
        <translation>请选择子类所属的类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="300"/>
        <source>New subtype of {type}</source>
        <translation>{type}的新子类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="389"/>
        <source>Added: {name}</source>
        <translation>已新增：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="394"/>
        <source>Saved: {name}</source>
        <translation>已保存：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/policy/types_tab.py" line="396"/>
        <source>Nothing to save: no change.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="197"/>
        <source>Add an account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="199"/>
        <source>Change the account {name}</source>
        <translation>修改账号 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="222"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="240"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="241"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="242"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="243"/>
        <source>D&amp;epartments:</source>
        <translation>所属部门(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="244"/>
        <source>&amp;Supervisor:</source>
        <translation>直属主管(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="246"/>
        <source>Senior agent (handles complaints about staff efficiency)</source>
        <translation>资深坐席（处理员工效率类投诉）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="250"/>
        <source>Se&amp;nior agent:</source>
        <translation>资深坐席(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="256"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="256"/>
        <source>Password a&amp;gain:</source>
        <translation>确认密码(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="258"/>
        <source>The name others see; the user name when empty</source>
        <translation>其他人看到的名称；留空则使用用户名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_accounts.py" line="287"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>WebhookFailuresModel</name>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="29"/>
        <source>Failed at</source>
        <translation>失败时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="30"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="31"/>
        <source>Case</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="32"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="33"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="34"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="39"/>
        <source>Urgent case</source>
        <translation>紧急投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="40"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="41"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="46"/>
        <source>Department {code}</source>
        <translation>部门 {code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin_notify.py" line="47"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
</context>
<context>
    <name>_WorkDialog</name>
    <message>
        <location filename="../../desktop_app/ui/exchange/work.py" line="42"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/exchange/work.py" line="44"/>
        <source>Stop the work; nothing is changed</source>
        <translation>停止操作，不做任何更改</translation>
    </message>
</context>
</TS>
