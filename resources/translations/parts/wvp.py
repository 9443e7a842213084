"""zh_CN for the wvp-GB28181-pro backend and platform addresses (controlroom/backends/wvp.py, address.py)."""

ZH: dict[str, str] = {
    # controlroom/backends/address.py
    "This is not a platform address: use http(s)://host for ControlRoom's API, "
    "wvp+http(s)://host:port for wvp-GB28181-pro, or a path to a .toml camera file.":
        "这不是平台地址：ControlRoom 接口请用 http(s)://主机，wvp-GB28181-pro 请用 wvp+http(s)://主机:端口，"
        "摄像机文件请用 .toml 文件的路径。",
    # controlroom/backends/base.py (the seam)
    "This platform does not offer that ({what}).": "此平台不提供该功能（{what}）。",
    # controlroom/backends/wvp.py
    "The camera sent no video to the platform in time: it may be offline, or its network too slow.":
        "摄像机未能及时向平台发送视频：它可能已离线，或网络太慢。",
    "The camera's device did not answer the platform (signalling timeout).": "摄像机所属设备未应答平台（信令超时）。",
    "The platform's media server has no room for another stream.": "平台的流媒体服务器已无法再承载新的视频流。",
    "The platform could not start the stream.": "平台无法启动该视频流。",
    "The platform asks to log in again.": "平台要求重新登录。",
    "The platform did not accept the request's parameters.": "平台不接受该请求的参数。",
    "The platform or the camera's device did not answer in time.": "平台或摄像机所属设备未及时应答。",
    "The platform had an internal error.": "平台内部出错。",
    "The platform refused the request.": "平台拒绝了该请求。",
    "A WVP address must look like wvp+http://host:port.": "WVP 地址的格式应为 wvp+http://主机:端口。",
    "The platform refused the user name or password.": "平台拒绝了用户名或密码。",
    "Not logged in to the platform.": "尚未登录平台。",
    "The connection to the platform is closed.": "与平台的连接已关闭。",
    "Channels without a region": "未归属行政区划的通道",
    "This stream was already closed.": "该视频流已关闭。",
    "The platform offers none of the transports ControlRoom can play here.":
        "平台提供的传输方式中没有 ControlRoom 在此可以播放的。",
    "This platform cannot do that camera movement (%1).": "此平台不支持该云台动作（%1）。",
}
