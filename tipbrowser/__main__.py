"""`python -m tipbrowser` runs the command line."""

from tipbrowser.cli import run

run()
