"""Chinese for the labels of settings that came in beside the labelled Settings dialog."""

ZH: dict[str, str] = {
    "Log detail": "日志详细程度",
    "Ask before quitting": "退出前询问",
    "Largest answer": "最大应答",
    "Longest request": "最长请求时间",
    "MB": "MB",
    "s": "秒",
}
