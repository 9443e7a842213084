"""Simplified Chinese for the operator audit trail (plugins/audit): merged by fill_zh_CN.py."""

ZH: dict[str, str] = {
    # the plugin and its dock
    "Audit trail": "操作日志",
    "Not signed in to a platform with an audit trail.": "未登录到有操作日志的平台。",
    "Only dispatchers read the audit trail: this account is a town desk.": "只有调度员可以查看操作日志：此账号为镇街席位。",
    "Only dispatchers read the audit trail: this account is view only.": "只有调度员可以查看操作日志：此账号只能查看视频。",
    "No camera is named like “{text}”.": "没有名称像“{text}”的摄像机。",
    "Several cameras are named like “{text}”: type more of the name, or its id.":
        "有多个摄像机名称像“{text}”：请输入更完整的名称或编号。",
    "Loading…": "正在加载…",
    "{shown} of {total} entries": "已显示 {shown} 条，共 {total} 条",
    "Export the audit trail": "导出操作日志",
    "CSV files (*.csv)": "CSV 文件 (*.csv)",
    "Exporting…": "正在导出…",
    "The audit trail could not be exported: {error}": "无法导出操作日志：{error}",
    "Saved {n} entries to {file}.": "已将 {n} 条记录保存到 {file}。",
    # actions
    "Logged in": "登录",
    "Logged out": "退出登录",
    "Opened camera": "打开摄像机",
    "Closed camera": "关闭摄像机",
    "Exported": "导出",
    "Acknowledged alert": "确认告警",
    "Moved PTZ camera": "转动云台",
    "Pushed to display": "推送到显示屏",
    "Reports lost": "记录丢失",
    "live": "实时",
    # columns and tooltips
    "User": "用户",
    "Workstation": "工作站",
    "Camera": "摄像机",
    "Mode": "方式",
    "Detail": "详情",
    "Happened {at}; stored by the platform {received} (reported by the {source})":
        "发生于 {at}；平台记录于 {received}（由{source}上报）",
    "workstation": "工作站",
    "platform": "平台",
    # the pane
    "Camera id or name": "摄像机编号或名称",
    "All actions": "全部操作",
    "Search": "查询",
    "Export CSV…": "导出 CSV…",
    "Save every entry that matches the filters as a CSV file (UTF-8; opens in Excel).":
        "将符合筛选条件的全部记录保存为 CSV 文件（UTF-8，可用 Excel 打开）。",
    "From": "从",
    "to": "至",
}
