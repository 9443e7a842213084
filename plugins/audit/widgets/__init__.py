"""The audit pane's widgets."""
