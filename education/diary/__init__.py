"""The blank symptom and temperature diary: ``wording`` (its text, no Django), ``pdf`` (the
ReportLab renderer) and ``forms`` (the print choices, a plain GET form)."""
