"""`python -m demo_shop` (from scripts/) or `python scripts/demo_shop`."""
import sys
from pathlib import Path

if not __package__:  # run as a folder: make the package importable by name
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from demo_shop.write import main  # noqa: E402

raise SystemExit(main())
