"""The bundle's entry point: the same as the ``controlroom`` command."""

from controlroom.cli import main

raise SystemExit(main())
