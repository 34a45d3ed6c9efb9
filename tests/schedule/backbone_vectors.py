# ruff: noqa: E501  (the vectors are copied line for line from FACTS-backbone 8)
"""FACTS-backbone.md section 8 test vectors, copied by hand (dates as printed there).

Keys are (medicine, where); 'clinic' lists the clinic visit days. Dates are MM-DD in the start
year unless a full date is given. Shared by the engine, .ics and PDF tests.
"""

import datetime as dt


def _days(year: int, text: str) -> list[dt.date]:
    out = []
    for part in text.split(", "):
        if len(part) == 10:
            out.append(dt.date.fromisoformat(part))
        else:
            month, day = part.split("-")
            out.append(dt.date(year, int(month), int(day)))
    return out


def _range(year: int, first: str, last: str) -> str:
    a = dt.date.fromisoformat(f"{year}-{first}")
    b = dt.date.fromisoformat(f"{year}-{last}")
    return ", ".join((a + dt.timedelta(n)).strftime("%m-%d") for n in range((b - a).days + 1))


Y = 2026
LEN_C1 = _range(Y, "01-05", "01-18") + ", " + _range(Y, "01-26", "02-08")
LEN_C2 = _range(Y, "02-16", "03-01") + ", " + _range(Y, "03-09", "03-22")
LEN_C3 = _range(Y, "03-30", "04-12") + ", " + _range(Y, "04-20", "05-03")

# (regimen slug, cycle, start date, {(medicine, where): dates}, clinic visit days)
VECTORS = [
    ("isa-pd", 1, "2026-01-05", {
        ("isatuximab", "clinic"): "01-05, 01-12, 01-19, 01-26",
        ("pomalidomide", "home"): _range(Y, "01-05", "01-25"),
        ("dexamethasone", "clinic"): "01-05, 01-12, 01-19, 01-26",
    }, "01-05, 01-12, 01-19, 01-26"),
    ("isa-pd", 2, "2026-01-05", {
        ("isatuximab", "clinic"): "02-02, 02-16",
        ("pomalidomide", "home"): _range(Y, "02-02", "02-22"),
        ("dexamethasone", "clinic"): "02-02, 02-16",
        ("dexamethasone", "home"): "02-09, 02-23",
    }, "02-02, 02-16"),
    ("isa-pd", 1, "2026-12-28", {
        ("isatuximab", "clinic"): "2026-12-28, 2027-01-04, 2027-01-11, 2027-01-18",
        ("pomalidomide", "home"): "2026-12-28, 2026-12-29, 2026-12-30, 2026-12-31, "
        + ", ".join(f"2027-01-{d:02d}" for d in range(1, 18)),
        ("dexamethasone", "clinic"): "2026-12-28, 2027-01-04, 2027-01-11, 2027-01-18",
    }, "2026-12-28, 2027-01-04, 2027-01-11, 2027-01-18"),
    ("isa-kd", 1, "2026-01-05", {
        ("isatuximab", "clinic"): "01-05, 01-12, 01-19, 01-26",
        ("carfilzomib", "clinic"): "01-05, 01-06, 01-12, 01-13, 01-19, 01-20",
        ("dexamethasone", "clinic"): "01-05, 01-06, 01-12, 01-13, 01-19, 01-20, 01-26",
        ("dexamethasone", "home"): "01-27",
    }, "01-05, 01-06, 01-12, 01-13, 01-19, 01-20, 01-26"),
    ("isa-kd", 2, "2026-01-05", {
        ("isatuximab", "clinic"): "02-02, 02-16",
        ("carfilzomib", "clinic"): "02-02, 02-03, 02-09, 02-10, 02-16, 02-17",
        ("dexamethasone", "clinic"): "02-02, 02-03, 02-09, 02-10, 02-16, 02-17",
        ("dexamethasone", "home"): "02-23, 02-24",
    }, "02-02, 02-03, 02-09, 02-10, 02-16, 02-17"),
    ("isa-kd", 3, "2026-01-05", {
        ("isatuximab", "clinic"): "03-02, 03-16",
        ("carfilzomib", "clinic"): "03-02, 03-03, 03-09, 03-10, 03-16, 03-17",
        ("dexamethasone", "clinic"): "03-02, 03-03, 03-09, 03-10, 03-16, 03-17",
        ("dexamethasone", "home"): "03-23, 03-24",
    }, "03-02, 03-03, 03-09, 03-10, 03-16, 03-17"),
    ("isa-vrd-induction", 1, "2026-01-05", {
        ("isatuximab", "clinic"): "01-05, 01-12, 01-19, 01-26, 02-02",
        ("bortezomib", "clinic"): "01-05, 01-08, 01-12, 01-15, 01-26, 01-29, 02-02, 02-05",
        ("lenalidomide", "home"): LEN_C1,
        ("dexamethasone", "clinic"): "01-05, 01-08, 01-12, 01-15, 01-19, 01-26, 01-29, 02-02, 02-05",
        ("dexamethasone", "home"): "01-06, 01-09, 01-13, 01-16, 01-27, 01-30, 02-03, 02-06",
    }, "01-05, 01-08, 01-12, 01-15, 01-19, 01-26, 01-29, 02-02, 02-05"),
    ("isa-vrd-induction", 2, "2026-01-05", {
        ("isatuximab", "clinic"): "02-16, 03-02, 03-16",
        ("bortezomib", "clinic"): "02-16, 02-19, 02-23, 02-26, 03-09, 03-12, 03-16, 03-19",
        ("lenalidomide", "home"): LEN_C2,
        ("dexamethasone", "clinic"): "02-16, 02-19, 02-23, 02-26, 03-02, 03-09, 03-12, 03-16, 03-19",
        ("dexamethasone", "home"): "02-17, 02-20, 02-24, 02-27, 03-10, 03-13, 03-17, 03-20",
    }, "02-16, 02-19, 02-23, 02-26, 03-02, 03-09, 03-12, 03-16, 03-19"),
    ("isa-vrd-induction", 3, "2026-01-05", {
        ("isatuximab", "clinic"): "03-30, 04-13, 04-27",
        ("bortezomib", "clinic"): "03-30, 04-02, 04-06, 04-09, 04-20, 04-23, 04-27, 04-30",
        ("lenalidomide", "home"): LEN_C3,
        ("dexamethasone", "clinic"): "03-30, 04-02, 04-06, 04-09, 04-13, 04-20, 04-23, 04-27, 04-30",
        ("dexamethasone", "home"): "03-31, 04-03, 04-07, 04-10, 04-21, 04-24, 04-28, 05-01",
    }, "03-30, 04-02, 04-06, 04-09, 04-13, 04-20, 04-23, 04-27, 04-30"),
]  # fmt: skip


def expected(vector):
    slug, cycle, start, by_medicine, clinic = vector
    year = int(start[:4])
    meds = {key: _days(year, text) for key, text in by_medicine.items()}
    return slug, cycle, dt.date.fromisoformat(start), meds, _days(year, clinic)
