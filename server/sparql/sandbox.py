"""Limits a query worker process sets on itself before it takes a job: no network, a lower
CPU priority and a memory cap.

No network: a seccomp filter makes `socket()` fail with EACCES for every address family
but AF_UNIX (the worker talks to its parent over an inherited Unix socket), and refuses
io_uring, which could open sockets around it. The query scanner already refuses SERVICE;
this is the second wall, so that a gap in the scanner can never become an outbound
request. The filter is inherited by every thread and cannot be lifted.

No orphans: a worker ends when the server process dies, also when it is killed.

Lower priority: the web process keeps the CPU for pages while runaway queries run.

Memory cap: RLIMIT_DATA bounds the heap and anonymous mappings (RocksDB's file mappings of
the snapshot are not counted), so a query that needs more fails in its own process instead
of waking the machine's OOM killer.

Imports only the standard library: the worker starts as a bare script.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import struct
import threading
import time

# linux/filter.h, linux/seccomp.h, linux/audit.h
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JSET_K = 0x45  # BPF_JMP | BPF_JSET | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_EACCES = 13
_AF_UNIX = 1
_X32_BIT = 0x40000000
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
# machine: (AUDIT_ARCH_*, socket, io_uring_setup)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}


class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _program(arch: int, socket_nr: int, uring_nr: int) -> list[tuple[int, int, int, int]]:
    """The filter: (code, jump if true, jump if false, k) rows, jumps relative."""
    deny, allow = (_RET_K, 0, 0, _RET_ERRNO | _EACCES), (_RET_K, 0, 0, _RET_ALLOW)
    return [
        (_LD_W_ABS, 0, 0, 4),  # A = seccomp_data.arch
        (_JEQ_K, 1, 0, arch),
        deny,  # another ABI (e.g. 32-bit calls on a 64-bit kernel) could reach socket
        (_LD_W_ABS, 0, 0, 0),  # A = seccomp_data.nr
        (_JSET_K, 4, 0, _X32_BIT),  # x32 calls: deny
        (_JEQ_K, 3, 0, uring_nr),  # io_uring_setup: deny
        (_JEQ_K, 0, 3, socket_nr),  # not socket(): allow
        (_LD_W_ABS, 0, 0, 16),  # A = low word of args[0], the address family
        (_JEQ_K, 1, 0, _AF_UNIX),
        deny,
        allow,
    ]


def block_network() -> bool:
    """Forbid this process every socket but Unix ones; False on an unknown machine,
    OSError where the kernel refuses."""
    machine = platform.machine()
    if machine not in _ARCHES or struct.calcsize("P") != 8:
        return False
    rows = _program(*_ARCHES[machine])
    filters = (_SockFilter * len(rows))(*[_SockFilter(*row) for row in rows])
    program = _SockFprog(len(rows), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    # all five arguments: the kernel refuses PR_SET_NO_NEW_PRIVS unless the unused are 0
    ulong, pointer = ctypes.c_ulong, ctypes.c_void_p
    libc.prctl.argtypes = [ctypes.c_int, ulong, pointer, ulong, ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP)")
    return True


def exit_with_parent() -> None:
    """End this process when its parent dies (even by SIGKILL), from a watcher thread:
    pyoxigraph evaluates without the GIL, so the thread runs beside a runaway query."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def lower_priority(increment: int = 10) -> None:
    """Yield the CPU to the web process."""
    try:
        os.nice(increment)
    except OSError:
        pass


def cap_memory(megabytes: int) -> None:
    """Bound the heap and anonymous mappings of this process (0: no cap)."""
    if megabytes > 0:
        limit = megabytes * 2**20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
