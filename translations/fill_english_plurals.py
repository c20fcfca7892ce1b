#!/usr/bin/env python3
"""Fills the plural forms of the English catalogue from the source strings.

"%n line(s) added" becomes "%n line added" (one) and "%n lines added" (other); a source without
"(s)"-style suffixes ("%n failed") reads the same in both. Finished translations are kept, so a
hand-written form survives the next update. Usage: fill_english_plurals.py release-cockpit_en.ts
"""
import re
import sys
import xml.etree.ElementTree as ET

SUFFIXES = [(r"y\(ies\)", "y", "ies"), (r"\(es\)", "", "es"), (r"\(s\)", "", "s")]


def forms(source):
    one, other = source, source
    for pattern, singular, plural in SUFFIXES:
        one = re.sub(pattern, singular, one)
        other = re.sub(pattern, plural, other)
    return one, other


def main(path):
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if translation.get("type") not in ("unfinished", None) or (
            translation.get("type") is None and any((f.text or "") for f in translation.findall("numerusform"))
        ):
            continue
        one, other = forms(message.find("source").text or "")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for text in (one, other):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        filled += 1
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    print(f"{path}: filled {filled} plural message(s)")


if __name__ == "__main__":
    main(sys.argv[1])
