"""Chinese for several monitors: wall windows, workspaces, screens coming and going (ui/workspaces.py, ui/wall_window.py)."""

ZH: dict[str, str] = {
    "ControlRoom wall {n} — {view}": "ControlRoom 电视墙 {n} — {view}",
    "ControlRoom wall {n}": "ControlRoom 电视墙 {n}",
    "{name} ({w}×{h} at {x}, {y})": "{name}（{w}×{h}，位于 {x}, {y}）",
    "The saved workspaces could not be read. The file was set aside as {path}; ControlRoom starts with this "
    "window only. Views, layouts and settings are not touched.":
        "无法读取已保存的工作区。该文件已另存为 {path}；ControlRoom 仅以本窗口启动。视图、布局和设置均未改动。",
    "The saved workspaces file {path} is kept as it is (a newer ControlRoom wrote it, or it cannot be read); "
    "workspaces you save now will not be written.":
        "已保存的工作区文件 {path} 保持原样（由更新版本的 ControlRoom 写入，或无法读取）；现在保存的工作区不会写入。",
    "&New wall window": "新建电视墙窗口(&N)",
    "Another video wall, for another screen (or drag a tile out)": "再开一面电视墙，用于另一块屏幕（或把窗格拖出窗口）",
    "&Save workspace": "保存工作区(&S)",
    "Keep these windows, their screens and walls; they open so at start": "保存这些窗口及其屏幕和电视墙；启动时按此打开",
    "Save workspace &as…": "工作区另存为(&A)…",
    "W&orkspaces": "工作区(&O)",
    "Full screen &on": "全屏显示于(&O)",
    "Full screen without &chrome on": "无边框全屏显示于(&C)",
    "That tile's camera is not in this session.": "该窗格的摄像机不在本次会话中。",
    "Save workspace as": "工作区另存为",
    "Workspace name:": "工作区名称：",
    "Control room": "指挥大厅",
    "The workspace could not be saved: {error}": "无法保存工作区：{error}",
    "Workspace “{name}” saved: {n} windows; it opens at the next start.": "工作区“{name}”已保存：{n} 个窗口；下次启动时按此打开。",
    "The workspaces could not be saved: {error}": "无法保存工作区：{error}",
    "The screen “{screen}” is not connected: “{window}” opens on “{here}” instead.":
        "屏幕“{screen}”未连接：“{window}”改在“{here}”上打开。",
    "Workspaces": "工作区",
    "No saved workspaces": "没有已保存的工作区",
    "Delete workspace “{name}”": "删除工作区“{name}”",
    "The screen “{screen}” was disconnected: “{window}” moved to “{here}”.": "屏幕“{screen}”已断开：“{window}”已移到“{here}”。",
    "The screen “{screen}” is back: “{window}” returned to it.": "屏幕“{screen}”已恢复：“{window}”已移回该屏幕。",
}
