"""Render models to ODF and read ODF back: the only layer that knows XML, and none of UNO."""
