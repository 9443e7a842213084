<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AlertBadge</name>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="54" />
      <source>Alerts: {unread} new · {open} open</source>
      <translation>告警：{unread} 条新 · {open} 条未确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="56" />
      <source>Alerts: {open} open</source>
      <translation>告警：{open} 条未确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="66" />
      <source>Open the alerts pane</source>
      <translation>打开告警面板</translation>
    </message>
  </context>
  <context>
    <name>AlertTableModel</name>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="75" />
      <source>Severity</source>
      <extracomment>Reset instead of inserting when a batch brings more than this many alerts. The alert id of a row. The Alert struct of a row.</extracomment>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="75" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="75" />
      <source>Town</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="75" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="76" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="76" />
      <source>Message</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="76" />
      <source>Acknowledged</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="300" />
      <source>Acknowledging in {s} s… Undo</source>
      <translation>{s} 秒后确认… 撤销</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="302" />
      <source>Acknowledging…</source>
      <translation>正在确认…</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="303" />
      <source>Open</source>
      <translation>未确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="312" />
      <source>Cameras: {names}</source>
      <translation>摄像机：{names}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="313" />
      <source>Raised {when}</source>
      <translation>发生于 {when}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/model.py" line="314" />
      <source>Acknowledged by {text}</source>
      <translation>确认人：{text}</translation>
    </message>
  </context>
  <context>
    <name>Alerts</name>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="78" />
      <location filename="../../plugins/alerts/plugin.py" line="106" />
      <location filename="../../plugins/alerts/plugin.py" line="199" />
      <source>Alerts</source>
      <extracomment>Tasks sending the acknowledgements still waiting when a window closed (kept referenced until done). Acknowledgements sent at once when many alerts are selected. How many alerts the fetch asks for: every open one up to this many... ...and the most recent ones whatever their state (recent history).
