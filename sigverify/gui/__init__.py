"""The PySide6 desktop app: pages and widgets over :mod:`sigverify.core`."""
