"""The audit pane (操作日志): the dispatcher's view of the operator audit trail, as a built-in plugin.

``api`` holds the logic without widgets (the query, CSV export with its
neutralising of formulas); ``plugin`` is the plugin (entry point ``audit``);
``widgets`` the Qt side (table model, pane).
"""
