"""The displays pane's widgets."""
