"""What intake checks submissions against: the active procedures and agencies of the current catalogue
version, read once per version and kept by the process."""

from __future__ import annotations

import pytest

from backend.catalogue.service import IntakeCatalogue
from tests.factories import demo_catalogue, renamed, seeded, without

pytestmark = pytest.mark.usefixtures("db")


async def test_intake_knows_the_active_procedures_with_their_documents_and_the_organisation() -> None:
    await seeded()
    intake = IntakeCatalogue(cache_seconds=0)
    procedure = await intake.procedure("1.001193")
    assert procedure is not None and procedure.level == "commune"
    assert "giay_chung_sinh" in {d.key for d in procedure.documents}
    assert procedure.contact is not None and procedure.contact.phone == "declarant.phone"
    units = await intake.units()
    assert units.by_code["H12.41.01"].receives and not units.by_code["H12.41"].receives
    assert units.commune("H12.41.02") == "H12.41" and units.province("H12.41.02") == "H12"
    assert await intake.procedure("9.999999") is None and units.get("X") is None


async def test_a_new_catalogue_version_is_seen_once_the_cache_time_is_over() -> None:
    await seeded()
    intake = IntakeCatalogue(cache_seconds=0)
    assert await intake.procedure("1.001193") is not None
    await seeded(without(demo_catalogue(), "1.001193"))
    assert await intake.procedure("1.001193") is None
    await seeded(renamed(demo_catalogue(), "1.001193", "Đăng ký khai sinh (mới)"))
    back = await intake.procedure("1.001193")
    assert back is not None and back.name.vi == "Đăng ký khai sinh (mới)"


async def test_within_the_cache_time_the_catalogue_is_not_read_again() -> None:
    await seeded()
    intake = IntakeCatalogue(cache_seconds=3600)
    assert await intake.procedure("1.001193") is not None
    # Withdrawn in the database, but this process trusts what it read for the cache time (as the
    # published catalogue does): a submission costs no catalogue query.
    await seeded(without(demo_catalogue(), "1.001193"))
    assert await intake.procedure("1.001193") is not None
