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
      <location filename="../../ui/main_window.py" line="114" />
      <source>{state}: {detail}</source>
      <translation>{state}：{detail}</translation>
    </message>
  </context>
  <context>
    <name>ConnectionState</name>
    <message>
      <location filename="../../ui/main_window.py" line="50" />
      <source>Disconnected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="51" />
      <source>Connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="52" />
      <source>Loading inventory</source>
      <translation>正在加载资源</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="53" />
      <source>Connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="54" />
      <source>Reconnecting</source>
      <translation>正在重新连接</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="55" />
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
      <location filename="../../ui/main_window.py" line="272" />
      <source>not signed in</source>
      <extracomment>the operator asked to log out (the app closes the session and shows the login again)</extracomment>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="273" />
      <source>ControlRoom — {user} @ {host}</source>
      <translation>ControlRoom — {user} @ {host}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="279" />
      <source>Sites and cameras</source>
      <translation>站点与摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="299" />
      <source>Cameras %v of %m</source>
      <translation>摄像机 %v / %m</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="310" />
      <source>{name} · {role}</source>
      <translation>{name} · {role}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="325" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="326" />
      <source>Log &amp;out</source>
      <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="330" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="335" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="336" />
      <source>&amp;Find camera…</source>
      <translation>查找摄像机(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="342" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="343" />
      <source>&amp;About ControlRoom</source>
      <translation>关于 ControlRoom(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="354" />
      <source>About ControlRoom</source>
      <translation>关于 ControlRoom</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="356" />
      <source>&lt;h3&gt;ControlRoom {version}&lt;/h3&gt;&lt;p&gt;Desktop client for county video networks: the county dispatch centre, town platforms and village platforms.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;ControlRoom {version}&lt;/h3&gt;&lt;p&gt;县域视频网络桌面客户端：县级指挥中心、乡镇平台和村居平台。&lt;/p&gt;&lt;p&gt;自由软件，依据 GNU GPL 第 3 版或更新版本发布。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="379" />
      <source>Loading the inventory…</source>
      <translation>正在加载资源…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="396" />
      <source>Cameras online: {online} / {total}</source>
      <translation>在线摄像机：{online} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="409" />
      <source>Loading cameras: {done} of {total}</source>
      <translation>正在加载摄像机：{done} / {total}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="430" />
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
      <location filename="../../controlroom/api/client.py" line="84" />
      <source>A platform address must start with http:// or https://.</source>
      <translation>平台地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
      <location filename="../../controlroom/api/client.py" line="131" />
      <location filename="../../controlroom/api/client.py" line="142" />
      <source>Not logged in.</source>
      <translation>尚未登录。</translation>
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
      <location filename="../../ui/main_window.py" line="72" />
      <source>County dispatcher</source>
      <translation>县级调度员</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="73" />
      <source>Town desk</source>
      <translation>乡镇值班台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="74" />
      <source>Presenter (view only)</source>
      <translation>会议展示（仅查看）</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="85" />
      <source>Whole county</source>
      <translation>全县</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="86" />
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
    <name>WallPlaceholder</name>
    <message>
      <location filename="../../ui/main_window.py" line="135" />
      <source>Video wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="138" />
      <source>The video wall is not part of this build yet. Browse and search the sites and cameras in the panel on the left.</source>
      <translation>本版本尚未包含视频墙。请在左侧面板中浏览和搜索站点与摄像机。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="161" />
      <source>County dispatch centre</source>
      <translation>县级指挥中心</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="162" />
      <source>Town platforms</source>
      <translation>乡镇平台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="163" />
      <source>Village platforms</source>
      <translation>村居平台</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="164" />
      <source>Cameras</source>
      <translation>摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="165" />
      <source>Cameras online</source>
      <translation>在线摄像机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="166" />
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="209" />
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="212" />
      <source>Signed in as {name} ({username}) — {role}</source>
      <translation>当前用户：{name}（{username}）— {role}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="214" />
      <source>Sees: {scope}</source>
      <translation>可见范围：{scope}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="215" />
      <source>Platform: {url}</source>
      <translation>平台：{url}</translation>
    </message>
  </context>
</TS>