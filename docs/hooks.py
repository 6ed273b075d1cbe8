"""mkdocs hook: publish newsmodel's JSON Schema at the URL its ``$id`` names."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

#: The schema in the package, and where the site serves it (its ``$id`` is site_url + this).
SCHEMA = Path(__file__).resolve().parent.parent / "src" / "newsmodel" / "schema"
SCHEMA_FILE = "newsmodel-1.schema.json"
SITE_PATH = "schema"


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Copy the packaged schema into the built site, unchanged."""
    target = Path(config["site_dir"]) / SITE_PATH
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCHEMA / SCHEMA_FILE, target / SCHEMA_FILE)
