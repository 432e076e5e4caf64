"""Data layer: store, query, annotations, export. Never imports Textual."""
