"""spaCy languages: a Kazakh `kk` (spaCy ships none) and Russian with the same number rules."""
