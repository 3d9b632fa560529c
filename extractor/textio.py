"""Read text the way it arrives: any of UTF-8 (with or without BOM), UTF-16/32,
cp1251 or KOI8-R; refuse binary data with a message that says so."""
from __future__ import annotations

import codecs

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_FREQUENT = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіәұқңғүөһ")


class InputError(ValueError):
    """The input cannot be read as text; the message says why."""


def decode(data: bytes, source: str = "input") -> str:
    """Decode bytes to text, detecting the encoding; InputError for binary or empty input."""
    if not data.strip():
        raise InputError(f"{source}: empty input (no text to extract from)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"{source}: starts with a {encoding} byte order mark but is not {encoding}: {err}") from err
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):      # NUL and control bytes decode as UTF-8 too, but are not text
        raise InputError(f"{source}: binary data, not text (NUL or control bytes); give a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [(data.decode(enc, errors="replace"), enc) for enc in ("cp1251", "koi8-r")]
    return max(candidates, key=lambda c: _score(c[0]))[0]


def guess_encoding(sample: bytes) -> str:
    """The encoding of a stream from its first bytes (a CSV being read in pieces): utf-8 (with
    or without BOM), or whichever of cp1251 and KOI8-R reads most like Cyrillic prose."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(sample) - 3:             # a character cut by the end of the sample
            return "utf-8"
    return max(("cp1251", "koi8-r"), key=lambda enc: _score(sample.decode(enc, errors="replace")))


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    # Cyrillic in UTF-16 has 0x04 high bytes, Latin has 0x00
    even_04 = sample[0::2].count(4) / (len(sample) / 2)
    odd_04 = sample[1::2].count(4) / (len(sample) / 2)
    if odd_nuls + odd_04 > 0.4 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls + even_04 > 0.4 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample) > 0.05


def _score(text: str) -> float:
    """How much this reads like lowercase Cyrillic prose (the right decoding scores highest)."""
    return sum(1 for c in text if c in _FREQUENT) - 2 * text.count("\ufffd")


def read_text(path: str) -> str:
    """A file ('-' for standard input) as text."""
    import sys
    if path == "-":
        data = sys.stdin.buffer.read()
        return decode(data, "stdin")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; use `sanaq batch` for folders") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    return decode(data, path)
