"""The patient-education site: governed content pages, the checklist, the glossary, search,
the symptom diary, the printable booklet and the offline web app.

Folders by feature: ``models/`` (the records), ``governance/`` (editor -> reviewer -> public),
``search/``, ``diary/``, ``booklet/``, ``content/`` (the shipped pages and lists that
``load_initial_content`` loads). Beside them: ``views`` and ``pages`` (what a page shows),
``rendering`` (Markdown to safe HTML), ``fever`` (the one fever statement), ``translations``,
``cache``, ``offline``, ``feedback``, ``checklist``, ``readability``, ``content_loader`` and
``admin``. Imports ``isatuximab_portal.lib``; never ``schedule`` or ``card``.
"""
