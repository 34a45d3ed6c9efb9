"""The printed patient booklet: every published page, the checklist, the glossary, get-help and
the sources as one tagged (PDF/UA) PDF, built with WeasyPrint from HTML and print CSS.

- ``editions``: paper sizes and print sizes (pure Python).
- ``content``: the published content gathered for the booklet template.
- ``render``: the HTML and the PDF (WeasyPrint is imported lazily; it needs Pango).
- ``store``: one build per content version, kept in the cache with an ETag.
- ``views``: the chooser page and the PDF download.
"""
