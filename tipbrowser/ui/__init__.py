"""The Textual app: screens that route, widgets that show; all work is in the core."""
