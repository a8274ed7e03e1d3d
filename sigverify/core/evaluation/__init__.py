"""Measuring a model: metrics (EER, ROC, DET), the writer-disjoint protocol and its plots, the
review band and calibration. numpy and matplotlib; no torch."""
