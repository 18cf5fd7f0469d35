"""The statistics page's tables as spreadsheets (UTF-8 with a BOM, so Excel shows Vietnamese; Vietnamese
headings; "—" for a share with nothing to share): Biểu 06, the Decision 766 indicators, the ranking of communes
and the series behind the charts."""

from __future__ import annotations

from collections.abc import Sequence

from backend.handling.sheets import csv_bytes
from backend.statistics.schemas import Bieu06Out, IndicatorOut, IndicatorsOut, LineOut, PeriodOut, RankingOut, SeriesOut

SHARES = ("Đúng hạn (%)", "Trực tuyến (%)", "Số hóa (%)", "Hài lòng (%)")
INDICATORS_HEADER = ("Mã đơn vị", "Đơn vị", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", *SHARES)
RANKING_HEADER = ("Hạng", "Mã đơn vị", "Xã", "Điểm trung bình", *SHARES)
SERIES_HEADER = (
    "Từ ngày",
    "Đến ngày",
    "Nhận mới: trực tuyến",
    "Nhận mới: trực tiếp",
    "Nhận mới: bưu chính",
    "Đã giải quyết: đúng hạn (kể cả trước hạn)",
    "Đã giải quyết: quá hạn",
    "Tỷ lệ đúng hạn (%)",
    "Số lượt đánh giá",
    "Hài lòng (rất hài lòng, hài lòng)",
    "Tỷ lệ hài lòng (%)",
)


def share_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def file_name(kind: str, unit: str, period: PeriodOut) -> str:
    return f"{kind}-{unit}-{period.first_day:%Y%m%d}-{period.last_day:%Y%m%d}.csv"


def _shares(i: IndicatorOut) -> list[str]:
    return [share_text(s) for s in (i.on_time_share, i.online_share, i.scanned_share, i.satisfied_share)]


def indicators_csv(found: IndicatorsOut) -> bytes:
    """One line a unit, the unit reported on first."""
    return csv_bytes(
        INDICATORS_HEADER, [[i.unit, i.name_vi, str(i.received), str(i.resolved), *_shares(i)] for i in found.units]
    )


def ranking_csv(ranked: RankingOut) -> bytes:
    """The communes, best first."""
    lines = [
        [str(c.rank), c.indicator.unit, c.indicator.name_vi, share_text(c.score), *_shares(c.indicator)]
        for c in ranked.communes
    ]
    return csv_bytes(RANKING_HEADER, lines)


def series_csv(found: SeriesOut) -> bytes:
    """One line a week or month."""
    lines = [
        [
            f"{b.first_day:%d/%m/%Y}",
            f"{b.last_day:%d/%m/%Y}",
            *(str(n) for n in (b.received_online, b.received_in_person, b.received_postal)),
            str(b.resolved_in_time),
            str(b.resolved_late),
            share_text(b.on_time_share),
            str(b.rated),
            str(b.satisfied),
            share_text(b.satisfied_share),
        ]
        for b in found.buckets
    ]
    return csv_bytes(SERIES_HEADER, lines)


BIEU_06_HEADER = (
    "STT",
    "Đơn vị, lĩnh vực, thủ tục",
    "Số hồ sơ nhận giải quyết: tổng số",
    "Trong đó: trực tuyến",
    "Trong đó: trực tiếp, dịch vụ bưu chính",
    "Từ kỳ trước",
    "Số hồ sơ đã giải quyết: tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Số hồ sơ đang giải quyết: tổng số",
    "Trong hạn",
    "Quá hạn",
    "Chờ bổ sung (chờ công dân)",
    "Trả lại, rút hồ sơ",
    "Thư xin lỗi",
    "Tỷ lệ hài lòng (%)",
)


def _numbers(rows: Sequence[LineOut]) -> list[str]:
    """STT: "" for the total, then 1, 2, … for the first level beneath it, 1.1, 1.2, … below that."""
    counters: list[int] = []
    out = []
    for row in rows:
        if row.depth == 0:
            out.append("")
            continue
        counters = counters[: row.depth]
        counters += [0] * (row.depth - len(counters))
        counters[row.depth - 1] += 1
        out.append(".".join(str(n) for n in counters))
    return out


def bieu_06_csv(report: Bieu06Out) -> bytes:
    """The report as a spreadsheet (UTF-8 with a BOM): Biểu 06's columns, one line a row, the total first."""
    lines: list[list[str]] = []
    for number, row in zip(_numbers(report.rows), report.rows, strict=True):
        f = row.figures
        name = ("Tổng cộng: " if row.depth == 0 else "") + row.name_vi
        counts = [f.received, f.received_online, f.received_in_person, f.carried_over, f.resolved, f.resolved_early,
                  f.resolved_on_time, f.resolved_late, f.in_progress, f.in_progress_within, f.in_progress_overdue,
                  f.waiting_for_citizen, f.returned_or_withdrawn, f.apologies]  # fmt: skip
        lines.append([number, name, *(str(n) for n in counts), share_text(f.satisfaction_rate)])
    return csv_bytes(BIEU_06_HEADER, lines)
