#!/usr/bin/env python3
"""Writes the sample illustrations of public/media: simple, respectful stand-ins for the photographs the
maintainers will supply, each marked "示例图片 · Sample image" and sized like the real object (landscape
paintings, a portrait painting, a 2:1 first-day cover, a plaque). Run again after editing; output is
deterministic."""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "public" / "media"
FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"


def svg(width, height, body, label_fill="#3b2f22"):
    mark = (
        f'<g font-family="{FONT}" font-size="{max(28, width // 40)}" fill="{label_fill}" opacity="0.85">'
        f'<text x="{width - 30}" y="{height - 30}" text-anchor="end">示例图片 · Sample image</text></g>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{body}{mark}</svg>\n'
    )


def students():
    w, h = 1600, 1200
    kids = "".join(
        f'<g transform="translate({380 + i * 210},700)"><circle cy="-120" r="55" fill="#f2c9a0"/>'
        f'<rect x="-60" y="-60" width="120" height="230" rx="50" fill="{c}"/>'
        f'<rect x="-45" y="170" width="30" height="120" fill="#2f3b52"/><rect x="15" y="170" width="30" height="120" fill="#2f3b52"/></g>'
        for i, c in enumerate(["#c0392b", "#2e86c1", "#27ae60", "#d68910", "#8e44ad"])
    )
    flowers = "".join(
        f'<g transform="translate({x},1010)"><rect x="-5" y="0" width="10" height="120" fill="#4d7c2a"/>'
        f'<circle r="45" fill="#f4c20d"/><circle r="18" fill="#7a4a12"/></g>'
        for x in range(120, 1600, 230)
    )
    body = (
        f'<rect width="{w}" height="{h}" fill="#fdf1dc"/><circle cx="1300" cy="220" r="120" fill="#f6b93b"/>'
        '<rect x="180" y="120" width="10" height="420" fill="#6b4f2a"/>'
        '<path d="M190 130 h300 q-30 80 0 160 h-300z" fill="#c8102e"/>'
        '<rect y="980" width="1600" height="220" fill="#b9d98c"/>' + kids + flowers
    )
    return "student-painting-1.svg", svg(w, h, body)


def hundred():
    w, h = 1200, 1600
    petals = "".join(
        f'<ellipse cx="{x}" cy="{y}" rx="70" ry="40" fill="{c}" transform="rotate({r} {x} {y})"/>'
        for x, y, r, c in [(250, 1150, 30, "#e74c3c"), (950, 1180, -20, "#f39c12"), (600, 1330, 0, "#e84393"),
                           (380, 1300, 60, "#fd79a8"), (820, 1320, -50, "#e17055"), (600, 1120, 90, "#fdcb6e")]
    )
    body = (
        f'<rect width="{w}" height="{h}" fill="#fff6e8"/>'
        f'<text x="600" y="820" text-anchor="middle" font-family="Georgia, serif" font-size="420" '
        'font-weight="700" fill="#c8102e">100</text>'
        f'<text x="600" y="960" text-anchor="middle" font-family="{FONT}" font-size="64" fill="#8a5a00">1921 — 2021</text>'
        '<path d="M200 1500 Q600 1000 1000 1500" fill="none" stroke="#4d7c2a" stroke-width="14"/>' + petals
    )
    return "student-painting-2.svg", svg(w, h, body)


def red_ship():
    w, h = 1800, 1200
    body = (
        f'<rect width="{w}" height="{h}" fill="#e3edf2"/><rect y="760" width="{w}" height="440" fill="#9cc3d5"/>'
        '<path d="M0 760 Q450 700 900 760 T1800 760" fill="#b7d3df"/>'
        '<path d="M470 760 h860 l-90 120 h-680z" fill="#b3261e"/>'
        '<rect x="620" y="600" width="560" height="160" rx="18" fill="#c0392b"/>'
        '<rect x="660" y="630" width="480" height="70" fill="#f5e6c8"/>'
        '<path d="M500 780 Q900 830 1300 780" stroke="#7a1414" stroke-width="10" fill="none"/>'
        '<g stroke="#7fa9bb" stroke-width="6" fill="none"><path d="M300 950 q60 -20 120 0"/><path d="M1350 1000 q60 -20 120 0"/></g>'
    )
    return "red-ship.svg", svg(w, h, body)


def meeting_site():
    w, h = 1200, 1500
    windows = "".join(
        f'<rect x="{x}" y="{y}" width="120" height="170" fill="#3b2f22" opacity="0.75"/>'
        for x in (250, 830) for y in (520, 820)
    )
    body = (
        f'<rect width="{w}" height="{h}" fill="#f2ebe1"/>'
        '<rect x="150" y="380" width="900" height="900" fill="#8c8c88"/>'
        '<g stroke="#f2ebe1" stroke-width="4">' + "".join(
            f'<line x1="150" y1="{y}" x2="1050" y2="{y}"/>' for y in range(420, 1280, 40)) + '</g>'
        '<path d="M430 1280 v-420 a170 170 0 0 1 340 0 v420z" fill="#e6dccb"/>'
        '<rect x="480" y="900" width="240" height="380" fill="#3b2f22"/>'
        '<rect x="120" y="330" width="960" height="60" fill="#6e6e6a"/>' + windows +
        '<rect y="1280" width="1200" height="220" fill="#bdb5a6"/>'
    )
    return "meeting-site.svg", svg(w, h, body)


