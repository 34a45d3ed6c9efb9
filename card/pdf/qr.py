"""The wallet card's QR code, drawn straight onto a ReportLab canvas as one filled path."""

import functools
import itertools

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

from ..fields import QR_SIZE

QR_BORDER = 2  # quiet zone around the code, in modules
Rectangle = tuple[float, float, float, float]  # x, y, width, height


@functools.lru_cache(maxsize=16)
def qr_rectangles(url: str) -> tuple[Rectangle, ...]:
    """The dark runs of a QR_SIZE-point QR code that opens `url` (error correction level M),
    from its bottom-left corner: what ReportLab's QR widget draws, without its shape objects.

    Worked out once per address: encoding the code was most of the time it took to make a card,
    and every card a site prints carries the same address."""
    qr = QrCodeWidget(url, barLevel="M").qr
    qr.make()
    box = QR_SIZE / (qr.getModuleCount() + 2 * QR_BORDER)
    rectangles = []
    for row, cells in enumerate(qr.modules):
        column = 0
        for dark, run in itertools.groupby(bool(cell) for cell in cells):
            length = len(list(run))
            if dark:
                y = QR_SIZE - (row + QR_BORDER + 1) * box
                rectangles.append(((column + QR_BORDER) * box, y, length * box, box))
            column += length
    return tuple(rectangles)


def draw_qr_code(canvas: Canvas, x: float, y: float, url: str) -> None:
    """The code for `url`, QR_SIZE points square, with its bottom-left corner at x, y."""
    path = canvas.beginPath()
    for left, bottom, width, height in qr_rectangles(url):
        path.rect(x + left, y + bottom, width, height)
    canvas.drawPath(path, stroke=0, fill=1)
