"""Chinese for the video coordinator's structured player reasons (ui/video_words.py)."""

ZH: dict[str, str] = {
    "Attempt {n}.": "第 {n} 次尝试。",
    "The media server refused the session (401).": "媒体服务器拒绝了此会话（401）。",
    "This account may not watch this camera (403).": "此账号无权查看该摄像机（403）。",
    "The media server does not know this stream (404).": "媒体服务器上没有该视频流（404）。",
    "The platform offers no stream over the chosen transport: {raw}": "平台未提供所选传输方式的视频流：{raw}",
    "RTSP cannot be played on this computer: libVLC has no RTSP client and PyAV is missing.":
        "本机无法播放 RTSP：libVLC 没有 RTSP 客户端，且缺少 PyAV。",
    "This computer's libVLC cannot play {transport} streams.": "本机的 libVLC 无法播放 {transport} 视频流。",
    "The RTSP stream failed: {raw}": "RTSP 视频流出错：{raw}",
    "This tile is lent out.": "此窗格已借出。",
}
