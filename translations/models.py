"""Translation workflow: provenance of translations, machine translation, PO exchange."""
