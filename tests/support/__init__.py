"""Helpers that start and reach the real services the integration tests use."""
