"""Printed documents of the Kepegawaian module."""