----------
completed fetches of the alert list (the first one is not news: nothing is unread)</extracomment>
      <translation>告警</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="124" />
      <source>This window has no video wall to show cameras on.</source>
      <extracomment>acknowledgements waiting to be sent: alert id -&gt; (note, when to send, monotonic s)</extracomment>
      <translation>此窗口没有可上墙的视频墙。</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="142" />
      <source>Pop up critical alerts</source>
      <translation>紧急告警弹窗提示</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="143" />
      <source>Sound for critical alerts</source>
      <translation>紧急告警声音提示</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="201" />
      <source>Alerts ({n} new)</source>
      <translation>告警（{n} 条新）</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="271" />
      <source>Could not fetch the alerts: {error}</source>
      <translation>无法获取告警：{error}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="313" />
      <source>Acknowledgement undone: {n}</source>
      <translation>已撤销确认：{n} 条</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="323" />
      <source>Undo acknowledging {n} ({s} s)</source>
      <translation>撤销确认 {n} 条（{s} 秒）</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="416" />
      <source>Could not acknowledge: {errors}</source>
      <translation>无法确认：{errors}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="418" />
      <source>Alerts acknowledged: {n}</source>
      <translation>已确认告警：{n} 条</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="455" />
      <source>This alert has no camera you can watch.</source>
      <translation>此告警没有您可查看的摄像机。</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="473" />
      <source>On the wall, tile {tile}: {camera}</source>
      <translation>已上墙，第 {tile} 窗格：{camera}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/plugin.py" line="475" />
      <source>On the wall, tiles {first}–{last}: {cameras}</source>
      <translation>已上墙，第 {first}–{last} 窗格：{cameras}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="33" />
      <source>Checkpoint hit</source>
      <extracomment>Severity colours: readable on the dark theme, distinct for red/green colour blindness together with the shapes below. The shape drawn for each severity (also used as text in plain-text places). Most severe first.</extracomment>
      <translation>卡口报警</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="34" />
      <source>Camera offline</source>
      <translation>摄像机离线</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="35" />
      <source>Patrol SOS</source>
      <translation>巡逻求助</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="36" />
      <source>Grid incident</source>
      <translation>网格事件</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="43" />
      <source>Critical</source>
      <translation>紧急</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="44" />
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="45" />
      <source>Info</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="62" />
      <source>{who} at {when}</source>
      <translation>{who}，{when}</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/words.py" line="65" />
      <source>{acknowledged}: {note}</source>
      <translation>{acknowledged}：{note}</translation>
    </message>
  </context>
  <context>
    <name>AlertsPane</name>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="117" />
      <source>Search alerts: place, camera, plate, who…</source>
      <extracomment>Rows the pane shows when it opens (issue 9: three were too few to work in). alert ids to acknowledge (the open ones of the selection), and the note (may be "") acknowledgements to take back before they are sent (alert ids; empty: all of them) alert id to put on the wall "Play from 30 s before": the alert's cameras in playback from just before it (alert id) alert ids the operator looked at (they are read now) "Mark all read"</extracomment>
      <translation>搜索告警：地点、摄像机、车牌、确认人…</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="121" />
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="126" />
      <source>All severities</source>
      <translation>全部级别</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="131" />
      <source>Open and acknowledged</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="132" />
      <source>Open</source>
      <translation>未确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="133" />
      <source>Acknowledged</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="180" />
      <source>New alerts wait here while you work in the list; click to show them</source>
      <translation>您在列表中操作时新告警在此等候；点击显示</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="200" />
      <source>Note (optional)</source>
      <translation>备注（可选）</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="201" />
      <location filename="../../plugins/alerts/widgets/pane.py" line="452" />
      <source>Sent with the acknowledgement; every desk sees it</source>
      <translation>随确认一并发送，各席位均可看到</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="204" />
      <location filename="../../plugins/alerts/widgets/pane.py" line="383" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="206" />
      <source>Take back the acknowledgements not sent yet</source>
      <translation>撤回尚未发送的确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="209" />
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="212" />
      <source>Show on wall</source>
      <translation>上墙</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="215" />
      <source>Play from 30 s before</source>
      <translation>从告警前30秒回放</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="218" />
      <source>Mark all read</source>
      <translation>全部标为已读</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="254" />
      <source>All towns</source>
      <translation>全部乡镇</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="337" />
      <source>{n} new ↑</source>
      <translation>{n} 条新告警 ↑</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="339" />
      <source>{n} new ↑ ({c} critical)</source>
      <translation>{n} 条新告警 ↑（{c} 条紧急）</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="402" />
      <source>The selected alerts are acknowledged already.</source>
      <translation>所选告警均已确认。</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="438" />
      <source>Alerts: {n}</source>
      <translation>告警：{n} 条</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="440" />
      <source>Shown: {shown} of {total}</source>
      <translation>显示 {shown} / {total} 条</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="450" />
      <source>Acknowledge the selected alerts (Space): every desk sees who did</source>
      <translation>确认所选告警（空格键）：各席位都能看到确认人</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="454" />
      <source>Put the alert's cameras on the wall (double-click, Enter)</source>
      <translation>将告警的摄像机上墙（双击或回车）</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/pane.py" line="456" />
      <source>Play the alert's cameras back on the wall from 30 seconds before it was raised</source>
      <translation>在视频墙上从告警发生前30秒回放其摄像机</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../ui/app.py" line="193" />
      <source>unexpected error: {error}</source>
      <translation>意外错误：{error}</translation>
    </message>
  </context>
  <context>
    <name>Audit</name>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="42" />
      <location filename="../../plugins/audit/plugin.py" line="54" />
      <source>Audit trail</source>
      <extracomment>entries per page while scrolling; an export asks for the largest pages the API allows</extracomment>
      <translation>操作日志</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="63" />
      <source>Not signed in to a platform with an audit trail.</source>
      <extracomment>finished loads (tests wait on it), and the last problem in words</extracomment>
      <translation>未登录到有操作日志的平台。</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="96" />
      <source>No camera is named like “{text}”.</source>
      <translation>没有名称像“{text}”的摄像机。</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="97" />
      <source>Several cameras are named like “{text}”: type more of the name, or its id.</source>
      <translation>有多个摄像机名称像“{text}”：请输入更完整的名称或编号。</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="126" />
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="137" />
      <source>{shown} of {total} entries</source>
      <translation>已显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="147" />
      <source>Export the audit trail</source>
      <translation>导出操作日志</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="148" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="157" />
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="168" />
      <source>The audit trail could not be exported: {error}</source>
      <translation>无法导出操作日志：{error}</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/plugin.py" line="170" />
      <source>Saved {n} entries to {file}.</source>
      <translation>已将 {n} 条记录保存到 {file}。</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="24" />
      <source>Logged in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="25" />
      <source>Logged out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="26" />
      <source>Opened camera</source>
      <translation>打开摄像机</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="27" />
      <source>Closed camera</source>
      <translation>关闭摄像机</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="28" />
      <source>Exported</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="29" />
      <source>Acknowledged alert</source>
      <translation>确认告警</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="30" />
      <source>Moved PTZ camera</source>
      <translation>转动云台</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="31" />
      <source>Pushed to display</source>
      <translation>推送到显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="32" />
      <source>Reports lost</source>
      <translation>记录丢失</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="35" />
      <source>live</source>
      <translation>实时</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="36" />
      <source>playback</source>
      <translation>录像回放</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="55" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="56" />
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="57" />
      <source>Workstation</source>
      <translation>工作站</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="58" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="59" />
      <source>Camera</source>
      <translation>摄像机</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="60" />
      <source>Mode</source>
      <translation>方式</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="61" />
      <source>Detail</source>
      <translation>详情</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="126" />
      <source>Happened {at}; stored by the platform {received} (reported by the {source})</source>
      <translation>发生于 {at}；平台记录于 {received}（由{source}上报）</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="130" />
      <source>workstation</source>
      <translation>工作站</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/model.py" line="131" />
      <source>platform</source>
      <translation>平台</translation>
    </message>
  </context>
  <context>
    <name>AuditPane</name>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="41" />
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="44" />
      <source>Camera id or name</source>
      <translation>摄像机编号或名称</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="47" />
      <source>All actions</source>
      <translation>全部操作</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="56" />
      <source>Search</source>
      <translation>查询</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="57" />
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="58" />
      <source>Save every entry that matches the filters as a CSV file (UTF-8; opens in Excel).</source>
      <translation>将符合筛选条件的全部记录保存为 CSV 文件（UTF-8，可用 Excel 打开）。</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="70" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location filename="../../plugins/audit/widgets/pane.py" line="72" />
      <source>to</source>
      <translation>至</translation>
    </message>
  </context>
  <context>
    <name>Backend</name>
    <message>
      <location filename="../../controlroom/backends/base.py" line="62" />
      <source>This platform does not offer that ({what}).</source>
      <translation>此平台不提供该功能（{what}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/address.py" line="35" />
      <source>This is not a platform address: use http(s)://host for ControlRoom's API, wvp+http(s)://host:port for wvp-GB28181-pro, or a path to a .toml camera file.</source>
      <translation>这不是平台地址：ControlRoom 接口请用 http(s)://主机，wvp-GB28181-pro 请用 wvp+http(s)://主机:端口，摄像机文件请用 .toml 文件的路径。</translation>
    </message>
  </context>
  <context>
    <name>BookmarksPane</name>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="68" />
      <source>Camera</source>
      <translation>摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="68" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="68" />
      <source>To</source>
      <translation>到</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="68" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="69" />
      <source>Author</source>
      <translation>创建人</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="75" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="78" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="96" />
      <source>Delete the selected bookmark for every desk</source>
      <translation>删除所选书签（所有席位同时删除）</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="105" />
      <source>Bookmarks: {n}</source>
      <translation>书签：{n}</translation>
    </message>
  </context>
  <context>
    <name>BoolEditor</name>
    <message>
      <location filename="../../ui/settings_dialog.py" line="226" />
      <source>On</source>
      <translation>开</translation>
    </message>
  </context>
  <context>
    <name>ConferencePane</name>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="67" />
      <source>Join</source>
      <extracomment>who we are and what the platform offers: what the buttons may do (controlroom.permissions)</extracomment>
      <translation>加入</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="69" />
      <source>Leave</source>
      <translation>退出</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="74" />
      <source>Meeting rooms</source>
      <translation>会议室</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="86" />
      <source>Participant</source>
      <translation>参会方</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="86" />
      <source>Microphone</source>
      <translation>麦克风</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="86" />
      <source>Hand</source>
      <translation>举手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="86" />
      <source>Site</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="92" />
      <location filename="../../plugins/conference/widgets/pane.py" line="298" />
      <source>Raise hand</source>
      <translation>举手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="95" />
      <location filename="../../plugins/conference/widgets/pane.py" line="311" />
      <source>Mute</source>
      <translation>静音</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="101" />
      <source>In the meeting</source>
      <translation>参会方</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="110" />
      <source>Show on meeting display</source>
      <translation>在会议大屏上显示</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="112" />
      <source>Full screen on the chosen screen; Esc there brings it back to a window</source>
      <translation>在所选屏幕上全屏显示；在该屏幕上按 Esc 返回窗口</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="113" />
      <source>Back to a window</source>
      <translation>恢复为窗口</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="115" />
      <source>Meeting display</source>
      <translation>会议大屏</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="149" />
      <source>{name} · {n} participants</source>
      <translation>{name} · {n} 个参会方</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="151" />
      <source>{name} · not in session</source>
      <translation>{name} · 未开会</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="153" />
      <source>{room} — joined</source>
      <translation>{room} — 已加入</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="191" />
      <source>Not in a meeting. Pick a room and join.</source>
      <translation>未在会议中。请选择会议室并加入。</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="195" />
      <source>In: {room}</source>
      <translation>当前会议：{room}</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="199" />
      <source>{name} (you)</source>
      <translation>{name}（本席）</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="201" />
      <source>Speaking</source>
      <translation>正在发言</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="203" />
      <source>Muted</source>
      <translation>已静音</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="203" />
      <source>On</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="204" />
      <source>Raised</source>
      <translation>已举手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="261" />
      <source>Screen {n}: {name} ({w}×{h})</source>
      <translation>屏幕 {n}：{name}（{w}×{h}）</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="296" />
      <source>This meeting is not in session.</source>
      <translation>该会议尚未开始。</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="298" />
      <source>Lower hand</source>
      <translation>放下手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="301" />
      <source>Ask the chair for the floor</source>
      <translation>向主持人申请发言</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="311" />
      <source>Unmute</source>
      <translation>取消静音</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="307" />
      <source>Your own microphone (select a participant for theirs)</source>
      <translation>本席位的麦克风（选择参会者可操作其麦克风）</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/pane.py" line="308" />
      <source>The selected participant's microphone</source>
      <translation>所选参会者的麦克风</translation>
    </message>
  </context>
  <context>
    <name>ConferencePlugin</name>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="88" />
      <source>{what} failed: {error}</source>
      <translation>{what}失败：{error}</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="110" />
      <source>Loading the meeting rooms</source>
      <translation>读取会议室</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="144" />
      <source>Joining…</source>
      <translation>正在加入…</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="157" />
      <source>Joining the meeting</source>
      <translation>加入会议</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="178" />
      <source>no stream this machine can play</source>
      <translation>没有本机能播放的视频流</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="214" />
      <source>Fetching a participant's video</source>
      <translation>获取参会方视频</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="224" />
      <source>Leaving the meeting</source>
      <translation>退出会议</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="241" />
      <source>Raising the hand</source>
      <translation>举手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="241" />
      <source>Lowering the hand</source>
      <translation>放下手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="247" />
      <source>Muting</source>
      <translation>静音</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="247" />
      <source>Unmuting</source>
      <translation>取消静音</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="256" />
      <source>On the meeting display. Esc there, or Back to a window, brings it back.</source>
      <translation>已在会议显示屏上。在该屏幕上按 Esc 或点击“返回窗口”即可恢复。</translation>
    </message>
  </context>
  <context>
    <name>ConferenceTile</name>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="136" />
      <source>● Speaking</source>
      <extracomment>the coordinator's player on this tile's surface (set by the wall; tests, diagnostics) the tile's slot in the wall's coordinator</extracomment>
      <translation>● 正在发言</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="138" />
      <source>Muted</source>
      <translation>已静音</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="138" />
      <source>Mic on</source>
      <translation>麦克风开</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="140" />
      <source>Hand raised</source>
      <translation>已举手</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="165" />
      <source>No video</source>
      <translation>无视频</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="166" />
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="168" />
      <source>No new pictures</source>
      <translation>画面未更新</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="169" />
      <source>Reconnecting…</source>
      <translation>正在重连…</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="170" />
      <source>Camera offline</source>
      <translation>摄像机离线</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/tile.py" line="171" />
      <source>Cannot play</source>
      <translation>无法播放</translation>
    </message>
  </context>
  <context>
    <name>ConferenceWall</name>
    <message>
      <location filename="../../plugins/conference/widgets/wall.py" line="87" />
      <source>Closing this window leaves the meeting</source>
      <extracomment>the operator closed the window: leave the conference back from the meeting display to a window (Esc or the pane's button)</extracomment>
      <translation>关闭此窗口即退出会议</translation>
    </message>
    <message>
      <location filename="../../plugins/conference/widgets/wall.py" line="99" />
      <source>No participant sends video yet.</source>
      <translation>还没有参会方传送视频。</translation>
    </message>
  </context>
  <context>
    <name>ConnectionIndicator</name>
    <message>
      <location filename="../../ui/main_window.py" line="135" />
      <source>{state}: {detail}</source>
      <translation>{state}：{detail}</translation>
    </message>
  </context>
  <context>
    <name>ConnectionState</name>
    <message>
      <location filename="../../ui/main_window.py" line="60" />
      <source>Disconnected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="61" />
      <source>Connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="62" />
      <source>Loading inventory</source>
      <translation>正在加载资源</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="63" />
      <source>Connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="64" />
      <source>Reconnecting</source>
      <translation>正在重新连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="65" />
      <source>Connection failed</source>
      <translation>连接失败</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <location filename="../../ui/crash_dialog.py" line="43" />
      <source>It happened in a background task ({thread}).</source>
      <translation>错误发生在后台任务中（{thread}）。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="46" />
      <source>It happened while ControlRoom was talking to the platform or running a background task.</source>
      <translation>错误发生在 ControlRoom 与平台通信或运行后台任务时。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="48" />
      <source>It happened while the window was handling an event.</source>
      <translation>错误发生在窗口处理事件时。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="63" />
      <source>ControlRoom: unexpected error</source>
      <extracomment>the last report copied (tests read it; the clipboard holds the same)</extracomment>
      <translation>ControlRoom：意外错误</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="66" />
      <source>Something went wrong inside ControlRoom: {error}</source>
      <translation>ControlRoom 内部出现错误：{error}</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="73" />
      <source>{where} ControlRoom keeps running, but what it was doing at that moment may not have finished. If something looks wrong, restart ControlRoom.</source>
      <translation>{where}ControlRoom 会继续运行，但出错时正在进行的操作可能没有完成。如有异常，请重新启动 ControlRoom。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="77" />
      <source>Please click “Copy report” and send the report to your support contact, with a word on what you were doing. The report holds the versions, this computer's check and the last log lines; passwords and tokens are masked.</source>
      <translation>请点击“复制报告”，把报告发给技术支持人员，并简单说明当时在做什么。报告包含版本信息、本机检查结果和最近的日志；密码和令牌均已隐去。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="83" />
      <source>Log file: {path}</source>
      <translation>日志文件：{path}</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="85" />
      <source>No log file is written on this computer.</source>
      <translation>本机没有写入日志文件。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="101" />
      <source>Copy report</source>
      <translation>复制报告</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="104" />
      <source>Open log folder</source>
      <translation>打开日志文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="107" />
      <source>Quit ControlRoom</source>
      <translation>退出 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="110" />
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="122" />
      <source>{n} more errors since this one; they are in the log and in the report.</source>
      <translation>此后又发生了 {n} 个错误；均已记入日志和报告。</translation>
    </message>
    <message>
      <location filename="../../ui/crash_dialog.py" line="134" />
      <source>The report is on the clipboard ({n} lines): paste it into a message to support.</source>
      <translation>报告已复制到剪贴板（{n} 行）：请粘贴到发给技术支持的消息中。</translation>
    </message>
  </context>
  <context>
    <name>CriticalNotice</name>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="102" />
      <source>Show on wall</source>
      <extracomment>a critical alert came while a presenting window covered the notice's place</extracomment>
      <translation>上墙</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="103" />
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="104" />
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../plugins/alerts/widgets/notices.py" line="191" />
      <source>{n} more critical</source>
      <translation>另有 {n} 条紧急告警</translation>
    </message>
  </context>
  <context>
    <name>Display</name>
    <message>
      <location filename="../../ui/display.py" line="122" />
      <source>ControlRoom display — {name}</source>
      <extracomment>seconds between login attempts while the platform does not answer, at most seconds between attempts when the login is refused (the throttle allows 5 a minute)</extracomment>
      <translation>ControlRoom 显示屏 — {name}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="146" />
      <source>Starting…</source>
      <translation>正在启动…</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="234" />
      <source>This platform has no meeting displays</source>
      <translation>此平台不支持会商显示屏</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="235" />
      <source>Meeting displays need a ControlRoom platform (API v1).</source>
      <translation>会商显示屏需要 ControlRoom 平台（API v1）。</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="271" />
      <source>Waiting for a password for {user}</source>
      <translation>等待 {user} 的密码</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="272" />
      <source>Set CONTROLROOM_PASSWORD, or store the password in the keyring (service ControlRoom, entry {entry}).</source>
      <translation>请设置 CONTROLROOM_PASSWORD，或把密码存入密钥环（服务 ControlRoom，条目 {entry}）。</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="277" />
      <location filename="../../ui/display.py" line="288" />
      <location filename="../../ui/display.py" line="295" />
      <location filename="../../ui/display.py" line="301" />
      <location filename="../../ui/display.py" line="323" />
      <source>Waiting for the platform at {host}</source>
      <translation>等待平台 {host}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="278" />
      <source>Logging in as {user}…</source>
      <translation>正在以 {user} 登录…</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="284" />
      <source>Waiting for a login the platform at {host} accepts</source>
      <translation>等待平台 {host} 接受登录</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="285" />
      <source>{user}: {error}</source>
      <translation>{user}：{error}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="296" />
      <source>Loading the cameras…</source>
      <translation>正在加载摄像机…</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="319" />
      <location filename="../../ui/display.py" line="393" />
      <source>Waiting for video from the meeting {room}</source>
      <translation>等待会议 {room} 的视频</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="325" />
      <source>Waiting for the platform to accept the name {name}</source>
      <translation>等待平台接受名称 {name}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="328" />
      <source>Waiting for a dispatcher to send something to {name}</source>
      <translation>等待调度员向 {name} 推送画面</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="329" />
      <source>Logged in at {host} as {user}</source>
      <translation>已以 {user} 登录 {host}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="348" />
      <location filename="../../ui/display.py" line="363" />
      <source>Waiting for something this display can show</source>
      <translation>等待本显示屏可以显示的内容</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="372" />
      <source>Incident: {title}</source>
      <translation>事件：{title}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="384" />
      <source>Waiting for the meeting {room}</source>
      <translation>等待会议 {room}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="400" />
      <source>Meeting: {room}</source>
      <translation>会议：{room}</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="415" />
      <source>The meeting {room} has ended</source>
      <translation>会议 {room} 已结束</translation>
    </message>
  </context>
  <context>
    <name>Displays</name>
    <message>
      <location filename="../../controlroom/displays.py" line="60" />
      <source>A display needs a name.</source>
      <extracomment>seconds between heartbeats when the platform does not say its deadline a heartbeat that fails is tried again after this (the platform may be coming back)</extracomment>
      <translation>显示屏需要一个名称。</translation>
    </message>
    <message>
      <location filename="../../controlroom/displays.py" line="62" />
      <source>A display's name has at most 64 characters.</source>
      <translation>显示屏名称最多 64 个字符。</translation>
    </message>
    <message>
      <location filename="../../controlroom/displays.py" line="64" />
      <source>A display's name must not begin or end with a space.</source>
      <translation>显示屏名称的开头和结尾不能是空格。</translation>
    </message>
    <message>
      <location filename="../../controlroom/displays.py" line="66" />
      <source>A display's name is plain text: no slash, markup (&lt; &gt; &amp;), control or format characters.</source>
      <translation>显示屏名称须为纯文本：不能含斜杠、标记符号（&lt; &gt; &amp;）、控制字符或格式字符。</translation>
    </message>
    <message>
      <location filename="../../controlroom/displays.py" line="151" />
      <source>Not logged in.</source>
      <translation>未登录。</translation>
    </message>
    <message>
      <location filename="../../controlroom/displays.py" line="157" />
      <source>A presenter drives only the display it is logged in at ({user}).</source>
      <translation>演示账号只能控制自己登录的显示屏（{user}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/displays.py" line="159" />
      <source>Only dispatchers send to meeting displays.</source>
      <translation>只有调度员可以向会商显示屏推送。</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="46" />
      <location filename="../../plugins/displays/plugin.py" line="71" />
      <source>Displays</source>
      <extracomment>recent alerts offered as incident walls</extracomment>
      <translation>显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="91" />
      <source>The wall shows no camera: put cameras on it first.</source>
      <translation>电视墙上没有摄像机：请先放上摄像机。</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="97" />
      <source>Select a tile with a camera on the wall first.</source>
      <translation>请先在电视墙上选中一个有摄像机的画面。</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="121" />
      <source>Could not fetch the displays: {error}</source>
      <translation>无法获取显示屏列表：{error}</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="168" />
      <source>Wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="193" />
      <source>{name} did not take it: {error}</source>
      <translation>{name} 未接受：{error}</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/plugin.py" line="199" />
      <source>Sent to {name}.</source>
      <translation>已推送到 {name}。</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="42" />
      <location filename="../../plugins/displays/widgets/pane.py" line="51" />
      <source>nothing</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="44" />
      <source>view {name} ({n} tiles)</source>
      <translation>视图 {name}（{n} 画面）</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="46" />
      <source>camera {name}</source>
      <translation>摄像机 {name}</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="48" />
      <source>meeting {room}</source>
      <translation>会议 {room}</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="50" />
      <source>incident wall {title}</source>
      <translation>事件墙 {title}</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="75" />
      <source>Display</source>
      <extracomment>send what the button says to the selected display: "view", "camera", "blank" send a meeting (room id) or an incident wall (alert id) to the selected display</extracomment>
      <translation>显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="75" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="75" />
      <source>Shows</source>
      <translation>显示内容</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="75" />
      <source>Sent by</source>
      <translation>推送人</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="75" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="83" />
      <source>Send view</source>
      <translation>推送视图</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="86" />
      <source>Send camera</source>
      <translation>推送摄像机</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="91" />
      <source>Send meeting</source>
      <translation>推送会议</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="97" />
      <source>Send incident wall</source>
      <translation>推送事件墙</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="101" />
      <source>Blank</source>
      <translation>清屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="136" />
      <source>online</source>
      <extracomment>set by the plugin: may the user push to this display? (yes, or no and why) set by the plugin: why "Send view" / "Send camera" cannot be used now ("" when they can)</extracomment>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="136" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="176" />
      <source>Choose a display in the list first.</source>
      <translation>请先在列表中选择一个显示屏。</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="178" />
      <source>{name} is offline: it has not been heard from.</source>
      <translation>{name} 离线：已失去联系。</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="180" />
      <source>Send the wall's current view to the chosen display</source>
      <translation>把电视墙当前视图推送到所选显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="181" />
      <source>Send the selected tile's camera to the chosen display</source>
      <translation>把选中画面的摄像机推送到所选显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="182" />
      <source>Send a meeting's participants to the chosen display</source>
      <translation>把会议参会方推送到所选显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="183" />
      <source>Send an alert's cameras as an incident wall to the chosen display</source>
      <translation>把告警的摄像机作为事件墙推送到所选显示屏</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="184" />
      <source>Clear the chosen display: it shows what it waits for</source>
      <translation>清空所选显示屏：它将显示正在等待什么</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="200" />
      <source>No meeting in session</source>
      <translation>没有正在进行的会议</translation>
    </message>
    <message>
      <location filename="../../plugins/displays/widgets/pane.py" line="201" />
      <source>No recent alert with cameras</source>
      <translation>近期没有带摄像机的告警</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="40" />
      <source>Export recorded video</source>
      <translation>导出录像</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="61" />
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="67" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="68" />
      <source>To</source>
      <translation>到</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="69" />
      <source>Cameras</source>
      <translation>摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="70" />
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="77" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="81" />
      <location filename="../../ui/playback/export_dialog.py" line="136" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="95" />
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="103" />
      <source>The end must come after the start.</source>
      <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="105" />
      <source>Export at most one hour at a time.</source>
      <translation>每次最多导出一小时。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="107" />
      <source>The range reaches into the future.</source>
      <translation>时间范围超出了当前时间。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="116" />
      <source>Choose at least one camera.</source>
      <translation>请至少选择一台摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="119" />
      <source>Choose a folder.</source>
      <translation>请选择文件夹。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="138" />
      <source>Exporting to {folder}…</source>
      <translation>正在导出到 {folder}…</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="148" />
      <source>Cancelled: nothing was written.</source>
      <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="153" />
      <source>The export failed: {why}. Nothing was written.</source>
      <translation>导出失败：{why}。未写入任何文件。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="159" />
      <source>Exported to {folder} (with manifest.json; check it with 'controlroom verify').</source>
      <translation>已导出到 {folder}（附 manifest.json；可用 'controlroom verify' 校验）。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/export_dialog.py" line="161" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>GridBadge</name>
    <message>
      <location filename="../../ui/wall/grid_badge.py" line="83" />
      <source>{age}: the live updates stopped; this is the last known status.</source>
      <extracomment>the pill says the status in words when that leaves at least this much (px) for the rest</extracomment>
      <translation>{age}：实时更新已中断，此为最后已知状态。</translation>
    </message>
  </context>
  <context>
    <name>GridBoard</name>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="135" />
      <source>Grids by status, per town</source>
      <extracomment>the statuses became stale (True) or fresh again (False)</extracomment>
      <translation>各镇网格状态</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="136" />
      <source>Cameras online (%)</source>
      <translation>摄像机在线率（%）</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="137" />
      <source>Alerts per hour (last 24 h)</source>
      <translation>每小时告警数（近 24 小时）</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="141" />
      <source>grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="161" />
      <source>Grid:</source>
      <translation>网格：</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="165" />
      <source>Grids in incident, then grids needing attention</source>
      <translation>事件处置中的网格，其次是需关注的网格</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="167" />
      <source>Incident wall</source>
      <translation>事件墙</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="169" />
      <source>Put this grid's cameras and its neighbours' on the wall</source>
      <translation>将此网格及相邻网格的摄像机上墙</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="267" />
      <source>Updated {time}</source>
      <translation>更新于 {time}</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="281" />
      <source>Town {n}</source>
      <translation>{n} 号镇</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/board.py" line="282" />
      <source>County</source>
      <translation>县级</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/axes.py" line="85" />
      <source>HH:mm:ss</source>
      <translation>HH:mm:ss</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/axes.py" line="86" />
      <source>HH:mm</source>
      <translation>HH:mm</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/axes.py" line="87" />
      <source>MMM d</source>
      <translation>M月d日</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/widgets/axes.py" line="88" />
      <source>MMM yyyy</source>
      <translation>yyyy年M月</translation>
    </message>
  </context>
  <context>
    <name>GridMap</name>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="98" />
      <source>Your town</source>
      <extracomment>the statuses became stale (True) or fresh again (False) something was put on the wall: (grid id, tiles, cameras shown, cameras that did not fit) the user's towns (a town desk's scope); None: the whole county</extracomment>
      <translation>本镇</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="100" />
      <source>Zoom to the grids of your town</source>
      <translation>缩放到本镇的网格</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="103" />
      <source>Whole county</source>
      <translation>全县</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="104" />
      <source>Zoom out to every grid</source>
      <translation>缩小以显示全部网格</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="112" />
      <source>Hover over a grid for its details; click it to put its cameras on the wall; right-click for an incident wall.</source>
      <translation>悬停网格查看详情；单击将其摄像机上墙；右键组建事件墙。</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="228" />
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="292" />
      <source>Town {n}</source>
      <translation>{n} 号镇</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="253" />
      <source>● cameras online  ● offline</source>
      <translation>● 摄像机在线  ● 离线</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="253" />
      <source>Zoom in to see the cameras</source>
      <translation>放大后显示摄像机</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="294" />
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="298" />
      <source>({age}: as last known)</source>
      <translation>（{age}：最后已知状态）</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="299" />
      <source>Cameras online: {online} of {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="302" />
      <source>Members: {members}</source>
      <translation>成员：{members}</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="302" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="303" />
      <source>Patrol on duty: {n}</source>
      <translation>在岗巡逻：{n}</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="315" />
      <source>Put this grid's cameras on the wall</source>
      <translation>将此网格的摄像机上墙</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="317" />
      <source>Incident wall: this grid and its neighbours</source>
      <translation>事件墙：此网格及相邻网格</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/widgets/grid_map.py" line="346" />
      <source>{grid} and {n} neighbouring grids</source>
      <translation>{grid} 及相邻 {n} 个网格</translation>
    </message>
  </context>
  <context>
    <name>GridStatus</name>
    <message>
      <location filename="../../ui/grid_status.py" line="153" />
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="155" />
      <source>({age}: as last known)</source>
      <translation>（{age}：最后已知状态）</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="157" />
      <source>Reason: {reason}</source>
      <translation>原因：{reason}</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="160" />
      <source>Cameras online: {online} of {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="161" />
      <source>Members: {n}</source>
      <translation>成员：{n} 人</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="162" />
      <source>Patrol on duty: {n}</source>
      <translation>在岗巡逻：{n}</translation>
    </message>
  </context>
  <context>
    <name>GridTreeModel</name>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="445" />
      <source>Town / grid</source>
      <translation>乡镇 / 网格</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="448" />
      <source>Status · {age}</source>
      <translation>状态 · {age}</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="449" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="451" />
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="456" />
      <source>Cameras online / cameras in total</source>
      <translation>在线摄像机 / 摄像机总数</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="458" />
      <source>The live updates stopped: statuses are the last known ones.</source>
      <translation>实时更新已中断：显示的是最后已知状态。</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="540" />
      <source>Grids: {n}</source>
      <translation>网格：{n} 个</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="542" />
      <source>Cameras online: {online} of {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="553" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="553" />
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="554" />
      <source>GB id: {id}</source>
      <translation>国标编码：{id}</translation>
    </message>
  </context>
  <context>
    <name>Grids</name>
    <message>
      <location filename="../../ui/grid_status.py" line="54" />
      <source>Normal</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="55" />
      <source>Attention</source>
      <translation>关注</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="56" />
      <source>Incident</source>
      <translation>事件处置中</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="57" />
      <source>No coverage</source>
      <translation>无监控覆盖</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="84" />
      <source>stale {n} min</source>
      <translation>已过时 {n} 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="86" />
      <source>stale {n} h</source>
      <translation>已过时 {n} 小时</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="87" />
      <source>stale {n} s</source>
      <translation>已过时 {n} 秒</translation>
    </message>
    <message>
      <location filename="../../ui/grid_status.py" line="92" />
      <source>Grid statuses {age}: the live event stream dropped; reconnecting…</source>
      <translation>网格状态{age}：实时事件流中断，正在重新连接…</translation>
    </message>
    <message>
      <location filename="../../ui/grid_patterns.py" line="73" />
      <source>There is no video wall in this window.</source>
      <translation>此窗口没有电视墙。</translation>
    </message>
    <message>
      <location filename="../../ui/grid_patterns.py" line="75" />
      <source>{grid} has no cameras.</source>
      <translation>{grid} 没有摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/grid_patterns.py" line="79" />
      <source>Incident wall for {grid} and {n} neighbouring grids: {shown} cameras on a {tiles}-tile view.</source>
      <translation>{grid} 及相邻 {n} 个网格的事件墙：{shown} 路摄像机，{tiles} 画面。</translation>
    </message>
    <message>
      <location filename="../../ui/grid_patterns.py" line="83" />
      <source>{grid}: {shown} cameras on a {tiles}-tile view.</source>
      <translation>{grid}：{shown} 路摄像机，{tiles} 画面。</translation>
    </message>
    <message>
      <location filename="../../ui/grid_patterns.py" line="86" />
      <source>{n} more did not fit (at most {max} tiles).</source>
      <translation>另有 {n} 路放不下（最多 {max} 画面）。</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="81" />
      <source>County</source>
      <extracomment>worst first: what a town's icon shows statuses or counts changed (the panel's summary line)</extracomment>
      <translation>县级</translation>
    </message>
    <message>
      <location filename="../../ui/grid_tree_model.py" line="82" />
      <source>Town {n}</source>
      <translation>{n} 号镇</translation>
    </message>
  </context>
  <context>
    <name>Identity</name>
    <message>
      <location filename="../../controlroom/identity.py" line="78" />
      <source>town {n}</source>
      <extracomment>A display name longer than this is cut (a hostile platform may send 10,000 characters).</extracomment>
      <translation>{n} 号乡镇</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="88" />
      <source>not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="91" />
      <source>WVP admin</source>
      <translation>WVP 管理员</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="92" />
      <source>whole platform</source>
      <translation>整个平台</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="94" />
      <location filename="../../ui/identity.py" line="43" />
      <source>camera file</source>
      <translation>摄像机文件</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="95" />
      <source>every camera in the file</source>
      <translation>文件中的全部摄像机</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="98" />
      <source>presenter</source>
      <translation>演示端</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="99" />
      <source>view only</source>
      <translation>只能观看</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="101" />
      <source>county dispatch</source>
      <translation>县指挥中心</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="103" />
      <source>town desk</source>
      <translation>乡镇值班台</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="106" />
      <source>whole county</source>
      <translation>全县</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="108" />
      <source>no town</source>
      <translation>无乡镇</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="111" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="113" />
      <source>{towns} and {n} more</source>
      <translation>{towns}等（另有 {n} 个）</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="115" />
      <source>{towns} only</source>
      <translation>仅{towns}</translation>
    </message>
    <message>
      <location filename="../../controlroom/identity.py" line="117" />
      <source>{scope}, view only</source>
      <translation>{scope}，只能观看</translation>
    </message>
    <message>
      <location filename="../../ui/identity.py" line="41" />
      <source>API v1 platform</source>
      <translation>API v1 平台</translation>
    </message>
    <message>
      <location filename="../../ui/identity.py" line="42" />
      <source>wvp-GB28181-pro</source>
      <translation>wvp-GB28181-pro</translation>
    </message>
  </context>
  <context>
    <name>IdentityLabel</name>
    <message>
      <location filename="../../ui/identity.py" line="91" />
      <source>User name: {username}</source>
      <extracomment>the words changed (the inventory brought the town names): the title follows</extracomment>
      <translation>用户名：{username}</translation>
    </message>
    <message>
      <location filename="../../ui/identity.py" line="92" />
      <source>Platform: {backend} at {url}</source>
      <translation>平台：{backend}，地址 {url}</translation>
    </message>
  </context>
  <context>
    <name>IncidentBar</name>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="775" />
      <source>Back to your own wall as you left it (Esc on the wall, Alt+Left)</source>
      <translation>回到您离开时的电视墙（在电视墙上按 Esc，或 Alt+左箭头）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="786" />
      <source>Incident wall: {title}. Your view is kept.</source>
      <translation>事件墙：{title}。您的视图已保留。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="787" />
      <source>Back to “{view}”</source>
      <translation>回到“{view}”</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="788" />
      <source>Back to your wall</source>
      <translation>回到您的电视墙</translation>
    </message>
  </context>
  <context>
    <name>LayoutEditor</name>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="154" />
      <source>Custom layout</source>
      <translation>自定义布局</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="163" />
      <source>for example: Town gate + 8</source>
      <translation>例如：镇口 + 8</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="166" />
      <source>&amp;Merge selected cells</source>
      <translation>合并所选单元格(&amp;M)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="167" />
      <source>S&amp;plit selected tile</source>
      <translation>拆分所选窗格(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="174" />
      <source>Drag across cells to select them, then merge; select a merged tile to split it.</source>
      <translation>拖过单元格以选中，然后合并；选中合并后的窗格可将其拆分。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="184" />
      <source>Rows × columns:</source>
      <translation>行 × 列：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="185" />
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/layout_editor.py" line="231" />
      <source>Give the layout a name.</source>
      <translation>请为布局命名。</translation>
    </message>
  </context>
  <context>
    <name>LazyTreeModel</name>
    <message>
      <location filename="../../ui/lazy_tree.py" line="246" />
      <source>offline</source>
      <extracomment>what a drag from a tree carries (the wall's drop format): JSON [{"type": "site"|"grid"|"camera", "id": GB id}] a search or filter was applied: the two counts the model's ``set_filter`` returns</extracomment>
      <translation>离线</translation>
    </message>
  </context>
  <context>
    <name>ListEditor</name>
    <message>
      <location filename="../../ui/settings_dialog.py" line="353" />
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="354" />
      <source>Down</source>
      <translation>下移</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../ui/login_dialog.py" line="78" />
      <source>Log in to ControlRoom</source>
      <extracomment>the backend chooser: (backend, the prefix it fills in) a login attempt failed; the message shown inline logged in: the dialog is about to accept the password that logged in: the app may keep it in memory for this run</extracomment>
      <translation>登录 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="81" />
      <source>Log in to a video platform</source>
      <translation>登录视频平台</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="85" />
      <location filename="../../ui/login_dialog.py" line="181" />
      <source>https://platform.example:8443</source>
      <translation>https://platform.example:8443</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="89" />
      <source>ControlRoom platform (API v1)</source>
      <translation>ControlRoom 平台（API v1）</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="90" />
      <source>wvp-GB28181-pro (GB/T 28181)</source>
      <translation>wvp-GB28181-pro（GB/T 28181）</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="91" />
      <source>Camera file (.toml)</source>
      <translation>摄像机文件（.toml）</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="98" />
      <source>Remember password</source>
      <translation>记住密码</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="107" />
      <source>Platform type:</source>
      <translation>平台类型：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="108" />
      <source>Platform address:</source>
      <translation>平台地址：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="109" />
      <source>User name:</source>
      <translation>用户名：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="110" />
      <source>Password:</source>
      <translation>密码：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="133" />
      <location filename="../../ui/login_dialog.py" line="285" />
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="135" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="182" />
      <source>wvp+http://wvp.example:18080</source>
      <translation>wvp+http://wvp.example:18080</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="183" />
      <source>/path/to/cameras.toml</source>
      <translation>/路径/cameras.toml</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="189" />
      <source>A camera file needs no user name or password.</source>
      <translation>摄像机文件无需用户名和密码。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="228" />
      <source>Stored in the system keyring ({backend})</source>
      <translation>保存在系统密钥环中（{backend}）</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="232" />
      <source>No system keyring was found: passwords are kept for this session only.</source>
      <translation>未找到系统密钥环：密码仅在本次会话中保留。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="285" />
      <source>Logging in…</source>
      <translation>正在登录…</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="295" />
      <source>Enter the platform address, for example https://platform.example:8443.</source>
      <translation>请输入平台地址，例如 https://platform.example:8443。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="300" />
      <location filename="../../ui/login_dialog.py" line="303" />
      <source>The platform address must start with http:// or https://, for example https://platform.example:8443.</source>
      <translation>平台地址须以 http:// 或 https:// 开头，例如 https://platform.example:8443。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="307" />
      <source>Enter your user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="309" />
      <source>Enter your password.</source>
      <translation>请输入密码。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="376" />
      <source>Logging in failed unexpectedly: {error}</source>
      <translation>登录时发生意外错误：{error}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="102" />
      <source>{id}: {reason}</source>
      <translation>{id}：{reason}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="103" />
      <source>record {n}</source>
      <translation>第 {n} 条记录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="105" />
      <source>Left out {n} record(s) the platform sent in a form ControlRoom cannot read; the rest loaded. First: {first}</source>
      <translation>平台发送的 {n} 条记录格式无法读取，已略过；其余已加载。首条：{first}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="406" />
      <source>ControlRoom — {user} @ {host}</source>
      <translation>ControlRoom — {user} @ {host}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="314" />
      <source>This platform has no community grids (网格): browse by site.</source>
      <extracomment>the operator asked to log out (the app closes the session and shows the login again)</extracomment>
      <translation>此平台没有网格：请按站点浏览。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="315" />
      <source>Sites and cameras</source>
      <translation>站点与摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="346" />
      <source>Cameras %v of %m</source>
      <translation>摄像机 %v / %m</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="378" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="379" />
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="384" />
      <source>Log &amp;out</source>
      <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="388" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="70" />
      <location filename="../../ui/main_window.py" line="393" />
      <location filename="../../ui/plugin_host.py" line="141" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="394" />
      <source>&amp;Find camera…</source>
      <translation>查找摄像机(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="99" />
      <location filename="../../ui/main_window.py" line="400" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="401" />
      <source>&amp;About ControlRoom</source>
      <translation>关于 ControlRoom(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="425" />
      <source>About ControlRoom</source>
      <translation>关于 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="427" />
      <source>&lt;h3&gt;ControlRoom {version}&lt;/h3&gt;&lt;p&gt;Desktop client for county video networks: the county dispatch centre, town platforms and village platforms.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;ControlRoom {version}&lt;/h3&gt;&lt;p&gt;县域视频网络桌面客户端：县级指挥中心、乡镇平台和村居平台。&lt;/p&gt;&lt;p&gt;自由软件，依据 GNU GPL 第 3 版或更新版本发布。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="450" />
      <source>Loading the inventory…</source>
      <translation>正在加载资源…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="467" />
      <source>Cameras online: {online} / {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="480" />
      <source>Loading cameras: {done} of {total}</source>
      <translation>正在加载摄像机：{done} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="483" />
      <source>Loading cameras: {done} received</source>
      <translation>正在加载摄像机：已收到 {done} 个</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="502" />
      <source>{n} records left out; first: {first}</source>
      <translation>有 {n} 条记录未载入；第一条：{first}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="518" />
      <source>Could not load the inventory: {message}</source>
      <translation>无法加载资源：{message}</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="37" />
      <source>Bookmark</source>
      <translation>书签</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="38" />
      <source>{camera}: {start} – {end}</source>
      <translation>{camera}：{start} – {end}</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bookmarks.py" line="42" />
      <source>What happened here (every desk sees this note)</source>
      <translation>这里发生了什么（所有席位都能看到此备注）</translation>
    </message>
  </context>
  <context>
    <name>NumberEditor</name>
    <message>
      <location filename="../../ui/settings_dialog.py" line="265" />
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
  </context>
  <context>
    <name>Permissions</name>
    <message>
      <location filename="../../controlroom/permissions.py" line="102" />
      <source>acknowledge alerts</source>
      <extracomment>The backend capability each action needs (absent: none). What a presenter (a meeting display's login) may do: view, play back, drive its own screen. What a town desk may not do: the county-wide things. Actions that steer or change something: a login the platform marks ``can_control=False`` may not.</extracomment>
      <translation>确认报警</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="103" />
      <source>steer cameras</source>
      <translation>控制云台</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="104" />
      <source>save camera presets</source>
      <translation>保存预置位</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="105" />
      <source>play back recordings</source>
      <translation>回放录像</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="106" />
      <source>export recordings</source>
      <translation>导出录像</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="107" />
      <source>add bookmarks</source>
      <translation>添加书签</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="108" />
      <source>delete bookmarks</source>
      <translation>删除书签</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="109" />
      <source>send to the meeting displays</source>
      <translation>向会商大屏推送</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="110" />
      <source>see the operator audit trail</source>
      <translation>查看操作审计记录</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="111" />
      <source>speak in a conference</source>
      <translation>在会议中发言</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="112" />
      <source>use a microphone in a conference</source>
      <translation>在会议中使用麦克风</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="113" />
      <source>mute other participants</source>
      <translation>将其他参会方静音</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="114" />
      <source>change the shared views</source>
      <translation>修改共享视图</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="121" />
      <source>This platform does not take acknowledgements: its alarms are shown only.</source>
      <translation>此平台不接受确认：其报警仅供查看。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="123" />
      <source>This platform does not steer cameras.</source>
      <translation>此平台不支持云台控制。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="124" />
      <source>This platform offers no recordings.</source>
      <translation>此平台不提供录像。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="125" />
      <source>This platform drives no meeting displays.</source>
      <translation>此平台不管理会商大屏。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="127" />
      <source>This platform keeps no operator audit trail.</source>
      <translation>此平台不保存操作审计记录。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="129" />
      <source>This platform has no video conference.</source>
      <translation>此平台没有视频会议。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="134" />
      <source>This platform does not offer that ({what}).</source>
      <translation>此平台不提供该功能（{what}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="153" />
      <source>Not signed in.</source>
      <translation>未登录。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="161" />
      <source>This login is a presenter (view only): it may not {what}.</source>
      <translation>此账号为演示账号（只能观看），不能{what}。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="165" />
      <source>Only the conference's chair (the county dispatch) mutes others; you may mute only yourself.</source>
      <translation>只有会议主持方（县指挥中心）可以将他人静音；您只能将自己静音。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="168" />
      <source>Only the county dispatch may {what}; a town desk works on its own town.</source>
      <translation>只有县指挥中心可以{what}；乡镇值班台只处理本镇事务。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="172" />
      <source>The platform lets this login view only: it may not {what}.</source>
      <translation>平台只允许此账号观看，不能{what}。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="176" />
      <source>Only the bookmark's author or a county dispatcher may delete it.</source>
      <translation>只有书签的创建者或县指挥中心调度员可以删除它。</translation>
    </message>
    <message>
      <location filename="../../controlroom/permissions.py" line="179" />
      <source>Only the conference's chair mutes others; you may mute only yourself.</source>
      <translation>只有会议主持人可以将他人静音；您只能将自己静音。</translation>
    </message>
  </context>
  <context>
    <name>PlatformError</name>
    <message>
      <location filename="../../controlroom/api/errors.py" line="62" />
      <source>The platform refused the user name or password, or the session expired.</source>
      <translation>平台拒绝了用户名或密码，或会话已过期。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="64" />
      <location filename="../../controlroom/backends/wvp.py" line="246" />
      <source>This is outside what your account may see or do.</source>
      <translation>这超出了您的账号可查看或操作的范围。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="66" />
      <location filename="../../controlroom/backends/wvp.py" line="250" />
      <location filename="../../controlroom/backends/wvp.py" line="762" />
      <source>The platform does not know this item.</source>
      <translation>平台上没有此项。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="68" />
      <source>Too many failed logins: the platform refuses more for a while.</source>
      <translation>登录失败次数过多：平台暂时拒绝再次登录。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="70" />
      <source>The platform had an internal error (HTTP %1).</source>
      <translation>平台内部错误（HTTP %1）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="71" />
      <source>The platform refused the request (HTTP %1).</source>
      <translation>平台拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="86" />
      <source>The platform cannot be reached.</source>
      <translation>无法连接到平台。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="90" />
      <source>The platform's certificate could not be verified.</source>
      <translation>无法验证平台的证书。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="94" />
      <source>The platform sent data that ControlRoom cannot read: %1.</source>
      <translation>平台发送的数据 ControlRoom 无法读取：%1。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="119" />
      <source>The platform sent more than %1 MB for %2.</source>
      <translation>平台为 %2 发送的数据超过 %1 MB。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="124" />
      <source>The platform did not answer within %1 s (%2).</source>
      <translation>平台未在 %1 秒内应答（%2）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="129" />
      <source>The platform offers more than %1 items for %2; ControlRoom takes at most that many.</source>
      <translation>平台为 %2 提供的条目超过 %1 个；ControlRoom 最多只接收这么多。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="192" />
      <source>The CA bundle could not be read.</source>
      <extracomment>The most items one paged list may hold: 3.5x Pingyi's 28,500 cameras. A platform that claims more (``total: 1000000000``) costs no more than this. The most pages one list may take (a server that pages by 1 item cannot make us loop). Error answers are read up to this much: enough for the message, never a flood. Skipped records whose ids are read for the report (the count is always exact).</extracomment>
      <translation>无法读取 CA 证书包。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="214" />
      <source>A platform address must start with http:// or https://.</source>
      <translation>平台地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="267" />
      <location filename="../../controlroom/api/client.py" line="335" />
      <source>Not logged in.</source>
      <translation>尚未登录。</translation>
    </message>
  </context>
  <context>
    <name>Playback</name>
    <message>
      <location filename="../../controlroom/playback/controller.py" line="98" />
      <source>The platform has no recordings of this camera for you (not found, or not in your scope).</source>
      <extracomment>how far back recordings reach (the platform keeps 7 days); the window asked for is a little wider the largest window one ``recordings`` call may ask for (playback contract: &lt;= 8 days) cameras in one session (playback contract: 1..16)</extracomment>
      <translation>平台上没有您可查看的该摄像机录像（不存在，或不在您的权限范围内）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/playback/controller.py" line="101" />
      <source>Your role may not do this: {why}</source>
      <translation>您的角色无权执行此操作：{why}</translation>
    </message>
    <message>
      <location filename="../../controlroom/playback/controller.py" line="104" />
      <source>Playback failed: {why}</source>
      <translation>回放失败：{why}</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="77" />
      <source>Playback</source>
      <extracomment>"Play from 30 s before" an alert the wall plays back from this long ago when no time is given</extracomment>
      <translation>回放</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="85" />
      <source>Bookmarks</source>
      <translation>书签</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="114" />
      <source>Play&amp;back</source>
      <translation>回放(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="121" />
      <source>Play back the wall</source>
      <translation>回放整面视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="123" />
      <source>Play back the selected tile</source>
      <translation>回放所选窗格</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="125" />
      <source>Back to live</source>
      <translation>返回实时</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="126" />
      <source>Selected tile back to live</source>
      <translation>所选窗格返回实时</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="130" />
      <source>Play / pause</source>
      <translation>播放 / 暂停</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="131" />
      <source>10 seconds back</source>
      <translation>后退10秒</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="132" />
      <source>10 seconds forward</source>
      <translation>前进10秒</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="133" />
      <source>1 minute back</source>
      <translation>后退1分钟</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="134" />
      <source>1 minute forward</source>
      <translation>前进1分钟</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="135" />
      <source>One frame back</source>
      <translation>后退一帧</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="136" />
      <source>One frame forward</source>
      <translation>前进一帧</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="137" />
      <source>Slower</source>
      <translation>减速</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="138" />
      <source>Faster</source>
      <translation>加速</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="140" />
      <source>Bookmark the chosen range…</source>
      <translation>为所选时间段添加书签…</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="141" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="144" />
      <source>Bookmarks pane</source>
      <translation>书签面板</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="148" />
      <location filename="../../ui/playback/install.py" line="229" />
      <source>This platform does not offer playback.</source>
      <translation>此平台不提供录像回放。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="190" />
      <source>Export a time range of the cameras to MP4, with a manifest</source>
      <translation>将摄像机的一段录像导出为 MP4，并附清单</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="192" />
      <source>Bookmark the range chosen on the timeline (Shift+drag)</source>
      <translation>为时间轴上选定的时间段添加书签（Shift+拖动）</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="221" />
      <source>Select a tile first.</source>
      <translation>请先选择一个窗格。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="232" />
      <source>None of these cameras is on the wall.</source>
      <translation>这些摄像机都不在视频墙上。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="305" />
      <source>Play a camera back first.</source>
      <translation>请先回放一台摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="320" />
      <source>The bookmark was not saved: {why}</source>
      <translation>书签未保存：{why}</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="322" />
      <source>Bookmark saved; every desk sees it.</source>
      <translation>书签已保存，所有席位都能看到。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="330" />
      <source>The bookmark was not deleted: {why}</source>
      <translation>书签未删除：{why}</translation>
    </message>
    <message>
      <location filename="../../ui/playback/install.py" line="402" />
      <source>This window has no video wall to play back on.</source>
      <translation>此窗口没有可用于回放的视频墙。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/wall_playback.py" line="47" />
      <source>PLAYBACK</source>
      <translation>回放</translation>
    </message>
    <message>
      <location filename="../../ui/playback/wall_playback.py" line="48" />
      <source>paused</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <location filename="../../ui/playback/wall_playback.py" line="52" />
      <source>no recording here</source>
      <translation>此处无录像</translation>
    </message>
    <message>
      <location filename="../../ui/playback/wall_playback.py" line="57" />
      <source>no recording here — resumes at {time}</source>
      <translation>此处无录像 — {time} 恢复</translation>
    </message>
  </context>
  <context>
    <name>PlaybackBar</name>
    <message>
      <location filename="../../ui/playback/bar.py" line="58" />
      <location filename="../../ui/playback/bar.py" line="102" />
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="67" />
      <source>Playback speed (above 4x the platform sends key frames only)</source>
      <translation>回放速度（高于4倍时平台只发送关键帧）</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="78" />
      <source>Go to this date and time</source>
      <translation>跳转到此日期和时间</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="81" />
      <source>Go</source>
      <translation>转到</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="87" />
      <source>Bookmark…</source>
      <translation>书签…</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="88" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="89" />
      <source>Now (live)</source>
      <translation>现在（实时）</translation>
    </message>
    <message>
      <location filename="../../ui/playback/bar.py" line="102" />
      <source>Play</source>
      <translation>播放</translation>
    </message>
  </context>
  <context>
    <name>PlayerReason</name>
    <message>
      <location filename="../../ui/video_words.py" line="33" />
      <source>Attempt {n}.</source>
      <translation>第 {n} 次尝试。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="48" />
      <source>The media server refused the session (401).</source>
      <translation>媒体服务器拒绝了此会话（401）。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="52" />
      <source>This account may not watch this camera (403).</source>
      <translation>此账号无权查看该摄像机（403）。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="56" />
      <source>The media server does not know this stream (404).</source>
      <translation>媒体服务器上没有该视频流（404）。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="65" />
      <source>The platform offers no stream over the chosen transport: {raw}</source>
      <translation>平台未提供所选传输方式的视频流：{raw}</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="68" />
      <source>RTSP cannot be played on this computer: libVLC has no RTSP client and PyAV is missing.</source>
      <translation>本机无法播放 RTSP：libVLC 没有 RTSP 客户端，且缺少 PyAV。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="71" />
      <source>This computer's libVLC cannot play {transport} streams.</source>
      <translation>本机的 libVLC 无法播放 {transport} 视频流。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="74" />
      <source>The RTSP stream failed: {raw}</source>
      <translation>RTSP 视频流出错：{raw}</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="80" />
      <source>This tile is lent out.</source>
      <translation>此窗格已借出。</translation>
    </message>
  </context>
  <context>
    <name>PluginContext</name>
    <message>
      <location filename="../../controlroom/plugin_api.py" line="329" />
      <source>{plugin}: {message}</source>
      <extracomment>The version of this API. A plugin's ``API_VERSION`` must have the same major number and a minor number no greater than this one's: minor versions only add to the API, a major version may change or remove. The plugin's id: the entry point's name (lower case, letters, digits, ``_``). English title for the plugins dialog and menus; mark it for translation with ``QT_TRANSLATE_NOOP(TR_CONTEXT, "...")`` so lupdate finds it. The context its strings are translated in (``title()``, ``PluginContext.tr``). The plugin API version it was written for: required, (major, minor). Plugins that must be loaded first; when one is missing this one does not load. Plugins used when they are there (loaded first then); missing is fine. What the platform must offer (``controlroom.backends.base.Capability`` values, e.g. ``("grids",)``): on a backend without one the plugin is not started and the Plugins dialog says "not offered by this platform" (API 1.1). Without a session: no check. Its settings, declared once: stored under ``plugins.&lt;NAME&gt;.&lt;key&gt;``, typed on load. The platform connection: ``session.client`` (PlatformClient; None on a backend other than API v1), ``session.backend`` and ``session.capabilities``, ``session.inventory`` (Inventory), ``session.user``, ``session.on_events``. The wall controller (``controlroom.wall.controller.WallController``), or None while the window has no wall. This plugin's settings section: ``get(key)``, ``set(key, value)``, ``on_change``. Logger ``controlroom.plugins.&lt;name&gt;``.</extracomment>
      <translation>{plugin}：{message}</translation>
    </message>
  </context>
  <context>
    <name>PluginHost</name>
    <message>
      <location filename="../../ui/plugin_host.py" line="71" />
      <source>&amp;Plugins</source>
      <extracomment>How long a plugin's problem stays in the status bar (ms). (plugin name, message in words) for each problem a plugin reports or has the window came back as the operator left it (False: the default arrangement)</extracomment>
      <translation>插件(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/plugin_host.py" line="73" />
      <source>Plugins…</source>
      <translation>插件…</translation>
    </message>
  </context>
  <context>
    <name>PluginManager</name>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="127" />
      <source>grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="128" />
      <source>live updates</source>
      <translation>实时推送</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="129" />
      <source>alerts</source>
      <translation>报警</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="130" />
      <source>alert acknowledgement</source>
      <translation>报警确认</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="131" />
      <source>conferences</source>
      <translation>视频会议</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="132" />
      <source>PTZ control</source>
      <translation>云台控制</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="133" />
      <source>playback</source>
      <translation>录像回放</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="202" />
      <source>another plugin is installed under the same name ({other}); only that one is used</source>
      <translation>已安装同名的另一个插件（{other}），只使用那一个</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="217" />
      <source>its requirements form a cycle: {cycle}</source>
      <translation>其依赖形成循环：{cycle}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="256" />
      <location filename="../../controlroom/plugins_loader.py" line="342" />
      <source>requires “{name}”, which is disabled</source>
      <translation>依赖“{name}”，但它已关闭</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="281" />
      <source>could not be imported: {error}</source>
      <translation>无法导入：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="285" />
      <source>{target} is not a ControlRoom plugin (a subclass of controlroom.plugin_api.Plugin)</source>
      <translation>{target} 不是 ControlRoom 插件（须为 controlroom.plugin_api.Plugin 的子类）</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="291" />
      <source>its NAME is “{got}” but its entry point is named “{name}”: they must be the same</source>
      <translation>其 NAME 为“{got}”，但入口点名为“{name}”：两者必须相同</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="297" />
      <source>declares no API_VERSION; this ControlRoom has plugin API {have}</source>
      <translation>未声明 API_VERSION；本 ControlRoom 的插件接口版本为 {have}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="302" />
      <source>needs plugin API {wanted}; this ControlRoom has plugin API {have}</source>
      <translation>需要插件接口 {wanted}；本 ControlRoom 的插件接口版本为 {have}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="340" />
      <source>requires “{name}”, which is not installed</source>
      <translation>依赖“{name}”，但它未安装</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="344" />
      <location filename="../../controlroom/plugins_loader.py" line="423" />
      <location filename="../../controlroom/plugins_loader.py" line="433" />
      <source>requires “{name}”, which failed</source>
      <translation>依赖“{name}”，但它已出错</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="346" />
      <source>requires “{name}”, which this platform does not offer</source>
      <translation>需要“{name}”，此平台不提供</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="348" />
      <source>requires “{name}”, which is not loaded</source>
      <translation>依赖“{name}”，但它未加载</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="364" />
      <source>not offered by this platform ({what})</source>
      <translation>此平台不提供（{what}）</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="377" />
      <source>its SETTINGS are invalid: {error}</source>
      <translation>其 SETTINGS 无效：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="399" />
      <source>failed to start: {error}</source>
      <translation>启动失败：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="431" />
      <source>stopped after an error in its {where}: {error}</source>
      <translation>因 {where} 出错而停止：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="446" />
      <source>Plugin “{name}” failed: {reason}</source>
      <translation>插件“{name}”出错：{reason}</translation>
    </message>
  </context>
  <context>
    <name>Plugins</name>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="39" />
      <source>Video conference</source>
      <translation>视频会商</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/plugin.py" line="21" />
      <source>Grid board</source>
      <translation>网格看板</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/plugin.py" line="21" />
      <source>Grid map</source>
      <translation>网格地图</translation>
    </message>
  </context>
  <context>
    <name>PluginsDialog</name>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="36" />
      <source>Plugins</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="40" />
      <source>Changes apply at once: turning a plugin off closes its panes now, turning it on starts it now (a failed plugin is tried again). ControlRoom remembers the choice.</source>
      <translation>更改立即生效：关闭插件会立即关闭其窗格，开启插件会立即启动它（出错的插件会重试）。ControlRoom 会记住此选择。</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="47" />
      <source>On</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="47" />
      <source>Plugin</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="47" />
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="47" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="47" />
      <source>Provided by</source>
      <translation>提供者</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="75" />
      <source>Running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="77" />
      <source>Turned off</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="79" />
      <source>Failed: {reason}</source>
      <translation>出错：{reason}</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="81" />
      <source>Not available: {reason}</source>
      <translation>不可用：{reason}</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="82" />
      <source>Not running</source>
      <translation>未运行</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="103" />
      <source>Turn “{name}” on or off</source>
      <translation>开启或关闭“{name}”</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="104" />
      <source>{title} ({name})</source>
      <translation>{title}（{name}）</translation>
    </message>
  </context>
  <context>
    <name>PtzBar</name>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="115" />
      <source>Pan left (Ctrl+Left)</source>
      <translation>向左转 (Ctrl+Left)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="116" />
      <source>Tilt up (Ctrl+Up)</source>
      <translation>向上转 (Ctrl+Up)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="117" />
      <source>Tilt down (Ctrl+Down)</source>
      <translation>向下转 (Ctrl+Down)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="118" />
      <source>Pan right (Ctrl+Right)</source>
      <translation>向右转 (Ctrl+Right)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="119" />
      <source>Zoom out (Ctrl+Page Down, wheel down)</source>
      <translation>变倍缩小 (Ctrl+Page Down，滚轮向下)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="120" />
      <source>Zoom in (Ctrl+Page Up, wheel up)</source>
      <translation>变倍放大 (Ctrl+Page Up，滚轮向上)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="135" />
      <source>Speed of every PTZ move</source>
      <translation>云台转动速度</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="136" />
      <source>PTZ speed</source>
      <translation>云台速度</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="139" />
      <source>Presets</source>
      <translation>预置位</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="143" />
      <source>Go</source>
      <translation>转到</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="144" />
      <source>Go to the chosen preset</source>
      <translation>转到所选预置位</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="148" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="149" />
      <source>Save where the camera looks now as a preset</source>
      <translation>把摄像机当前的位置保存为预置位</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="153" />
      <source>This platform offers no PTZ presets</source>
      <translation>此平台不提供云台预置位</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="215" />
      <source>Save preset</source>
      <translation>保存预置位</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="215" />
      <source>Preset number:</source>
      <translation>预置位编号：</translation>
    </message>
  </context>
  <context>
    <name>PtzWall</name>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="68" />
      <source>PTZ control: put a PTZ camera on this tile first</source>
      <extracomment>one wheel notch zooms for this long</extracomment>
      <translation>云台控制：请先在此画面放一台云台摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="69" />
      <source>PTZ control: this camera cannot pan, tilt or zoom</source>
      <translation>云台控制：此摄像机不能转动或变倍</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="70" />
      <source>PTZ control: this platform does not offer PTZ</source>
      <translation>云台控制：此平台不提供云台控制</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="71" />
      <source>PTZ control: your role only views (presenters may not steer cameras)</source>
      <translation>云台控制：您的角色只能查看（会商大屏不能控制摄像机）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="76" />
      <source>dispatcher</source>
      <translation>调度员</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="76" />
      <source>town desk</source>
      <translation>乡镇值班台</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="77" />
      <source>presenter</source>
      <translation>演示端</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="82" />
      <source>PTZ held by {name} ({role}, higher priority) until {time}</source>
      <translation>云台正由 {name}（{role}，优先级更高）控制，至 {time}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="90" />
      <source>The platform says your account may not steer cameras.</source>
      <translation>平台表示您的账号不能控制摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="92" />
      <source>The platform says this camera cannot pan, tilt or zoom.</source>
      <translation>平台表示此摄像机不能转动或变倍。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="93" />
      <source>PTZ command failed: {reason}</source>
      <translation>云台命令失败：{reason}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="255" />
      <source>PTZ: pan left</source>
      <translation>云台：向左转</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="256" />
      <source>PTZ: pan right</source>
      <translation>云台：向右转</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="257" />
      <source>PTZ: tilt up</source>
      <translation>云台：向上转</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="258" />
      <source>PTZ: tilt down</source>
      <translation>云台：向下转</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="259" />
      <source>PTZ: zoom in</source>
      <translation>云台：变倍放大</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="260" />
      <source>PTZ: zoom out</source>
      <translation>云台：变倍缩小</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="325" />
      <source>PTZ control</source>
      <translation>云台控制</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="343" />
      <source>PTZ</source>
      <translation>云台</translation>
    </message>
    <message>
      <location filename="../../ui/wall/ptz_overlay.py" line="381" />
      <source>PTZ control on this tile: arrows, click to centre, drag, wheel zooms, Ctrl+arrows</source>
      <translation>在此画面控制云台：方向按钮、点击居中、拖动、滚轮变倍、Ctrl+方向键</translation>
    </message>
  </context>
  <context>
    <name>QuitConfirm</name>
    <message>
      <location filename="../../ui/quit_confirm.py" line="32" />
      <source>Quit ControlRoom</source>
      <translation>退出 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/quit_confirm.py" line="33" />
      <source>Quit ControlRoom?</source>
      <translation>要退出 ControlRoom 吗？</translation>
    </message>
    <message>
      <location filename="../../ui/quit_confirm.py" line="35" />
      <source>The wall stops: {n} tiles are playing.</source>
      <translation>视频墙将停止：{n} 个窗格正在播放。</translation>
    </message>
    <message>
      <location filename="../../ui/quit_confirm.py" line="37" />
      <source>This desk stops watching the platform.</source>
      <translation>本席位将停止监看平台。</translation>
    </message>
    <message>
      <location filename="../../ui/quit_confirm.py" line="39" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/quit_confirm.py" line="41" />
      <source>Do not ask again</source>
      <translation>不再询问</translation>
    </message>
  </context>
  <context>
    <name>ResourcePanel</name>
    <message>
      <location filename="../../ui/resource_panel.py" line="78" />
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="81" />
      <source>{incident} or {attention}</source>
      <translation>{incident}或{attention}</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="126" />
      <source>Sites</source>
      <extracomment>a camera was activated (double-click or Enter): its GB id Enter on sites, grids or several rows: [(type, GB id), ...] as a drag carries them</extracomment>
      <translation>站点</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="127" />
      <source>Browse by site: county, towns, villages, cameras</source>
      <translation>按站点浏览：县、乡镇、村居、摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="130" />
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="131" />
      <location filename="../../ui/resource_panel.py" line="294" />
      <source>Browse by community grid (网格): towns, grids and their status, cameras</source>
      <translation>按网格浏览：乡镇、网格及其状态、摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="140" />
      <source>Grid status filter</source>
      <translation>网格状态筛选</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="141" />
      <source>Show only the grids in this status; combines with the search</source>
      <translation>只显示处于此状态的网格；可与搜索同时使用</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="163" />
      <location filename="../../ui/resource_panel.py" line="307" />
      <source>Search: camera or site name, GB id</source>
      <translation>搜索：摄像机或站点名称、国标编码</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="165" />
      <source>Search cameras</source>
      <translation>搜索摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="166" />
      <source>Type part of a camera or site name, or of a 20-digit GB id. Esc clears.</source>
      <translation>输入摄像机或站点名称的一部分，或 20 位国标编码的一部分。按 Esc 清除。</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="184" />
      <source>Sites and cameras</source>
      <translation>站点与摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="203" />
      <source>Grids and cameras</source>
      <translation>网格与摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="280" />
      <source>Not in “{status}”: showing every status.</source>
      <translation>“{status}”中没有匹配项：已显示全部状态。</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="305" />
      <source>Search: grid, town or camera name, GB id</source>
      <translation>搜索：网格、乡镇或摄像机名称、国标编码</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="342" />
      <source>Grid statuses {age}: the live updates stopped; reconnecting…</source>
      <translation>网格状态{age}：实时更新已中断，正在重新连接…</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="357" />
      <source>{online} of {total} cameras online</source>
      <translation>{total} 路摄像机中 {online} 路在线</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="359" />
      <source>Nothing matches “{text}”</source>
      <translation>没有与“{text}”匹配的结果</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="361" />
      <source>{cameras} cameras and {sites} sites match</source>
      <translation>匹配 {cameras} 路摄像机、{sites} 个站点</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="369" />
      <source>No grid matches</source>
      <translation>没有匹配的网格</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="371" />
      <source>{grids} grids, {cameras} cameras shown</source>
      <translation>显示 {grids} 个网格、{cameras} 路摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="374" />
      <source>{grids} grids · {incident} · {attention}</source>
      <translation>{grids} 个网格 · {incident} · {attention}</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="381" />
      <source>{status} ({n})</source>
      <translation>{status}（{n}）</translation>
    </message>
  </context>
  <context>
    <name>ResourceTreeModel</name>
    <message>
      <location filename="../../ui/tree_model.py" line="73" />
      <source>village camera</source>
      <translation>村居摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="74" />
      <source>road camera</source>
      <translation>道路摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="75" />
      <source>checkpoint</source>
      <translation>卡口</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="76" />
      <source>social camera</source>
      <translation>社会面摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="83" />
      <source>county dispatch centre</source>
      <translation>县社会治安指挥中心</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="84" />
      <source>police-station platform</source>
      <translation>派出所指挥平台</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="85" />
      <source>police-office platform</source>
      <translation>中心警务室监控平台</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="86" />
      <source>village platform</source>
      <translation>村居监控平台</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="399" />
      <source>Name</source>
      <extracomment>the online/total totals of the whole tree changed: (online, total)</extracomment>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="401" />
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="403" />
      <source>Cameras online / cameras in total, for the site and every site below it</source>
      <translation>本站点及其下级站点的在线摄像机数 / 摄像机总数</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="442" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="442" />
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="445" />
      <location filename="../../ui/tree_model.py" line="460" />
      <source>GB id: {id}</source>
      <translation>国标编码：{id}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="446" />
      <source>Kind: {kind}</source>
      <translation>类型：{kind}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="447" />
      <source>State: {state}</source>
      <translation>状态：{state}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="450" />
      <source>PTZ control</source>
      <translation>云台控制</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="452" />
      <source>Tags: {tags}</source>
      <translation>标签：{tags}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="457" />
      <source>platform online</source>
      <translation>平台在线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="457" />
      <source>platform offline</source>
      <translation>平台离线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="463" />
      <source>Cameras online: {online} of {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
  </context>
  <context>
    <name>Role</name>
    <message>
      <location filename="../../ui/main_window.py" line="82" />
      <source>County dispatcher</source>
      <translation>县级调度员</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="83" />
      <source>Town desk</source>
      <translation>乡镇值班台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="84" />
      <source>Presenter (view only)</source>
      <translation>会议展示（仅查看）</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="95" />
      <source>Whole county</source>
      <translation>全县</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="96" />
      <source>Towns: {towns}</source>
      <translation>乡镇：{towns}</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <location filename="../../controlroom/session.py" line="194" />
      <source>loading the inventory</source>
      <extracomment>fastest and slowest poll of a backend without push (the setting's bounds) what the operator typed (with its wvp+ prefix): logging in again opens the same backend problems of the last load in words (bad records a backend skipped), for the status bar records of the last inventory load that did not decode and were left out the operator audit trail (controlroom/audit.py): ``session.audit.record(action, camera_id, mode, detail)``</extracomment>
      <translation>正在加载资源</translation>
    </message>
  </context>
  <context>
    <name>SettingRow</name>
    <message>
      <location filename="../../ui/settings_dialog.py" line="436" />
      <source>Reset to default</source>
      <translation>恢复默认值</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="437" />
      <source>Default: {value}</source>
      <translation>默认值：{value}</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="471" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="473" />
      <source>on</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="473" />
      <source>off</source>
      <translation>关</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="479" />
      <source>empty</source>
      <translation>空</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="486" />
      <source>Not saved: {why}</source>
      <translation>未保存：{why}</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="492" />
      <source>Could not save the settings file: {why}</source>
      <translation>无法保存设置文件：{why}</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <location filename="../../controlroom/settings.py" line="95" />
      <source>expected true or false, found {value}</source>
      <extracomment>``MIGRATIONS[n]`` turns the file's data at schema version ``n`` into ``n + 1`` (rename a setting, change a unit). Each one stays here for ever. the operator's name for it (QT_TRANSLATE_NOOP in the declaring context); the key is for developers the unit a number is shown in (QT_TRANSLATE_NOOP), and the factor from the stored number to the shown one (pixels per second stored, "Mpx/s" shown: 1e-6)</extracomment>
      <translation>应为 true 或 false，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="100" />
      <source>expected a whole number</source>
      <translation>应为整数</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="100" />
      <source>expected a number</source>
      <translation>应为数字</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="102" />
      <source>{expected} or "auto"</source>
      <translation>{expected}或 "auto"</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="103" />
      <source>{expected}, found {value}</source>
      <translation>{expected}，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="105" />
      <source>{value} is below the minimum {minimum}</source>
      <translation>{value} 低于最小值 {minimum}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="108" />
      <source>{value} is above the maximum {maximum}</source>
      <translation>{value} 高于最大值 {maximum}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="113" />
      <source>expected text, found {value}</source>
      <translation>应为文本，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="118" />
      <source>expected a list of text, found {value}</source>
      <translation>应为文本列表，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="125" />
      <source>{value} is not one of: {choices}</source>
      <translation>{value} 不是以下之一：{choices}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="158" />
      <source>User-interface language; auto follows --lang, CONTROLROOM_LANG, then the system.</source>
      <extracomment>Every application setting, declared once. Plugins' settings are added under ``plugins.&lt;name&gt;.`` when they load (``Settings.register``).</extracomment>
      <translation>界面语言；“自动”依次采用 --lang、CONTROLROOM_LANG，然后是系统语言。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="159" />
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="162" />
      <source>Transports to try for a camera, best first; one the local libVLC cannot play is skipped.</source>
      <translation>摄像机尝试使用的传输方式，优先者在前；本机 libVLC 无法播放的会被跳过。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="164" />
      <source>Stream transports, best first</source>
      <translation>视频传输方式（优先的在前）</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="167" />
      <source>libVLC network caching in milliseconds: more rides out jitter, less is closer to live.</source>
      <translation>libVLC 网络缓存（毫秒）：越大越能抵抗网络抖动，越小越接近实时。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="168" />
      <source>Network buffer</source>
      <translation>网络缓冲</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="169" />
      <source>ms</source>
      <translation>毫秒</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="171" />
      <source>libVLC video output; auto picks one per platform (xcb_x11 on Linux).</source>
      <translation>libVLC 视频输出；“自动”按平台选择（Linux 上为 xcb_x11）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="173" />
      <source>Video output</source>
      <translation>视频输出</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="175" />
      <source>Total video bandwidth for the wall in kbit/s; 0 means no limit (smallest tiles go to sub first).</source>
      <translation>视频墙的视频总带宽（kbit/s）；0 表示不限制（最小的画面先切换到子码流）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="176" />
      <source>Bandwidth budget for the wall</source>
      <translation>视频墙带宽预算</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="177" />
      <source>kbit/s</source>
      <translation>kbit/s</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="179" />
      <source>Decoded pixels per second the wall may ask for; auto measures this machine; over it the smallest tiles show key frames only.</source>
      <translation>视频墙每秒可解码的像素数；“自动”按本机测算；超出时最小的画面只显示关键帧。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="180" />
      <source>Decode budget</source>
      <translation>解码预算</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="181" />
      <source>Mpx/s</source>
      <translation>百万像素/秒</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="183" />
      <source>How much goes into the log file: debug also records libVLC's own detail (large); --debug on the command line forces debug.</source>
      <translation>日志文件记录的详细程度：debug 还会记录 libVLC 自身的详细信息（文件较大）；命令行参数 --debug 强制使用 debug。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="184" />
      <source>Log detail</source>
      <translation>日志详细程度</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="186" />
      <source>Ask before quitting (File → Quit, Ctrl+Q, the window's close button): a desk's wall stops when it quits.</source>
      <translation>退出前询问（文件 → 退出、Ctrl+Q、窗口的关闭按钮）：退出时席位的视频墙会停止。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="187" />
      <source>Ask before quitting</source>
      <translation>退出前询问</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="191" />
      <source>Largest answer the platform may send for one request, in MB; a longer one is cut off and reported.</source>
      <translation>平台对单个请求的应答上限（MB）；超出部分会被截断并报告。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="192" />
      <source>Largest answer</source>
      <translation>最大应答</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="192" />
      <source>MB</source>
      <translation>MB</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="194" />
      <source>Longest a platform request may take from start to the last byte, in seconds; a slower one is cut off and reported.</source>
      <translation>平台请求从开始到最后一个字节的最长时间（秒）；更慢的请求会被中断并报告。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="195" />
      <source>Longest request</source>
      <translation>最长请求时间</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="195" />
      <location filename="../../controlroom/settings.py" line="199" />
      <source>s</source>
      <translation>秒</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="197" />
      <source>How often to ask a platform without live push (wvp-GB28181-pro) for camera states and alarms, in seconds.</source>
      <translation>对没有实时推送的平台（wvp-GB28181-pro）查询摄像机状态和报警的间隔，单位为秒。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="198" />
      <source>Poll a platform without push every</source>
      <translation>无推送平台的查询间隔</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="201" />
      <source>Plugins (entry-point names) the operator turned off; they are not even imported.</source>
      <translation>操作员关闭的插件（入口点名称）；这些插件根本不会被导入。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="202" />
      <source>Plugins turned off</source>
      <translation>已关闭的插件</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="247" />
      <source>Setting “{name}”: {why}; using the default ({default}).</source>
      <extracomment>True when the file must not be written (a newer version, unreadable)</extracomment>
      <translation>设置“{name}”：{why}；改用默认值（{default}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="364" />
      <source>The settings file could not be read and was set aside as {path}; ControlRoom starts with the default settings.</source>
      <translation>无法读取设置文件，已将其另存为 {path}；ControlRoom 使用默认设置启动。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="367" />
      <source>The settings file is from a newer ControlRoom or cannot be read; it is used read-only and changes will not be saved ({detail}).</source>
      <translation>设置文件来自更新版本的 ControlRoom 或无法读取；将以只读方式使用，更改不会保存（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="369" />
      <source>The settings file has a problem: {detail}</source>
      <translation>设置文件有问题：{detail}</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/settings_dialog.py" line="102" />
      <source>Takes effect at once.</source>
      <extracomment>the largest number a spin box offers when the declaration sets no bound (pixels per second reach billions: more than a 32-bit QSpinBox holds, so numbers use QDoubleSpinBox) Where each setting is read today (grep ``settings.shared().get`` / ``ctx.settings.get``): - language: ui/app.py, before the first window; - video.transport_preference: video.streams.pick_stream (both walls' coordinator), per stream; - video.network_caching_ms, video.vout: vlc_options.shared_instance, when libVLC starts; - wall.*: WallPane.__init__ builds its StreamPolicy once per main window; - plugins.disabled: PluginManager.start (Plugins… applies it at once); - platform.*: LoginDialog builds the Session's RequestLimits at each sign-in; - plugins.alerts.*: on each alert; other plugins read theirs in setup (the default).</extracomment>
      <translation>立即生效。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="103" />
      <source>Takes effect at once for each camera a tile opens next; tiles already playing keep their stream.</source>
      <translation>对之后画面打开的每路摄像机立即生效；正在播放的画面保持当前码流。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="104" />
      <source>Takes effect when you next sign in (or restart ControlRoom).</source>
      <translation>下次登录（或重启 ControlRoom）后生效。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="105" />
      <source>Takes effect when the plugin next starts (restart, or turn it off and on in Plugins…).</source>
      <translation>插件下次启动时生效（重启，或在“插件…”中先关闭再启用）。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="106" />
      <source>Takes effect after ControlRoom restarts.</source>
      <translation>重启 ControlRoom 后生效。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="121" />
      <source>General</source>
      <translation>常规</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="122" />
      <source>Video</source>
      <translation>视频</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="123" />
      <source>Wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="124" />
      <source>Log</source>
      <translation>日志</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="125" />
      <source>Plugins</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="126" />
      <source>Platform</source>
      <translation>平台</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="132" />
      <source>Plugin: {title}</source>
      <translation>插件：{title}</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="139" />
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="173" />
      <source>No limit</source>
      <extracomment>numbers that mean something other than a quantity</extracomment>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="183" />
      <source>About {n} streams of 1080p at 25 fps.</source>
      <translation>约合 {n} 路 1080p 25 帧视频。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="191" />
      <source>From {minimum} to {maximum}.</source>
      <translation>范围：{minimum} 至 {maximum}。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="194" />
      <source>At least {minimum}.</source>
      <translation>最小值：{minimum}。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="197" />
      <source>At most {maximum}.</source>
      <translation>最大值：{maximum}。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="532" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="543" />
      <source>The settings file cannot be written: changes last until ControlRoom closes.</source>
      <translation>设置文件无法写入：更改仅在 ControlRoom 关闭前有效。</translation>
    </message>
    <message>
      <location filename="../../ui/settings_dialog.py" line="595" />
      <source>Changes are saved as you make them.</source>
      <translation>更改即时保存。</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../ui/shortcuts_dialog.py" line="119" />
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts_dialog.py" line="123" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts_dialog.py" line="123" />
      <source>Keys</source>
      <translation>按键</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts_dialog.py" line="123" />
      <source>Menu</source>
      <translation>菜单</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts_dialog.py" line="134" />
      <source>Search actions or keys</source>
      <translation>搜索操作或按键</translation>
    </message>
  </context>
  <context>
    <name>StaticFile</name>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="207" />
      <source>the URL is empty</source>
      <translation>URL 为空</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="209" />
      <source>the URL is longer than 2048 characters</source>
      <translation>URL 超过 2048 个字符</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="211" />
      <source>the URL contains spaces or control characters</source>
      <translation>URL 含有空格或控制字符</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="216" />
      <source>a camera URL must be a network address (rtsp://, http://...), not a local file</source>
      <translation>摄像机 URL 必须是网络地址（rtsp://、http://……），不能是本地文件</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="217" />
      <source>the URL scheme '{scheme}' is not allowed (use rtsp, rtsps, http, https)</source>
      <translation>不允许使用 URL 协议“{scheme}”（请用 rtsp、rtsps、http、https）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="219" />
      <source>the URL has no host</source>
      <translation>URL 没有主机</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="221" />
      <source>the URL contains a user or password: put them in the keyring and name them with credential</source>
      <translation>URL 中含有用户名或密码：请把它们存入密钥环，并用 credential 指明</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="225" />
      <source>RTMP is not a transport ControlRoom plays: give the camera's RTSP, HTTP-TS, HTTP-FLV or HLS URL</source>
      <translation>ControlRoom 不播放 RTMP：请填写摄像机的 RTSP、HTTP-TS、HTTP-FLV 或 HLS 地址</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="230" />
      <source>cannot tell the transport of an HTTP URL: its path must end in .ts, .flv or .m3u8</source>
      <translation>无法判断 HTTP URL 的传输方式：路径必须以 .ts、.flv 或 .m3u8 结尾</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="235" />
      <source>'{key}' must be a non-empty text</source>
      <translation>“{key}”必须是非空文本</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="237" />
      <source>'{key}' is too long or contains control characters</source>
      <translation>“{key}”过长或含有控制字符</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="250" />
      <source>'location' must be [longitude, latitude] in degrees</source>
      <translation>“location”必须是 [经度, 纬度]（单位：度）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="258" />
      <source>'id' must be 20 digits (a GB/T 28181 id)</source>
      <translation>“id”必须是 20 位数字（GB/T 28181 编码）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="266" />
      <location filename="../../controlroom/backends/static_file.py" line="328" />
      <source> (did you mean '{key}'?)</source>
      <translation>（是否应为“{key}”？）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="267" />
      <location filename="../../controlroom/backends/static_file.py" line="329" />
      <source>unknown key '{key}'</source>
      <translation>未知的键“{key}”</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="287" />
      <source>'{profile}' has no url</source>
      <translation>“{profile}”没有 url</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="276" />
      <location filename="../../controlroom/backends/static_file.py" line="295" />
      <location filename="../../controlroom/backends/static_file.py" line="306" />
      <source>'{profile}': {error}</source>
      <translation>“{profile}”：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="333" />
      <source>schema_version must be {version} (found {found})</source>
      <translation>schema_version 必须为 {version}（实际为 {found}）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="341" />
      <source>'site' and 'camera' must be arrays of tables ([[site]], [[camera]])</source>
      <translation>“site”和“camera”必须是表数组（[[site]]、[[camera]]）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="344" />
      <source>more than {n} entries: only the first {n} are read</source>
      <translation>条目超过 {n} 个：只读取前 {n} 个</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="355" />
      <source>a site must be a table</source>
      <translation>站点必须是一个表</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="360" />
      <source>another site already has the key '{key}'</source>
      <translation>已有另一个站点使用键“{key}”</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="363" />
      <source>site: {reason}</source>
      <translation>站点：{reason}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="378" />
      <source>the parent '{parent}' is not a site in this file</source>
      <translation>上级“{parent}”不是本文件中的站点</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="380" />
      <source>the parents form a loop</source>
      <translation>上级关系形成了循环</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="383" />
      <source>its parent '{parent}' is a bad entry</source>
      <translation>其上级“{parent}”是错误条目</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="395" />
      <source>'online' must be true or false</source>
      <translation>“online”必须是 true 或 false</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="408" />
      <source>site '{key}': {reason}</source>
      <translation>站点“{key}”：{reason}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="424" />
      <source>site '{key}': its id {id} is already used by site '{other}'</source>
      <translation>站点“{key}”：其编码 {id} 已被站点“{other}”使用</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="436" />
      <source>a camera must be a table</source>
      <translation>摄像机必须是一个表</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="442" />
      <source>'site' is missing</source>
      <translation>缺少“site”</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="443" />
      <source>the site '{site}' is not a (good) site in this file</source>
      <translation>站点“{site}”不是本文件中的（有效）站点</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="455" />
      <source>no URL: give 'main' and/or 'sub'</source>
      <translation>没有 URL：请填写“main”和/或“sub”</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="461" />
      <source>'ptz' must be true or false</source>
      <translation>“ptz”必须是 true 或 false</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="464" />
      <source>'kind' must be one of: {kinds}</source>
      <translation>“kind”必须是以下之一：{kinds}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="467" />
      <source>'tags' must be a list of short texts</source>
      <translation>“tags”必须是短文本列表</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="479" />
      <source>the id {id} is already used by the camera at line {line}: give one of them another name or an 'id'</source>
      <translation>编码 {id} 已被第 {line} 行的摄像机使用：请给其中一个改名或指定“id”</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="491" />
      <source>camera '{name}': {reason}</source>
      <translation>摄像机“{name}”：{reason}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="515" />
      <source>the file is larger than {mib} MiB</source>
      <translation>文件大于 {mib} MiB</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="518" />
      <source>cannot read the file: {error}</source>
      <translation>无法读取文件：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="522" />
      <source>the file is not UTF-8 (byte {pos})</source>
      <translation>文件不是 UTF-8 编码（第 {pos} 字节）</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="530" />
      <source>TOML syntax error: {error}</source>
      <translation>TOML 语法错误：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="553" />
      <source>The camera file names the credential '{name}', but this machine has no safe keyring to read it from.</source>
      <translation>摄像机文件指定了凭据“{name}”，但本机没有可安全读取的密钥环。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="560" />
      <source>Could not read the keyring: {error}</source>
      <translation>无法读取密钥环：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="563" />
      <source>The camera file names the credential '{name}', but the keyring has no entry '{name}' (as user:password) under the service '{service}'. Store it with: keyring set {service} {name}</source>
      <translation>摄像机文件指定了凭据“{name}”，但密钥环的服务“{service}”下没有条目“{name}”（格式为 用户名:密码）。请用以下命令保存：keyring set {service} {name}</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="579" />
      <source>No safe keyring on this machine: camera credentials cannot be stored.</source>
      <translation>本机没有安全的密钥环：无法保存摄像机凭据。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="665" />
      <source>The camera is no longer in the camera file.</source>
      <extracomment>the last reload failed as a whole (syntax error, unreadable): the last good inventory stays</extracomment>
      <translation>该摄像机已不在摄像机文件中。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="669" />
      <source>The camera file gives no '{profile}' URL for this camera.</source>
      <translation>摄像机文件没有为该摄像机提供“{profile}”地址。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/static_file.py" line="674" />
      <source>This camera's '{profile}' stream is {transport}, which cannot be played here.</source>
      <translation>该摄像机的“{profile}”码流是 {transport}，本机无法播放。</translation>
    </message>
  </context>
  <context>
    <name>StreamUrl</name>
    <message>
      <location filename="../../ui/text.py" line="53" />
      <source>Refused: the platform gave a local-file URL.</source>
      <translation>已拒绝：平台给出的是本地文件地址。</translation>
    </message>
    <message>
      <location filename="../../ui/text.py" line="54" />
      <source>Refused: the platform gave the URL of a local device or of the screen.</source>
      <translation>已拒绝：平台给出的是本地设备或屏幕的地址。</translation>
    </message>
    <message>
      <location filename="../../ui/text.py" line="55" />
      <source>Refused: the platform gave a player-internal URL.</source>
      <translation>已拒绝：平台给出的是播放器内部地址。</translation>
    </message>
    <message>
      <location filename="../../ui/text.py" line="56" />
      <source>Refused: the platform gave a URL that is not a network stream.</source>
      <translation>已拒绝：平台给出的地址不是网络视频流。</translation>
    </message>
    <message>
      <location filename="../../ui/text.py" line="57" />
      <source>Refused: the platform gave a malformed stream URL.</source>
      <translation>已拒绝：平台给出的视频流地址格式错误。</translation>
    </message>
  </context>
  <context>
    <name>TileTourDialog</name>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="31" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="40" />
      <source>Tile tour</source>
      <translation>窗格轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="51" />
      <source>Cameras of {site} ({n})</source>
      <translation>{site}的摄像机（{n} 个）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="56" />
      <source>Cameras on this wall ({n})</source>
      <translation>本视频墙上的摄像机（{n} 个）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="60" />
      <source>Cameras:</source>
      <translation>摄像机：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="61" />
      <source>Each camera for:</source>
      <translation>每个摄像机停留：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="66" />
      <source>Put a camera on this tile first: the tour cycles its site's cameras.</source>
      <translation>请先在此窗格放一个摄像机：轮巡将循环其所在站点的摄像机。</translation>
    </message>
  </context>
  <context>
    <name>TileWidget</name>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="117" />
      <source>Idle</source>
      <extracomment>tree items dragged onto the wall: JSON list of {"type": "camera"|"site"|"grid", "id": GB id} a tile dragged onto another (to swap): the source tile's index as text</extracomment>
      <translation>空闲</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="118" />
      <source>Connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="119" />
      <source>Live</source>
      <translation>实时</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="120" />
      <location filename="../../ui/wall/tile_widget.py" line="604" />
      <source>No new pictures</source>
      <translation>画面未更新</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="121" />
      <source>Reconnecting</source>
      <translation>正在重新连接</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="122" />
      <location filename="../../ui/wall/tile_widget.py" line="598" />
      <source>Camera offline</source>
      <translation>摄像机离线</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="123" />
      <source>Cannot play</source>
      <translation>无法播放</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="124" />
      <source>Empty</source>
      <translation>空</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="511" />
      <source>main</source>
      <extracomment>the frame of a tile an alert just put a camera on (blinks, then stops) tiles in playback (issue 12): band and frame in a colour no live state uses a tile of another wall window dropped here (tile_drag.TileOrigin, this tile) this tile's drag ended where nothing took it (tile, global position): torn out of the window the decoded picture's size (the wall sets it once a stream plays): its aspect ratio</extracomment>
      <translation>主码流</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="511" />
      <source>sub</source>
      <translation>子码流</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="513" />
      <source>{profile} · key frames</source>
      <translation>{profile} · 仅关键帧</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="522" />
      <source>{fps:.0f} fps · {kbps:,.0f} kbit/s</source>
      <translation>{fps:.0f} 帧/秒 · {kbps:,.0f} kbit/s</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="582" />
      <source>Empty tile</source>
      <translation>空窗格</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="583" />
      <source>Drag a camera or a site here from the list on the left, or select this tile and double-click a camera.</source>
      <translation>从左侧列表把摄像机或站点拖到这里，或选中此窗格后双击一个摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="586" />
      <source>Starting…</source>
      <translation>正在启动…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="588" />
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="592" />
      <location filename="../../ui/wall/tile_widget.py" line="621" />
      <source>Reconnecting in {s} s</source>
      <translation>{s} 秒后重连</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="594" />
      <source>Reconnecting now…</source>
      <translation>正在重连…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="595" />
      <source>The stream stopped; trying again.</source>
      <translation>视频流已中断，正在重试。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="599" />
      <source>The platform reports “{name}” offline. The tile comes back by itself when it is online again.</source>
      <translation>平台报告“{name}”离线。摄像机恢复在线后，窗格会自动恢复。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="602" />
      <source>Cannot play this camera</source>
      <translation>无法播放此摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="602" />
      <source>unknown error</source>
      <translation>未知错误</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="604" />
      <source>Waiting for the stream.</source>
      <translation>正在等待视频流。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="610" />
      <source>Tile {n}</source>
      <translation>窗格 {n}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tile_widget.py" line="612" />
      <source>{name} — {site}</source>
      <translation>{name} — {site}</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <location filename="../../ui/playback/timeline.py" line="120" />
      <source>Wheel: zoom · drag: move the playback time · Shift+drag: choose a range (bookmark, export) · right button: what to do with the range</source>
      <extracomment>tick steps (seconds) the axis chooses from</extracomment>
      <translation>滚轮：缩放 · 拖动：移动回放时间 · Shift+拖动：选择时间段（书签、导出）· 右键：对时间段的操作</translation>
    </message>
  </context>
  <context>
    <name>ViewsUi</name>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="63" />
      <source>V&amp;iews</source>
      <extracomment>problems reading the file, in the operator's words (tests read this)</extracomment>
      <translation>视图(&amp;I)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="64" />
      <source>&amp;Save view</source>
      <translation>保存视图(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="67" />
      <source>Save view &amp;as…</source>
      <translation>视图另存为(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="70" />
      <source>&amp;Rename view…</source>
      <translation>重命名视图(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="72" />
      <source>&amp;Delete view…</source>
      <translation>删除视图(&amp;D)…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="74" />
      <source>Re&amp;vert view</source>
      <translation>还原视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="75" />
      <source>Back to the view as it was saved</source>
      <translation>回到保存时的视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="83" />
      <location filename="../../ui/wall/views_ui.py" line="277" />
      <source>Switch to a saved view</source>
      <translation>切换到已保存的视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="84" />
      <source>Views</source>
      <translation>视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="97" />
      <source>The saved views could not be read. The file was set aside as {path} and ControlRoom starts without saved views; nothing else was changed.</source>
      <translation>无法读取已保存的视图。该文件已另存为 {path}，ControlRoom 将在没有已保存视图的情况下启动；其他内容均未改动。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="102" />
      <source>The saved views file {path} is kept as it is (a newer ControlRoom wrote it, or it cannot be read); views you save now will not be written.</source>
      <translation>视图文件 {path} 保持原样（由更新版本的 ControlRoom 写入，或无法读取）；现在保存的视图不会写入文件。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="114" />
      <source>Saved views</source>
      <translation>已保存的视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="124" />
      <source>The views file is kept as it is; this change was not saved.</source>
      <translation>视图文件保持原样；此次更改未保存。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="127" />
      <source>The views could not be saved: {error}</source>
      <translation>无法保存视图：{error}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="136" />
      <source>There is no view named “{name}”.</source>
      <translation>没有名为“{name}”的视图。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="164" />
      <source>Save view as</source>
      <translation>视图另存为</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="164" />
      <source>View name:</source>
      <translation>视图名称：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="172" />
      <source>Replace view</source>
      <translation>替换视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="173" />
      <source>A view named “{name}” exists. Replace it?</source>
      <translation>已存在名为“{name}”的视图。要替换吗？</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="191" />
      <source>View “{name}” saved.</source>
      <translation>视图“{name}”已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="198" />
      <source>This wall is not a saved view yet: save it first.</source>
      <translation>此视频墙还不是已保存的视图：请先保存。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="201" />
      <source>Rename view</source>
      <translation>重命名视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="201" />
      <source>New name:</source>
      <translation>新名称：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="222" />
      <source>Delete view</source>
      <translation>删除视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="223" />
      <source>Delete the view “{name}”?</source>
      <translation>删除视图“{name}”？</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="246" />
      <source>No saved views</source>
      <translation>没有已保存的视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="263" />
      <source>Incident: {title}</source>
      <translation>事件：{title}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="265" />
      <source>(unsaved wall)</source>
      <translation>（未保存的视频墙）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/views_ui.py" line="274" />
      <source>“{name}” is modified: Save (Ctrl+S) keeps the changes, Revert goes back to the saved view</source>
      <translation>“{name}”已修改：保存（Ctrl+S）保留更改，还原则回到已保存的视图</translation>
    </message>
  </context>
  <context>
    <name>WallPane</name>
    <message>
      <location filename="../../ui/video_words.py" line="30" />
      <source>Opening the stream.</source>
      <translation>正在打开视频流。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="37" />
      <source>The platform reports the camera offline.</source>
      <translation>平台报告该摄像机离线。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="39" />
      <source>The video source ended the stream.</source>
      <translation>视频源结束了视频流。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="41" />
      <source>The stream could not be opened or broke off.</source>
      <translation>视频流无法打开或已中断。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="34" />
      <source>Attempt {n}; last problem: {reason}</source>
      <translation>第 {n} 次尝试；上次问题：{reason}</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="45" />
      <source>No new picture for {s} s.</source>
      <translation>已 {s} 秒没有新画面。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="43" />
      <source>No picture within {s} s.</source>
      <translation>{s} 秒内没有画面。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="61" />
      <source>The platform cannot be reached for a stream ticket; trying again.</source>
      <translation>无法连接平台获取视频流票据，正在重试。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="63" />
      <source>The platform gave no stream to play: {raw}</source>
      <translation>平台未提供可播放的视频流：{raw}</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="49" />
      <source>The media server refused the session (401): {raw}</source>
      <translation>流媒体服务器拒绝了此会话（401）：{raw}</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="53" />
      <source>This account may not watch this camera (403): {raw}</source>
      <translation>此账号无权观看该摄像机（403）：{raw}</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="57" />
      <source>The media server does not know this stream (404): {raw}</source>
      <translation>流媒体服务器上没有此视频流（404）：{raw}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="77" />
      <source>Sub stream: the tile is too small to show more.</source>
      <translation>子码流：窗格太小，显示不了更多细节。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="78" />
      <source>Main stream: the tile is maximised.</source>
      <translation>主码流：窗格已最大化。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="79" />
      <source>Sub stream, to stay within this workstation's bandwidth budget.</source>
      <translation>子码流：以不超出本工作站的带宽预算。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="80" />
      <source>The wall is over the bandwidth budget even with sub streams.</source>
      <translation>即使使用子码流，视频墙仍超出带宽预算。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="81" />
      <source>Key frames only: this computer cannot decode every tile at full rate.</source>
      <translation>仅关键帧：本机无法以全帧率解码所有窗格。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="82" />
      <source>Kept: the stream switched less than 5 s ago.</source>
      <translation>保持不变：码流在 5 秒内刚切换过。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="498" />
      <source>This camera is not in the inventory (any more).</source>
      <translation>此摄像机不在（或已不在）资源目录中。</translation>
    </message>
    <message>
      <location filename="../../ui/video_words.py" line="76" />
      <source>None of this camera's streams can be played on this computer (offered: {offered}).</source>
      <translation>本机无法播放此摄像机的任何视频流（平台提供：{offered}）。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="350" />
      <source>Tiles showing key frames only: {n}. This computer cannot decode every tile at full rate.</source>
      <extracomment>a tile's players and what they play: the coordinator's slot (kept under its old name) a message for the status bar the view name or layout changed (window title, views menu) a snapshot is on disk (its path) a camera began / stopped being shown on some tile's front (the coordinator's; pre-rolls and lent tiles do not count, a camera on two tiles counts once): the audit trail's "camera opened/closed" (controlroom/audit.py) extra pre-rolls (tile -&gt; camera) from a wall tour (tours_ui) called on every tick (wall tours step here) tiles lent to playback (``lend_tile``): the wall starts no live player on them</extracomment>
      <translation>仅显示关键帧的窗格：{n} 个。本机无法以全帧率解码所有窗格。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="389" />
      <source>Tour paused</source>
      <translation>轮巡已暂停</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="391" />
      <source>Tour {i}/{n} · {s} s</source>
      <translation>轮巡 {i}/{n} · {s} 秒</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="437" />
      <source>There are no cameras to show there.</source>
      <translation>没有可显示的摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="447" />
      <source>{placed} cameras put on the wall; {overflow} more did not fit (choose a larger layout, or start a wall tour to page through them).</source>
      <translation>已上墙 {placed} 个摄像机；另有 {overflow} 个放不下（请选择更大的布局，或开始视频墙轮巡分页查看）。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="451" />
      <source>Cameras put on the wall: {n}.</source>
      <translation>已上墙的摄像机：{n} 个。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="497" />
      <source>This camera is outside your town: this account may not watch it.</source>
      <translation>该摄像机不在本镇范围内：此账号无权查看。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="523" />
      <source>Nothing to save: the tile shows no live picture.</source>
      <translation>无可保存内容：该窗格没有实时画面。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="619" />
      <source>Snapshot saved: {path}</source>
      <translation>抓图已保存：{path}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="605" />
      <location filename="../../ui/wall/wall_view.py" line="617" />
      <source>The snapshot could not be saved to {path}.</source>
      <translation>无法将抓图保存到 {path}。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="579" />
      <source>Taking a snapshot from the main stream…</source>
      <translation>正在从主码流截图……</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="610" />
      <source>(the main stream gave no picture: taken from the tile's stream)</source>
      <translation>（主码流没有画面：改用窗格当前码流截图）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="662" />
      <source>Restore</source>
      <translation>还原</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="662" />
      <source>Maximise</source>
      <translation>最大化</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="664" />
      <source>Clear tile</source>
      <translation>清空窗格</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="668" />
      <source>Snapshot</source>
      <translation>抓图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="671" />
      <source>Reset zoom</source>
      <translation>重置缩放</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="674" />
      <source>Show fps and bit rate</source>
      <translation>显示帧率和码率</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="678" />
      <source>Stream</source>
      <translation>码流</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="680" />
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="680" />
      <source>Main stream</source>
      <translation>主码流</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="681" />
      <source>Sub stream</source>
      <translation>子码流</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="692" />
      <source>Start tile tour…</source>
      <translation>开始窗格轮巡…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="696" />
      <source>Resume tile tour</source>
      <translation>继续窗格轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="699" />
      <source>Pause tile tour</source>
      <translation>暂停窗格轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_view.py" line="701" />
      <source>Stop tile tour</source>
      <translation>停止窗格轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="80" />
      <source>Tile tour started: {n} cameras, {s} s each.</source>
      <translation>窗格轮巡已开始：{n} 个摄像机，每个 {s} 秒。</translation>
    </message>
  </context>
  <context>
    <name>WallPlaceholder</name>
    <message>
      <location filename="../../ui/main_window.py" line="157" />
      <source>Opening the video wall…</source>
      <translation>正在打开视频墙……</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="160" />
      <source>Loading the sites and cameras from the platform; the wall opens as soon as they are in.</source>
      <translation>正在从平台加载站点和摄像机，加载完成后视频墙即会打开。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="182" />
      <source>County dispatch centre</source>
      <translation>县级指挥中心</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="183" />
      <source>Town platforms</source>
      <translation>乡镇平台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="184" />
      <source>Village platforms</source>
      <translation>村居平台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="185" />
      <source>Cameras</source>
      <translation>摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="186" />
      <source>Cameras online</source>
      <translation>在线摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="187" />
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="230" />
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="234" />
      <source>Signed in as {name} ({username}) — {role}</source>
      <translation>当前用户：{name}（{username}）— {role}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="237" />
      <source>Sees: {scope}</source>
      <translation>可见范围：{scope}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="238" />
      <source>Platform: {url}</source>
      <translation>平台：{url}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="256" />
      <source>The video wall could not open</source>
      <translation>视频墙无法打开</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="257" />
      <source>Log out and in again, or check the platform with “controlroom doctor”.</source>
      <translation>请注销后重新登录，或用“controlroom doctor”检查平台。</translation>
    </message>
  </context>
  <context>
    <name>WallPlayback</name>
    <message>
      <location filename="../../ui/playback/wall_playback.py" line="111" />
      <source>Put a camera on the wall first: playback plays the wall's cameras.</source>
      <extracomment>None: this platform offers no playback (the actions say so)</extracomment>
      <translation>请先把摄像机放到视频墙上：回放播放的是视频墙上的摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/playback/wall_playback.py" line="187" />
      <source>The platform offered no recorded stream this computer can play.</source>
      <translation>平台提供的录像流都无法在本机播放。</translation>
    </message>
  </context>
  <context>
    <name>WallTour</name>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="175" />
      <source>Page</source>
      <translation>页</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="175" />
      <source>View</source>
      <translation>视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="177" />
      <source>{what} {i}/{n} · paused</source>
      <translation>{what} {i}/{n} · 已暂停</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="179" />
      <source>{what} {i}/{n} · next in {s} s</source>
      <translation>{what} {i}/{n} · {s} 秒后切换</translation>
    </message>
  </context>
  <context>
    <name>WallTourDialog</name>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="187" />
      <source>Wall tour</source>
      <translation>视频墙轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="191" />
      <source>Cycle the saved views ({n})</source>
      <translation>循环已保存的视图（{n} 个）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="197" />
      <source>Page through the cameras of {site} ({n})</source>
      <translation>分页轮巡{site}的摄像机（{n} 个）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="202" />
      <source>Tour:</source>
      <translation>轮巡：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="203" />
      <source>Each step for:</source>
      <translation>每步停留：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/tours_ui.py" line="208" />
      <source>Save two views or more, or select a site in the list, to tour the wall.</source>
      <translation>请保存两个或更多视图，或在列表中选择一个站点，才能轮巡视频墙。</translation>
    </message>
  </context>
  <context>
    <name>WallUi</name>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="70" />
      <source>Wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="81" />
      <source>&amp;Layout</source>
      <translation>布局(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="85" />
      <source>Layout</source>
      <translation>布局</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="86" />
      <source>Choose how many tiles the wall has</source>
      <translation>选择视频墙的窗格数</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="95" />
      <source> View: </source>
      <translation> 视图：</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="100" />
      <source>Wall tour…</source>
      <translation>视频墙轮巡…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="103" />
      <source>Pause tour</source>
      <translation>暂停轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="106" />
      <source>Stop tour</source>
      <translation>停止轮巡</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="115" />
      <source>fps / bit rate</source>
      <translation>帧率 / 码率</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="117" />
      <source>Show frames per second and bit rate on every tile</source>
      <translation>在每个窗格上显示帧率和码率</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="120" />
      <source>Full screen</source>
      <translation>全屏</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="124" />
      <source>Full screen without chrome</source>
      <translation>无边框全屏</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="127" />
      <source>Only the wall, for meeting displays (Esc leaves)</source>
      <translation>只显示视频墙，用于会议大屏（按 Esc 退出）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="136" />
      <source>&amp;Wall</source>
      <translation>视频墙(&amp;W)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="164" />
      <source>&amp;Undo wall change</source>
      <translation>撤销电视墙更改(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="167" />
      <source>&amp;Redo wall change</source>
      <translation>重做电视墙更改(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="170" />
      <source>&amp;Back to your view</source>
      <translation>回到您的视图(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="172" />
      <source>Leave the incident wall: your own wall comes back as you left it (Esc)</source>
      <translation>离开事件墙：您的电视墙恢复为离开时的样子（Esc）</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="187" />
      <source>&amp;Back to “{view}”</source>
      <translation>回到“{view}”(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="188" />
      <source>&amp;Back to your wall</source>
      <translation>回到您的电视墙(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="219" />
      <source>There is no saved view named “{name}”.</source>
      <translation>没有名为“{name}”的已保存视图。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="213" />
      <source>Demo 3×3</source>
      <translation>演示 3×3</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="220" />
      <source>Saved views of this account on this platform: {names}</source>
      <translation>此账号在本平台保存的视图：{names}</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="221" />
      <source>This account has no saved views on this platform yet.</source>
      <translation>此账号在本平台尚无保存的视图。</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="224" />
      <source>View not found</source>
      <translation>未找到视图</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="246" />
      <source>1 tile</source>
      <translation>1 个窗格</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="246" />
      <source>{n} tiles</source>
      <translation>{n} 个窗格</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="259" />
      <source>Custom layout…</source>
      <translation>自定义布局…</translation>
    </message>
    <message>
      <location filename="../../ui/wall/wall_ui.py" line="269" />
      <source>The layout could not be saved: {error}</source>
      <translation>无法保存布局：{error}</translation>
    </message>
  </context>
  <context>
    <name>WallWidget</name>
    <message>
      <location filename="../../ui/wall/wall_widget.py" line="53" />
      <source>Video wall</source>
      <extracomment>the tiles were placed again (layout change, maximise, resize): sizes changed</extracomment>
      <translation>视频墙</translation>
    </message>
  </context>
  <context>
    <name>WallWindow</name>
    <message>
      <location filename="../../ui/wall_window.py" line="51" />
      <source>ControlRoom wall {n} — {view}</source>
      <extracomment>the window closed (its players are released by then)</extracomment>
      <translation>ControlRoom 电视墙 {n} — {view}</translation>
    </message>
    <message>
      <location filename="../../ui/wall_window.py" line="53" />
      <source>ControlRoom wall {n}</source>
      <translation>ControlRoom 电视墙 {n}</translation>
    </message>
    <message>
      <location filename="../../ui/wall_window.py" line="76" />
      <source>{name} ({w}×{h} at {x}, {y})</source>
      <translation>{name}（{w}×{h}，位于 {x}, {y}）</translation>
    </message>
  </context>
  <context>
    <name>WallWindows</name>
    <message>
      <location filename="../../ui/workspaces.py" line="108" />
      <source>The saved workspaces could not be read. The file was set aside as {path}; ControlRoom starts with this window only. Views, layouts and settings are not touched.</source>
      <extracomment>dynamic properties of a window moved off a screen that went away: where it belongs something the operator should know (a screen went away, a workspace could not be read)</extracomment>
      <translation>无法读取已保存的工作区。该文件已另存为 {path}；ControlRoom 仅以本窗口启动。视图、布局和设置均未改动。</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="113" />
      <source>The saved workspaces file {path} is kept as it is (a newer ControlRoom wrote it, or it cannot be read); workspaces you save now will not be written.</source>
      <translation>已保存的工作区文件 {path} 保持原样（由更新版本的 ControlRoom 写入，或无法读取）；现在保存的工作区不会写入。</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="118" />
      <source>&amp;New wall window</source>
      <translation>新建电视墙窗口(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="120" />
      <source>Another video wall, for another screen (or drag a tile out)</source>
      <translation>再开一面电视墙，用于另一块屏幕（或把窗格拖出窗口）</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="123" />
      <source>&amp;Save workspace</source>
      <translation>保存工作区(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="124" />
      <source>Keep these windows, their screens and walls; they open so at start</source>
      <translation>保存这些窗口及其屏幕和电视墙；启动时按此打开</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="126" />
      <source>Save workspace &amp;as…</source>
      <translation>工作区另存为(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="128" />
      <source>W&amp;orkspaces</source>
      <translation>工作区(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="155" />
      <source>Full screen &amp;on</source>
      <translation>全屏显示于(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="157" />
      <source>Full screen without &amp;chrome on</source>
      <translation>无边框全屏显示于(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="235" />
      <source>That tile's camera is not in this session.</source>
      <translation>该窗格的摄像机不在本次会话中。</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="287" />
      <source>Wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="293" />
      <source>Save workspace as</source>
      <translation>工作区另存为</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="293" />
      <source>Workspace name:</source>
      <translation>工作区名称：</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="294" />
      <source>Control room</source>
      <translation>指挥大厅</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="306" />
      <source>The workspace could not be saved: {error}</source>
      <translation>无法保存工作区：{error}</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="308" />
      <source>Workspace “{name}” saved: {n} windows; it opens at the next start.</source>
      <translation>工作区“{name}”已保存：{n} 个窗口；下次启动时按此打开。</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="329" />
      <source>The workspaces could not be saved: {error}</source>
      <translation>无法保存工作区：{error}</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="351" />
      <source>The screen “{screen}” is not connected: “{window}” opens on “{here}” instead.</source>
      <translation>屏幕“{screen}”未连接：“{window}”改在“{here}”上打开。</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="373" />
      <source>Workspaces</source>
      <translation>工作区</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="394" />
      <source>No saved workspaces</source>
      <translation>没有已保存的工作区</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="403" />
      <source>Delete workspace “{name}”</source>
      <translation>删除工作区“{name}”</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="433" />
      <source>The screen “{screen}” was disconnected: “{window}” moved to “{here}”.</source>
      <translation>屏幕“{screen}”已断开：“{window}”已移到“{here}”。</translation>
    </message>
    <message>
      <location filename="../../ui/workspaces.py" line="454" />
      <source>The screen “{screen}” is back: “{window}” returned to it.</source>
      <translation>屏幕“{screen}”已恢复：“{window}”已移回该屏幕。</translation>
    </message>
  </context>
  <context>
    <name>WindowKeys</name>
    <message>
      <location filename="../../ui/keys.py" line="65" />
      <source>Next pane</source>
      <extracomment>Ctrl+1 … Ctrl+9: the first nine presets, smallest first</extracomment>
      <translation>下一个面板</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="66" />
      <source>Previous pane</source>
      <translation>上一个面板</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="67" />
      <source>Go to the sites and cameras</source>
      <translation>转到站点和摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="68" />
      <source>Go to the wall</source>
      <translation>转到视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="69" />
      <source>Go to the alerts</source>
      <translation>转到告警</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="71" />
      <source>&amp;Go to</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="88" />
      <source>Snapshot of the selected tile</source>
      <translation>所选窗格截图</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="98" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="170" />
      <source>The alerts pane is turned off (Plugins → Plugins…).</source>
      <translation>告警面板已关闭（插件 → 插件…）。</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="179" />
      <source>Select a tile first: its picture is saved.</source>
      <translation>请先选择一个窗格：将保存其画面。</translation>
    </message>
  </context>
  <context>
    <name>WvpBackend</name>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="224" />
      <source>The camera sent no video to the platform in time: it may be offline, or its network too slow.</source>
      <translation>摄像机未能及时向平台发送视频：它可能已离线，或网络太慢。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="228" />
      <source>The camera's device did not answer the platform (signalling timeout).</source>
      <translation>摄像机所属设备未应答平台（信令超时）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="233" />
      <source>The platform's media server has no room for another stream.</source>
      <translation>平台的流媒体服务器已无法再承载新的视频流。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="238" />
      <source>The platform could not start the stream.</source>
      <translation>平台无法启动该视频流。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="242" />
      <source>The platform asks to log in again.</source>
      <translation>平台要求重新登录。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="254" />
      <source>The platform did not accept the request's parameters.</source>
      <translation>平台不接受该请求的参数。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="258" />
      <source>The platform or the camera's device did not answer in time.</source>
      <translation>平台或摄像机所属设备未及时应答。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="263" />
      <source>The platform had an internal error.</source>
      <translation>平台内部出错。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="266" />
      <source>The platform refused the request.</source>
      <translation>平台拒绝了该请求。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="302" />
      <source>A WVP address must look like wvp+http://host:port.</source>
      <translation>WVP 地址的格式应为 wvp+http://主机:端口。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="391" />
      <source>The connection to the platform is closed.</source>
      <translation>与平台的连接已关闭。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="468" />
      <source>The platform refused the user name or password.</source>
      <translation>平台拒绝了用户名或密码。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="489" />
      <location filename="../../controlroom/backends/wvp.py" line="497" />
      <source>Not logged in to the platform.</source>
      <translation>尚未登录平台。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="642" />
      <source>Channels without a region</source>
      <translation>未归属行政区划的通道</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="804" />
      <source>This stream was already closed.</source>
      <translation>该视频流已关闭。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="812" />
      <source>The platform offers none of the transports ControlRoom can play here.</source>
      <translation>平台提供的传输方式中没有 ControlRoom 在此可以播放的。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp.py" line="840" />
      <source>This platform cannot do that camera movement (%1).</source>
      <translation>此平台不支持该云台动作（%1）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp_playback.py" line="54" />
      <source>Playback speeds are 0.25x, 0.5x, 1x, 2x, 4x, 8x and 16x.</source>
      <translation>回放倍速为 0.25x、0.5x、1x、2x、4x、8x 和 16x。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp_playback.py" line="175" />
      <source>This playback has ended.</source>
      <translation>此回放已结束。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp_playback.py" line="206" />
      <source>A seek needs the time to go to.</source>
      <translation>跳转需要指定目标时间。</translation>
    </message>
    <message>
      <location filename="../../controlroom/backends/wvp_playback.py" line="233" />
      <source>The platform cannot do that with a playback.</source>
      <translation>平台无法对回放执行此操作。</translation>
    </message>
  </context>
  <context>
    <name>ctx</name>
    <message>
      <location filename="../../plugins/conference/plugin.py" line="64" />
      <source>Video conference</source>
      <translation>视频会商</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_board/plugin.py" line="37" />
      <source>Grid board</source>
      <translation>网格看板</translation>
    </message>
    <message>
      <location filename="../../plugins/grid_map/plugin.py" line="37" />
      <source>Grid map</source>
      <translation>网格地图</translation>
    </message>
  </context>
  <context>
    <name>self.ctx</name>
    <message>
      <location filename="../../plugins/grid_board/plugin.py" line="55" />
      <source>Could not fetch the recent alerts: {error}</source>
      <translation>无法获取近期告警：{error}</translation>
    </message>
  </context>
</TS>