"""Chinese for the deskui work (issue 9 items 2, 5, 6, 10): tile names, settings labels and
units, the grid board's axes, snapshots, the wall's loading card."""

ZH: dict[str, str] = {
    # tiles: the full name on hover and in the status bar
    "{name} — {site}": "{name} — {site}",
    # settings: labels and units (context Settings)
    "Language": "界面语言",
    "Stream transports, best first": "视频传输方式（优先的在前）",
    "Network buffer": "网络缓冲",
    "ms": "毫秒",
    "Video output": "视频输出",
    "Bandwidth budget for the wall": "视频墙带宽预算",
    "kbit/s": "kbit/s",
    "Decode budget": "解码预算",
    "Mpx/s": "百万像素/秒",
    "Plugins turned off": "已关闭的插件",
    "No limit": "不限",
    "About {n} streams of 1080p at 25 fps.": "约合 {n} 路 1080p 25 帧视频。",
    # grid board: time formats for QLocale (QDateTime format strings)
    "HH:mm:ss": "HH:mm:ss",
    "HH:mm": "HH:mm",
    "MMM d": "M月d日",
    "MMM yyyy": "yyyy年M月",
    # snapshots
    "Taking a snapshot from the main stream…": "正在从主码流截图……",
    "(the main stream gave no picture: taken from the tile's stream)": "（主码流没有画面：改用窗格当前码流截图）",
    # the wall's stand-in while the inventory loads
    "Opening the video wall…": "正在打开视频墙……",
    "Loading the sites and cameras from the platform; the wall opens as soon as they are in.":
        "正在从平台加载站点和摄像机，加载完成后视频墙即会打开。",
    "The video wall could not open": "视频墙无法打开",
    "Log out and in again, or check the platform with “controlroom doctor”.":
        "请注销后重新登录，或用“controlroom doctor”检查平台。",
}
