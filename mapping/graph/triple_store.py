"""The store of one article's graph: rdflib's SimpleMemory with a cheaper `add`.

SimpleMemory keeps three nested indexes (spo, pos, osp) and fills each with try/except
KeyError, so every new key raises an exception: about four per new triple, which made
adding the 200-odd triples of an article a tenth of the whole mapper's time. Here the same
indexes are filled with plain dict lookups. Everything else (lookup, removal, serializing)
is SimpleMemory's own. Should a future rdflib keep its indexes under other names, `add`
falls back to SimpleMemory's (tests/test_triple_store.py compares the two)."""

from __future__ import annotations

from typing import Any

from rdflib.plugins.stores.memory import SimpleMemory

_INDEXES = ("_SimpleMemory__spo", "_SimpleMemory__pos", "_SimpleMemory__osp")


class TripleStore(SimpleMemory):
    """A triple store without contexts, for a graph built once and then read."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        indexes = [getattr(self, name, None) for name in _INDEXES]
        self._indexes = indexes if all(isinstance(i, dict) for i in indexes) else None

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        if self._indexes is None:
            super().add(triple, context, quoted)
            return
        self.put(*triple)

    def put(self, s: Any, p: Any, o: Any) -> None:
        """Add one triple of terms already checked (the graph builder's own)."""
        if self._indexes is None:
            super().add((s, p, o), None, False)
            return
        spo, pos, osp = self._indexes
        # (get before set: `setdefault(k, {})` would make a dict on every call; written out
        # three times, not called: some 70,000 index updates per hundred articles)
        inner = spo.get(s)
        if inner is None:
            inner = spo[s] = {}
        leaf = inner.get(p)
        if leaf is None:
            leaf = inner[p] = {}
        leaf[o] = 1
        inner = pos.get(p)
        if inner is None:
            inner = pos[p] = {}
        leaf = inner.get(o)
        if leaf is None:
            leaf = inner[o] = {}
        leaf[s] = 1
        inner = osp.get(o)
        if inner is None:
            inner = osp[o] = {}
        leaf = inner.get(s)
        if leaf is None:
            leaf = inner[s] = {}
        leaf[p] = 1
