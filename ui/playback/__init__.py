"""Playback widgets (issue 12): the tile marker, the timeline, the playback bar, export and bookmarks."""
