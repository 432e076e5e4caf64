"""briefing-tui: a terminal dashboard for foreign-policy briefings."""

__version__ = "0.1.0"
