"""The organisation after the 2025 reform (two tiers: province and commune, no district): which units
decide procedures, which receive dossiers, and where a dossier goes. Pure logic, no I/O.

Decree 118/2025 Art 14(2): any centre or reception point of a province receives any procedure of that
province, so a dossier has a receiving unit and a competent agency, which may be in different communes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Competent agencies (cơ quan có thẩm quyền): they decide procedures.
COMPETENT_KINDS = ("province", "department", "vertical", "commune")
# Receiving units (Trung tâm Phục vụ hành chính công, điểm tiếp nhận): they receive and return, never decide.
RECEIVING_KINDS = ("centre", "reception_point")
KINDS = COMPETENT_KINDS + RECEIVING_KINDS
LEVELS = ("province", "commune")
_PARENT_KINDS = {
    "department": ("province",),
    "vertical": ("province",),
    "commune": ("province",),
    "centre": ("province", "commune"),
    "reception_point": ("centre",),
}
_NO_DISTRICT = (
    "'district' no longer exists: districts were abolished on 1 July 2025 (two-tier local government); "
    "a procedure is province or commune level, as the province's publication decision says"
)


@dataclass(frozen=True)
class Unit:
    """One agency or receiving unit of the catalogue (`replaces`: codes of units merged into it)."""

    code: str
    kind: str
    parent: str | None
    replaces: tuple[str, ...] = ()

    @property
    def receives(self) -> bool:
        return self.kind in RECEIVING_KINDS


class Units:
    """The units of a catalogue by code, with the codes of former units leading to their successor."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.by_code = {u.code: u for u in units}
        self.former = {old: u.code for u in self.by_code.values() for old in u.replaces}
        self._centres = {u.parent: u.code for u in self.by_code.values() if u.kind == "centre"}

    def get(self, code: str) -> Unit | None:
        """The unit of `code`, or of its successor when `code` is a former unit's (a merged commune)."""
        return self.by_code.get(code) or self.by_code.get(self.former.get(code, ""))

    def _up(self, code: str, kind: str) -> str | None:
        seen: set[str] = set()
        unit = self.by_code.get(code)
        while unit is not None and unit.code not in seen:
            if unit.kind == kind:
                return unit.code
            seen.add(unit.code)
            unit = self.by_code.get(unit.parent or "")
        return None

    def province(self, code: str) -> str | None:
        return self._up(code, "province")

    def commune(self, code: str) -> str | None:
        """The commune a unit belongs to (a commune's centre and its reception points), if any."""
        return self._up(code, "commune")

    def centre_for(self, competent: str) -> str | None:
        """Where a dossier goes when nobody chose: a commune's own centre, else the provincial centre."""
        unit = self.by_code.get(competent)
        if unit is None:
            return None
        if unit.kind == "commune" and unit.code in self._centres:
            return self._centres[unit.code]
        return self._centres.get(self.province(competent))


def level_decided(kind: str) -> str:
    """The level of the procedures an agency of `kind` decides; "" for a unit that only receives."""
    if kind == "commune":
        return "commune"
    return "province" if kind in COMPETENT_KINDS else ""


def units(rows: Iterable[tuple[str, str, str | None, tuple[str, ...]]]) -> Units:
    return Units(Unit(code, kind, parent, replaces) for code, kind, parent, replaces in rows)


def _unit_problem(unit: Unit, all_units: Units) -> str | None:
    if unit.kind == "district":
        return f"{unit.code}: kind {_NO_DISTRICT}"
    if unit.kind not in KINDS:
        return f"{unit.code}: kind {unit.kind!r} is not one of {', '.join(KINDS)}"
    parent = all_units.by_code.get(unit.parent or "")
    if unit.kind == "province":
        return None if unit.parent is None else f"{unit.code}: a province has no parent"
    if parent is None:
        return f"{unit.code} has unknown parent {unit.parent!r}"
    if parent.kind not in _PARENT_KINDS[unit.kind]:
        return f"{unit.code}: a {unit.kind} belongs to a {' or '.join(_PARENT_KINDS[unit.kind])}, not a {parent.kind}"
    return None


