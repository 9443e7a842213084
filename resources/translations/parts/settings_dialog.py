"""Chinese for the Settings dialog (context SettingsDialog), its menu entry (MainWindow), and the
descriptions of the declared settings (context Settings, marked in controlroom/settings.py)."""

ZH: dict[str, str] = {
    # the menu entry
    "&Settings…": "设置(&S)…",
    # the dialog
    "Settings": "设置",
    "Changes are saved as you make them.": "更改即时保存。",
    "The settings file cannot be written: changes last until ControlRoom closes.": "设置文件无法写入：更改仅在 ControlRoom 关闭前有效。",
    "General": "常规",
    "Video": "视频",
    "Plugin: {title}": "插件：{title}",
    "Reset to default": "恢复默认值",
    "Default: {value}": "默认值：{value}",
    "Not saved: {why}": "未保存：{why}",
    "Could not save the settings file: {why}": "无法保存设置文件：{why}",
    "Up": "上移",
    "Down": "下移",
    "none": "无",
    "on": "开",
    "off": "关",
    "empty": "空",
    "From {minimum} to {maximum}.": "范围：{minimum} 至 {maximum}。",
    "At least {minimum}.": "最小值：{minimum}。",
    "At most {maximum}.": "最大值：{maximum}。",
    # when a change takes effect
    "Takes effect at once.": "立即生效。",
    "Takes effect at once for each camera a tile opens next; tiles already playing keep their stream.":
        "对之后画面打开的每路摄像机立即生效；正在播放的画面保持当前码流。",
    "Takes effect when you next sign in (or restart ControlRoom).": "下次登录（或重启 ControlRoom）后生效。",
    "Takes effect when the plugin next starts (restart, or turn it off and on in Plugins…).":
        "插件下次启动时生效（重启，或在“插件…”中先关闭再启用）。",
    "Takes effect after ControlRoom restarts.": "重启 ControlRoom 后生效。",
    # the declared settings' descriptions (context Settings)
    "User-interface language; auto follows --lang, CONTROLROOM_LANG, then the system.":
        "界面语言；“自动”依次采用 --lang、CONTROLROOM_LANG，然后是系统语言。",
    "Transports to try for a camera, best first; one the local libVLC cannot play is skipped.":
        "摄像机尝试使用的传输方式，优先者在前；本机 libVLC 无法播放的会被跳过。",
    "libVLC network caching in milliseconds: more rides out jitter, less is closer to live.":
        "libVLC 网络缓存（毫秒）：越大越能抵抗网络抖动，越小越接近实时。",
    "libVLC video output; auto picks one per platform (xcb_x11 on Linux).":
        "libVLC 视频输出；“自动”按平台选择（Linux 上为 xcb_x11）。",
    "Total video bandwidth for the wall in kbit/s; 0 means no limit (smallest tiles go to sub first).":
        "视频墙的视频总带宽（kbit/s）；0 表示不限制（最小的画面先切换到子码流）。",
    "Decoded pixels per second the wall may ask for; auto measures this machine; over it the smallest tiles show key frames only.":
        "视频墙每秒可解码的像素数；“自动”按本机测算；超出时最小的画面只显示关键帧。",
    "Plugins (entry-point names) the operator turned off; they are not even imported.":
        "操作员关闭的插件（入口点名称）；这些插件根本不会被导入。",
}
