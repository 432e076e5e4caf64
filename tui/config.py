"""Where things live (XDG via platformdirs) and the user's config file.

* config:      $XDG_CONFIG_HOME/briefing-tui/config.toml   (key remapping)
* annotations: $XDG_DATA_HOME/briefing-tui/annotations/<store>-<hash>.jsonl
* exports:     the current directory unless a path is given

``BRIEFING_TUI_ANNOTATIONS`` or ``--annotations`` put the annotation journal
elsewhere, e.g. on a shared disk so two analysts annotate the same store.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "briefing-tui"


class ConfigError(Exception):
    pass


def config_path() -> Path:
    return user_config_path(APP_NAME) / "config.toml"


def annotations_path_for(store: Path) -> Path:
    """The default annotation journal for a store: keyed by its absolute path."""
    override = os.environ.get("BRIEFING_TUI_ANNOTATIONS")
    if override:
        return Path(override).expanduser()
    resolved = store.expanduser().resolve()
    digest = hashlib.blake2b(str(resolved).encode(), digest_size=5).hexdigest()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", resolved.stem or "store")[:40]
    return user_data_path(APP_NAME) / "annotations" / f"{name}-{digest}.jsonl"


@dataclass
class Config:
    keys: dict[str, str] = field(default_factory=dict)


def load_config(path: Path | None = None) -> Config:
    """Read config.toml; a missing file is an empty config."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    import tomllib  # only when there is a config file

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f"{path}: [keys]: expected action = \"key\" pairs of strings")
    return Config(keys=dict(keys))
