"""The Customer Tenet XBlock: the "identify your customers" exercise for Open edX."""

__version__ = "0.1.0"
