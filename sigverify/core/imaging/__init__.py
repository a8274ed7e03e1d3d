"""Images in and out: decoding files safely, preprocessing a signature into what the
model sees, overlays, pen trajectories, simulated phone photos. numpy and OpenCV; no torch."""
