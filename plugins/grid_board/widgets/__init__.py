"""The grid board's widgets: the charts pane."""
