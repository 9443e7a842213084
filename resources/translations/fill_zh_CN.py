"""Fill controlroom_zh_CN.ts with the hand-written Simplified Chinese below.

Run after pyside6-lupdate (see README). Strings that the core translates
through a helper (``_tr(text)`` in controlroom/api/errors.py, client.py and
session.py) are invisible to lupdate, so their messages are added here by
context as well. A source string with no entry here stays "unfinished" and
is listed on stdout: translate it before a release.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("controlroom_zh_CN.ts")

ZH: dict[str, str] = {
    # App
    "unexpected error: {error}": "意外错误：{error}",
    # connection
    "{state}: {detail}": "{state}：{detail}",
    "Disconnected": "未连接",
    "Connecting": "正在连接",
    "Loading inventory": "正在加载资源",
    "Connected": "已连接",
    "Reconnecting": "正在重新连接",
    "Connection failed": "连接失败",
    # login
    "Log in to ControlRoom": "登录 ControlRoom",
    "Log in to a video platform": "登录视频平台",
    "https://platform.example:8443": "https://platform.example:8443",
    "Remember password": "记住密码",
    "Platform address:": "平台地址：",
    "User name:": "用户名：",
    "Password:": "密码：",
    "Log in": "登录",
    "Cancel": "取消",
    "Stored in the system keyring ({backend})": "保存在系统密钥环中（{backend}）",
    "No system keyring was found: passwords are kept for this session only.": "未找到系统密钥环：密码仅在本次会话中保留。",
    "Logging in…": "正在登录…",
    "Enter the platform address, for example https://platform.example:8443.": "请输入平台地址，例如 https://platform.example:8443。",
    "The platform address must start with http:// or https://, for example https://platform.example:8443.": "平台地址须以 http:// 或 https:// 开头，例如 https://platform.example:8443。",
    "Enter your user name.": "请输入用户名。",
    "Enter your password.": "请输入密码。",
    "Logging in failed unexpectedly: {error}": "登录时发生意外错误：{error}",
    # main window
    "not signed in": "未登录",
    "ControlRoom — {user} @ {host}": "ControlRoom — {user} @ {host}",
    "Sites and cameras": "站点与摄像机",
    "Cameras %v of %m": "摄像机 %v / %m",
    "{name} · {role}": "{name} · {role}",
    "&File": "文件(&F)",
    "Log &out": "退出登录(&O)",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "&Find camera…": "查找摄像机(&F)…",
    "&Help": "帮助(&H)",
    "&About ControlRoom": "关于 ControlRoom(&A)",
    "About ControlRoom": "关于 ControlRoom",
    "<h3>ControlRoom {version}</h3><p>Desktop client for county video networks: the county dispatch centre, town platforms and village platforms.</p><p>Free software under the GNU GPL, version 3 or later.</p>":
        "<h3>ControlRoom {version}</h3><p>县域视频网络桌面客户端：县级指挥中心、乡镇平台和村居平台。</p><p>自由软件，依据 GNU GPL 第 3 版或更新版本发布。</p>",
    "Cameras online: {online} / {total}": "在线摄像机：{online} / {total}",
    "Loading cameras: {done} of {total}": "正在加载摄像机：{done} / {total}",
    "Loading the inventory…": "正在加载资源…",
    "Could not load the inventory: {message}": "无法加载资源：{message}",
    # resource panel
    "Search: camera or site name, GB id": "搜索：摄像机或站点名称、国标编码",
    "Search cameras": "搜索摄像机",
    "Type part of a camera or site name, or of a 20-digit GB id. Esc clears.": "输入摄像机或站点名称的一部分，或 20 位国标编码的一部分。按 Esc 清除。",
    "{online} of {total} cameras online": "{total} 路摄像机中 {online} 路在线",
    "Nothing matches “{text}”": "没有与“{text}”匹配的结果",
    "{cameras} cameras and {sites} sites match": "匹配 {cameras} 路摄像机、{sites} 个站点",
    # tree
    "village camera": "村居摄像机",
    "road camera": "道路摄像机",
    "checkpoint": "卡口",
    "social camera": "社会面摄像机",
    "county dispatch centre": "县社会治安指挥中心",
    "police-station platform": "派出所指挥平台",
    "police-office platform": "中心警务室监控平台",
    "village platform": "村居监控平台",
    "Name": "名称",
    "Online": "在线",
    "Cameras online / cameras in total, for the site and every site below it": "本站点及其下级站点的在线摄像机数 / 摄像机总数",
    "offline": "离线",
    "online": "在线",
    "GB id: {id}": "国标编码：{id}",
    "Kind: {kind}": "类型：{kind}",
    "State: {state}": "状态：{state}",
    "PTZ control": "可云台控制",
    "Tags: {tags}": "标签：{tags}",
    "platform online": "平台在线",
    "platform offline": "平台离线",
    "Cameras online: {online} of {total}": "在线摄像机：{online} / {total}",
    # roles
    "County dispatcher": "县级调度员",
    "Town desk": "乡镇值班台",
    "Presenter (view only)": "会议展示（仅查看）",
    "Whole county": "全县",
    "Towns: {towns}": "乡镇：{towns}",
    # wall placeholder
    "Video wall": "视频墙",
    "The video wall is not part of this build yet. Browse and search the sites and cameras in the panel on the left.":
        "本版本尚未包含视频墙。请在左侧面板中浏览和搜索站点与摄像机。",
    "County dispatch centre": "县级指挥中心",
    "Town platforms": "乡镇平台",
    "Village platforms": "村居平台",
    "Cameras": "摄像机",
    "Cameras online": "在线摄像机",
    "Grids": "网格",
    "Not signed in": "未登录",
    "Signed in as {name} ({username}) — {role}": "当前用户：{name}（{username}）— {role}",
    "Sees: {scope}": "可见范围：{scope}",
    "Platform: {url}": "平台：{url}",
    # plugins (controlroom/plugin_api.py, plugins_loader.py, ui/plugin_host.py, ui/plugins_dialog.py)
    "{plugin}: {message}": "{plugin}：{message}",
    "&Plugins": "插件(&P)",
    "Plugins…": "插件…",
    "another plugin is installed under the same name ({other}); only that one is used": "已安装同名的另一个插件（{other}），只使用那一个",
    "its requirements form a cycle: {cycle}": "其依赖形成循环：{cycle}",
    "requires “{name}”, which is disabled": "依赖“{name}”，但它已关闭",
    "could not be imported: {error}": "无法导入：{error}",
    "{target} is not a ControlRoom plugin (a subclass of controlroom.plugin_api.Plugin)": "{target} 不是 ControlRoom 插件（须为 controlroom.plugin_api.Plugin 的子类）",
    "its NAME is “{got}” but its entry point is named “{name}”: they must be the same": "其 NAME 为“{got}”，但入口点名为“{name}”：两者必须相同",
    "declares no API_VERSION; this ControlRoom has plugin API {have}": "未声明 API_VERSION；本 ControlRoom 的插件接口版本为 {have}",
    "needs plugin API {wanted}; this ControlRoom has plugin API {have}": "需要插件接口 {wanted}；本 ControlRoom 的插件接口版本为 {have}",
    "requires “{name}”, which is not installed": "依赖“{name}”，但它未安装",
    "requires “{name}”, which failed": "依赖“{name}”，但它已出错",
    "requires “{name}”, which is not loaded": "依赖“{name}”，但它未加载",
    "its SETTINGS are invalid: {error}": "其 SETTINGS 无效：{error}",
    "failed to start: {error}": "启动失败：{error}",
    "stopped after an error in its {where}: {error}": "因 {where} 出错而停止：{error}",
    "Plugin “{name}” failed: {reason}": "插件“{name}”出错：{reason}",
    "Plugins": "插件",
    "Changes apply at once: turning a plugin off closes its panes now, turning it on starts it now (a failed plugin is tried again). ControlRoom remembers the choice.": "更改立即生效：关闭插件会立即关闭其窗格，开启插件会立即启动它（出错的插件会重试）。ControlRoom 会记住此选择。",
    "On": "启用",
    "Plugin": "插件",
    "Version": "版本",
    "State": "状态",
    "Provided by": "提供者",
    "Running": "运行中",
    "Turned off": "已关闭",
    "Failed: {reason}": "出错：{reason}",
    "Not running": "未运行",
    "Turn “{name}” on or off": "开启或关闭“{name}”",
    "{title} ({name})": "{title}（{name}）",
    # settings (controlroom/settings.py)
    "expected true or false, found {value}": "应为 true 或 false，实际为 {value}",
    "expected a whole number": "应为整数",
    "expected a number": "应为数字",
    "{expected} or \"auto\"": "{expected}或 \"auto\"",
    "{expected}, found {value}": "{expected}，实际为 {value}",
    "{value} is below the minimum {minimum}": "{value} 低于最小值 {minimum}",
    "{value} is above the maximum {maximum}": "{value} 高于最大值 {maximum}",
    "expected text, found {value}": "应为文本，实际为 {value}",
    "expected a list of text, found {value}": "应为文本列表，实际为 {value}",
    "{value} is not one of: {choices}": "{value} 不是以下之一：{choices}",
    "Setting “{name}”: {why}; using the default ({default}).": "设置“{name}”：{why}；改用默认值（{default}）。",
    "The settings file could not be read and was set aside as {path}; ControlRoom starts with the default settings.": "无法读取设置文件，已将其另存为 {path}；ControlRoom 使用默认设置启动。",
    "The settings file is from a newer ControlRoom or cannot be read; it is used read-only and changes will not be saved ({detail}).": "设置文件来自更新版本的 ControlRoom 或无法读取；将以只读方式使用，更改不会保存（{detail}）。",
    "The settings file has a problem: {detail}": "设置文件有问题：{detail}",
}

# contexts whose strings lupdate cannot see (translated through a helper in the core)
HIDDEN: dict[str, dict[str, str]] = {
    "PlatformError": {
        "The platform refused the user name or password, or the session expired.": "平台拒绝了用户名或密码，或会话已过期。",
        "This is outside what your account may see or do.": "这超出了您的账号可查看或操作的范围。",
        "The platform does not know this item.": "平台上没有此项。",
        "The platform had an internal error (HTTP %1).": "平台内部错误（HTTP %1）。",
        "The platform refused the request (HTTP %1).": "平台拒绝了请求（HTTP %1）。",
        "The platform cannot be reached.": "无法连接到平台。",
        "The platform's certificate could not be verified.": "无法验证平台的证书。",
        "The platform sent data that ControlRoom cannot read: %1.": "平台发送的数据 ControlRoom 无法读取：%1。",
        "A platform address must start with http:// or https://.": "平台地址须以 http:// 或 https:// 开头。",
        "Not logged in.": "尚未登录。",
    },
    "Session": {
        "loading the inventory": "正在加载资源",
    },
}


def _load_parts() -> None:
    """Merge resources/translations/parts/*.py (each defines ``ZH: dict[str, str]``).

    Each feature keeps its Chinese in a part of its own, so that people working
    at the same time do not edit one dictionary.
    """
    import importlib.util

    for part in sorted(TS.with_name("parts").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"zh_part_{part.stem}", part)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        ZH.update(module.ZH)


def main() -> int:
    _load_parts()
    tree = ET.parse(TS)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for name, messages in HIDDEN.items():
        ctx = contexts.get(name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = name
        have = {m.findtext("source") for m in ctx.iter("message")}
        for source in messages:
            if source not in have:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = source
                ET.SubElement(msg, "translation")
    missing = []
    for ctx in root.iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            text = HIDDEN.get(cname, {}).get(source) or ZH.get(source)
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if text is None:
                tr.set("type", "unfinished")
                missing.append(f"{cname}: {source}")
                continue
            tr.text = text
            tr.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for m in missing:
        print("untranslated:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
