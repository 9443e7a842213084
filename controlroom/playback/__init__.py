"""Playback (issue 12), the core: no widgets.

- ``ranges``: recorded ranges and the gaps between them (pure functions);
- ``clock``: the one clock a wall in playback follows (extrapolated, corrected by polls);
- ``controller``: a playback session over the backend seam (open, seek, speed, pause, poll, close);
- ``export``: a recorded range to MP4 (stream copy through PyAV), temporary file then rename;
- ``manifest``: the export's JSON manifest and ``controlroom verify``.

What the platform must answer is written in DEVELOPERS.md ("Playback client contract").
"""
