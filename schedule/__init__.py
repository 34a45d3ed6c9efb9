"""The treatment calendar: regimens, backbone medicines, dose, weight, plan and delays (pure
Python, no Django), the wording of every sentence, the .ics writer, ``pdf/`` (the handout),
and the form and view at /schedule/. Reads the help settings from ``education`` in its view
only (one way); never imports ``card``.
"""
