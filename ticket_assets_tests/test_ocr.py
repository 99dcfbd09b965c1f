"""The OCR stage with real engines: RapidOCR and Tesseract, the PDF text layer, the page pool, the registry."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import subprocess
import sys

import numpy as np
import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from ticket_assets.config import OcrSettings
from ticket_assets.ocr import (
    EngineUnavailable,
    OcrLine,
    OcrResult,
    PageWork,
    create_engine,
    ocr_pages,
    read_page,
    recorded_name,
    resolve_engine_name,
    resolve_settings,
)
from ticket_assets.ocr.base import PageReading
from ticket_assets.ocr.doctr_engine import DETECTION_WEIGHTS, RECOGNITION_WEIGHTS, DoctrEngine
from ticket_assets.ocr.orientation import lies_sideways, surety, turn_from_votes, upright_box
from ticket_assets.ocr.rapid import compiled_models_cache
from ticket_assets.ocr.reading import CACHE_VERSION, read_day
from ticket_assets.render import PageImage
from ticket_assets.render.textlayer import INVISIBLE_CONFIDENCE, VISIBLE_CONFIDENCE, has_visible_text, text_layer_lines

TICKET_NUMBER = "483920"


def ticket_image(number: str = TICKET_NUMBER) -> Image.Image:
    """A 600x300 grey ticket-like page in Pillow's own font (no system fonts needed)."""
    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    draw.text((40, 40), "WASTE MANAGEMENT", font=font, fill=0)
    draw.text((40, 130), f"TICKET NO. {number}", font=font, fill=0)
    draw.text((40, 220), "NET TONS 18.42", font=font, fill=0)
    return image


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module", params=["openvino", "onnxruntime"])
def rapid_engine(request):
    return create_engine("rapidocr", OcrSettings(runtime=request.param))


@pytest.fixture(scope="module")
def tesseract_engine():
    return create_engine("tesseract", OcrSettings())


@pytest.fixture(scope="module")
def page_files(tmp_path_factory) -> list[PageWork]:
    """Two ticket images and one corrupt file, as the render stage would leave them."""
    folder = tmp_path_factory.mktemp("pages")
    ticket_image().save(folder / "a.png")
    ticket_image("771204").save(folder / "b.png")
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n this is not a picture")
    return [PageWork(name, str(folder / f"{name}.png")) for name in ("a", "b", "c")]


# --- engines ---

def test_rapidocr_reads_the_ticket_number(rapid_engine):
    check_reads_the_ticket_number(rapid_engine)


def test_rapidocr_keeps_each_character_s_confidence_and_a_word_is_as_sure_as_its_least_sure(rapid_engine):
    lines = rapid_engine.read(np.array(ticket_image())).lines
    number_line = next(line for line in lines if TICKET_NUMBER in line.text)
    assert len(number_line.characters) == len(number_line.text)
    start = number_line.text.index(TICKET_NUMBER)
    number_characters = number_line.characters[start:start + len(TICKET_NUMBER)]
    assert dict(number_line.words)[TICKET_NUMBER] == min(number_characters)
    assert number_line.confidence_of(TICKET_NUMBER) == min(number_characters)


def test_tesseract_reads_the_ticket_number(tesseract_engine):
    check_reads_the_ticket_number(tesseract_engine)


def check_reads_the_ticket_number(engine):
    lines = engine.read(np.array(ticket_image())).lines
    number_lines = [line for line in lines if TICKET_NUMBER in line.text.replace(" ", "")]
    assert number_lines, [line.text for line in lines]
    x0, y0, x1, y1 = number_lines[0].box
    assert 0 <= x0 < x1 <= 600 and 100 < y0 < y1 < 200  # drawn at y 130, 28 px high
    assert all(0 <= line.confidence <= 1 and line.source == "ocr" for line in lines)
    number_word = [score for word, score in number_lines[0].words if word == TICKET_NUMBER]
    assert number_word and 0.5 < number_word[0] <= 1  # the number's own confidence, not the line's


def test_rapidocr_reads_nothing_on_a_blank_page(rapid_engine):
    assert rapid_engine.read(np.full((300, 600), 255, np.uint8)) == PageReading([])


