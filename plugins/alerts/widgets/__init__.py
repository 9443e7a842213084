"""The alerts pane's widgets: the table model, the pane, the status-bar badge and the pop-ups."""
