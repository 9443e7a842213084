"""Simplified Chinese for playback, the platform side (issue 12: WVP playback): merged by fill_zh_CN.py."""

ZH: dict[str, str] = {
    "This playback has ended.": "此回放已结束。",
    "Playback speeds are 0.25x, 0.5x, 1x, 2x, 4x, 8x and 16x.": "回放倍速为 0.25x、0.5x、1x、2x、4x、8x 和 16x。",
    "A seek needs the time to go to.": "跳转需要指定目标时间。",
    "The platform cannot do that with a playback.": "平台无法对回放执行此操作。",
}
