<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>App</name>
    <message>
      <location filename="../../ui/app.py" line="151" />
      <source>unexpected error: {error}</source>
      <translation>意外错误：{error}</translation>
    </message>
  </context>
  <context>
    <name>ConnectionIndicator</name>
    <message>
      <location filename="../../ui/main_window.py" line="115" />
      <source>{state}: {detail}</source>
      <translation>{state}：{detail}</translation>
    </message>
  </context>
  <context>
    <name>ConnectionState</name>
    <message>
      <location filename="../../ui/main_window.py" line="51" />
      <source>Disconnected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="52" />
      <source>Connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="53" />
      <source>Loading inventory</source>
      <translation>正在加载资源</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="54" />
      <source>Connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="55" />
      <source>Reconnecting</source>
      <translation>正在重新连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="56" />
      <source>Connection failed</source>
      <translation>连接失败</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../ui/login_dialog.py" line="70" />
      <source>Log in to ControlRoom</source>
      <extracomment>a login attempt failed; the message shown inline logged in: the dialog is about to accept the password that logged in: the app may keep it in memory for this run</extracomment>
      <translation>登录 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="73" />
      <source>Log in to a video platform</source>
      <translation>登录视频平台</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="77" />
      <source>https://platform.example:8443</source>
      <translation>https://platform.example:8443</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="81" />
      <source>Remember password</source>
      <translation>记住密码</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="90" />
      <source>Platform address:</source>
      <translation>平台地址：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="91" />
      <source>User name:</source>
      <translation>用户名：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="92" />
      <source>Password:</source>
      <translation>密码：</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="115" />
      <location filename="../../ui/login_dialog.py" line="196" />
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="118" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="154" />
      <source>Stored in the system keyring ({backend})</source>
      <translation>保存在系统密钥环中（{backend}）</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="158" />
      <source>No system keyring was found: passwords are kept for this session only.</source>
      <translation>未找到系统密钥环：密码仅在本次会话中保留。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="196" />
      <source>Logging in…</source>
      <translation>正在登录…</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="206" />
      <source>Enter the platform address, for example https://platform.example:8443.</source>
      <translation>请输入平台地址，例如 https://platform.example:8443。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="208" />
      <source>The platform address must start with http:// or https://, for example https://platform.example:8443.</source>
      <translation>平台地址须以 http:// 或 https:// 开头，例如 https://platform.example:8443。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="210" />
      <source>Enter your user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="212" />
      <source>Enter your password.</source>
      <translation>请输入密码。</translation>
    </message>
    <message>
      <location filename="../../ui/login_dialog.py" line="272" />
      <source>Logging in failed unexpectedly: {error}</source>
      <translation>登录时发生意外错误：{error}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="273" />
      <source>not signed in</source>
      <extracomment>the operator asked to log out (the app closes the session and shows the login again)</extracomment>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="274" />
      <source>ControlRoom — {user} @ {host}</source>
      <translation>ControlRoom — {user} @ {host}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="280" />
      <source>Sites and cameras</source>
      <translation>站点与摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="300" />
      <source>Cameras %v of %m</source>
      <translation>摄像机 %v / %m</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="311" />
      <source>{name} · {role}</source>
      <translation>{name} · {role}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="329" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="330" />
      <source>Log &amp;out</source>
      <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="334" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="339" />
      <location filename="../../ui/plugin_host.py" line="94" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="340" />
      <source>&amp;Find camera…</source>
      <translation>查找摄像机(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="346" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="347" />
      <source>&amp;About ControlRoom</source>
      <translation>关于 ControlRoom(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="358" />
      <source>About ControlRoom</source>
      <translation>关于 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="360" />
      <source>&lt;h3&gt;ControlRoom {version}&lt;/h3&gt;&lt;p&gt;Desktop client for county video networks: the county dispatch centre, town platforms and village platforms.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;ControlRoom {version}&lt;/h3&gt;&lt;p&gt;县域视频网络桌面客户端：县级指挥中心、乡镇平台和村居平台。&lt;/p&gt;&lt;p&gt;自由软件，依据 GNU GPL 第 3 版或更新版本发布。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="383" />
      <source>Loading the inventory…</source>
      <translation>正在加载资源…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="400" />
      <source>Cameras online: {online} / {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="413" />
      <source>Loading cameras: {done} of {total}</source>
      <translation>正在加载摄像机：{done} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="434" />
      <source>Could not load the inventory: {message}</source>
      <translation>无法加载资源：{message}</translation>
    </message>
  </context>
  <context>
    <name>PlatformError</name>
    <message>
      <location filename="../../controlroom/api/errors.py" line="57" />
      <source>The platform refused the user name or password, or the session expired.</source>
      <translation>平台拒绝了用户名或密码，或会话已过期。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="59" />
      <source>This is outside what your account may see or do.</source>
      <translation>这超出了您的账号可查看或操作的范围。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="61" />
      <source>The platform does not know this item.</source>
      <translation>平台上没有此项。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="63" />
      <source>The platform had an internal error (HTTP %1).</source>
      <translation>平台内部错误（HTTP %1）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="64" />
      <source>The platform refused the request (HTTP %1).</source>
      <translation>平台拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="68" />
      <source>The platform cannot be reached.</source>
      <translation>无法连接到平台。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="72" />
      <source>The platform's certificate could not be verified.</source>
      <translation>无法验证平台的证书。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/errors.py" line="76" />
      <source>The platform sent data that ControlRoom cannot read: %1.</source>
      <translation>平台发送的数据 ControlRoom 无法读取：%1。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="69" />
      <source>The CA bundle could not be read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="90" />
      <source>A platform address must start with http:// or https://.</source>
      <translation>平台地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="137" />
      <location filename="../../controlroom/api/client.py" line="148" />
      <source>Not logged in.</source>
      <translation>尚未登录。</translation>
    </message>
  </context>
  <context>
    <name>PluginContext</name>
    <message>
      <location filename="../../controlroom/plugin_api.py" line="313" />
      <source>{plugin}: {message}</source>
      <extracomment>The version of this API. A plugin's ``API_VERSION`` must have the same major number and a minor number no greater than this one's: minor versions only add to the API, a major version may change or remove. The plugin's id: the entry point's name (lower case, letters, digits, ``_``). English title for the plugins dialog and menus; mark it for translation with ``QT_TRANSLATE_NOOP(TR_CONTEXT, "...")`` so lupdate finds it. The context its strings are translated in (``title()``, ``PluginContext.tr``). The plugin API version it was written for: required, (major, minor). Plugins that must be loaded first; when one is missing this one does not load. Plugins used when they are there (loaded first then); missing is fine. Its settings, declared once: stored under ``plugins.&lt;NAME&gt;.&lt;key&gt;``, typed on load. The platform connection: ``session.client`` (PlatformClient), ``session.inventory`` (Inventory), ``session.user``, ``session.on_events``. The wall controller (``controlroom.wall.controller.WallController``), or None while the window has no wall. This plugin's settings section: ``get(key)``, ``set(key, value)``, ``on_change``. Logger ``controlroom.plugins.&lt;name&gt;``.</extracomment>
      <translation>{plugin}：{message}</translation>
    </message>
  </context>
  <context>
    <name>PluginHost</name>
    <message>
      <location filename="../../ui/plugin_host.py" line="68" />
      <source>&amp;Plugins</source>
      <extracomment>How long a plugin's problem stays in the status bar (ms). (plugin name, message in words) for each problem a plugin reports or has</extracomment>
      <translation>插件(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/plugin_host.py" line="70" />
      <source>Plugins…</source>
      <translation>插件…</translation>
    </message>
  </context>
  <context>
    <name>PluginManager</name>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="186" />
      <source>another plugin is installed under the same name ({other}); only that one is used</source>
      <translation>已安装同名的另一个插件（{other}），只使用那一个</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="201" />
      <source>its requirements form a cycle: {cycle}</source>
      <translation>其依赖形成循环：{cycle}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="240" />
      <location filename="../../controlroom/plugins_loader.py" line="326" />
      <source>requires “{name}”, which is disabled</source>
      <translation>依赖“{name}”，但它已关闭</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="265" />
      <source>could not be imported: {error}</source>
      <translation>无法导入：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="269" />
      <source>{target} is not a ControlRoom plugin (a subclass of controlroom.plugin_api.Plugin)</source>
      <translation>{target} 不是 ControlRoom 插件（须为 controlroom.plugin_api.Plugin 的子类）</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="275" />
      <source>its NAME is “{got}” but its entry point is named “{name}”: they must be the same</source>
      <translation>其 NAME 为“{got}”，但入口点名为“{name}”：两者必须相同</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="281" />
      <source>declares no API_VERSION; this ControlRoom has plugin API {have}</source>
      <translation>未声明 API_VERSION；本 ControlRoom 的插件接口版本为 {have}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="286" />
      <source>needs plugin API {wanted}; this ControlRoom has plugin API {have}</source>
      <translation>需要插件接口 {wanted}；本 ControlRoom 的插件接口版本为 {have}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="324" />
      <source>requires “{name}”, which is not installed</source>
      <translation>依赖“{name}”，但它未安装</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="328" />
      <location filename="../../controlroom/plugins_loader.py" line="389" />
      <location filename="../../controlroom/plugins_loader.py" line="399" />
      <source>requires “{name}”, which failed</source>
      <translation>依赖“{name}”，但它已出错</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="330" />
      <source>requires “{name}”, which is not loaded</source>
      <translation>依赖“{name}”，但它未加载</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="343" />
      <source>its SETTINGS are invalid: {error}</source>
      <translation>其 SETTINGS 无效：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="365" />
      <source>failed to start: {error}</source>
      <translation>启动失败：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="397" />
      <source>stopped after an error in its {where}: {error}</source>
      <translation>因 {where} 出错而停止：{error}</translation>
    </message>
    <message>
      <location filename="../../controlroom/plugins_loader.py" line="412" />
      <source>Plugin “{name}” failed: {reason}</source>
      <translation>插件“{name}”出错：{reason}</translation>
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
      <translation>启用</translation>
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
      <location filename="../../ui/plugins_dialog.py" line="80" />
      <source>Not running</source>
      <translation>未运行</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="101" />
      <source>Turn “{name}” on or off</source>
      <translation>开启或关闭“{name}”</translation>
    </message>
    <message>
      <location filename="../../ui/plugins_dialog.py" line="102" />
      <source>{title} ({name})</source>
      <translation>{title}（{name}）</translation>
    </message>
  </context>
  <context>
    <name>ResourcePanel</name>
    <message>
      <location filename="../../ui/resource_panel.py" line="65" />
      <source>Search: camera or site name, GB id</source>
      <extracomment>a camera was activated (double-click or Enter): its GB id</extracomment>
      <translation>搜索：摄像机或站点名称、国标编码</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="67" />
      <source>Search cameras</source>
      <translation>搜索摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="68" />
      <source>Type part of a camera or site name, or of a 20-digit GB id. Esc clears.</source>
      <translation>输入摄像机或站点名称的一部分，或 20 位国标编码的一部分。按 Esc 清除。</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="83" />
      <source>Sites and cameras</source>
      <translation>站点与摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="123" />
      <source>{online} of {total} cameras online</source>
      <translation>{total} 路摄像机中 {online} 路在线</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="125" />
      <source>Nothing matches “{text}”</source>
      <translation>没有与“{text}”匹配的结果</translation>
    </message>
    <message>
      <location filename="../../ui/resource_panel.py" line="127" />
      <source>{cameras} cameras and {sites} sites match</source>
      <translation>匹配 {cameras} 路摄像机、{sites} 个站点</translation>
    </message>
  </context>
  <context>
    <name>ResourceTreeModel</name>
    <message>
      <location filename="../../ui/tree_model.py" line="69" />
      <source>village camera</source>
      <translation>村居摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="70" />
      <source>road camera</source>
      <translation>道路摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="71" />
      <source>checkpoint</source>
      <translation>卡口</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="72" />
      <source>social camera</source>
      <translation>社会面摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="79" />
      <source>county dispatch centre</source>
      <translation>县社会治安指挥中心</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="80" />
      <source>police-station platform</source>
      <translation>派出所指挥平台</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="81" />
      <source>police-office platform</source>
      <translation>中心警务室监控平台</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="82" />
      <source>village platform</source>
      <translation>村居监控平台</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="470" />
      <source>Name</source>
      <extracomment>the online/total totals of the whole tree changed: (online, total) a search was applied: (matching cameras, matching sites)</extracomment>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="472" />
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="474" />
      <source>Cameras online / cameras in total, for the site and every site below it</source>
      <translation>本站点及其下级站点的在线摄像机数 / 摄像机总数</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="492" />
      <location filename="../../ui/tree_model.py" line="537" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="537" />
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="540" />
      <location filename="../../ui/tree_model.py" line="557" />
      <source>GB id: {id}</source>
      <translation>国标编码：{id}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="541" />
      <source>Kind: {kind}</source>
      <translation>类型：{kind}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="542" />
      <source>State: {state}</source>
      <translation>状态：{state}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="545" />
      <source>PTZ control</source>
      <translation>可云台控制</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="547" />
      <source>Tags: {tags}</source>
      <translation>标签：{tags}</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="554" />
      <source>platform online</source>
      <translation>平台在线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="554" />
      <source>platform offline</source>
      <translation>平台离线</translation>
    </message>
    <message>
      <location filename="../../ui/tree_model.py" line="560" />
      <source>Cameras online: {online} of {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
  </context>
  <context>
    <name>Role</name>
    <message>
      <location filename="../../ui/main_window.py" line="73" />
      <source>County dispatcher</source>
      <translation>县级调度员</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="74" />
      <source>Town desk</source>
      <translation>乡镇值班台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="75" />
      <source>Presenter (view only)</source>
      <translation>会议展示（仅查看）</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="86" />
      <source>Whole county</source>
      <translation>全县</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="87" />
      <source>Towns: {towns}</source>
      <translation>乡镇：{towns}</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <location filename="../../controlroom/session.py" line="84" />
      <source>loading the inventory</source>
      <translation>正在加载资源</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <location filename="../../controlroom/settings.py" line="83" />
      <source>expected true or false, found {value}</source>
      <extracomment>``MIGRATIONS[n]`` turns the file's data at schema version ``n`` into ``n + 1`` (rename a setting, change a unit). Each one stays here for ever.</extracomment>
      <translation>应为 true 或 false，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="88" />
      <source>expected a whole number</source>
      <translation>应为整数</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="88" />
      <source>expected a number</source>
      <translation>应为数字</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="90" />
      <source>{expected} or "auto"</source>
      <translation>{expected}或 "auto"</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="91" />
      <source>{expected}, found {value}</source>
      <translation>{expected}，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="93" />
      <source>{value} is below the minimum {minimum}</source>
      <translation>{value} 低于最小值 {minimum}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="96" />
      <source>{value} is above the maximum {maximum}</source>
      <translation>{value} 高于最大值 {maximum}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="101" />
      <source>expected text, found {value}</source>
      <translation>应为文本，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="106" />
      <source>expected a list of text, found {value}</source>
      <translation>应为文本列表，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="113" />
      <source>{value} is not one of: {choices}</source>
      <translation>{value} 不是以下之一：{choices}</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="211" />
      <source>Setting “{name}”: {why}; using the default ({default}).</source>
      <extracomment>Every application setting, declared once. Plugins' settings are added under ``plugins.&lt;name&gt;.`` when they load (``Settings.register``). True when the file must not be written (a newer version, unreadable)</extracomment>
      <translation>设置“{name}”：{why}；改用默认值（{default}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="333" />
      <source>The settings file could not be read and was set aside as {path}; ControlRoom starts with the default settings.</source>
      <translation>无法读取设置文件，已将其另存为 {path}；ControlRoom 使用默认设置启动。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="336" />
      <source>The settings file is from a newer ControlRoom or cannot be read; it is used read-only and changes will not be saved ({detail}).</source>
      <translation>设置文件来自更新版本的 ControlRoom 或无法读取；将以只读方式使用，更改不会保存（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../controlroom/settings.py" line="338" />
      <source>The settings file has a problem: {detail}</source>
      <translation>设置文件有问题：{detail}</translation>
    </message>
  </context>
  <context>
    <name>WallPlaceholder</name>
    <message>
      <location filename="../../ui/main_window.py" line="136" />
      <source>Video wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="139" />
      <source>The video wall is not part of this build yet. Browse and search the sites and cameras in the panel on the left.</source>
      <translation>本版本尚未包含视频墙。请在左侧面板中浏览和搜索站点与摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="162" />
      <source>County dispatch centre</source>
      <translation>县级指挥中心</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="163" />
      <source>Town platforms</source>
      <translation>乡镇平台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="164" />
      <source>Village platforms</source>
      <translation>村居平台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="165" />
      <source>Cameras</source>
      <translation>摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="166" />
      <source>Cameras online</source>
      <translation>在线摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="167" />
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="210" />
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="213" />
      <source>Signed in as {name} ({username}) — {role}</source>
      <translation>当前用户：{name}（{username}）— {role}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="215" />
      <source>Sees: {scope}</source>
      <translation>可见范围：{scope}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="216" />
      <source>Platform: {url}</source>
      <translation>平台：{url}</translation>
    </message>
  </context>
</TS>