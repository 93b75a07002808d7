"""Dependency-tree questions answered without walking chains of heads.

spaCy's `Token.is_ancestor` and `Token.ancestors` walk up one head at a time. A long run of
clauses joined by "and" is parsed as a chain of conjuncts as deep as the sentence is long,
so asking such questions for every date or trigger of the sentence is quadratic. Here the
tree is numbered once per doc in depth-first order: a subtree is then a range of numbers,
which makes "is A above B" a constant-time test and "which marked tokens are above B" one
pass over the tree."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

import numpy
from spacy.tokens import Doc, Token

_KEY = "communique_tree"


class Tree:
    """The doc's dependency trees in depth-first order: token i's subtree is the tokens
    numbered enter[i] .. leave[i] (a token not reachable from a root gets -1 and the slow
    spaCy walk)."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        self.doc = doc
        # heads as offsets (unsigned, so negative ones wrap): all at once, no Token objects
        offsets = doc.to_array("HEAD").astype("int64").reshape(-1)
        self.parent: list[int] = (offsets + numpy.arange(n)).tolist()
        parent = self.parent
        children: list[list[int]] = [[] for _ in range(n)]
        roots = []
        for i, p in enumerate(parent):
            if p == i:
                roots.append(i)
            else:
                children[p].append(i)
        # (the loops below read locals only: they run once per token of every article)
        self.enter = enter = [-1] * n
        self.leave = leave = [-1] * n
        self.order = order = []  # tokens in depth-first order
        self.root_enters: list[int] = []  # each tree's first number, ascending
        self.roots = roots
        push, number = order.append, 0
        for root in roots:
            self.root_enters.append(number)
            stack = [root]
            pop = stack.pop
            while stack:
                i = pop()
                if i < 0:  # the marker pushed below: all of ~i's subtree is numbered
                    leave[~i] = number - 1
                    continue
                enter[i] = number
                push(i)
                if kids := children[i]:
                    stack.append(~i)
                    stack.extend(reversed(kids))
                else:  # (a leaf, most tokens: its subtree is itself)
                    leave[i] = number
                number += 1
        # the leftmost token of each subtree (0, so no bound, where the tree is broken)
        self.low = low = [i if enter[i] >= 0 else 0 for i in range(n)]
        for i in reversed(order):
            p = parent[i]
            if p != i and low[i] < low[p]:
                low[p] = low[i]

    def is_ancestor(self, a: Token | int, d: Token | int) -> bool:
        """`a.is_ancestor(d)`: a is d's head, its head's head, and so on."""
        ai = a if isinstance(a, int) else a.i
        di = d if isinstance(d, int) else d.i
        if self.enter[ai] < 0 or self.enter[di] < 0:
            return self.doc[ai].is_ancestor(self.doc[di])
        return self.enter[ai] < self.enter[di] <= self.leave[ai]

    def marked_above(
        self, marked: Iterable[int], queries: Iterable[int]
    ) -> dict[int, tuple[int | None, int | None]]:
        """For each query token: the nearest marked ancestor before it in the text and the
        nearest after it (None where there is none). One pass over the trees the queries
        are in, with the marked ancestors of the current token kept in a Fenwick tree over
        their positions."""
        marked_set = set(marked)
        wanted = set(queries)
        out: dict[int, tuple[int | None, int | None]] = {}
        tops = {self._top(q) for q in wanted}
        for top in sorted(t for t in tops if t is not None):
            span = self.order[self.enter[top] : self.leave[top] + 1]
            positions = sorted(i for i in span if i in marked_set)
            out.update(self._sweep(span, positions, marked_set, wanted))
        for q in wanted - out.keys():  # outside any numbered tree: the slow walk
            above = [a.i for a in self.doc[q].ancestors if a.i in marked_set]
            before = [a for a in above if a < q]
            after = [a for a in above if a > q]
            out[q] = (max(before, default=None), min(after, default=None))
        return out

    def _top(self, i: int) -> int | None:
        """The root of token i's tree (found by its depth-first number, not by walking)."""
        if self.enter[i] < 0:
            return None
        return self.roots[bisect_right(self.root_enters, self.enter[i]) - 1]

    def _sweep(
        self, span: list[int], positions: list[int], marked: set[int], wanted: set[int]
    ) -> dict[int, tuple[int | None, int | None]]:
        fen = _Fenwick(len(positions))
        open_marks: list[int] = []  # marked ancestors of the current token, innermost last
        out = {}
        for i in span:
            here = self.enter[i]
            while open_marks and self.leave[open_marks[-1]] < here:
                fen.add(bisect_left(positions, open_marks.pop()), -1)
            if i in wanted:
                below = fen.count(bisect_left(positions, i))
                upto = fen.count(bisect_right(positions, i))
                before = positions[fen.kth(below)] if below else None
                after = positions[fen.kth(upto + 1)] if upto < fen.total else None
                out[i] = (before, after)
            if i in marked:
                fen.add(bisect_left(positions, i), 1)
                open_marks.append(i)
        return out


class Marks:
    """Some tokens of a doc marked, and for any token whether its subtree (itself included)
    holds a marked one: a difference of two running counts over the depth-first order."""

    def __init__(self, tree: Tree, marked: Iterable[int]) -> None:
        self.tree = tree
        self.flags = bytearray(len(tree.parent))
        for i in marked:
            self.flags[i] = 1
        self.running = list(accumulate((self.flags[i] for i in tree.order), initial=0))

    def in_subtree(self, tok: Token) -> bool:
        tree, i = self.tree, tok.i
        if tree.enter[i] < 0:
            return any(self.flags[t.i] for t in tok.subtree)
        return self.running[tree.leave[i] + 1] > self.running[tree.enter[i]]


class _Fenwick:
    """Counts over 0..n-1: add at a slot, count below a slot, find the k-th counted slot."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.tree = [0] * (n + 1)
        self.total = 0

    def add(self, slot: int, delta: int) -> None:
        self.total += delta
        slot += 1
        while slot <= self.n:
            self.tree[slot] += delta
            slot += slot & -slot

    def count(self, end: int) -> int:
        """How many are counted in slots 0..end-1."""
        s = 0
        while end > 0:
            s += self.tree[end]
            end -= end & -end
        return s

    def kth(self, k: int) -> int:
        """The slot of the k-th counted one (k from 1)."""
        slot, step = 0, 1 << self.n.bit_length()
        while step:
            nxt = slot + step
            if nxt <= self.n and self.tree[nxt] < k:
                slot = nxt
                k -= self.tree[nxt]
            step >>= 1
        return slot


def tree_of(doc: Doc) -> Tree:
    """The doc's Tree, built once."""
    tree = doc.user_data.get(_KEY)
    if tree is None:
        tree = doc.user_data[_KEY] = Tree(doc)
    return tree
