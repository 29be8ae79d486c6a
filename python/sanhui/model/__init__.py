"""Plain data the extension writes: no XML, no UNO, only the shape of the documents."""
