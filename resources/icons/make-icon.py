#!/usr/bin/env python3
"""Draws the ca-client application icon (a USB key with a seal on a blue tile)
and writes it as PNG files and one Windows .ico holding every size.
Pure Python (zlib, struct): run it again after changing the drawing.
    resources/icons/make-icon.py   ->  ca-client.ico, ca-client-256.png
"""
import math, os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = [16, 24, 32, 48, 64, 128, 256]

def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def shade(u, v):
    """Colour (r, g, b, a) of the point (u, v) of the unit square."""
    if not inside_round_rect(u, v, 0.03, 0.03, 0.97, 0.97, 0.18):
        return (0, 0, 0, 0)
    t = v
    base = (int(22 + 20 * (1 - t)), int(92 + 40 * (1 - t)), int(178 + 40 * (1 - t)), 255)
    # the key's body: a white rounded bar, slanted slightly
    ku, kv = (u - 0.5) * math.cos(0.5) + (v - 0.5) * math.sin(0.5), -(u - 0.5) * math.sin(0.5) + (v - 0.5) * math.cos(0.5)
    if inside_round_rect(ku, kv, -0.36, -0.13, 0.20, 0.13, 0.08):
        # the seal: a red disc on the key
        if (ku + 0.16) ** 2 + kv ** 2 <= 0.075 ** 2:
            return (214, 48, 49, 255)
        return (250, 250, 252, 255)
    # the USB plug
    if inside_round_rect(ku, kv, 0.18, -0.08, 0.36, 0.08, 0.015):
        if inside_round_rect(ku, kv, 0.25, -0.04, 0.31, 0.04, 0.0):
            return base
        return (200, 208, 220, 255)
    return base

def render(size):
    ss = 4
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    r, g, b, a = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size)
                    acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
            n = ss * ss
            a = acc[3] / n
            if a == 0:
                row += bytes((0, 0, 0, 0))
            else:
                row += bytes((int(acc[0] / acc[3]), int(acc[1] / acc[3]), int(acc[2] / acc[3]), int(round(a))))
        rows.append(bytes(row))
    return rows

def png(size, rows):
    raw = b"".join(b"\0" + r for r in rows)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

images = [(s, png(s, render(s))) for s in SIZES]
with open(os.path.join(HERE, "ca-client-256.png"), "wb") as f:
    f.write(images[-1][1])
header = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
entries, blobs = b"", b""
for s, data in images:
    entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset + len(blobs))
    blobs += data
with open(os.path.join(HERE, "ca-client.ico"), "wb") as f:
    f.write(header + entries + blobs)
