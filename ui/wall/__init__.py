"""The video wall's widgets: tiles, the grid of tiles, and the parts around it.

``tile_widget`` is one tile (a native video surface, a header band and a
status panel), ``wall_widget`` lays tiles out for a ``Layout``, and
``wall_view`` binds them to the pure wall logic (``controlroom.wall``) and to
the ``VideoCoordinator``'s players (two per tile). Views, tours and the layout editor have their
own modules.
"""
