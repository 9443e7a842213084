"""zh_CN for the static camera file backend (controlroom/backends/static_file.py): merged by fill_zh_CN.py."""

ZH: dict[str, str] = {
    # controlroom/backends/base.py (the seam; untranslated on this branch, wvp may add the same)
    "This platform does not offer that ({what}).": "此平台不提供该功能（{what}）。",
    "the URL is empty": "URL 为空",
    "the URL is longer than 2048 characters": "URL 超过 2048 个字符",
    "the URL contains spaces or control characters": "URL 含有空格或控制字符",
    "a camera URL must be a network address (rtsp://, http://...), not a local file":
        "摄像机 URL 必须是网络地址（rtsp://、http://……），不能是本地文件",
    "the URL scheme '{scheme}' is not allowed (use rtsp, rtsps, http, https)":
        "不允许使用 URL 协议“{scheme}”（请用 rtsp、rtsps、http、https）",
    "the URL has no host": "URL 没有主机",
    "the URL contains a user or password: put them in the keyring and name them with credential":
        "URL 中含有用户名或密码：请把它们存入密钥环，并用 credential 指明",
    "RTMP is not a transport ControlRoom plays: give the camera's RTSP, HTTP-TS, HTTP-FLV or HLS URL":
        "ControlRoom 不播放 RTMP：请填写摄像机的 RTSP、HTTP-TS、HTTP-FLV 或 HLS 地址",
    "cannot tell the transport of an HTTP URL: its path must end in .ts, .flv or .m3u8":
        "无法判断 HTTP URL 的传输方式：路径必须以 .ts、.flv 或 .m3u8 结尾",
    "'{key}' must be a non-empty text": "“{key}”必须是非空文本",
    "'{key}' is too long or contains control characters": "“{key}”过长或含有控制字符",
    "'location' must be [longitude, latitude] in degrees": "“location”必须是 [经度, 纬度]（单位：度）",
    "'id' must be 20 digits (a GB/T 28181 id)": "“id”必须是 20 位数字（GB/T 28181 编码）",
    " (did you mean '{key}'?)": "（是否应为“{key}”？）",
    "unknown key '{key}'": "未知的键“{key}”",
    "'{profile}' has no url": "“{profile}”没有 url",
    "'{profile}': {error}": "“{profile}”：{error}",
    "schema_version must be {version} (found {found})": "schema_version 必须为 {version}（实际为 {found}）",
    "'site' and 'camera' must be arrays of tables ([[site]], [[camera]])":
        "“site”和“camera”必须是表数组（[[site]]、[[camera]]）",
    "more than {n} entries: only the first {n} are read": "条目超过 {n} 个：只读取前 {n} 个",
    "a site must be a table": "站点必须是一个表",
    "another site already has the key '{key}'": "已有另一个站点使用键“{key}”",
    "site: {reason}": "站点：{reason}",
    "the parent '{parent}' is not a site in this file": "上级“{parent}”不是本文件中的站点",
    "the parents form a loop": "上级关系形成了循环",
    "its parent '{parent}' is a bad entry": "其上级“{parent}”是错误条目",
    "'online' must be true or false": "“online”必须是 true 或 false",
    "site '{key}': {reason}": "站点“{key}”：{reason}",
    "site '{key}': its id {id} is already used by site '{other}'": "站点“{key}”：其编码 {id} 已被站点“{other}”使用",
    "a camera must be a table": "摄像机必须是一个表",
    "'site' is missing": "缺少“site”",
    "the site '{site}' is not a (good) site in this file": "站点“{site}”不是本文件中的（有效）站点",
    "no URL: give 'main' and/or 'sub'": "没有 URL：请填写“main”和/或“sub”",
    "'ptz' must be true or false": "“ptz”必须是 true 或 false",
    "'kind' must be one of: {kinds}": "“kind”必须是以下之一：{kinds}",
    "'tags' must be a list of short texts": "“tags”必须是短文本列表",
    "the id {id} is already used by the camera at line {line}: give one of them another name or an 'id'":
        "编码 {id} 已被第 {line} 行的摄像机使用：请给其中一个改名或指定“id”",
    "camera '{name}': {reason}": "摄像机“{name}”：{reason}",
    "the file is larger than {mib} MiB": "文件大于 {mib} MiB",
    "cannot read the file: {error}": "无法读取文件：{error}",
    "the file is not UTF-8 (byte {pos})": "文件不是 UTF-8 编码（第 {pos} 字节）",
    "TOML syntax error: {error}": "TOML 语法错误：{error}",
    "The camera file names the credential '{name}', but this machine has no safe keyring to read it from.":
        "摄像机文件指定了凭据“{name}”，但本机没有可安全读取的密钥环。",
    "Could not read the keyring: {error}": "无法读取密钥环：{error}",
    "The camera file names the credential '{name}', but the keyring has no entry '{name}' (as user:password) "
    "under the service '{service}'. Store it with: keyring set {service} {name}":
        "摄像机文件指定了凭据“{name}”，但密钥环的服务“{service}”下没有条目“{name}”（格式为 用户名:密码）。"
        "请用以下命令保存：keyring set {service} {name}",
    "No safe keyring on this machine: camera credentials cannot be stored.": "本机没有安全的密钥环：无法保存摄像机凭据。",
    "The camera is no longer in the camera file.": "该摄像机已不在摄像机文件中。",
    "The camera file gives no '{profile}' URL for this camera.": "摄像机文件没有为该摄像机提供“{profile}”地址。",
    "This camera's '{profile}' stream is {transport}, which cannot be played here.":
        "该摄像机的“{profile}”码流是 {transport}，本机无法播放。",
}
