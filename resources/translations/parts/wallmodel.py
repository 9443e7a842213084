"""Chinese for the wall history, incident wall, views per user and the alerts pane's stability (issue 9 items 3, 4, 8)."""

ZH: dict[str, str] = {
    # alerts
    "Acknowledging in {s} s… Undo": "{s} 秒后确认… 撤销",
    "Acknowledgement undone: {n}": "已撤销确认：{n} 条",
    "Undo acknowledging {n} ({s} s)": "撤销确认 {n} 条（{s} 秒）",
    "{acknowledged}: {note}": "{acknowledged}：{note}",
    "New alerts wait here while you work in the list; click to show them": "您在列表中操作时新告警在此等候；点击显示",
    "Note (optional)": "备注（可选）",
    "Sent with the acknowledgement; every desk sees it": "随确认一并发送，各席位均可看到",
    "Undo": "撤销",
    "Take back the acknowledgements not sent yet": "撤回尚未发送的确认",
    "{n} new ↑": "{n} 条新告警 ↑",
    "{n} new ↑ ({c} critical)": "{n} 条新告警 ↑（{c} 条紧急）",
    # grid map
    "Your town": "本镇",
    "Zoom to the grids of your town": "缩放到本镇的网格",
    "{grid} and {n} neighbouring grids": "{grid} 及相邻 {n} 个网格",
    # incident wall, views, undo
    "Back to your own wall as you left it (Esc on the wall, Alt+Left)": "回到您离开时的电视墙（在电视墙上按 Esc，或 Alt+左箭头）",
    "Incident wall: {title}. Your view is kept.": "事件墙：{title}。您的视图已保留。",
    "Back to “{view}”": "回到“{view}”",
    "Back to your wall": "回到您的电视墙",
    "Re&vert view": "还原视图(&V)",
    "Back to the view as it was saved": "回到保存时的视图",
    "Incident: {title}": "事件：{title}",
    "“{name}” is modified: Save (Ctrl+S) keeps the changes, Revert goes back to the saved view":
        "“{name}”已修改：保存（Ctrl+S）保留更改，还原则回到已保存的视图",
    "This camera is outside your town: this account may not watch it.": "该摄像机不在本镇范围内：此账号无权查看。",
    "&Undo wall change": "撤销电视墙更改(&U)",
    "&Redo wall change": "重做电视墙更改(&R)",
    "&Back to your view": "回到您的视图(&B)",
    "Leave the incident wall: your own wall comes back as you left it (Esc)": "离开事件墙：您的电视墙恢复为离开时的样子（Esc）",
    "&Back to “{view}”": "回到“{view}”(&B)",
    "&Back to your wall": "回到您的电视墙(&B)",
    "Saved views of this account on this platform: {names}": "此账号在本平台保存的视图：{names}",
    "This account has no saved views on this platform yet.": "此账号在本平台尚无保存的视图。",
    "View not found": "未找到视图",
}
