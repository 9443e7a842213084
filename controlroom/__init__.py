"""ControlRoom: the application core (model, platform API, inventory, video, demo).

The core imports neither QtWidgets nor QtGui; ``controlroom.ui`` and
``controlroom.plugins`` build on it, never the reverse.
"""

__version__ = "0.1.0"
API_VERSION = "v1"
