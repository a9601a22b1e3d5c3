"""Child processes that die with the build that started them.

The download writers (forked) and Pagefind (a subprocess) kept running and
writing into site/ after a SIGKILL of `mkdocs build`: nothing tells a child
that its parent is gone. On Linux the kernel can: PR_SET_PDEATHSIG sends the
child SIGKILL when its parent exits, however it exits. Elsewhere this is a
no-op (the portal is built on Linux CI).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1
# Looked up once, in the parent: a child forked from a threaded process should not dlopen.
_PRCTL = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


def die_with(parent: int) -> None:
    """Called in a child: be killed when `parent` dies (and exit now if it already has)."""
    if _PRCTL is None:
        return
    _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # The parent may have died between fork and prctl: then the child was re-parented already.
    if os.getppid() != parent:
        os._exit(1)


def dying_with_this_process() -> Callable[[], None]:
    """A `preexec_fn` for subprocess: the child dies with the process (the thread) that starts it."""
    parent = os.getpid()
    return lambda: die_with(parent)
