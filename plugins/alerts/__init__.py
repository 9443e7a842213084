"""The alerts pane (告警): live alerts from the platform in a dock, as a built-in plugin.

``api`` holds the logic without Qt (``AlertBook``: the merged, deduplicated
list; ``AlertFilter``; ``AlertPlaces``: where an alert is, from the
inventory); ``plugin`` is the plugin (entry point ``alerts``); ``widgets``
the Qt side (model, pane, badge, pop-ups).
"""
