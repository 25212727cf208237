#!/usr/bin/env python3
"""Generate the bundled demo shop for shopbot (chatbot/data/demo/): a thin front for the
scripts/demo_shop package, which holds the generator (see its docstring).

    python scripts/make_demo_shop.py              # writes chatbot/data/demo/
    python scripts/make_demo_shop.py --out DIR    # writes DIR/
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/, also when imported rather than run

from demo_shop.write import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
