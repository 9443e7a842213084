"""The grid board: live charts of the grids by status per town, camera online rate and alerts per hour."""
