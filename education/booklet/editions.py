"""The booklet's editions: A4 or US Letter paper, standard or large print. Pure Python.

Large print follows the usual large-print guidance (RNIB, UKAAF): body text of at least
16 pt, and nothing smaller anywhere, left-aligned, generous line spacing.
"""

from dataclasses import dataclass

PAPERS = {"a4": "A4", "letter": "US Letter"}
SIZES = {"standard": "Standard print", "large": "Large print"}
DEFAULT_PAPER = "a4"
DEFAULT_SIZE = "standard"


@dataclass(frozen=True)
class Edition:
    """One paper size and print size; ``body_pt`` is the body text size in points."""

    paper: str = DEFAULT_PAPER
    size: str = DEFAULT_SIZE

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}; choose one of {sorted(PAPERS)}")
        if self.size not in SIZES:
            raise ValueError(f"unknown print size {self.size!r}; choose one of {sorted(SIZES)}")

    @property
    def key(self) -> str:
        return f"{self.paper}-{self.size}"

    @property
    def large(self) -> bool:
        return self.size == "large"

    @property
    def css_page_size(self) -> str:
        return "A4" if self.paper == "a4" else "letter"

    @property
    def body_pt(self) -> int:
        return 16 if self.large else 12

    @property
    def small_pt(self) -> int:
        """Notes, footers and sources: never below the body size in large print."""
        return 16 if self.large else 10

    @property
    def label(self) -> str:
        """e.g. 'A4, large print'."""
        return f"{PAPERS[self.paper]}, {SIZES[self.size].lower()}"

    @property
    def filename(self) -> str:
        """e.g. 'isatuximab-guide-a4-large-print.pdf'."""
        suffix = "-large-print" if self.large else ""
        return f"isatuximab-guide-{self.paper}{suffix}.pdf"


EDITIONS = tuple(Edition(paper, size) for paper in PAPERS for size in SIZES)
