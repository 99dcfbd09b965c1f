"""Synthetic tickets in layouts and wordings of our own, to measure extraction on pages its authors never saw."""

from ticket_assets.synth_unseen.generate import generate_inbox

__all__ = ["generate_inbox"]
