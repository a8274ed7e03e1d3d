"""Everything that computes or stores. Never imports Qt (see tests/test_architecture.py)."""
