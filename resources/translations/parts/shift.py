"""Chinese for the presenter screens and the keyboard (branch shift): focus keys, the shortcut list, quitting."""

ZH: dict[str, str] = {
    # conference: mute toggle, meeting display
    "Full screen on the chosen screen; Esc there brings it back to a window": "在所选屏幕上全屏显示；在该屏幕上按 Esc 返回窗口",
    "Your own microphone (select a participant for theirs)": "本席位的麦克风（选择参会者可操作其麦克风）",
    "The selected participant's microphone": "所选参会者的麦克风",
    "Closing this window leaves the meeting": "关闭此窗口即退出会议",
    "On the meeting display. Esc there, or Back to a window, brings it back.": "已在会议显示屏上。在该屏幕上按 Esc 或点击“返回窗口”即可恢复。",
    # resource panel
    "Not in “{status}”: showing every status.": "“{status}”中没有匹配项：已显示全部状态。",
    # keys
    "Next pane": "下一个面板",
    "Previous pane": "上一个面板",
    "Go to the sites and cameras": "转到站点和摄像机",
    "Go to the wall": "转到视频墙",
    "Go to the alerts": "转到告警",
    "&Go to": "转到(&G)",
    "Snapshot of the selected tile": "所选窗格截图",
    "&Keyboard shortcuts": "键盘快捷键(&K)",
    "The alerts pane is turned off (Plugins → Plugins…).": "告警面板已关闭（插件 → 插件…）。",
    "Select a tile first: its picture is saved.": "请先选择一个窗格：将保存其画面。",
    # shortcut list
    "Keyboard shortcuts": "键盘快捷键",
    "Action": "操作",
    "Keys": "按键",
    "Menu": "菜单",
    "Search actions or keys": "搜索操作或按键",
    # quitting
    "Quit ControlRoom": "退出 ControlRoom",
    "Quit ControlRoom?": "要退出 ControlRoom 吗？",
    "The wall stops: {n} tiles are playing.": "视频墙将停止：{n} 个窗格正在播放。",
    "This desk stops watching the platform.": "本席位将停止监看平台。",
    "Do not ask again": "不再询问",
    "Ask before quitting (File → Quit, Ctrl+Q, the window's close button): a desk's wall stops when it quits.":
        "退出前询问（文件 → 退出、Ctrl+Q、窗口的关闭按钮）：退出时席位的视频墙会停止。",
}
