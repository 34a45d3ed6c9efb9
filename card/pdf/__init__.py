"""The card's renderers, bytes in and out, no HTTP: ``wallet_card`` (the PDF, a printing
sheet or card-sized pages), ``faces`` (the front and back), ``sheet`` (two fold-over copies on
A4 or US Letter), ``image`` (the phone PNG, through PDFium) and ``qr`` (the blood-bank page's
QR code)."""
