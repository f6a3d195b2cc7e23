//! The sizes a photo is served at, one rule for the maintainers' two tools: `bundle media` (natively)
//! and the editor (the browser's own decoders and encoders) make the same renditions of a photo.

/// Widths the site offers each photo at, for `srcset`; never wider than the original.
pub const WIDTHS: [u32; 3] = [480, 960, 1920];
/// JPEG quality: visually clean for photographs at about a tenth of the size of quality 100.
pub const JPEG_QUALITY: u8 = 82;
/// Lossy WebP quality (libwebp's scale): about a third smaller than the JPEG at the same look.
pub const WEBP_QUALITY: f32 = 80.0;

/// The widths to render an image `original_width` pixels wide at: the standard widths it can fill, plus
/// its own width when it is narrower than the largest standard one (never upscaled).
pub fn target_widths(original_width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS
        .into_iter()
        .filter(|w| *w <= original_width)
        .collect();
    let largest = WIDTHS[WIDTHS.len() - 1];
    if original_width < largest && widths.last() != Some(&original_width) {
        widths.push(original_width);
    }
    widths
}

/// The height of a rendition `width` wide of an image `original_width` × `original_height`, rounded.
pub fn scaled_height(original_width: u32, original_height: u32, width: u32) -> u32 {
    let exact = u64::from(original_height) * u64::from(width);
    let rounded = (exact + u64::from(original_width) / 2) / u64::from(original_width.max(1));
    u32::try_from(rounded.max(1)).unwrap_or(u32::MAX)
}

/// The file names of a photo's rendition `width` wide, `stem` being `<item>-<n>` (its n-th photo, from
/// 1): (JPEG, WebP).
pub fn file_names(stem: &str, width: u32) -> (String, String) {
    (
        format!("{stem}-{width}.jpg"),
        format!("{stem}-{width}.webp"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscales_and_always_offers_the_original_width() {
        assert_eq!(target_widths(4000), vec![480, 960, 1920]);
        assert_eq!(target_widths(1920), vec![480, 960, 1920]);
        assert_eq!(target_widths(1200), vec![480, 960, 1200]);
        assert_eq!(target_widths(960), vec![480, 960]);
        assert_eq!(target_widths(300), vec![300]);
    }

    #[test]
    fn keeps_the_aspect_ratio_when_scaling() {
        assert_eq!(scaled_height(4000, 3000, 480), 360);
        assert_eq!(scaled_height(1600, 1067, 960), 640);
        assert_eq!(scaled_height(5000, 1, 480), 1);
    }
}
