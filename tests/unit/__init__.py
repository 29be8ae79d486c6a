"""Tests (see README: make test)."""
