"""The interface in Simplified Chinese: every string translated, placeholders kept, the
compiled file current, and the app (GUI and core messages) switching language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileSystemModel

from sigverify.core import i18n
from sigverify.core.errors import ImageReadError
from sigverify.core.imaging.imageio import load_image
from tests.conftest import signature_file
from tests.gui.conftest import wait_idle
from tests.gui.test_app import enrol

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "sigverify_zh_CN.ts"
QM = TS.with_suffix(".qm")
sys.path.insert(0, str(ROOT / "scripts"))
from update_translations import sources  # noqa: E402


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def translation_text(message: ET.Element) -> str:
    translation = message.find("translation")
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return " ".join(forms) if forms else translation.text or ""


@pytest.fixture(scope="module")
def shipped():
    return messages(TS)


def test_no_chinese_text_puts_a_blank_after_full_width_punctuation(shipped):
    """ "。 " or "） 的" reads as a stray gap: the full-width mark carries its own room."""
    gaps = [
        text
        for message in shipped.values()
        for form in [message.find("translation"), *message.iter("numerusform")]
        if form is not None
        for text in [form.text or ""]
        if re.search(r"[。，；：！？）」』] ", text)
    ]
    assert not gaps, gaps[:5]


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path, shipped):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    in_code = messages(fresh)
    assert len(in_code) > 400  # GUI and core texts were both collected
    missing = [
        key
        for key in in_code
        if key not in shipped
        or shipped[key].find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not translation_text(shipped[key]).strip()
    ]
    assert not missing, (
        f"{len(missing)} string(s) without a Chinese translation (run "
        f"scripts/update_translations.py, translate, run it again): {missing[:5]}"
    )


FIELDS = re.compile(r"\{[^{}]*\}|%n|%v|%m|</?[a-zA-Z][^>]*>|\\n|&nbsp;")


#: Names that stay in Latin letters in the Chinese interface.
LATIN_NAMES = {"sigverify", "Ctrl", "EER", "AUC", "FAR", "FRR", "ROC", "DET", "CNN", "TDNN"}


def test_translations_keep_placeholders_tags_and_are_chinese(shipped):
    wrong = []
    for (context, source), message in shipped.items():
        text = translation_text(message)
        if Counter(FIELDS.findall(source)) != Counter(FIELDS.findall(text)):
            wrong.append((context, source, text))
        words = set(re.findall(r"[A-Za-z]{3,}", FIELDS.sub("", source))) - LATIN_NAMES
        if len(words) >= 2 and not re.search(r"[\u4e00-\u9fff]", text):
            wrong.append((context, source, text))  # a sentence left in English
    assert not wrong, wrong[:5]


def test_the_compiled_translation_is_current(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run scripts/update_translations.py"


@pytest.fixture
def chinese(qapp):
    from sigverify.gui.language import install_translator, remove_translators

    assert install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    remove_translators(qapp)


def test_core_messages_follow_the_installed_language(qapp, tmp_path):
    from sigverify.gui.language import install_translator, remove_translators

    with pytest.raises(ImageReadError) as english:
        load_image(tmp_path / "cheque.png")
    assert str(english.value) == "The file “cheque.png” does not exist."
    install_translator(qapp, "zh_CN")
    try:
        with pytest.raises(ImageReadError) as chinese:
            load_image(tmp_path / "cheque.png")
        assert "cheque.png" in str(chinese.value)
        assert "不存在" in str(chinese.value)
        # Qt fills in %n for plurals, and core's plural texts go through it too.
        advice = i18n.translate("plots", "%n ref(s)", None, 3)
        assert advice == "3 个参考签名"
    finally:
        remove_translators(qapp)
    assert i18n.translate("plots", "%n ref(s)", None, 3) == "3 refs"


def test_english_or_an_unshipped_language_gives_english_with_english_plurals(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from sigverify.gui.language import EnglishPlurals, install_translator

    for language in ("en", "fr_FR"):
        assert install_translator(qapp, language) == "en"
        ours = [t for t in qapp.findChildren(QTranslator) if isinstance(t, EnglishPlurals)]
        assert len(ours) == 1  # installed once however often English is chosen
        assert i18n.translate("errors", "too many pixels") == "too many pixels"
        # Qt's texts (tr) and core's alike: "(s)" is the English plural
        say = QCoreApplication.translate
        assert say("EnrolmentFlow", "Enrolled %n reference(s).", "", 1) == "Enrolled 1 reference."
        assert say("EnrolmentFlow", "Enrolled %n reference(s).", "", 0) == "Enrolled 0 references."
        assert i18n.translate("audit", "with %n reference(s)", None, 1) == "with 1 reference"
        assert i18n.translate("audit", "with %n reference(s)", None, 12) == "with 12 references"
        assert say("StoreBackups", "%n person(s)", "", 1) == "1 person"
        assert i18n.translate("audit", "%n person(s)", None, 2) == "2 people"
        assert say("PeoplePage", "Enrol") == "Enrol"  # texts without a count: as written
        assert i18n.translate("x", "file(s)") == "file(s)"  # no count: nothing to choose


def test_percentages_follow_the_language(qapp, tmp_path):
    """Seen in a real window: Chinese "分数 69%" on Verify but "分数 69 %" in the audit
    log and the Queue (each place wrote its own "%")."""
    from sigverify.core.audit_view import summary
    from sigverify.core.queue import QueueRow
    from sigverify.core.store.records import AuditEntry
    from sigverify.gui.language import install_translator, remove_translators
    from sigverify.gui.queue_settling import score_text
    from sigverify.gui.widgets import percent

    row = QueueRow("c-1", "a.png", "review", 0.8, 0.69, 1, "", "", "", "", "", None)
    entry = AuditEntry(1, "2026-12-06T02:50:40+00:00", "ann", "verify", "c-1",
                       {"decision": "review", "score": 0.69, "file": "a.png"}, "", "")  # fmt: skip
    assert i18n.percent_text(0.69) == "69 %" and percent(0.123) == "12.3 %"
    assert score_text(row) == "69\u00a0%" and "69 %" in summary(entry)
    assert i18n.percent_suffix() == " %"  # a number box's (the wizard's "15 %")
    install_translator(qapp, "zh_CN")
    try:
        assert i18n.percent_suffix() == "%"
        assert i18n.percent_text(0.69) == "69%" and percent(0.123) == "12.3%"
        assert i18n.percent_text(0.005, "g") == "0.5%"
        assert score_text(row) == "69%"
        text = summary(entry)
        assert "69%" in text and "需复核" in text, text
    finally:
        remove_translators(qapp)


def test_chinese_translations_write_percent_without_a_blank():
    """A pad query's reason read "书写方式占 80 %、图像占 20 %" beside "分数 21%" (a
    real-window pass): every Chinese "%" after a number follows it directly."""
    import re
    import xml.etree.ElementTree as ET

    root = ET.parse(TS).getroot()
    spaced = [
        text
        for message in root.iter("message")
        for text in [message.findtext("translation") or ""]
        + [form.text or "" for form in message.iter("numerusform")]
        if re.search(r"(\d|\})\s+%(?!n)", text)
    ]
    assert spaced == []


def test_qt_dates_follow_the_chosen_language_and_go_back_with_it(qapp):
    from PySide6.QtCore import QDate, QLocale

    from sigverify.gui.language import install_translator, remove_translators

    system = QLocale.system().name()
    install_translator(qapp, "zh_CN")
    try:
        assert QLocale().language() == QLocale.Language.Chinese
        # what the file dialog shows in its date column: the month in Chinese
        assert "12月" in QLocale().toString(QDate(2026, 12, 6), QLocale.FormatType.LongFormat)
    finally:
        remove_translators(qapp)
    assert QLocale().name() == system


def test_the_window_in_chinese(qtbot, chinese, window, tmp_path):
    pages = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert pages == ["人员", "验证", "队列", "阈值", "模型", "训练", "审计日志"]
    assert window.verify_page.summary.badge.text() == "尚无结果"
    models = window.models_page.list
    labels = [models.item(row).text() for row in range(models.count())]
    assert "tiny（使用中）" in labels  # Chinese brackets and list comma, not "(…, …)"
    assert "sigverify-pen-default（手写板签名使用中，内置）" in labels
    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(5)], name="李明")
    # a plural text of the page's enrolment part (its own class): English came out
    assert window.people_page.status.text().startswith("已登记 5 个参考签名。")
    page = window.verify_page
    page.choose_person("c-1")
    page.drop_area.add_paths([signature_file(tmp_path, 1, 7)])
    page.verify()
    wait_idle(qtbot, window.engine)
    assert page.summary.badge.text() in ("接受", "需复核", "拒绝")
    # no blank after the full-width brackets ("李明（c-1） 的": seen)
    assert "</b> 已与 <b>李明（c-1）</b>的 5 个参考签名比对，" in page.summary.subject.text()
    reason = page.result.reason
    assert "最接近的参考签名" in reason and "阈值" in reason, reason
    # the report buttons' part of the page (its own class, ReportActions) speaks Chinese too
    page.save_report(str(tmp_path / "r.pdf"))
    qtbot.waitUntil(lambda: (tmp_path / "r.pdf").is_file(), timeout=30000)
    qtbot.waitUntil(lambda: "报告已保存到" in page.record_status.text(), timeout=30000)


def test_the_language_setting_is_kept_for_the_next_start(qapp, window, dialogs):
    from sigverify.gui.language import chosen_language, install_translator, remove_translators

    assert chosen_language() == ""
    assert window.language_button.text() == "System language"
    dialogs.choice = 2  # the third choice: 简体中文
    window.change_language()
    assert chosen_language() == "zh_CN"
    assert window.language_button.text() == "简体中文"
    assert dialogs.infos and "next time" in dialogs.infos[-1]
    assert dialogs.questions[-1] == "Now: System language. Show sigverify in:"
    dialogs.choice = None  # asked again: the one chosen is said, the window still English
    window.change_language()
    assert dialogs.questions[-1] == "Now: 简体中文. Show sigverify in:"
    try:
        assert install_translator(qapp) == "zh_CN"  # what the next start does
    finally:
        remove_translators(qapp)


def test_lupdate_is_available_where_the_tests_run():
    assert shutil.which(tool("pyside6-lupdate")) and shutil.which(tool("pyside6-lrelease"))


FSTART = ("f'", 'f"', "rf", "fr")


def test_no_translated_text_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr("…") there would never be translated."""
    import io
    import tokenize

    hidden = []
    for name in sources():
        with open(ROOT / name, encoding="utf-8") as file:
            for token in tokenize.generate_tokens(io.StringIO(file.read()).readline):
                fstring = token.type == tokenize.STRING and token.string.lower()[:2] in FSTART
                if fstring and re.search(r"\b(tr|translate)\(\s*['\"]", token.string):
                    hidden.append(f"{name}:{token.start[0]}")
    assert not hidden, hidden


