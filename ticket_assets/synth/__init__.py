"""Seeded synthetic truck tickets: a sample inbox with the truth for every page, for demos, tests and benchmarks."""

from ticket_assets.synth.generate import generate_inbox

__all__ = ["generate_inbox"]
