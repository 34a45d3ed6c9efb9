"""Site search: ``index`` (the searchable text of every published page, checklist item and
glossary term) and ``engine`` (the query: synonyms, prefixes, ranking and marked snippets, on
SQLite or PostgreSQL full-text search)."""
