"""zh_CN for logs and crash reports (ui/crash_dialog.py, the log.level setting): merged by fill_zh_CN.py."""

ZH: dict[str, str] = {
    # the crash dialog
    "ControlRoom: unexpected error": "ControlRoom：意外错误",
    "Something went wrong inside ControlRoom: {error}": "ControlRoom 内部出现错误：{error}",
    "It happened in a background task ({thread}).": "错误发生在后台任务中（{thread}）。",
    "It happened while ControlRoom was talking to the platform or running a background task.":
        "错误发生在 ControlRoom 与平台通信或运行后台任务时。",
    "It happened while the window was handling an event.": "错误发生在窗口处理事件时。",
    "{where} ControlRoom keeps running, but what it was doing at that moment may not have finished. "
    "If something looks wrong, restart ControlRoom.":
        "{where}ControlRoom 会继续运行，但出错时正在进行的操作可能没有完成。如有异常，请重新启动 ControlRoom。",
    "Please click “Copy report” and send the report to your support contact, with a word on what you were doing. "
    "The report holds the versions, this computer's check and the last log lines; passwords and tokens are masked.":
        "请点击“复制报告”，把报告发给技术支持人员，并简单说明当时在做什么。"
        "报告包含版本信息、本机检查结果和最近的日志；密码和令牌均已隐去。",
    "Log file: {path}": "日志文件：{path}",
    "No log file is written on this computer.": "本机没有写入日志文件。",
    "Copy report": "复制报告",
    "Open log folder": "打开日志文件夹",
    "Quit ControlRoom": "退出 ControlRoom",
    "Continue": "继续",
    "{n} more errors since this one; they are in the log and in the report.":
        "此后又发生了 {n} 个错误；均已记入日志和报告。",
    "The report is on the clipboard ({n} lines): paste it into a message to support.":
        "报告已复制到剪贴板（{n} 行）：请粘贴到发给技术支持的消息中。",
    # the log.level setting
    "Log": "日志",
    "How much goes into the log file: debug also records libVLC's own detail (large); "
    "--debug on the command line forces debug.":
        "日志文件记录的详细程度：debug 还会记录 libVLC 自身的详细信息（文件较大）；命令行参数 --debug 强制使用 debug。",
}