@pytest.mark.parametrize("model", ["default", "pen-default"])
def test_a_bundled_models_description_is_shown_in_chinese(chinese, model):
    from sigverify.core.model.card import read_card
    from sigverify.gui.model_card_view import BUNDLED_DESCRIPTIONS, card_html

    card = read_card(ROOT / "models" / model)
    # retraining a bundled model with another description must update the list too
    assert card.description in BUNDLED_DESCRIPTIONS
    page = card_html(card)
    assert card.description.split(" ")[0] not in page  # no English first paragraph
    assert "训练" in page and ("书写者" in page or "笔迹" in page)
    assert "。 " not in page  # Chinese sentences run on without a blank


def test_a_users_own_description_is_shown_as_written(chinese):
    import dataclasses

    from sigverify.core.model.card import read_card
    from sigverify.gui.model_card_view import card_html

    card = read_card(ROOT / "models" / "default")
    own = dataclasses.replace(card, description="Branch 12 signatures, March & April")
    assert "Branch 12 signatures, March &amp; April" in card_html(own)


def test_no_translation_hides_file_patterns_from_qt(shipped):
    """Qt finds a filter's patterns only between ASCII brackets: a translation with
    full-width ones（*.png）left the Chinese file dialogs listing no files."""
    for (context, source), message in shipped.items():
        for patterns in re.findall(r"\(\*[^)]*\)", source):
            assert patterns in translation_text(message), (context, source)


