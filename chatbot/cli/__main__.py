"""`python -m chatbot.cli ...`: the `shopbot` command without its installed script."""
import sys

from chatbot.cli import main

sys.exit(main())
