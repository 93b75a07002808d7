"""What became of each article of an ingest: its outcome, and the report of a batch."""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.mapping.article import Article
from communique.shapes import validate


@dataclass
class IngestOutcome:
    """What became of one article (or of one input that could not be read)."""

    article: Article | None
    iri: str | None
    stored: bool
    triples: int = 0
    validation: validate.ValidationResult | None = None
    error: str | None = None
    source: str = ""
    report_text: str = ""  # the SHACL report of a graph that did not conform
    no_content: bool = False  # mapped, but no fact was read from it (NO_CONTENT)

    @property
    def status(self) -> str:
        """One of stored, rejected (no diplomatic content, or its graph did not conform to
        the shapes) or failed."""
        if self.stored:
            return "stored"
        return "rejected" if self.report_text or self.no_content else "failed"


@dataclass
class IngestReport:
    """The outcomes of a batch, in input order.

    A long batch would hold every article in memory, so for the stored ones the report keeps
    only source, IRI and triple count (`article` and `validation` are dropped).
    """

    outcomes: list[IngestOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def _with(self, status: str) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def stored(self) -> list[IngestOutcome]:
        return self._with("stored")

    @property
    def rejected(self) -> list[IngestOutcome]:
        return self._with("rejected")

    @property
    def failed(self) -> list[IngestOutcome]:
        return self._with("failed")

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.outcomes)

    @property
    def ok(self) -> bool:
        """True when every input was stored."""
        return all(o.stored for o in self.outcomes)
