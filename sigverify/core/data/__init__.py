"""Signature data folders: dataset layouts, the in-memory bank of preprocessed images and its
on-disk cache, and the synthetic signature generator. No torch."""
