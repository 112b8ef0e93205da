"""Documents people send with a complaint or afterwards."""
