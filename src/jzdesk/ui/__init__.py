"""The Qt window: models over the use cases and one view module per tab or dialog."""
