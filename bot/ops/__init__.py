"""Running Tipline: health checks, metrics, several worker processes."""
