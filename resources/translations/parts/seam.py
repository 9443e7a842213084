"""zh_CN for the backend seam: the app on every backend (session, login dialog, capabilities in the UI)."""

ZH: dict[str, str] = {
    # plugins/alerts
    "This platform does not take acknowledgements: its alarms are shown only.": "此平台不接受确认：其报警仅供查看。",
    # ui/login_dialog.py
    "ControlRoom platform (API v1)": "ControlRoom 平台（API v1）",
    "wvp-GB28181-pro (GB/T 28181)": "wvp-GB28181-pro（GB/T 28181）",
    "Camera file (.toml)": "摄像机文件（.toml）",
    "Platform type:": "平台类型：",
    "wvp+http://wvp.example:18080": "wvp+http://wvp.example:18080",
    "/path/to/cameras.toml": "/路径/cameras.toml",
    "A camera file needs no user name or password.": "摄像机文件无需用户名和密码。",
    # ui/main_window.py
    "This platform has no community grids (网格): browse by site.": "此平台没有网格：请按站点浏览。",
    "{n} records left out; first: {first}": "有 {n} 条记录未载入；第一条：{first}",
    # controlroom/plugins_loader.py
    "grids": "网格",
    "live updates": "实时推送",
    "alerts": "报警",
    "alert acknowledgement": "报警确认",
    "conferences": "视频会议",
    "PTZ control": "云台控制",
    "playback": "录像回放",
    "requires “{name}”, which this platform does not offer": "需要“{name}”，此平台不提供",
    "not offered by this platform ({what})": "此平台不提供（{what}）",
    # ui/plugins_dialog.py
    "Not available: {reason}": "不可用：{reason}",
    # controlroom/settings.py
    "How often to ask a platform without live push (wvp-GB28181-pro) for camera states and alarms, in seconds.":
        "对没有实时推送的平台（wvp-GB28181-pro）查询摄像机状态和报警的间隔，单位为秒。",
    "Poll a platform without push every": "无推送平台的查询间隔",
}
