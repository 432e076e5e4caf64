"""Textual user interface: widgets and screens that render and dispatch."""