def test_a_chinese_file_dialog_reads_its_patterns_and_speaks_chinese(chinese, qtbot, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from sigverify.core.imaging.imageio import IMAGE_SUFFIXES
    from sigverify.gui.language import qt_words
    from sigverify.gui.signature_input import image_filter

    assert all(re.search("[\u4e00-\u9fff]", word) for word in qt_words())
    (tmp_path / "old scans").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path), image_filter())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selectedNameFilter().startswith("签名 (")
    # the patterns Qt lists files by: with a full-width bracket the first one was
    # "签名（*.png", and no PNG scan was listed
    model = dialog.findChild(QFileSystemModel)
    patterns = model.nameFilters()
    assert {f"*{suffix}" for suffix in IMAGE_SUFFIXES} <= set(patterns)
    assert all(re.fullmatch(r"\*\.\w+", p) for p in patterns), patterns
    folder = model.index(str(tmp_path / "old scans"))
    qtbot.waitUntil(lambda: folder.siblingAtColumn(2).data() == "文件夹")
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Look in" not in labels and "Files of" not in labels and "查找范围" in labels


def test_time_estimates_speak_the_interface_language(chinese):
    """Seen in a real window: the Chinese wizard estimated "37 min"."""
    from sigverify.gui.widgets import duration

    assert (duration(37 * 60), duration(150 * 60), duration(5)) == (
        "37 分钟",
        "2.5 小时",
        "1 分钟",
    )


