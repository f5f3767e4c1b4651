"""The screens of the reader: they route messages between widgets."""
