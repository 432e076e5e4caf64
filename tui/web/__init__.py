"""Fetching articles from the web (pages and RSS/Atom feeds) into a store.

No Textual here: the command line and the dashboard both drive
:func:`tui.web.fetcher.fetch_into_store`.
"""
