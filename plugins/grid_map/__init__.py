"""The grid map: the county's community grids (网格) as polygons coloured and patterned by status, cameras on top."""
