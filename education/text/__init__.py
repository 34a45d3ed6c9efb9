"""Content text, shared by every output: the fever number and the site's numbers filled into
text (fever, site_text), Markdown rendered and sanitised with glossary words marked
(rendering), reading level measured in English and Spanish (readability, spanish_syllables),
and the glossary's shown spellings (spelling_display). Imports no models and no other app."""
