"""`python -m eval DIR [...]`: the same as `shopbot eval DIR [...]`."""
import sys

from eval.cli import main

sys.exit(main())
