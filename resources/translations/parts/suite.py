"""Chinese for the `suite` branch: conference membership (chair, presenters only view)."""

ZH: dict[str, str] = {
    "Presenters only view.": "演示席仅可观看。",
    "Only the chair mutes others; you may mute only yourself.": "只有主持人可以为他人静音；您只能为自己静音。",
}
