"""Naming a place after "call" in the current language (pure Python, no Django).

Spanish puts a preposition before the place and contracts "a el" to "al": "llame al Hospital
Central", "llame a la Clínica Norte", "llame a su equipo de salud". A sentence such as
"call {clinic} on {phone}" is translated "llame {clinic} al {phone}" and the code fills
``{clinic}`` with ``call_whom(name)``; English gets the name unchanged.
"""

from .language import current_language

# Common first words of Spanish hospital names, by the article they take.
_MASCULINE = frozenset(
    [
        "hospital",
        "centro",
        "instituto",
        "servicio",
        "sanatorio",
        "complejo",
        "consultorio",
        "policlínico",
        "policlinico",
        "departamento",
    ]
)
_FEMININE = frozenset(["clínica", "clinica", "unidad", "fundación", "fundacion", "policlínica"])


def call_whom(name: str, language: str | None = None) -> str:
    """``name`` as the object of "call" in ``language`` (the current one by default).

    >>> call_whom("Hospital Central", "es"), call_whom("Clínica Norte", "es")
    ('al Hospital Central', 'a la Clínica Norte')
    >>> call_whom("El Hospital del Mar", "es"), call_whom("su equipo de salud", "es")
    ('al Hospital del Mar', 'a su equipo de salud')
    >>> call_whom("Sanitas", "es"), call_whom("Hospital Central", "en"), call_whom("112", "es")
    ('a Sanitas', 'Hospital Central', 'al 112')
    """
    if (language or current_language()) != "es":
        return name
    if name[:1].isdigit() or name[:1] == "+":
        return f"al {name}"  # a phone number: "llame al 112"
    first, _, rest = name.partition(" ")
    word = first.casefold()
    if word == "el" and rest:
        return f"al {rest}"
    if word in _MASCULINE:
        return f"al {name}"
    if word in _FEMININE:
        return f"a la {name}"
    return f"a {name}"
