"""Command line and web interface."""
