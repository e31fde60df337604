#!/usr/bin/env python3
"""Checks a report written by `recon report` and its screenshot (used by `make report-check`).

    python3 Tests/ReportCheck/report_check.py DIR/report.html DIR/report.png

Fails (exit 1, one line per problem) when:
  - report.html is not well-formed XML once `<!DOCTYPE html>` is removed;
  - an <svg> element of the page, or a report-*.svg file beside it, does not parse as XML;
  - an <img> has no source, or a source that is not a file beside the page;
  - the page refers to anything outside itself: a script, a style sheet, a font, an http(s)
    address in `src`/`href`, `url(…)` or `@import` in CSS (the SVG namespace name is fine);
  - the screenshot is blank: (nearly) every pixel the same colour.

Standard library only: the PNG is decoded with zlib.
"""
import os
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree
import zlib

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def local_name(tag):
    """`{namespace}svg` -> `svg`."""
    return tag.rsplit("}", 1)[-1]


def check_html(path):
    problems = []
    folder = os.path.dirname(os.path.abspath(path))
    text = open(path, encoding="utf-8").read()
    body = re.sub(r"^\s*<!DOCTYPE html>\s*", "", text, flags=re.IGNORECASE)
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        return [f"{path}: not well-formed XML: {error}"]

    svgs = re.findall(r"<svg\b.*?</svg>", body, flags=re.DOTALL)
    for number, markup in enumerate(svgs, 1):
        try:
            ElementTree.fromstring(markup)
        except ElementTree.ParseError as error:
            problems.append(f"{path}: <svg> number {number} does not parse: {error}")
    for name in sorted(os.listdir(folder)):
        if name.startswith("report-") and name.endswith(".svg"):
            try:
                ElementTree.parse(os.path.join(folder, name))
            except ElementTree.ParseError as error:
                problems.append(f"{name}: does not parse: {error}")

    for element in root.iter():
        tag = local_name(element.tag)
        if tag in ("script", "link", "iframe", "object", "embed", "base"):
            problems.append(f"{path}: has a <{tag}> element; the page must fetch nothing")
        if tag == "img":
            source = element.get("src", "")
            if not source:
                problems.append(f"{path}: an <img> has no src")
            elif re.match(r"^[a-z]+:", source) or not os.path.isfile(os.path.join(folder, source)):
                problems.append(f"{path}: an <img> points to {source!r}, which is not a file beside the page")
        for attribute, value in element.attrib.items():
            name = local_name(attribute)
            if tag == "img" and name == "src":
                continue  # checked above: a file beside the page is fine
            if name in ("src", "href", "srcset", "poster", "data") and not value.startswith("#"):
                problems.append(f"{path}: <{tag} {name}={value!r}> refers outside the page")
            if name == "xmlns" and value != SVG_NAMESPACE:
                problems.append(f"{path}: unexpected namespace {value!r}")
    outside = re.sub(r'xmlns="http://www\.w3\.org/2000/svg"', "", body)
    for pattern in (r"https?://", r"url\(", r"@import", r"@font-face"):
        if re.search(pattern, outside, flags=re.IGNORECASE):
            problems.append(f"{path}: contains {pattern!r}; the page must fetch nothing")
    if not svgs:
        problems.append(f"{path}: has no chart (<svg>)")
    return problems


def png_pixels(path):
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    position, compressed = 8, b""
    width = height = channels = None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or interlace != 0:
                raise ValueError(f"unsupported PNG: bit depth {depth}, interlace {interlace}")
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour_type]
        elif kind == b"IDAT":
            compressed += chunk
        position += 12 + length
    raw = zlib.decompress(compressed)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        unfilter(kind, line, previous, channels)
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def unfilter(kind, line, previous, channels):
    """Undoes one row's PNG filter in place (PNG spec, section 9)."""
    if kind == 0:
        return
    if kind == 2:
        for x in range(len(line)):
            line[x] = (line[x] + previous[x]) & 255
        return
    for x in range(len(line)):
        left = line[x - channels] if x >= channels else 0
        up = previous[x]
        if kind == 1:
            line[x] = (line[x] + left) & 255
        elif kind == 3:
            line[x] = (line[x] + ((left + up) >> 1)) & 255
        elif kind == 4:
            corner = previous[x - channels] if x >= channels else 0
            guess = left + up - corner
            a, b, c = abs(guess - left), abs(guess - up), abs(guess - corner)
            line[x] = (line[x] + (left if a <= b and a <= c else up if b <= c else corner)) & 255
        else:
            raise ValueError(f"unknown PNG filter {kind}")


def check_png(path):
    try:
        width, height, channels, rows = png_pixels(path)
    except (OSError, ValueError, KeyError, zlib.error) as error:
        return [f"{path}: cannot read the screenshot: {error}"], None
    counts = {}
    for row in rows[::4]:
        for x in range(0, len(row), channels * 4):
            pixel = row[x:x + channels]
            counts[pixel] = counts.get(pixel, 0) + 1
    sampled = sum(counts.values())
    background = max(counts.values())
    ink = 1 - background / sampled
    summary = f"{width}x{height}, {len(counts)} colours sampled, {ink:.1%} of pixels not background"
    if len(counts) < 8 or ink < 0.005:
        return [f"{path}: the page looks blank ({summary})"], summary
    return [], summary


def main(arguments):
    if len(arguments) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    html, png = arguments
    problems = check_html(html)
    png_problems, summary = check_png(png)
    problems += png_problems
    for problem in problems:
        print(f"report-check: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"report-check: {html} is well-formed and self-contained; screenshot {png}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
