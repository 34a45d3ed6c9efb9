"""The calendar handout PDF (ReportLab): bytes out, no HTTP."""
