"""Developer-side tools for sanhui: start a private LibreOffice, install the extension, drive it.

Nothing here ships in the .oxt; it serves tests, the demo, the benchmarks and `make install`.
"""
