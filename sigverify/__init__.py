"""sigverify: offline handwritten-signature verification."""

__version__ = "0.1.0"
