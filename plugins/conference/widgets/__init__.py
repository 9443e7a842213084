"""The conference pane's widgets: the dock, the conference wall and its tiles."""
