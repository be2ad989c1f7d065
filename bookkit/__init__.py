"""The book's build and publishing tooling: the claim ledger, the Sphinx extension, the local site.

Kept apart from ``musclebook`` (the models, plots and widgets a student opens in Binder). It
uses ``musclebook`` for the published values; ``musclebook`` never imports it.
"""
