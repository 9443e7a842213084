"""``python -m controlroom``: same as the ``controlroom`` command."""

from controlroom.cli import main

raise SystemExit(main())