def cover():
    w, h = 2200, 1100
    body = (
        f'<rect width="{w}" height="{h}" fill="#d9d2c3"/>'
        '<rect x="60" y="60" width="2080" height="980" rx="10" fill="#fbf7ee" stroke="#c9bfa9" stroke-width="4"/>'
        '<rect x="1780" y="120" width="260" height="320" fill="#fff" stroke="#c8102e" stroke-width="6" stroke-dasharray="14 8"/>'
        '<path d="M1910 170 l40 110 v100 h-80 v-100z" fill="#e8eef5" stroke="#1d3a6b" stroke-width="6"/>'
        '<path d="M1870 390 l40 -30 l40 30" fill="#f39c12"/>'
        '<circle cx="1650" cy="300" r="140" fill="none" stroke="#1d3a6b" stroke-width="6" opacity="0.7"/>'
        f'<text x="1650" y="310" text-anchor="middle" font-family="{FONT}" font-size="40" fill="#1d3a6b" opacity="0.8">首日 FIRST DAY</text>'
        '<path d="M180 700 Q600 300 1100 560" fill="none" stroke="#c8102e" stroke-width="10"/>'
        '<circle cx="1100" cy="560" r="22" fill="#c8102e"/>'
        '<g stroke="#b9ad94" stroke-width="4"><line x1="1100" y1="800" x2="1900" y2="800"/><line x1="1100" y1="880" x2="1900" y2="880"/></g>'
    )
    return "aerospace-cover.svg", svg(w, h, body)


def book_stack(name, w, h, ribbon):
    colours = ["#c0392b", "#2e86c1", "#27ae60", "#d68910", "#6c3483", "#1f618d"]
    books = "".join(
        f'<rect x="{w // 2 - 330 + (i % 2) * 30}" y="{h - 330 - i * 90}" width="620" height="80" rx="8" fill="{c}"/>'
        f'<rect x="{w // 2 - 300 + (i % 2) * 30}" y="{h - 312 - i * 90}" width="560" height="10" fill="#fff" opacity="0.6"/>'
        for i, c in enumerate(colours)
    )
    extra = ""
    if ribbon:
        extra = (
            f'<rect x="{w // 2 - 10}" y="{h - 330 - 5 * 90}" width="40" height="{6 * 90}" fill="#c8102e" opacity="0.9"/>'
            f'<path d="M{w - 420} {h - 250} Q{w - 300} {h - 500} {w - 120} {h - 560}" fill="none" stroke="#c9a36a" stroke-width="24"/>'
            f'<path d="M{w - 520} {h - 560} l120 -160 l110 120 l90 -90 l140 130z" fill="#8fb07a"/>'
        )
    body = f'<rect width="{w}" height="{h}" fill="#f7efe3"/><rect y="{h - 250}" width="{w}" height="250" fill="#caa776"/>' + books + extra
    return name, svg(w, h, body)


def bronze_plaque():
    w, h = 1500, 1000
    body = (
        f'<defs><linearGradient id="b" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#e0b871"/>'
        '<stop offset="0.5" stop-color="#b07d32"/><stop offset="1" stop-color="#7c5418"/></linearGradient></defs>'
        f'<rect width="{w}" height="{h}" fill="#ece6dc"/>'
        '<rect x="200" y="180" width="1100" height="600" rx="24" fill="url(#b)" stroke="#5e3f10" stroke-width="10"/>'
        '<rect x="240" y="220" width="1020" height="520" rx="14" fill="none" stroke="#f3d9a4" stroke-width="4"/>'
        f'<text x="750" y="520" text-anchor="middle" font-family="{FONT}" font-size="180" font-weight="700" fill="#4a300a">共建单位</text>'
    )
    return "bronze-plaque.svg", svg(w, h, body)


def practice_base():
    w, h = 1000, 1400
    body = (
        f'<rect width="{w}" height="{h}" fill="#d8d4cc"/><rect x="520" y="160" width="420" height="1240" fill="#5b4636"/>'
        '<rect x="160" y="220" width="260" height="900" fill="#fff" stroke="#a8a39a" stroke-width="6"/>'
        + "".join(
            f'<text x="290" y="{330 + i * 110}" text-anchor="middle" font-family="{FONT}" font-size="80" fill="#1f1b16">{ch}</text>'
            for i, ch in enumerate("实践基地")
        )
        + '<rect y="1300" width="1000" height="100" fill="#9e978b"/>'
    )
    return "practice-base-plaque.svg", svg(w, h, body)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in [students(), hundred(), red_ship(), meeting_site(), cover(),
                       book_stack("hudong-books.svg", 1600, 1067, False),
                       book_stack("books-of-love.svg", 1600, 1200, True), bronze_plaque(), practice_base()]:
        (OUT / name).write_text(text, encoding="utf-8")
        print("wrote", OUT / name)


if __name__ == "__main__":
    main()
