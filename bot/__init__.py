"""Tipline: anonymous trafficking tip line and safe-migration advice bot for NTT."""
