"""Putting a finished results folder in place of another without a moment between the two.

A run or comparison is written into a temporary sibling of its folder (`sibling`), flushed to
disk (`flush`) and then swapped in (`swap`): an existing folder is exchanged with the new one in
one step (Linux's renameat2 with RENAME_EXCHANGE), so that its name always holds the old
results or the new ones, whole, even if the process is killed between any two steps; the old
results are deleted afterwards. Where the file system cannot exchange (e.g. NFS, or a system
other than Linux), the old folder is moved aside and the new one renamed in its place; if a kill
falls between those two renames, `put_back` (called when the folder is next claimed) renames the
old folder back. Temporary siblings whose writer no longer runs are removed (`remove_stale`).
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

TEMP = ".evictsim-"   # temporary siblings: .<name>.evictsim-<new|old|gone>-<pid>-<random>
TAGGED = re.compile(r"(\d+)-[0-9a-f]{8}(?:\.tmp)?$")  # the end of a temporary name: <pid>-<random>[.tmp]
SIBLING_NAME_BYTES = 200  # of a folder's name kept whole in its siblings' names (at most 255 bytes in all)
AT_FDCWD = -100           # linux/fcntl.h: paths relative to the working folder
RENAME_EXCHANGE = 2       # linux/fs.h: renameat2 swaps the two names


def swap(new: Path, path: Path) -> None:
    """Put `new` in place of `path`. An existing folder is exchanged with `new` in one step, so
    that `path` always holds the old results or the new ones, whole; the old ones (now under the
    name `new` had) are deleted after. Where the file system cannot exchange, the old folder is
    first moved aside (put back by the next `claim` if a kill comes between the two renames)."""
    old = None
    if not path.exists():
        os.rename(new, path)
    elif not exchange(new, path):  # after an exchange, `new` holds the old results: `replacing` deletes it
        old = sibling(path, "old")
        os.rename(path, old)
        os.rename(new, path)
    fsync_dir(path.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing folders in one step (Linux's renameat2 with RENAME_EXCHANGE); False,
    with nothing changed, where the system or the file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # not on this file system or kernel
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _renameat2():
    """The C library's renameat2 (glibc 2.28 and later), or None elsewhere."""
    if sys.platform != "linux":
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def put_back(path: Path) -> None:
    """If `path` is missing because a write was killed between moving the old folder aside and
    renaming the new one in (file systems without an exchange), rename the old folder back."""
    if path.exists() or path.is_symlink():
        return
    prefix = f".{path.name}{TEMP}old-"
    aside = [p for p in temporaries(path.parent)
             if p.name.startswith(prefix) and TAGGED.fullmatch(p.name[len(prefix):])]
    for folder in stale_temporary(sorted(aside))[:1]:
        os.rename(folder, path)


def temp_tag() -> str:
    """A part of a temporary name that no other process (or call) uses: "<pid>-<random>"."""
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def stale_temporary(paths: Iterable[Path]) -> list[Path]:
    """The temporary files or folders among `paths` whose writer no longer runs (killed while
    writing); a name without a process id comes from an older evictsim and is stale too."""
    stale = []
    for path in paths:
        tagged = TAGGED.search(path.name)
        if tagged is None or not _alive(int(tagged.group(1))):
            stale.append(path)
    return stale


def sibling(path: Path, tag: str) -> Path:
    """A temporary folder next to `path`: ".<name>.evictsim-<tag>-<pid>-<random>". A name too long
    to keep whole is cut, and its tag marked with "x" so that `_put_back` never takes it for another."""
    name = path.name
    if len(name.encode()) > SIBLING_NAME_BYTES:
        name, tag = name.encode()[:SIBLING_NAME_BYTES].decode(errors="ignore"), f"{tag}x"
    return path.parent / f".{name}{TEMP}{tag}-{temp_tag()}"


def temporaries(parent: Path) -> list[Path]:
    try:
        return list(parent.glob(f".*{TEMP}*"))
    except OSError:
        return []


def remove_stale(parent: Path) -> None:
    for entry in stale_temporary(temporaries(parent)):
        shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's process, or a system that cannot tell: leave it alone
    return True


def flush(folder: Path) -> None:
    """Every file under `folder` on disk before the folder is renamed into place."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    for sub in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        fsync_dir(sub)


def fsync_dir(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every system (e.g. Windows); the files themselves are synced
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
