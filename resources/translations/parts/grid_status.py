"""Chinese for grid status on the wall's tiles and in the resource tree's grid mode (contexts GridStatus, GridBadge, GridTreeModel, ResourcePanel)."""

ZH: dict[str, str] = {
    # tooltips of a grid (tiles and tree)
    "Status: {status}": "状态：{status}",
    "({age}: as last known)": "（{age}：最后已知状态）",
    "Reason: {reason}": "原因：{reason}",
    "Cameras online: {online} of {total}": "在线摄像机：{online} / {total}",
    "Members: {n}": "成员：{n} 人",
    "Patrol on duty: {n}": "在岗巡逻：{n}",
    # the tile's badge
    "{age}: the live updates stopped; this is the last known status.": "{age}：实时更新已中断，此为最后已知状态。",
    # the grid tree
    "Town / grid": "乡镇 / 网格",
    "Status": "状态",
    "Status · {age}": "状态 · {age}",
    "Cameras online / cameras in total": "在线摄像机 / 摄像机总数",
    "The live updates stopped: statuses are the last known ones.": "实时更新已中断：显示的是最后已知状态。",
    "Grids: {n}": "网格：{n} 个",
    # the resource panel
    "Sites": "站点",
    "Grids": "网格",
    "Browse by site: county, towns, villages, cameras": "按站点浏览：县、乡镇、村居、摄像机",
    "Browse by community grid (网格): towns, grids and their status, cameras": "按网格浏览：乡镇、网格及其状态、摄像机",
    "Grid status filter": "网格状态筛选",
    "Show only the grids in this status; combines with the search": "只显示处于此状态的网格；可与搜索同时使用",
    "All statuses": "全部状态",
    "{incident} or {attention}": "{incident}或{attention}",
    "Grids and cameras": "网格与摄像机",
    "Search: grid, town or camera name, GB id": "搜索：网格、乡镇或摄像机名称、国标编码",
    "Grid statuses {age}: the live updates stopped; reconnecting…": "网格状态{age}：实时更新已中断，正在重新连接…",
    "No grid matches": "没有匹配的网格",
    "{grids} grids, {cameras} cameras shown": "显示 {grids} 个网格、{cameras} 路摄像机",
    "{grids} grids · {incident} · {attention}": "{grids} 个网格 · {incident} · {attention}",
    "{status} ({n})": "{status}（{n}）",
}
