"""Unicode script classes for the stdlib `re`, which scans a whole text several times faster than
`regex` does with \\p{...} properties (`re` has no script properties, so they are spelled out).

Generated from `regex`'s tables: (?V1)[\\p{Latin}&&[\\p{L}\\p{M}]], the same for Cyrillic, and
\\p{Cyrillic}; tests/test_normalize.py checks that they still agree.
"""

LATIN_LETTERS = (
    r"\u0041-\u005a\u0061-\u007a\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u02e0-\u02e4\u1d00-\u1d25"
    r"\u1d2c-\u1d5c\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a-\u212b"
    r"\u2132\u214e\u2183-\u2184\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7dc\ua7f1-\ua7ff\uab30-\uab5a\uab5c-\uab64"
    r"\uab66-\uab69\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a\U00010780-\U00010785\U00010787-\U000107b0"
    r"\U000107b2-\U000107ba\U0001df00-\U0001df1e\U0001df25-\U0001df2a")
CYRILLIC_LETTERS = (
    r"\u0400-\u0481\u0483-\u0484\u0487-\u052f\u1c80-\u1c8a\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua672\ua674-\ua67d"
    r"\ua67f-\ua69f\ufe2e-\ufe2f\U0001e030-\U0001e06d\U0001e08f")
# every character of the script: the letters and marks, and ҂ (thousands sign), ꙳ and ꙾
CYRILLIC_SCRIPT = (
    r"\u0400-\u0484\u0487-\u052f\u1c80-\u1c8a\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua69f\ufe2e-\ufe2f"
    r"\U0001e030-\U0001e06d\U0001e08f")
