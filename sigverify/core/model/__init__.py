"""A trained model on disk: its card (JSON, no torch), the ONNX Runtime model the desk
verifies with (no torch), the one loader for inference, the catalogue of installed models;
`io` (safetensors weights) and `export` (to ONNX) need torch."""