@pytest.mark.parametrize("turned", [0, 90, 180, 270])
def test_rapidocr_stands_a_turned_page_upright(rapid_engine, turned):
    lying = np.ascontiguousarray(np.rot90(np.array(ticket_image()), -turned // 90))  # turned clockwise
    reading = rapid_engine.read(lying)
    assert reading.turned == turned
    number_line = next(line for line in reading.lines if TICKET_NUMBER in line.text.replace(" ", ""))
    x0, y0, x1, y1 = number_line.box
    assert 0 <= x0 < x1 <= 600 and 100 < y0 < y1 < 200  # where it was drawn on the upright page


def test_a_page_whose_lines_disagree_is_left_as_it_lies():
    sideways, upright_flipped = (10.0, 80.0, False), (80.0, 10.0, True)
    assert turn_from_votes([sideways] * 3 + [upright_flipped] * 2) == 0
    assert turn_from_votes([sideways] * 2) == 0  # too few lines to tell
    assert turn_from_votes([sideways] * 8 + [upright_flipped] * 2) == 90


def test_a_page_lies_sideways_when_its_lines_stand_on_end_whichever_way_they_voted():
    tall_upright, tall_flipped, wide = (10.0, 80.0, False), (10.0, 80.0, True), (80.0, 10.0, False)
    votes = [tall_upright] * 14 + [tall_flipped] * 13  # a photo: the classifier cannot tell the side
    assert turn_from_votes(votes) == 0 and lies_sideways(votes)
    assert not lies_sideways([tall_upright] * 3 + [wide] * 3)
    assert not lies_sideways([tall_upright] * 2)  # too few lines to tell


def test_a_sideways_page_read_a_quarter_turn_either_way_says_how_it_lay(rapid_engine):
    lying = np.ascontiguousarray(np.rot90(np.array(ticket_image()), -1))  # turned 90 clockwise
    for quarters in (1, 3):  # stood upright, or upside down (which its wide lines' votes then tell)
        reading = rapid_engine._read_quarter_turned(lying, quarters)
        assert reading.turned == 90
        number_line = next(line for line in reading.lines if TICKET_NUMBER in line.text.replace(" ", ""))
        assert 100 < number_line.box[1] < number_line.box[3] < 200  # where it was drawn on the upright page


def test_text_read_the_wrong_way_up_is_the_less_sure_reading():
    right = PageReading([OcrLine("MATERIAL RECEIPT", 0.99, (0, 0, 10, 10)), OcrLine("28534", 0.97, (0, 0, 1, 1))])
    wrong = PageReading([OcrLine("p.20g", 0.61, (0, 0, 10, 10)), OcrLine("1TRRP", 0.55, (0, 0, 1, 1))])
    assert surety(right) > surety(wrong) and surety(PageReading([])) == 0


def test_boxes_turn_upright_with_the_page():
    # A 300 x 600 image of a 600 x 300 page turned 90 clockwise: the page's top-left corner is at the top right.
    assert upright_box((290.0, 0.0, 300.0, 10.0), 300, 600, 90) == (0.0, 0.0, 10.0, 10.0)
    assert upright_box((0.0, 0.0, 10.0, 10.0), 600, 300, 180) == (590.0, 290.0, 600.0, 300.0)
    assert upright_box((0.0, 590.0, 10.0, 600.0), 300, 600, 270) == (0.0, 0.0, 10.0, 10.0)


def test_an_engine_failure_on_one_page_gives_that_page_an_error(rapid_engine, tmp_path):
    Image.new("L", (3, 40000), 255).save(tmp_path / "sliver.png")  # RapidOCR cannot resize a 3-px-wide page
    result = read_page(rapid_engine, PageWork("sliver", str(tmp_path / "sliver.png")))
    assert result.error and result.error.startswith(f"{rapid_engine.name} failed on this page")
    assert result.lines == [] and (result.width, result.height) == (3, 40000)


def test_pages_over_their_time_limit_get_an_error_not_a_stopped_day(page_files):
    results = ocr_pages(page_files[:2], OcrSettings(engine="rapidocr", workers=2, page_timeout_seconds=0.001))
    assert {r.error for r in results.values()} == {"OCR stopped after 0.001 s on this page (ocr.page_timeout_seconds)"}
    engine_alone = read_page(create_engine("tesseract", OcrSettings()), page_files[0], timeout_seconds=30)
    assert engine_alone.error is None and engine_alone.lines  # a generous limit changes nothing


def test_ocr_result_round_trips_through_a_dict():
    result = OcrResult("rapidocr", 600, 300, [OcrLine("TICKET NO. 483920", 0.97, (40.0, 130.0, 320.0, 160.0)),
                                              OcrLine("NET TONS", 0.5, (1.0, 2.0, 3.0, 4.0), "text_layer")],
                       seconds=1.25, error=None)
    assert OcrResult.from_dict(result.to_dict()) == result
    failed = OcrResult("tesseract", 0, 0, error="image could not be read")
    assert OcrResult.from_dict(failed.to_dict()) == failed


# --- the PDF text layer ---

def born_digital_page() -> pymupdf.Page:
    page = pymupdf.open().new_page(width=300, height=200)
    page.insert_text((20, 50), "WASTE MANAGEMENT", fontsize=14)
    page.insert_text((20, 100), "TICKET NO. 483920", fontsize=14)
    return page


def scanned_page(invisible_text: str | None = None) -> pymupdf.Page:
    page = pymupdf.open().new_page(width=300, height=150)
    page.insert_image(page.rect, stream=png_bytes(ticket_image()))
    if invisible_text:
        page.insert_text((20, 75), invisible_text, fontsize=14, render_mode=3)
    return page


def test_text_layer_of_a_born_digital_page_gives_its_lines_in_pixels():
    page = born_digital_page()
    lines = text_layer_lines(page, scale=2.0)
    assert [line.text for line in lines] == ["WASTE MANAGEMENT", "TICKET NO. 483920"]
    assert all(line.source == "text_layer" and line.confidence == VISIBLE_CONFIDENCE for line in lines)
    x0, y0, x1, y1 = lines[1].box
    assert x0 == pytest.approx(40) and y0 < 200 < y1 < 210 and x1 > x0  # baseline at 100 pt = 200 px
    assert has_visible_text(page)


def test_text_layer_boxes_follow_a_rotated_page_as_it_is_rendered():
    page = born_digital_page()
    page.set_rotation(90)
    x0, y0, x1, y1 = (round(value) for value in text_layer_lines(page, scale=2.0)[1].box)
    pixmap = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
    pixels = np.frombuffer(pixmap.samples, np.uint8).reshape(pixmap.height, pixmap.width)
    assert (pixmap.width, pixmap.height) == (400, 600) and y1 - y0 > x1 - x0  # the line now runs down the page
    assert pixels[y0:y1, x0:x1].min() < 128 and pixels[y0:y1, x0:x1].mean() < pixels.mean()


def test_a_page_holding_only_an_image_has_no_text_layer():
    page = scanned_page()
    assert text_layer_lines(page, scale=2.0) == []
    assert not has_visible_text(page)


def test_an_invisible_scanner_layer_gives_candidates_but_not_a_born_digital_page():
    page = scanned_page(invisible_text="TICKET NO. 483920 WASTE MANAGEMENT")
    assert not has_visible_text(page)
    lines = text_layer_lines(page, scale=2.0)
    assert [line.text for line in lines] == ["TICKET NO. 483920 WASTE MANAGEMENT"]
    assert lines[0].confidence == INVISIBLE_CONFIDENCE


# --- the page pool ---

def check_pool_results(results: dict[str, OcrResult], numbers: dict[str, str]) -> None:
    assert list(results) == ["a", "b", "c"]
    for page_id, number in numbers.items():
        result = results[page_id]
        assert result.error is None and number in result.text.replace(" ", ""), result
        assert (result.width, result.height) == (600, 300) and result.seconds > 0
    assert results["c"].error and "could not be read" in results["c"].error and results["c"].lines == []


def test_ocr_pages_in_a_pool_returns_every_page_and_reports_each(page_files):
    done: list[tuple[str, int]] = []
    settings = OcrSettings(engine="rapidocr", workers=2)
    results = ocr_pages(page_files, settings, on_done=lambda page_id, result: done.append((page_id, os.getpid())))
    check_pool_results(results, {"a": TICKET_NUMBER, "b": "771204"})
    assert sorted(page_id for page_id, _ in done) == ["a", "b", "c"]
    assert {pid for _, pid in done} == {os.getpid()}  # progress is reported in the calling process
    assert {result.engine for result in results.values()} == {"rapidocr-openvino"}


def test_ocr_pages_in_process_gives_the_same_kind_of_results(page_files):
    done = []
    results = ocr_pages(page_files, OcrSettings(engine="tesseract", workers=1), on_done=lambda *args: done.append(args))
    check_pool_results(results, {"a": TICKET_NUMBER, "b": "771204"})
    assert len(done) == 3


def _ocr_in_child(work: list[PageWork], queue) -> None:
    results = ocr_pages(work, OcrSettings(engine="tesseract", workers=2))
    queue.put({page_id: result.to_dict() for page_id, result in results.items()})


@pytest.mark.parametrize("daemon", [False, True], ids=["step-like child", "daemon child"])
def test_ocr_pages_runs_from_a_child_process(page_files, daemon):
    """As from a Dagster step process (not a daemon); a daemon may not start a pool and reads in-process."""
    context = multiprocessing.get_context("forkserver")
    queue = context.Queue()
    child = context.Process(target=_ocr_in_child, args=(page_files, queue), daemon=daemon)
    child.start()
    results = queue.get(timeout=60)
    child.join(timeout=30)
    assert child.exitcode == 0
    check_pool_results({page_id: OcrResult.from_dict(data) for page_id, data in results.items()},
                       {"a": TICKET_NUMBER, "b": "771204"})


class Interrupted(BaseException):
    """What Dagster raises in a step's main thread on Ctrl-C or a terminated run."""


def _interrupted_after_one_page(work: list[PageWork]) -> None:
    def interrupt(page_id: str, result: OcrResult) -> None:
        raise Interrupted()

    with pytest.raises(Interrupted):
        ocr_pages(work, OcrSettings(engine="tesseract", workers=2), on_done=interrupt)


def test_a_step_interrupted_while_reading_exits_without_its_readers(page_files):
    """Regression: after Ctrl-C in `dagster dev`, a step stopped in the middle of a day waited forever at exit
    for its idle OCR workers (the pool was shut down without waiting), and with it the run and the code server."""
    context = multiprocessing.get_context("spawn")  # a step process of the default executor is spawned
    child = context.Process(target=_interrupted_after_one_page, args=([PageWork(f"{page.page_id}{copy}", page.image_path) for copy in range(6) for page in page_files[:2]],))
    child.start()
    child.join(timeout=30)
    stuck = child.is_alive()
    if stuck:
        child.kill()
    assert not stuck and child.exitcode == 0


def test_ocr_pages_raises_when_the_engine_cannot_run(page_files, tmp_path):
    with pytest.raises(EngineUnavailable):
        ocr_pages(page_files, OcrSettings(engine="doctr", workers=2, doctr_weights_dir=str(tmp_path)))


# --- the registry ---

def _in_a_process_without_openvino(code: str) -> dict:
    """What `code` leaves in `found`, run where `import openvino` fails, as where it is not installed."""
    blocked = "import sys; sys.modules['openvino'] = None  # makes every import of it raise ImportError\n"
    printed = "\nimport json; print(json.dumps(found))"
    done = subprocess.run([sys.executable, "-c", blocked + code + printed], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_auto_runtime_is_openvino_where_it_loads():
    assert resolve_settings(OcrSettings(runtime="auto")).runtime == "openvino"
    assert recorded_name(OcrSettings(runtime="auto")) == "rapidocr-openvino"


def test_auto_runtime_falls_back_to_onnxruntime_where_openvino_cannot_load(page_files):
    found = _in_a_process_without_openvino(f"""
from ticket_assets.config import OcrSettings
from ticket_assets.ocr import PageWork, available_engines, ocr_pages
page = PageWork("a", {page_files[0].image_path!r})
result = ocr_pages([page], OcrSettings(runtime="auto", workers=1))["a"]
found = {{"engine": result.engine, "text": result.text,
          "openvino": available_engines(OcrSettings(runtime="openvino"))["rapidocr"]}}
""")
    assert found["engine"] == "rapidocr-onnxruntime" and TICKET_NUMBER in found["text"].replace(" ", "")
    available, reason = found["openvino"]
    assert not available and reason.startswith("openvino cannot be imported")


def test_openvino_keeps_the_models_it_compiled_and_reads_the_same_with_them(page_files, tmp_path):
    settings = OcrSettings(runtime="openvino", compiled_models_dir=str(tmp_path / "compiled"))
    compiled = create_engine("rapidocr", settings)
    kept = create_engine("rapidocr", settings)
    assert _loaded_from_cache(compiled) == [False] * 3 and _loaded_from_cache(kept) == [True] * 3
    assert read_page(compiled, page_files[0]).lines == read_page(kept, page_files[0]).lines


def test_a_compiled_models_folder_that_cannot_be_made_is_not_used(page_files, tmp_path):
    (tmp_path / "a_file").write_text("")
    settings = OcrSettings(runtime="openvino", compiled_models_dir=str(tmp_path / "a_file" / "compiled"))
    assert compiled_models_cache(settings.compiled_models_dir) == {}
    assert _loaded_from_cache(create_engine("rapidocr", settings)) == [False] * 3


def _loaded_from_cache(engine) -> list[bool]:
    models = (engine._ocr.text_det, engine._ocr.text_cls, engine._ocr.text_rec)
    return [model.session.session.get_compiled_model().get_property("LOADED_FROM_CACHE") for model in models]


def test_the_ocr_cache_keeps_each_runtime_apart(tmp_path):
    """A page read on one runtime is read again on the other, and each result is kept under its own name."""
    ticket_image().save(tmp_path / "page.png")
    page = PageImage("day/page.png-p1", "day/page.png", 1, image_path=str(tmp_path / "page.png"), width=600,
                     height=300)
    engines = [read_day([page], OcrSettings(runtime=runtime, workers=1))[page.page_id].engine
               for runtime in ("openvino", "onnxruntime", "openvino")]
    assert engines == ["rapidocr-openvino", "rapidocr-onnxruntime", "rapidocr-openvino"]
    cached = sorted(path.name for path in tmp_path.glob("page.*.json"))
    assert cached == [f"page.rapidocr-onnxruntime.v{CACHE_VERSION}.json", f"page.rapidocr-openvino.v{CACHE_VERSION}.json"]


def test_auto_picks_rapidocr_when_doctr_is_unavailable(tmp_path):
    assert resolve_engine_name(OcrSettings(engine="auto", doctr_weights_dir=str(tmp_path / "weights"))) == "rapidocr"


def test_an_explicit_engine_that_cannot_run_says_what_is_missing(tmp_path):
    weights = tmp_path / "doctr-weights"
    with pytest.raises(EngineUnavailable) as raised:
        resolve_engine_name(OcrSettings(engine="doctr", doctr_weights_dir=str(weights)))
    message = str(raised.value)
    assert str(weights) in message and DETECTION_WEIGHTS in message and RECOGNITION_WEIGHTS in message


def test_doctr_names_only_what_is_missing(tmp_path):
    for name in (DETECTION_WEIGHTS, RECOGNITION_WEIGHTS):
        (tmp_path / name).write_bytes(b"")
    available, reason = DoctrEngine.is_available(OcrSettings(doctr_weights_dir=str(tmp_path)))
    if available:
        pytest.skip("docTR is installed here")
    assert "not installed: doctr" in reason and "`doctr` extra" in reason and DETECTION_WEIGHTS not in reason


def test_an_unknown_engine_name_is_refused():
    with pytest.raises(EngineUnavailable, match="unknown OCR engine 'easyocr'"):
        resolve_engine_name(OcrSettings(engine="easyocr"))
