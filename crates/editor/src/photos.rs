//! A maintainer's photo made ready for the site in the browser, as `bundle media` makes it natively:
//! decoded and turned upright by its EXIF orientation (the browser's own decoder), resized to the
//! same widths (`bundle::renditions`, the one rule), and encoded afresh as JPEG and WebP from the
//! pixels, so nothing of the original's metadata (GPS position, camera) is in what the site serves.

use bundle::renditions::{file_names, scaled_height, target_widths, JPEG_QUALITY, WEBP_QUALITY};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The kinds of file a photo can be (the browser decodes each).
pub const TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// The name of a new photo of the record `id`: `{id}-` and the first 8 bytes, in hex, of the SHA-256 of
/// the file as picked (the browser's own digest). Another photo never gets the same name, in this
/// draft or any later one, so its files never replace another's on the site (where visitors' and
/// kiosks' caches keep a photo's files by name); the same photo again gets the same files.
pub async fn stem(id: &str, file: &web_sys::Blob) -> Result<String, String> {
    let describe = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let bytes = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?;
    let subtle = window().crypto().map_err(describe)?.subtle();
    let digest = subtle
        .digest_with_str_and_js_u8_array("SHA-256", &js_sys::Uint8Array::new(&bytes))
        .map_err(describe)?;
    let digest = js_sys::Uint8Array::new(&JsFuture::from(digest).await.map_err(describe)?).to_vec();
    Ok(stem_of(id, &digest))
}

fn stem_of(id: &str, digest: &[u8]) -> String {
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{id}-{hex}")
}

/// One size of the photo, in both formats.
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    pub jpeg: (String, web_sys::Blob),
    pub webp: (String, web_sys::Blob),
}

pub struct Photo {
    /// Narrowest first.
    pub renditions: Vec<Rendition>,
    /// The average colour, `#rrggbb`, shown while the photo loads.
    pub placeholder: String,
}

impl Photo {
    /// The media entry for the bundle, as `bundle media` writes it: the largest JPEG as `src`, every
    /// WebP as a variant, the alt text empty in both languages (to be written: the checker asks).
    pub fn entry(&self, prefix: &str) -> Value {
        let largest = self.renditions.last().expect("a photo has a rendition");
        json!({
            "src": format!("{prefix}{}", largest.jpeg.0),
            "width": largest.width,
            "height": largest.height,
            "alt": { "zh": "", "en": "" },
            "variants": self.renditions.iter().map(|r| json!({
                "src": format!("{prefix}{}", r.webp.0), "width": r.width, "height": r.height
            })).collect::<Vec<_>>(),
            "placeholder": self.placeholder,
        })
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

async fn bitmap(
    file: &web_sys::Blob,
    size: Option<(u32, u32)>,
) -> Result<web_sys::ImageBitmap, JsValue> {
    let options = web_sys::ImageBitmapOptions::new();
    options.set_image_orientation(web_sys::ImageOrientation::FromImage);
    if let Some((width, height)) = size {
        options.set_resize_width(width);
        options.set_resize_height(height);
        options.set_resize_quality(web_sys::ResizeQuality::High);
    }
    let promise =
        window().create_image_bitmap_with_blob_and_image_bitmap_options(file, &options)?;
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

fn canvas(
    image: &web_sys::ImageBitmap,
) -> Result<
    (
        web_sys::HtmlCanvasElement,
        web_sys::CanvasRenderingContext2d,
    ),
    JsValue,
> {
    let canvas: web_sys::HtmlCanvasElement = window()
        .document()
        .ok_or("no document")?
        .create_element("canvas")?
        .unchecked_into();
    canvas.set_width(image.width());
    canvas.set_height(image.height());
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .unchecked_into();
    context.draw_image_with_image_bitmap(image, 0.0, 0.0)?;
    Ok((canvas, context))
}

async fn encode(
    canvas: &web_sys::HtmlCanvasElement,
    kind: &str,
    quality: f64,
) -> Result<web_sys::Blob, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(e) =
            canvas.to_blob_with_type_and_encoder_options(&resolve, kind, &quality.into())
        {
            let _ = reject.call1(&JsValue::UNDEFINED, &e);
        }
    });
    let value = JsFuture::from(promise).await?;
    if value.is_null() {
        return Err("the browser could not encode the photo".into());
    }
    let blob: web_sys::Blob = value.unchecked_into();
    // A browser without the encoder gives PNG instead.
    if blob.type_() != kind {
        return Err(format!("this browser cannot write {kind}").into());
    }
    Ok(blob)
}

/// The photo's average colour: the mean of a 32 × 32 reduction (the browser's high-quality resize
/// averages the pixels of each cell).
async fn average_colour(file: &web_sys::Blob) -> Result<String, JsValue> {
    let small = bitmap(file, Some((32, 32))).await?;
    let (_, context) = canvas(&small)?;
    let data = context.get_image_data(0.0, 0.0, 32.0, 32.0)?.data();
    let mut sums = [0u64; 3];
    for pixel in data.chunks_exact(4) {
        for (sum, channel) in sums.iter_mut().zip(pixel) {
            *sum += u64::from(*channel);
        }
    }
    let count = (data.len() / 4).max(1) as u64;
    let [r, g, b] = sums.map(|s| (s + count / 2) / count);
    Ok(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// Prepares `file` (JPEG, PNG or WebP) as photo `stem` (`<item>-<n>`).
pub async fn prepare(file: &web_sys::Blob, stem: &str) -> Result<Photo, String> {
    let describe = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let upright = bitmap(file, None)
        .await
        .map_err(|_| "the file is not a photo this browser can read".to_owned())?;
    let (width, height) = (upright.width(), upright.height());
    let mut renditions = Vec::new();
    for target in target_widths(width) {
        let target_height = scaled_height(width, height, target);
        let resized = bitmap(file, Some((target, target_height)))
            .await
            .map_err(describe)?;
        let (canvas, _) = canvas(&resized).map_err(describe)?;
        let (jpeg_name, webp_name) = file_names(stem, target);
        let jpeg = encode(&canvas, "image/jpeg", f64::from(JPEG_QUALITY) / 100.0)
            .await
            .map_err(describe)?;
        let webp = encode(&canvas, "image/webp", f64::from(WEBP_QUALITY) / 100.0)
            .await
            .map_err(describe)?;
        renditions.push(Rendition {
            width: target,
            height: target_height,
            jpeg: (jpeg_name, jpeg),
            webp: (webp_name, webp),
        });
    }
    let placeholder = average_colour(file).await.map_err(describe)?;
    Ok(Photo {
        renditions,
        placeholder,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_named_by_its_record_and_its_digest() {
        let digest: Vec<u8> = (0..32).collect();
        assert_eq!(stem_of("red-ship", &digest), "red-ship-0001020304050607");
    }
}
