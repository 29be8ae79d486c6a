"""The only layer that imports ``uno``: dispatch, insertion, undo, message boxes, logging."""
