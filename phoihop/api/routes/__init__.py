"""The API's operations, by subject. django-ninja reads their annotations at run time, so these
modules do not use `from __future__ import annotations`."""
