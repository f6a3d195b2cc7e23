//! Turning a maintainer's original photo into the renditions the site serves.
//!
//! Every rendition is encoded afresh from decoded pixels, so nothing of the original file's metadata
//! survives: no EXIF, no GPS position of where the photo was taken, no camera serial number. The EXIF
//! orientation is applied to the pixels first, so a phone photo taken upright stays upright once its
//! orientation tag is gone.

use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};

// The sizes and qualities are the editor's too (the bundle crate's one rule).
use bundle::renditions::{file_names, scaled_height, JPEG_QUALITY, WEBP_QUALITY};
pub use bundle::renditions::{target_widths, WIDTHS};

/// Extensions of the originals `bundle media` picks up (case-insensitive).
pub const ORIGINAL_EXTENSIONS: [&str; 6] = ["jpg", "jpeg", "png", "webp", "tif", "tiff"];

/// One size of a processed photo, written in both formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// File names inside the output folder.
    pub jpeg: String,
    pub webp: String,
}

#[derive(Debug, Clone)]
pub struct ProcessedPhoto {
    pub original: PathBuf,
    /// Narrowest first; the last is the largest.
    pub renditions: Vec<Rendition>,
    /// The photo's average colour, `#rrggbb`, shown while it loads.
    pub placeholder: String,
}

impl ProcessedPhoto {
    pub fn largest(&self) -> &Rendition {
        self.renditions
            .last()
            .expect("a processed photo has at least one rendition")
    }
}

/// Decodes `original`, turns it upright, and writes `{stem}-{width}.jpg` and `.webp` for each target
/// width into `out_dir`.
pub fn process_photo(original: &Path, out_dir: &Path, stem: &str) -> Result<ProcessedPhoto> {
    let pixels = decode_upright(original)
        .with_context(|| format!("cannot read the photo {}", original.display()))?;
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create the folder {}", out_dir.display()))?;
    let (original_width, original_height) = pixels.dimensions();
    let mut renditions = Vec::new();
    for width in target_widths(original_width) {
        let height = scaled_height(original_width, original_height, width);
        let resized = if width == original_width {
            pixels.clone()
        } else {
            image::imageops::resize(&pixels, width, height, FilterType::Lanczos3)
        };
        let (jpeg, webp) = file_names(stem, width);
        let rendition = Rendition {
            width,
            height,
            jpeg,
            webp,
        };
        write_jpeg(&resized, &out_dir.join(&rendition.jpeg))?;
        write_webp(&resized, &out_dir.join(&rendition.webp))?;
        renditions.push(rendition);
    }
    Ok(ProcessedPhoto {
        original: original.to_path_buf(),
        placeholder: average_colour(&pixels),
        renditions,
    })
}

/// The photo's pixels as a viewer shows them: EXIF orientation applied, alpha dropped.
fn decode_upright(original: &Path) -> Result<RgbImage> {
    let mut decoder = ImageReader::open(original)?
        .with_guessed_format()?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image.to_rgb8())
}

fn write_jpeg(pixels: &RgbImage, path: &Path) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    JpegEncoder::new_with_quality(BufWriter::new(file), JPEG_QUALITY)
        .encode_image(pixels)
        .with_context(|| format!("cannot encode {}", path.display()))
}

fn write_webp(pixels: &RgbImage, path: &Path) -> Result<()> {
    // The image crate only writes lossless WebP, which for photographs is larger than the JPEG; libwebp's
    // lossy encoder is what makes WebP worth serving.
    let encoded = webp::Encoder::from_rgb(pixels.as_raw(), pixels.width(), pixels.height())
        .encode(WEBP_QUALITY);
    std::fs::write(path, &*encoded).with_context(|| format!("cannot write {}", path.display()))
}

/// The mean colour of all pixels, `#rrggbb`: close to what the photo looks like from afar.
pub fn average_colour(pixels: &RgbImage) -> String {
    let mut sums = [0u64; 3];
    for pixel in pixels.pixels() {
        for (sum, channel) in sums.iter_mut().zip(pixel.0) {
            *sum += u64::from(channel);
        }
    }
    let count = u64::from(pixels.width()) * u64::from(pixels.height());
    let [r, g, b] = sums.map(|sum| (sum + count / 2) / count.max(1));
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The originals in `folder`, by file name, so the first photo becomes the item's main image.
pub fn list_originals(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(folder)
        .with_context(|| format!("cannot open the folder {}", folder.display()))?;
    let mut originals = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let is_photo = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ORIGINAL_EXTENSIONS
                .iter()
                .any(|known| e.eq_ignore_ascii_case(known))
        });
        if is_photo && path.is_file() {
            originals.push(path);
        }
    }
    originals.sort();
    Ok(originals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_the_average_colour() {
        let mut pixels = RgbImage::new(2, 1);
        pixels.put_pixel(0, 0, image::Rgb([255, 0, 0]));
        pixels.put_pixel(1, 0, image::Rgb([0, 0, 255]));
        assert_eq!(average_colour(&pixels), "#800080");
    }
}
