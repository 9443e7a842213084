"""zh_CN for roles in sight (issue 13): who is logged in, and why an action is off (controlroom/permissions.py)."""

ZH: dict[str, str] = {
    # controlroom/permissions.py: actions, as "… may not {what}"
    "acknowledge alerts": "确认报警",
    "steer cameras": "控制云台",
    "save camera presets": "保存预置位",
    "play back recordings": "回放录像",
    "export recordings": "导出录像",
    "add bookmarks": "添加书签",
    "delete bookmarks": "删除书签",
    "send to the meeting displays": "向会商大屏推送",
    "see the operator audit trail": "查看操作审计记录",
    "speak in a conference": "在会议中发言",
    "use a microphone in a conference": "在会议中使用麦克风",
    "mute other participants": "将其他参会方静音",
    "change the shared views": "修改共享视图",
    # controlroom/permissions.py: reasons
    "This platform does not steer cameras.": "此平台不支持云台控制。",
    "This platform offers no recordings.": "此平台不提供录像。",
    "This platform drives no meeting displays.": "此平台不管理会商大屏。",
    "This platform keeps no operator audit trail.": "此平台不保存操作审计记录。",
    "This platform has no video conference.": "此平台没有视频会议。",
    "This platform does not offer that ({what}).": "此平台不提供此功能（{what}）。",
    "Not signed in.": "未登录。",
    "This login is a presenter (view only): it may not {what}.": "此账号为演示账号（只能观看），不能{what}。",
    "Only the conference's chair (the county dispatch) mutes others; you may mute only yourself.":
        "只有会议主持方（县指挥中心）可以将他人静音；您只能将自己静音。",
    "Only the county dispatch may {what}; a town desk works on its own town.":
        "只有县指挥中心可以{what}；乡镇值班台只处理本镇事务。",
    "The platform lets this login view only: it may not {what}.": "平台只允许此账号观看，不能{what}。",
    "Only the bookmark's author or a county dispatcher may delete it.": "只有书签的创建者或县指挥中心调度员可以删除它。",
    "Only the conference's chair mutes others; you may mute only yourself.": "只有会议主持人可以将他人静音；您只能将自己静音。",
    # controlroom/identity.py
    "not signed in": "未登录",
    "WVP admin": "WVP 管理员",
    "whole platform": "整个平台",
    "camera file": "摄像机文件",
    "every camera in the file": "文件中的全部摄像机",
    "presenter": "演示端",
    "view only": "只能观看",
    "county dispatch": "县指挥中心",
    "town desk": "乡镇值班台",
    "whole county": "全县",
    "no town": "无乡镇",
    ", ": "、",
    "{towns} and {n} more": "{towns}等（另有 {n} 个）",
    "{towns} only": "仅{towns}",
    "{scope}, view only": "{scope}，只能观看",
    "town {n}": "{n} 号乡镇",
    # ui/identity.py
    "API v1 platform": "API v1 平台",
    "wvp-GB28181-pro": "wvp-GB28181-pro",
    "User name: {username}": "用户名：{username}",
    "Platform: {backend} at {url}": "平台：{backend}，地址 {url}",
    # plugins/conference
    "Ask the chair for the floor": "向主持人申请发言",
}
