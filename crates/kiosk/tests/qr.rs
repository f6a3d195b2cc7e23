//! The QR path, rasterised back to pixels and read by an independent decoder (rqrr).

use kiosk::qr::{qr_path, QUIET_ZONE};

/// Fills the path's rectangles ("M x y h n v1 h-n z") into a bitmap of `scale` pixels per module.
fn rasterise(size: usize, d: &str, scale: usize) -> Vec<bool> {
    let px = size * scale;
    let mut dark = vec![false; px * px];
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = rect.split_once('h').expect("h after the move");
        let (x, y) = xy.split_once(' ').expect("x y");
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let run: usize = rest.split_once('v').expect("v").0.parse().unwrap();
        assert_eq!(
            rest,
            format!("{run}v1h-{run}z"),
            "every run is a closed 1-high rectangle"
        );
        for yy in y * scale..(y + 1) * scale {
            for xx in x * scale..(x + run) * scale {
                dark[yy * px + xx] = true;
            }
        }
    }
    dark
}

fn decode(text: &str) -> String {
    let qr = qr_path(text).expect("encodes");
    let scale = 4;
    let px = qr.size * scale;
    let dark = rasterise(qr.size, &qr.d, scale);
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            px,
            px,
            |x, y| {
                if dark[y * px + x] {
                    0
                } else {
                    255
                }
            },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    grids[0].decode().expect("decodes").1
}

#[test]
fn item_urls_round_trip_through_a_decoder() {
    for url in [
        "https://example.org/showcase/gallery/red-ship",
        "https://example.org/gallery/book-donation-zhutian?lang=en",
        "https://www.example.com/%E7%BA%A2%E8%88%B9",
    ] {
        assert_eq!(decode(url), url);
    }
}

#[test]
fn the_quiet_zone_is_left_light() {
    let qr = qr_path("https://example.org/").unwrap();
    let dark = rasterise(qr.size, &qr.d, 1);
    for y in 0..qr.size {
        for x in 0..qr.size {
            let inside = (QUIET_ZONE..qr.size - QUIET_ZONE).contains(&x)
                && (QUIET_ZONE..qr.size - QUIET_ZONE).contains(&y);
            assert!(
                inside || !dark[y * qr.size + x],
                "module {x},{y} is in the quiet zone"
            );
        }
    }
    // Version 2 (25 modules) fits a short URL at level M.
    assert_eq!(qr.size, 25 + 2 * QUIET_ZONE);
}

#[test]
fn text_too_long_for_a_code_is_refused() {
    assert_eq!(qr_path(&"x".repeat(5000)), None);
}
