"""Chinese for the grid board and the grid map (contexts Grids, GridMap, GridBoard, Plugins)."""

ZH: dict[str, str] = {
    # statuses, in words (context Grids)
    "Normal": "正常",
    "Attention": "关注",
    "Incident": "事件处置中",
    "No coverage": "无监控覆盖",
    "stale {n} s": "已过时 {n} 秒",
    "stale {n} min": "已过时 {n} 分钟",
    "stale {n} h": "已过时 {n} 小时",
    "There is no video wall in this window.": "此窗口没有电视墙。",
    "{grid} has no cameras.": "{grid} 没有摄像机。",
    "Incident wall for {grid} and {n} neighbouring grids: {shown} cameras on a {tiles}-tile view.":
        "{grid} 及相邻 {n} 个网格的事件墙：{shown} 路摄像机，{tiles} 画面。",
    "{grid}: {shown} cameras on a {tiles}-tile view.": "{grid}：{shown} 路摄像机，{tiles} 画面。",
    "{n} more did not fit (at most {max} tiles).": "另有 {n} 路放不下（最多 {max} 画面）。",
    # plugins
    "Grid map": "网格地图",
    "Grid board": "网格看板",
    "Could not fetch the recent alerts: {error}": "无法获取近期告警：{error}",
    # the map
    "Whole county": "全县",
    "Zoom out to every grid": "缩小以显示全部网格",
    "Hover over a grid for its details; click it to put its cameras on the wall; right-click for an incident wall.":
        "悬停网格查看详情；单击将其摄像机上墙；右键组建事件墙。",
    "Town {n}": "{n} 号镇",
    "● cameras online  ● offline": "● 摄像机在线  ● 离线",
    "Zoom in to see the cameras": "放大后显示摄像机",
    "Grid statuses {age}: the live event stream dropped; reconnecting…": "网格状态{age}：实时事件流中断，正在重新连接…",
    "Status: {status}": "状态：{status}",
    "({age}: as last known)": "（{age}：最后已知状态）",
    "Cameras online: {online} of {total}": "在线摄像机：{online} / {total}",
    "Members: {members}": "成员：{members}",
    "none": "无",
    "Patrol on duty: {n}": "在岗巡逻：{n}",
    "Put this grid's cameras on the wall": "将此网格的摄像机上墙",
    "Incident wall: this grid and its neighbours": "事件墙：此网格及相邻网格",
    # the board
    "Grids by status, per town": "各镇网格状态",
    "Cameras online (%)": "摄像机在线率（%）",
    "Alerts per hour (last 24 h)": "每小时告警数（近 24 小时）",
    "grids": "网格数",
    "Grid:": "网格：",
    "Grids in incident, then grids needing attention": "事件处置中的网格，其次是需关注的网格",
    "Incident wall": "事件墙",
    "Put this grid's cameras and its neighbours' on the wall": "将此网格及相邻网格的摄像机上墙",
    "Updated {time}": "更新于 {time}",
    "County": "县级",
}
