"""The video-conference pane: rooms, a conference wall of its own, roster, hand and mute."""
