"""What each command asks for: fields, defaults, parsing and validation, shared by dispatch
arguments and dialogs (a dialog is only another way of filling the same form)."""
