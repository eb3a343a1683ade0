"""The Qt window: models over services and one view module per tab or dialog."""
