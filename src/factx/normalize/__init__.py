"""Pure functions that turn matched pieces into normalised values; unit-tested one by one."""
