"""Wire format of the public transparency page (camelCase JSON): units, their names and figures, nothing about
any dossier or person."""

from __future__ import annotations

import msgspec

from backend.statistics.schemas import FiguresOut, PeriodOut


class PublicUnitOut(msgspec.Struct, rename="camel"):
    """One deciding unit's own figures (Biểu 06's columns) and its Decision 766 shares, in per cent (null:
    nothing to share yet; `satisfiedShare` as the staff statistics give it)."""

    unit: str
    name_vi: str
    name_en: str
    kind: str  # province, department, vertical or commune
    figures: FiguresOut
    on_time_share: float | None
    online_share: float | None
    scanned_share: float | None
    satisfied_share: float | None


class PublicStatisticsOut(msgspec.Struct, rename="camel"):
    """KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH of a unit (the province, by default) for a completed period: the
    total of every unit it covers, then each unit, the unit itself first, as Biểu 06 lists them."""

    choice: str
    period: PeriodOut
    unit: str
    name_vi: str
    name_en: str
    total: FiguresOut
    units: list[PublicUnitOut]
