"""The threshold number box's arrow step: a round number at most 0.5 % of the range."""

import pytest

from sigverify.gui.threshold_widgets import ThresholdControl, round_step


@pytest.mark.parametrize(
    ("at_most", "step"),
    [
        (0.00437, 0.002),  # 0.874 / 200
        (0.005, 0.005),
        (0.0099, 0.005),
        (0.01, 0.01),
        (0.019, 0.01),
        (0.0251, 0.02),
        (1.0, 1.0),
        (7.3, 5.0),
        (0.0004, 0.0002),
    ],
)
def test_round_step_is_the_largest_1_2_5_at_most_the_given(at_most, step):
    assert round_step(at_most) == pytest.approx(step)


def test_number_box_arrows_move_a_round_step(qtbot):
    control = ThresholdControl()
    qtbot.addWidget(control)
    control.set_range(1.748)  # 0.5 % is 0.00874
    assert control.box.singleStep() == pytest.approx(0.005)
    control.setValue(0.8173)
    control.box.stepUp()
    assert control.value() == pytest.approx(0.8223)
    control.set_range(0.3)  # a cosine model's smaller distances: 0.0015
    assert control.box.singleStep() == pytest.approx(0.001)
    control.set_range(0.01)  # never below the box's last decimal
    assert control.box.singleStep() == pytest.approx(0.0001)


def test_the_handle_stays_with_the_number_when_the_range_changes(qtbot):
    """Seen in a real window: scores from a data folder widened the range, the handles
    stayed where they were, and Up raised the number while the handle went left."""
    control = ThresholdControl()
    qtbot.addWidget(control)
    control.set_range(1.0)
    control.setValue(0.5)
    assert control.slider.value() == 500
    changed = []
    control.valueChanged.connect(changed.append)
    control.set_range(2.0)  # the same number, on a scale twice as long
    assert control.slider.value() == 250 and control.value() == pytest.approx(0.5)
    assert changed == []  # (the number itself did not change)
    control.slider.setValue(300)  # the handle moved on: the number follows, to the new scale
    assert control.value() == pytest.approx(0.6)
