"""One build at a time writes a site folder.

Two `mkdocs build` runs into the same site/ crashed each other
(FileNotFoundError in the download writer or Pagefind, as one cleaned what
the other wrote) or left orphan files from both. The build takes an
exclusive `flock` on the site folder itself from before MkDocs cleans it
until Pagefind is done; a second build waits, then builds a whole site of its
own. The kernel drops the lock when the holder dies, even by SIGKILL, so a
killed build never leaves the folder locked. A lock on the folder, not a file
in it: cleaning the folder would delete a lock file.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path


class SiteLock:
    def __init__(self) -> None:
        self.fd: int | None = None

    def acquire(self, site_dir: Path, on_wait: Callable[[], None]) -> None:
        site_dir.mkdir(parents=True, exist_ok=True)
        self.release()
        fd = os.open(site_dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the last descriptor drops the lock
            self.fd = None
