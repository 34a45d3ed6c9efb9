from isatuximab_portal.lib.fonts import printable, register_fonts


def test_it_registers_one_family():
    assert register_fonts() == ("PortalSans", "PortalSans-Bold")


def test_latin_text_is_kept_and_undrawable_text_degrades():
    assert printable("Zoë Ångström") == "Zoë Ångström"
    assert printable("山田 Anna") == "?? Anna"  # no CJK in DejaVu Sans or Vera
    assert printable("a\x00b") == "ab"  # control characters are dropped
