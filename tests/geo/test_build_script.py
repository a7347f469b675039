"""The shipped NRW tables are exactly what scripts/build_nrw_geo.py makes from ../shared."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from teilhabe.geo import nrw

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TEILHABE_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.mark.skipif(not (SHARED / "plz").exists(), reason=f"shared data not found at {SHARED}")
def test_script_reproduces_the_shipped_tables(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_nrw_geo", REPO / "scripts/build_nrw_geo.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shutil.copy(nrw.DATA_DIR / "koeln_plz_centroids.csv", tmp_path)
    script.main([str(SHARED), str(tmp_path)])
    for name in ("nrw_postcodes.csv", "nrw_areas.csv"):
        assert (tmp_path / name).read_bytes() == (nrw.DATA_DIR / name).read_bytes(), name
