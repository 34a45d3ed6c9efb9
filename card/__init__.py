"""The blood-transfusion alert wallet card: a tool that keeps nothing.

``fields`` (what the card holds and how text fits its boxes, no Django), ``carry_until`` (how
long to carry it), ``forms`` and ``views`` (the page at /schedule/wallet-card/, an address that
printed QR codes point to), ``pdf/`` (the ReportLab renderers) and the ``wallet_card``
management command that writes a sample. No models. Imports ``lib``, never another app.
"""