def unit_problems(all_units: Units) -> list[str]:
    """What is wrong in the organisation: kinds, parents, one centre per province or commune, merged codes."""
    problems = [p for u in all_units.by_code.values() if (p := _unit_problem(u, all_units))]
    centres = [u.parent or "" for u in all_units.by_code.values() if u.kind == "centre"]
    problems += [f"{p} has more than one centre" for p in sorted({c for c in centres if centres.count(c) > 1})]
    replaced = [old for u in all_units.by_code.values() for old in u.replaces]
    problems += [f"replaced code {c!r} is still a unit's code" for c in replaced if c in all_units.by_code]
    problems += [f"replaced code {c!r} repeats" for c in sorted({c for c in replaced if replaced.count(c) > 1})]
    return problems


def procedure_problems(level: str, competent_agency: str | None, all_units: Units) -> list[str]:
    """A procedure's level and competent agency against the organisation."""
    if level == "district":
        return [f"level {_NO_DISTRICT}"]
    if level not in LEVELS:
        return [f"level {level!r} is not one of {', '.join(LEVELS)}"]
    if level == "commune":
        if competent_agency is not None:
            return ["a commune-level procedure names no competent_agency: the commune is chosen per dossier"]
        return [] if any(u.kind == "commune" for u in all_units.by_code.values()) else ["no commune in agencies.yaml"]
    unit = all_units.by_code.get(competent_agency or "")
    if unit is None or unit.kind not in ("province", "department", "vertical"):
        return [
            f"a province-level procedure needs competent_agency: a province, department or vertical agency, "
            f"not {competent_agency!r}"
        ]
    return []


@dataclass(frozen=True)
class Route:
    """Where a dossier is received (its code's prefix, the receipt's agency) and who decides it."""

    receiving: str
    competent: str


@dataclass(frozen=True)
class Refusal:
    """Why a dossier cannot go where it was sent: `reason` is not_receiving, not_competent or other_province."""

    reason: str
    agency: str


def legacy(all_units: Units, agency_code: str) -> tuple[str | None, str | None]:
    """A submission of the app before the reform names one agency: a receiving unit, or the agency (often
    a commune, perhaps since merged) that the citizen chose; read as (receiving, competent)."""
    unit = all_units.get(agency_code)
    if unit is None:
        return agency_code, None
    return (unit.code, None) if unit.receives else (None, unit.code)


def _competent(
    all_units: Units, level: str, fixed: str | None, received: Unit | None, competent: str | None
) -> str | Refusal:
    """The competent agency named, or by default: at province level the procedure's own; at commune
    level the commune of the centre or point the dossier was brought to."""
    if competent is not None:
        named = all_units.get(competent)
        code = named.code if named else None
    elif level == "province":
        code = fixed
    else:
        code = all_units.commune(received.code) if received else None
    if code is None:
        return Refusal("not_competent", competent or (received.code if received else ""))
    decides = all_units.by_code[code].kind == "commune" if level == "commune" else code == fixed
    return code if decides else Refusal("not_competent", code)


def route(
    all_units: Units, level: str, fixed: str | None, receiving: str | None, competent: str | None
) -> Route | Refusal:
    """Where a dossier for a procedure of `level` (decided by `fixed` at province level) goes, given the
    receiving unit and competent agency chosen (either may be None: the default is taken)."""
    received = all_units.get(receiving) if receiving else None
    if receiving and (received is None or not received.receives):
        return Refusal("not_receiving", receiving)
    competent_code = _competent(all_units, level, fixed, received, competent)
    if isinstance(competent_code, Refusal):
        return competent_code
    receiving_code = received.code if received else all_units.centre_for(competent_code)
    if receiving_code is None:
        return Refusal("not_receiving", competent_code)
    if all_units.province(receiving_code) != all_units.province(competent_code):
        return Refusal("other_province", receiving_code)
    return Route(receiving=receiving_code, competent=competent_code)