def test_every_translated_text_is_written_out_where_it_is_translated():
    """lupdate reads only a string written in the call: ``translate(context, text)`` with a
    variable was never in the translation file, and the Chinese Queue said "Needs review"
    and "waiting" in English (seen in a real window)."""
    import ast

    hidden = []
    for name in sources():
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(
                node.func, ast.Attribute | ast.Name
            ):
                continue
            called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            text = {"tr": 0, "translate": 1}.get(called)
            if text is None or len(node.args) <= text:
                continue
            arg = node.args[text]
            written = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if not written and (str(name), ast.unparse(arg)) not in READ_ELSEWHERE:
                hidden.append(f"{name}:{node.lineno}")
    assert not hidden, hidden


#: Texts translated from a variable on purpose: the pages' own ``tr`` itself, and texts
#: whose translations are listed apart (bundled model cards' descriptions and protocols,
#: the data folder layouts' help, each with its own entry in the translation file).
READ_ELSEWHERE = {
    ("sigverify/gui/language.py", "text"),
    ("sigverify/gui/model_card_view.py", "card.description"),
    ("sigverify/gui/model_card_view.py", "str(protocol)"),
    ("sigverify/gui/train_wizard/data_page.py", "LAYOUT_HELP"),
    ("sigverify/core/data/datasets.py", "LAYOUT_HELP"),
}


def test_lists_and_sentences_in_the_restore_question_are_punctuated_in_chinese(chinese, window):
    """An ASCII comma between list items and a blank after 。 were seen in a real window."""
    from sigverify.core.i18n import join_list
    from sigverify.gui.restore_question import who_changes

    assert join_list(["甲", "乙"]) == "甲、乙"
    enrolled = {"C-1": ("Ana", 4), "C-2": ("Bo", 5), "C-3": ("Cy", 6)}
    said = who_changes(enrolled, {"C-3": 4})
    assert said == (
        "不在备份中，因此将不再登记：Ana（C-1）：4 个参考签名、Bo（C-2）：5 个参考签名。"
        "参考签名将减少：Cy（C-3）：6 → 4。"
    )


def test_lists_elsewhere_are_punctuated_in_chinese_too(chinese):
    from types import SimpleNamespace

    from sigverify.gui.model_card_view import encoder_text

    card = SimpleNamespace(encoder="ensemble", members=[{"encoder": "cnn"}, {"encoder": "tdnn"}])
    assert "CNN、TDNN" in encoder_text(card)  # (named as said: "cnn" was shown)


def test_the_training_log_names_the_loss_in_chinese(chinese):
    """ "cnn" and "contrastive" were written in the Chinese training log (a real window)."""
    from PySide6.QtCore import QCoreApplication

    from sigverify.gui.model_card_view import encoder_name, loss_name

    started = QCoreApplication.translate(
        "TrainingPage", "Training a {encoder} model ({loss} loss) into {out}"
    ).format(encoder=encoder_name("cnn"), loss=loss_name("triplet"), out="runs")
    assert started == "正在训练 CNN 模型（三元组损失），输出到 runs"
    assert loss_name("contrastive") == "对比"


def test_the_hint_for_an_id_in_other_capitals_runs_on_in_chinese(chinese, tmp_path):
    """A real-window pass: "…的人员。 您是否指…" (a blank after the Chinese full stop)."""
    from sigverify.core.errors import NotFoundError
    from sigverify.core.store import Store
    from tests.core.store.test_store import ref

    store = Store(tmp_path / "store.sqlite3")
    try:
        store.add_references("W3", "Ana Li", None, "m1", [ref("a.png")], "clerk")
        for typed, hint in (("w3", "“W3”"), ("Ana Li", "W3")):
            with pytest.raises(NotFoundError) as refused:
                store.get_person(typed)
            text = str(refused.value)
            assert "。" in text and hint in text and "。 " not in text
    finally:
        store.close()


