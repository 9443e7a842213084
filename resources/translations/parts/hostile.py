"""Chinese for issue 10's hardening (branch hostile): limits, skipped records, refused stream URLs."""

ZH: dict[str, str] = {
    # main window: the inventory load
    "Left out {n} record(s) the platform sent in a form ControlRoom cannot read; the rest loaded. First: {first}":
        "平台发送的 {n} 条记录格式无法读取，已略过；其余已加载。首条：{first}",
    "Loading cameras: {done} received": "正在加载摄像机：已收到 {done} 个",
    "record {n}": "第 {n} 条记录",
    "{id}: {reason}": "{id}：{reason}",
    # platform errors
    "The platform did not answer within %1 s (%2).": "平台未在 %1 秒内应答（%2）。",
    "The platform offers more than %1 items for %2; ControlRoom takes at most that many.":
        "平台为 %2 提供的条目超过 %1 个；ControlRoom 最多只接收这么多。",
    "The platform sent more than %1 MB for %2.": "平台为 %2 发送的数据超过 %1 MB。",
    # settings
    "Largest answer the platform may send for one request, in MB; a longer one is cut off and reported.":
        "平台对单个请求的应答上限（MB）；超出部分会被截断并报告。",
    "Longest a platform request may take from start to the last byte, in seconds; a slower one is cut off and reported.":
        "平台请求从开始到最后一个字节的最长时间（秒）；更慢的请求会被中断并报告。",
    "Platform": "平台",
    # refused stream URLs
    "Refused: the platform gave a URL that is not a network stream.": "已拒绝：平台给出的地址不是网络视频流。",
    "Refused: the platform gave a local-file URL.": "已拒绝：平台给出的是本地文件地址。",
    "Refused: the platform gave a malformed stream URL.": "已拒绝：平台给出的视频流地址格式错误。",
    "Refused: the platform gave a player-internal URL.": "已拒绝：平台给出的是播放器内部地址。",
    "Refused: the platform gave the URL of a local device or of the screen.": "已拒绝：平台给出的是本地设备或屏幕的地址。",
}
