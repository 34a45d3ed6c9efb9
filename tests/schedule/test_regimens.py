import pytest

from schedule.regimens import REGIMENS, get_regimen


def test_it_offers_exactly_the_four_approved_iv_regimens():
    assert set(REGIMENS) == {"isa-pd", "isa-kd", "isa-vrd", "isa-vrd-induction"}


@pytest.mark.parametrize(
    ("slug", "approved_in", "trial"),
    [
        ("isa-pd", ("US", "EU"), "ICARIA-MM"),
        ("isa-kd", ("US", "EU"), "IKEMA"),
        ("isa-vrd", ("US", "EU"), "IMROZ"),
        ("isa-vrd-induction", ("EU",), "GMMG-HD7"),
    ],
)
def test_it_names_where_each_regimen_is_approved_and_its_source(slug, approved_in, trial):
    regimen = get_regimen(slug)
    assert regimen.approved_in == approved_in
    assert trial in regimen.source
    assert "FACTS.md" in regimen.source


@pytest.mark.parametrize(
    ("slug", "cycle", "length", "days"),
    [
        ("isa-pd", 1, 28, (1, 8, 15, 22)),
        ("isa-pd", 2, 28, (1, 15)),
        ("isa-kd", 40, 28, (1, 15)),
        ("isa-vrd", 1, 42, (1, 8, 15, 22, 29)),
        ("isa-vrd", 4, 42, (1, 15, 29)),
        ("isa-vrd", 5, 28, (1, 15)),
        ("isa-vrd", 17, 28, (1, 15)),
        ("isa-vrd", 18, 28, (1,)),
        ("isa-vrd", 60, 28, (1,)),
        ("isa-vrd-induction", 1, 42, (1, 8, 15, 22, 29)),
        ("isa-vrd-induction", 3, 42, (1, 15, 29)),
    ],
)
def test_it_holds_the_label_day_tables(slug, cycle, length, days):
    phase = get_regimen(slug).phase_for(cycle)
    assert (phase.length_days, phase.infusion_days) == (length, days)


def test_it_ends_the_induction_regimen_after_cycle_3():
    regimen = get_regimen("isa-vrd-induction")
    assert regimen.last_cycle == 3
    with pytest.raises(ValueError, match="3 cycles"):
        regimen.phase_for(4)


@pytest.mark.parametrize("slug", ["isa-pd", "isa-kd", "isa-vrd"])
def test_it_continues_other_regimens_without_a_last_cycle(slug):
    assert get_regimen(slug).last_cycle is None


@pytest.mark.parametrize("slug", ["", "isa-sc", "ISA-PD", None, "x" * 10_000])
def test_it_rejects_unknown_regimens(slug):
    with pytest.raises(ValueError, match="Choose one"):
        get_regimen(slug)


def test_it_rejects_cycle_zero():
    with pytest.raises(ValueError):
        get_regimen("isa-pd").phase_for(0)
