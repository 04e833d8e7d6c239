"""Moodle GIFT: our own small parser and writer for the question kinds a bank holds."""

from training.gift.parser import GiftChoice, GiftQuestion, ParseResult, Skipped, parse
from training.gift.writer import write

__all__ = ["GiftChoice", "GiftQuestion", "ParseResult", "Skipped", "parse", "write"]
