"""No garbage collections while the dashboard starts.

Start-up creates a few hundred thousand objects that live as long as the
process (modules, classes, parsed styles, widgets).  Python's collector walks
them again each time it runs, and it ran a dozen times before the first frame
(~30 ms of a ~0.4 s start on a 2-core VM).  The command line pauses it before
importing the UI; the app resumes it once its first frame is out, freezing what
exists by then so later collections (while filtering) skip it too, as
:func:`tui.data.loader.load_index` does after building an index.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collections until :func:`resume` (a no-op if they are off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Undo :func:`pause`: the objects made meanwhile are frozen, collections restart."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
