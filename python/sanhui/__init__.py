"""sanhui: 三会一课 plans, records, minutes and task lists for LibreOffice Writer.

The package is layered so that everything but ``sanhui.office`` runs without LibreOffice:
model → content → odf → forms are pure Python and are tested with no office running.
"""
