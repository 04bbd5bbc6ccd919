"""Large sites are analysed by worker processes and this process together; the pages must
come out exactly as a serial analysis makes them."""

from __future__ import annotations

from scripts import model
from scripts.checks import Options, run
from scripts.quality.bench import make_synthetic_site
from scripts.siteconfig import load_site_config


def test_parallel_analysis_matches_serial(tmp_path, monkeypatch):
    make_synthetic_site(tmp_path, 40)
    path = tmp_path / "docs/ru/area/page-7.md"
    path.write_text(path.read_text(encoding="utf-8").replace("90 дней", "60 дней"), encoding="utf-8")
    config = load_site_config(tmp_path)
    monkeypatch.setattr(model, "PARALLEL_THRESHOLD", 10**9)
    serial = model.load_site(config)
    monkeypatch.setattr(model, "PARALLEL_THRESHOLD", 10)
    parallel = model.load_site(config)
    for lang, pages in serial.pages.items():
        assert sorted(pages) == sorted(parallel.pages[lang])
        for rel, page in pages.items():
            other = parallel.pages[lang][rel]
            assert page.units == other.units and page.headings == other.headings, rel
    findings = run(parallel, Options(use_git=False))
    assert findings == run(serial, Options(use_git=False))
    assert any(f.path.endswith("ru/area/page-7.md") for f in findings)
