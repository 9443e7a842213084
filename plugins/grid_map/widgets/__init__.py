"""The grid map's widgets: the map view and the pane around it."""
