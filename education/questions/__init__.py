"""The question builder ("Questions for my next visit"): ``wording`` (the sheet's sentences, no
Django), ``pdf`` (the ReportLab renderer), ``forms`` (the ticks, the patient's own questions and
the paper choice) and ``views`` (the page, the print view and the PDF, POSTed and never kept)."""
