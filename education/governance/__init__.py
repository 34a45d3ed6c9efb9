"""Clinical governance: no single account publishes clinical wording.

``rules`` (drafts, sign-off, publishing: every check the server enforces), ``snapshots`` (the
governed fields of a row as stored JSON), ``diff`` (what changed between two revisions),
``roles`` (the editor, reviewer and administrator groups), ``dashboard`` (what waits for whom),
and the admin side: ``admin`` (the governed model admin), ``admin_views`` (compare, approve,
preview) and ``admin_records`` (the read-only revision, approval and feedback lists).
"""
