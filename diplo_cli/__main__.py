"""`python -m diplo_cli` runs the `diplo` command."""

from .cli import app

if __name__ == "__main__":
    app(prog_name="diplo")