def test_a_note_put_before_a_reason_runs_on_in_chinese(chinese):
    """A real-window pass: "…就接受或拒绝。 该签名与…" under a photo of the paper (and the
    same join before a copy of a reference's reason, and a question with a reason inside)."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from sigverify.core.sent_to_review import (
        copy_of_reference,
        sheet_photo_note,
        sheet_photo_to_review,
    )
    from sigverify.core.thresholds import Thresholds
    from sigverify.core.verification_results import ReferenceDistance, VerificationResult

    near = ReferenceDistance(1, "a.png", 0.5)
    result = VerificationResult(
        "c-1", "accept", 0.5, 0.9, Thresholds(0.6, 0.7, "model"), [near], near,
        "该签名与参考签名的距离为 0.5。", "m@1", warnings=[sheet_photo_note()],
    )  # fmt: skip
    photo = sheet_photo_to_review(result)
    assert photo.decision == "review" and "。该签名" in photo.reason and "。 " not in photo.reason
    same = ReferenceDistance(1, "a.png", 0.0)
    copy = copy_of_reference(replace(result, per_reference=[same], nearest=same))
    assert copy.decision == "review" and "。该签名" in copy.reason and "。 " not in copy.reason
    asked = QCoreApplication.translate(
        "Settling",
        "Nothing was checked for {file} ({person}): {why} Accept it on your own judgement? "
        "The audit log keeps your comment.",
    ).format(file="a.png", person="c-1", why="没有这个人。")
    assert "。要凭" in asked


def test_waiting_signatures_show_their_names_at_1024_by_700_in_chinese(chinese, window, tmp_path):
    """A real-window pass: at 1024 x 700 in Chinese the names under the waiting signatures
    were cut to their top pixels, with a second scroll bar, and the window grew past 700."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QApplication

    from tests.conftest import signature_file

    window.nav.setCurrentRow(window.pages.indexOf(window.people_page))
    pending = window.people_page.adding
    pending.drop_area.add_paths([signature_file(tmp_path, 1, i) for i in range(5)])
    strip = pending.thumbnails
    window.resize(1024, 700)
    window.show()
    QApplication.processEvents()
    label = strip.fontMetrics().boundingRect(QRect(0, 0, 120, 100), Qt.TextFlag.TextWordWrap, "王")
    assert strip.viewport().height() >= strip.iconSize().height() + label.height()
    assert strip.horizontalScrollBar().isVisible() and not strip.verticalScrollBar().isVisible()
    assert window.height() <= 700


def test_the_subject_lines_last_word_is_not_broken_in_chinese(chinese):
    """A real-window pass: "…由模型 sigverify-default 判" / "断", one character alone on the
    second line."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QTextDocument

    for source in (
        "{subject}, by the model {model}",
        "{subject}, by the image model {model} and the pen model {pen}",
    ):
        text = QCoreApplication.translate("ResultSummary", source).format(
            subject="original_12_15.png 已与 Maria Lopez（C-12）的 5 个参考签名比对",
            model="sigverify-\u2060default",
            pen="sigverify-\u2060pen-\u2060default",
        )
        for width in range(200, 700, 3):
            document = QTextDocument()
            document.setPlainText(text)
            document.setTextWidth(width)
            document.documentLayout().documentSize()  # (laid out)
            layout = document.begin().layout()
            starts = [text[layout.lineAt(i).textStart()] for i in range(layout.lineCount())]
            assert starts and "断" not in starts, width


def test_a_data_folders_problems_speak_the_interface_language(chinese, tmp_path):
    """Seen in a real window: the Chinese wizard's data check listed "Writer w1 has only one
    genuine signature…" and "1 file(s) that are not images were ignored" in English."""
    from sigverify.core.data.datasets import read_dataset
    from tests.conftest import signature_file

    signature_file(tmp_path / "w1" / "genuine", 1, 0)
    for i in range(2):
        signature_file(tmp_path / "w2" / "genuine", 2, i)
    (tmp_path / "w2" / "genuine" / "notes.txt").write_text("scanned on Monday")
    (tmp_path / "stray").mkdir()
    said = [p.message for p in read_dataset(tmp_path).problems]
    assert said == [
        "文件夹“stray”中没有 genuine/ 或 forged/ 文件夹；已忽略。",
        "1 个非图像文件已忽略（notes.txt）。",
        "书写者 w1 只有一个真实签名；至少需要 2 个，因此无法使用此书写者。",
        "未找到伪造签名：训练将只把其他书写者的真实签名用作（随机）伪造签名，无法学习熟练伪造。",
    ]
