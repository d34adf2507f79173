"""Random streams: one seed in, one independent stream per random process.

Two kinds of randomness, both derived from the run's seed and a stream name:

* `draws(name, t, ids)` gives each household its own uniform number for a process and month,
  computed from (seed, stream, month, household id) by a counter-based hash: splitmix64's
  output function applied to (household id x golden ratio + a key of seed, stream and month).
  A household's draw does not depend on who else is drawn, so switching a policy on does not
  shift anybody else's luck: common random numbers hold per household, not just per stream.
* `generator(name)` gives a NumPy Generator for processes that draw state-independently
  (income shock onsets over the whole population), seeded from (seed, stream).

Stream names are hashed (CRC32), so adding a stream never changes the others.
"""

from __future__ import annotations

import math
import zlib

import numpy as np
from scipy.special import ndtri

_MASK = (1 << 64) - 1
_GOLDEN_INT = 0x9E3779B97F4A7C15
_MONTH_INT = 0xD1B54A32D192ED03  # a month's part of a stream's salt
_GOLDEN = np.uint64(_GOLDEN_INT)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
FEW_IDS = 12  # up to this many ids, `draws` hashes them one by one in Python: faster than NumPy's calls


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser on uint64 arrays (wrap-around arithmetic is intended). Works in place
    on `x`, a fresh array of the caller's: with one scratch array instead of a new one per
    operation it stays in cache for the half-million draws a national month takes at once."""
    scratch = x >> np.uint64(30)
    x ^= scratch
    x *= _M1
    np.right_shift(x, np.uint64(27), out=scratch)
    x ^= scratch
    x *= _M2
    np.right_shift(x, np.uint64(31), out=scratch)
    x ^= scratch
    return x


def _mix_int(x: int) -> int:
    """splitmix64 finaliser on a Python int."""
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def _uniform(bits: np.ndarray) -> np.ndarray:
    """The top 53 bits as a uniform number in [0, 1) (`bits` is overwritten)."""
    bits >>= np.uint64(11)
    u = bits.astype(np.float64)
    u *= 1.0 / (1 << 53)
    return u


def _uniform_of(household: int, salt: int) -> float:
    """What `draws` gives `household` for a stream and month's `salt`, hashed as a Python int: the
    same bits, the same number, without NumPy's per-call cost."""
    return (_mix_int((household * _GOLDEN_INT + salt) & _MASK) >> 11) * (1.0 / (1 << 53))


def _month_part(t: int) -> int:
    """Month `t`'s part of a stream's salt (XORed onto the stream's key)."""
    return (t + 1) * _MONTH_INT & _MASK


def stream_id(name: str) -> int:
    """Stable 32-bit id of a stream name."""
    return zlib.crc32(name.encode())


def geometric(u: np.ndarray, p_end: float | np.ndarray) -> np.ndarray:
    """Months until an event with monthly chance p_end (1, 2, ...), from uniform numbers u."""
    p = np.clip(p_end, 1e-9, 1.0)
    with np.errstate(divide="ignore"):
        months = 1 + np.floor(np.log1p(-u) / np.log1p(-np.minimum(p, 1 - 1e-12)))
    return np.where(p >= 1.0, 1, months).astype(np.int64)


class Streams:
    """All random numbers of one replication."""

    def __init__(self, seed: int) -> None:
        if seed < 0:
            raise ValueError(f"seed {seed}: must be a non-negative integer")
        self.seed = int(seed)
        self._keys: dict[str, int] = {}
        self._key_arrays: dict[tuple[str, ...], np.ndarray] = {}  # draws_many's streams -> their keys

    def _key(self, name: str) -> int:
        key = self._keys.get(name)
        if key is None:
            key = _mix_int(_mix_int(self.seed) ^ (stream_id(name) * _GOLDEN_INT & _MASK))
            self._keys[name] = key
        return key

    def _salt(self, name: str, t: int) -> int:
        return self._key(name) ^ _month_part(t)

    def draws(self, name: str, t: int, ids: np.ndarray) -> np.ndarray:
        """Uniform [0, 1) numbers, one per household id, fixed by (seed, name, month, id). A few
        ids are hashed one by one, as `draw` hashes one: most calls are for a handful of households (a month
        of 100,000 households draws 80 times, half of them for fewer than ten or none), and NumPy's
        dozen calls cost 20 µs however few the ids."""
        ids = np.asarray(ids)
        if ids.ndim == 1 and ids.size <= FEW_IDS:
            salt = self._salt(name, t)
            return np.array([_uniform_of(i, salt) for i in ids.tolist()], dtype=np.float64)
        x = np.asarray(ids, dtype=np.uint64) * _GOLDEN
        x += np.uint64(self._salt(name, t))
        return _uniform(_mix(x))

    def draws_many(self, names: tuple[str, ...], t: int, ids: np.ndarray) -> np.ndarray:
        """`draws` of several streams at once: column j is `draws(names[j], t, ids)` (one NumPy pass
        instead of one per stream, for the many small draws of a household's ties). The streams'
        keys are kept as an array, so a month's salts are one operation, not a Python call per stream
        (36 for a household's ties)."""
        keys = self._key_arrays.get(names)
        if keys is None:
            keys = self._key_arrays[names] = np.array([self._key(name) for name in names], dtype=np.uint64)
        salts = keys ^ np.uint64(_month_part(t))  # _salt of each stream
        ids = np.asarray(ids, dtype=np.uint64)
        return _uniform(_mix(ids[:, None] * _GOLDEN + salts[None, :]))

    def normals(self, name: str, t: int, ids: np.ndarray) -> np.ndarray:
        """Standard normal numbers, one per household id (the inverse CDF of `draws`)."""
        return ndtri(np.clip(self.draws(name, t, ids), 1e-12, 1 - 1e-12))

    def months(self, name: str, t: int, ids: np.ndarray, p_end: float | np.ndarray) -> np.ndarray:
        """A geometric number of months (at least 1) per household: each month ends it with p_end."""
        return geometric(self.draws(name, t, ids), p_end)

    def month_count(self, name: str, t: int, household: int, p_end: float) -> int:
        """`months` for one household, without NumPy's per-call cost."""
        u = self.draw(name, t, household)
        return 1 if p_end >= 1 else 1 + int(math.log1p(-u) / math.log1p(-p_end))

    def draw(self, name: str, t: int, household: int) -> float:
        """One household's uniform number, equal to `draws` but without NumPy's per-call cost."""
        return _uniform_of(household, self._salt(name, t))

    def generator(self, name: str, *extra: int) -> np.random.Generator:
        """A NumPy Generator for one process (and optionally one entity), seeded independently."""
        return np.random.default_rng([self.seed, stream_id(name), *extra])
