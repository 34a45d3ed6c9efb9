"""Self-checks ("Check what you understood"): questions at the end of a page, answered with
a plain POST form (or in place with static/js/selfcheck.js), counted anonymously.

``questions`` (what a page's snapshot holds, what the public may read, grading), ``views`` (the
POST to the page itself), ``counts`` (anonymous right/wrong counts, dashboard lists),
``headings`` (ids on a page's headings, so an explanation can link to the section),
``loader`` (the shipped self_checks.json files) and ``admin`` (the inline on the page).
"""
