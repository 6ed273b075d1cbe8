"""``python -m newsmodel``: the same as the ``newsmodel`` command."""

from newsmodel.cli import run

if __name__ == "__main__":
    run()
