"""What every app uses, importing no app (like healthchecks' ``hc/lib``).

``language`` (the tools' gettext without Django), ``dates`` (dates written in the page's
language), ``private`` (the ``private_tool`` decorator for views that take patient data),
``fields`` (form fields the calendar, the wallet card and the diary share), ``fonts`` and
``paper`` (the PDFs' embedded fonts and paper sizes), ``staff`` (who counts as signed-in staff:
the second factor passed). ``language`` and ``dates`` are pure
Python and import no Django.
"""
