"""The widgets of the reader: each shows something and posts messages about it."""
