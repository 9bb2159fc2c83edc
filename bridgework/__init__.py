"""Bridgework: a private practice program for loosening hyper-independence."""

__version__ = "0.1.0"

# The modules that make up the product, in the order they appear in navigation and on
# the home page. Each is a Django app ``bridgework.<name>``; see DESIGN.md §2.
MODULES = ["learn", "assess", "ladder", "circle", "voice", "compassion", "checkin", "journal", "safety", "care"]
