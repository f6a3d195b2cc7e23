//! QR codes for handing a page to a visitor's phone, drawn as one SVG path so the app builds the
//! `<svg>` element itself (nothing is inserted as markup).

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR code as an SVG path over a square `viewBox="0 0 size size"`: one rectangle per run of dark
/// modules in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    pub size: usize,
    pub d: String,
}

/// Encodes `text` (a URL) with medium error correction, readable from a screen at arm's length.
/// `None` when it is too long for a QR code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath {
        size: width + 2 * QUIET_ZONE,
        d,
    })
}
