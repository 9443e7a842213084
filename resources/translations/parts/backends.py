"""Chinese for the backend seam (controlroom/backends)."""

ZH: dict[str, str] = {
    "This platform does not offer that ({what}).": "此平台不提供该功能（{what}）。",
}
