"""docTR's plumbing with randomly initialised models: loads local weight files, reads pages, downloads nothing.

Marked `doctr`: it needs the doctr extra (torch, about 6 GB), so the default run
leaves it out. `.ci/run-doctr` installs the extra in its own environment and runs
these tests. Random weights read nothing meaningful; what is tested is that the
engine loads the files the docs name, returns lines in page coordinates, runs in
the worker pool and `auto` picks it, all without touching the network.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from ticket_assets.config import OcrSettings
from ticket_assets.ocr import PageWork, create_engine, ocr_pages, resolve_engine_name
from ticket_assets.ocr.base import PageReading
from ticket_assets.ocr.doctr_engine import DETECTION_ARCH, DETECTION_WEIGHTS, RECOGNITION_ARCH, RECOGNITION_WEIGHTS

from .test_ocr import ticket_image

pytestmark = pytest.mark.doctr


@pytest.fixture(scope="module")
def download_cache(tmp_path_factory):
    """docTR's download folder, empty; it must stay empty."""
    folder = tmp_path_factory.mktemp("doctr_cache")
    previous = os.environ.get("DOCTR_CACHE_DIR")
    os.environ["DOCTR_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["DOCTR_CACHE_DIR"]
    else:
        os.environ["DOCTR_CACHE_DIR"] = previous


@pytest.fixture(scope="module")
def random_weights(tmp_path_factory, download_cache):
    """The two weight files the engine expects, holding randomly initialised models."""
    torch = pytest.importorskip("torch")
    from doctr.models import detection, recognition

    folder = tmp_path_factory.mktemp("doctr_weights")
    torch.manual_seed(0)
    detector = getattr(detection, DETECTION_ARCH)(pretrained=False, pretrained_backbone=False)
    # A random detector finds thousands of specks, and recognising them takes an hour on the CPU;
    # this one sees text everywhere, so the whole page is one box and recognition runs once.
    last_layer = detector.prob_head[-1]
    torch.nn.init.zeros_(last_layer.weight)
    torch.nn.init.constant_(last_layer.bias, 5.0)
    recognizer = getattr(recognition, RECOGNITION_ARCH)(pretrained=False, pretrained_backbone=False)
    torch.save(detector.state_dict(), folder / DETECTION_WEIGHTS)
    torch.save(recognizer.state_dict(), folder / RECOGNITION_WEIGHTS)
    return OcrSettings(engine="doctr", doctr_weights_dir=str(folder), workers=2)


def test_engine_loads_local_weights_and_returns_lines_on_the_page(random_weights, download_cache):
    engine = create_engine("doctr", random_weights)
    reading = engine.read(np.array(ticket_image()))
    assert isinstance(reading, PageReading) and reading.turned == 0
    assert reading.lines, "the detector sees one box; the recogniser must have read something in it"
    for line in reading.lines:
        x0, y0, x1, y1 = line.box
        assert 0 <= x0 <= x1 <= 600 and 0 <= y0 <= y1 <= 300
        assert 0 <= line.confidence <= 1 and len(line.words) == len(line.text.split())
    assert list(download_cache.iterdir()) == []


def test_auto_picks_doctr_when_its_weights_are_there(random_weights):
    assert resolve_engine_name(OcrSettings(engine="auto", doctr_weights_dir=random_weights.doctr_weights_dir)) == "doctr"


def test_the_pool_reads_every_page_with_doctr(random_weights, tmp_path, download_cache):
    work = []
    for index in range(3):
        path = tmp_path / f"p{index}.png"
        ticket_image(f"48392{index}").save(path)
        work.append(PageWork(f"p{index}", str(path)))
    results = ocr_pages(work, random_weights)
    assert list(results) == ["p0", "p1", "p2"]
    assert all(result.engine == "doctr" and result.error is None for result in results.values())
    assert all((result.width, result.height) == (600, 300) for result in results.values())
    assert list(download_cache.iterdir()) == []
