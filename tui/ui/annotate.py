"""Annotation actions of the dashboard: star, note, tags, assessment, undo, export.

A mixin for :class:`tui.ui.app.BriefingApp`; the work itself is done by
:class:`tui.data.annotations.AnnotationStore` and :mod:`tui.data.export`.
"""

from __future__ import annotations

import datetime as _dt
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from tui.data.annotations import AnnotationError, normalize_tag
from tui.data.query import ANNOTATION_FIELDS


class AnnotateActions:
    """Keys that change annotations; expects ``notes``, ``index``, ``view`` on self."""

    def _subject(self, entry) -> str:
        label = getattr(entry, "name", None) or entry.text
        return f"{entry.etype.capitalize()}: {label[:120]}"

    def _change(self, fn, *args) -> None:
        try:
            fn(*args)
        except AnnotationError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=8)
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
        self._after_change()

    def _after_change(self) -> None:
        if any(t.field in ANNOTATION_FIELDS for t in self.view.query.terms):
            self._apply_view()
        else:
            for pane in self.panes:
                pane.refresh_rows()
            self._show_detail()
        self._update_status()

    def _with_entry(self):
        entry = self.current_entry()
        if entry is None:
            self.notify("Select an entry first", severity="warning", markup=False)
        return entry

    def action_star(self) -> None:
        if entry := self._with_entry():
            self._change(self.notes.toggle_star, entry.id)

    def action_note(self) -> None:
        if entry := self._with_entry():
            def done(text: str | None) -> None:
                if text is not None:
                    self._change(self.notes.set_note, entry.id, text)
            from tui.ui.dialogs import NoteDialog  # dialogs (TextArea…) load when first used

            self.push_screen(NoteDialog(self._subject(entry), self.notes.get(entry.id).note), done)

    def action_note_in_editor(self) -> None:
        entry = self._with_entry()
        if entry is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        fd, name = tempfile.mkstemp(prefix="briefing-note-", suffix=".md")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self.notes.get(entry.id).note)
            try:
                with self.suspend():
                    result = subprocess.run([*shlex.split(editor), name])
            except Exception as exc:  # SuspendNotSupported, editor missing
                self.notify(f"Cannot run the editor {editor!r}: {exc}", severity="error", markup=False)
                return
            if result.returncode != 0:
                self.notify(f"Editor exited with {result.returncode}; note unchanged", severity="warning", markup=False)
                return
            text = Path(name).read_text(encoding="utf-8", errors="replace")
            self._change(self.notes.set_note, entry.id, text.rstrip("\n"))
        finally:
            os.unlink(name)
            self.refresh()

    def action_tags(self) -> None:
        if entry := self._with_entry():
            def done(tags: list[str] | None) -> None:
                if tags is not None:
                    self._change(self._edit_tags, entry.id, current, tags)
            current = sorted(self.notes.get(entry.id).tags)
            from tui.ui.dialogs import TagsDialog

            self.push_screen(TagsDialog(self._subject(entry), current, self.notes.all_tags()), done)

    def _edit_tags(self, entry_id: str, before: list[str], after: list[str]) -> None:
        """Apply the dialog's edit (``before`` -> ``after``) to the latest tags, so a tag
        another session added while the dialog was open is kept, not overwritten."""
        wanted = {normalize_tag(t) for t in after}
        self.notes.reload()
        latest = set(self.notes.get(entry_id).tags)
        self.notes.set_tags(entry_id, (latest - (set(before) - wanted)) | wanted)

    def action_assess(self) -> None:
        entry = self._with_entry()
        if entry is None:
            return
        if entry.etype != "option":
            self.notify("Assessments are for options: select one in the Options pane", severity="warning", markup=False)
            return
        note = self.notes.get(entry.id)

        def done(levels: tuple[str, str] | None) -> None:
            if levels is not None:
                self._change(self.notes.set_assessment, entry.id, *levels)
        from tui.ui.dialogs import AssessDialog

        self.push_screen(AssessDialog(self._subject(entry), note.risk, note.likelihood), done)

    def action_undo(self) -> None:
        try:
            touched = self.notes.undo()
        except AnnotationError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify("Undone" if touched else "Nothing to undo", timeout=2, markup=False)
        self._after_change()

    def action_export(self) -> None:
        from tui.data.export import render_memo, write_memo

        stamp = _dt.date.today().isoformat()
        default = self.export_dir / f"briefing-{stamp}.md"

        def done(path: str | None) -> None:
            if path is None:
                return
            try:
                memo = render_memo(self.index, self.notes.get, title=f"Briefing memo: {self.store_name}",
                                   noted=self.notes.all())
                written = write_memo(Path(path).expanduser(), memo)
            except OSError as exc:
                self.notify(f"Export failed: {exc}", severity="error", markup=False)
                return
            self.notify(f"Memo written to {written}", markup=False, timeout=6)
        from tui.ui.dialogs import ExportDialog

        self.push_screen(ExportDialog(f"{len(self.notes.all())} annotated entries", str(default)), done)

