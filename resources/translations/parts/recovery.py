"""Simplified Chinese for recovery, stream tickets and login throttling (branch recovery): merged by fill_zh_CN.py."""

ZH: dict[str, str] = {
    "Too many failed logins: the platform refuses more for a while.": "登录失败次数过多：平台暂时拒绝再次登录。",
    "The platform cannot be reached for a stream ticket; trying again.": "无法连接平台获取视频流票据，正在重试。",
    "The platform gave no stream to play: {raw}": "平台未提供可播放的视频流：{raw}",
}
