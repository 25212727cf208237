"""`python -m chatbot.cli ...`: the `shopbot` command."""
import sys

from chatbot.cli import main

sys.exit(main())
