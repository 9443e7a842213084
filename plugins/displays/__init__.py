"""The dispatcher's displays pane (issue 13): the meeting displays, online or offline, and what to send them.

``api`` holds the logic without Qt (``DisplayBook``: the registry as the list
and the ``display.updated`` events make it); ``plugin`` is the plugin (entry
point ``displays``); ``widgets`` the pane.
"""
