//! The checks only a tool beside the files can make: every image the bundle names exists under the site
//! root and is exactly as large as the bundle says (the page reserves that space before it loads, so a
//! wrong size distorts or shifts the layout), and an SVG image holds nothing that runs script
//! (`crate::svg_safety`).

use std::path::{Path, PathBuf};

use bundle::{check_url, Bundle, Location, Problem, Severity, UrlRule};

/// One image the bundle refers to, with where its fields are in the document.
struct ImageRef<'a> {
    src: &'a str,
    width: u32,
    height: u32,
    /// JSON path of the media entry or variant, e.g. `items[2].media[0]` or `…variants[1]`.
    path: String,
}

/// Problems with the media files of `bundle`, located in `source`.
pub fn check_media_files(bundle: &Bundle, source: &str, site_root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for image in image_refs(bundle) {
        let Some(file) = local_file(site_root, image.src) else {
            continue;
        };
        let src_path = format!("{}.src", image.path);
        if !file.is_file() {
            problems.push(located(
                source,
                Severity::Error,
                "missing-media-file",
                src_path,
                format!(
                    "\"{}\" does not exist (looked for {}).",
                    image.src,
                    file.display()
                ),
            ));
            continue;
        }
        if let Some(problem) = svg_scripting(&file, &image, source, &src_path) {
            let unreadable = problem.code == "unreadable-media";
            problems.push(problem);
            if unreadable {
                continue;
            }
        }
        match pixel_size(&file) {
            Err(why) => problems.push(located(
                source,
                Severity::Error,
                "unreadable-media",
                src_path,
                format!("cannot read the size of \"{}\": {why}", image.src),
            )),
            Ok((width, height)) if (width, height) != (image.width, image.height) => {
                problems.push(located(
                    source,
                    Severity::Error,
                    "media-size-mismatch",
                    format!("{}.width", image.path),
                    format!(
                        "\"{}\" is {width}×{height} pixels, but the bundle says {}×{}. Set \"width\": {width}, \"height\": {height}.",
                        image.src, image.width, image.height
                    ),
                ));
            }
            Ok(_) => {}
        }
    }
    if let Some(bundle::Basemap::File(basemap)) = &bundle.map.basemap {
        if let Some(file) = local_file(site_root, basemap) {
            if !file.is_file() {
                // A warning: the map still works on its tiles and markers without the outlines.
                problems.push(located(
                    source,
                    Severity::Warning,
                    "missing-basemap-file",
                    "map.basemap".into(),
                    format!(
                        "\"{basemap}\" does not exist (looked for {}); the map shows no province outlines.",
                        file.display()
                    ),
                ));
            }
        }
    }
    problems
}

/// An SVG image that could run script when opened by itself (`unsafe-svg`), or that is not a
/// well-formed SVG document (`unreadable-media`); `None` for any other file (an unreadable one is
/// reported by the size check).
fn svg_scripting(file: &Path, image: &ImageRef, source: &str, src_path: &str) -> Option<Problem> {
    let is_svg = file
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"));
    if !is_svg {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let (code, message) = match crate::svg_safety::scripting_in_svg(&text) {
        Ok(findings) if findings.is_empty() => return None,
        Err(why) => (
            "unreadable-media",
            format!(
                "\"{}\" is not an SVG image browsers can show: {why}.",
                image.src
            ),
        ),
        Ok(findings) => {
            const SHOWN: usize = 4;
            let mut list: Vec<String> =
                findings.iter().take(SHOWN).map(|f| f.to_string()).collect();
            if findings.len() > SHOWN {
                list.push(format!("{} more", findings.len() - SHOWN));
            }
            (
                "unsafe-svg",
                format!(
                    "\"{}\" holds what can run script when the image is opened by itself, as a page of the site: {}.",
                    image.src,
                    list.join(", ")
                ),
            )
        }
    };
    Some(located(
        source,
        Severity::Error,
        code,
        src_path.to_owned(),
        message,
    ))
}

fn image_refs(bundle: &Bundle) -> Vec<ImageRef<'_>> {
    let mut refs = Vec::new();
    for (i, item) in bundle.items.iter().enumerate() {
        for (j, media) in item.media.iter().enumerate() {
            let at = format!("items[{i}].media[{j}]");
            refs.push(ImageRef {
                src: &media.src,
                width: media.width,
                height: media.height,
                path: at.clone(),
            });
            for (k, variant) in media.variants.iter().enumerate() {
                refs.push(ImageRef {
                    src: &variant.src,
                    width: variant.width,
                    height: variant.height,
                    path: format!("{at}.variants[{k}]"),
                });
            }
        }
    }
    refs
}

/// The file a relative URL names under `site_root`; `None` for https URLs (not fetched here) and for
/// URLs that validation already rejects as unsafe.
pub fn local_file(site_root: &Path, src: &str) -> Option<PathBuf> {
    if check_url(src, UrlRule::RelativeOrHttps).is_err() || src.starts_with("https://") {
        return None;
    }
    let without_query = src.split(['?', '#']).next().unwrap_or(src);
    let relative = percent_decode(without_query.trim_start_matches('/'));
    Some(site_root.join(relative))
}

/// `my%20photo.jpg` -> `my photo.jpg`: the browser decodes URLs before asking for the file.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Width and height in pixels: from the header of a raster image, or from the root element's `width`
/// and `height` attributes of an SVG (what a browser uses as its intrinsic size).
pub fn pixel_size(file: &Path) -> Result<(u32, u32), String> {
    let is_svg = file
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"));
    if is_svg {
        let text = std::fs::read_to_string(file).map_err(|err| err.to_string())?;
        return svg_size(&text);
    }
    let size = imagesize::size(file).map_err(|err| err.to_string())?;
    let to_u32 = |n: usize| u32::try_from(n).map_err(|_| "the image is too large".to_owned());
    Ok((to_u32(size.width)?, to_u32(size.height)?))
}

/// The intrinsic size of an SVG document: its root `<svg>` element's `width` and `height`, in pixels.
pub fn svg_size(text: &str) -> Result<(u32, u32), String> {
    let tag = svg_start_tag(text).ok_or("no <svg> element found")?;
    let dimension = |name: &str| -> Result<u32, String> {
        let value = attribute(tag, name).ok_or_else(|| {
            format!("the <svg> element has no {name} attribute; give it width and height in pixels")
        })?;
        let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
        match number.parse::<f64>() {
            Ok(n) if n > 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => Ok(n as u32),
            _ => Err(format!(
                "the <svg> element's {name}=\"{value}\" is not a whole number of pixels"
            )),
        }
    };
    Ok((dimension("width")?, dimension("height")?))
}

/// The text of the first `<svg …>` start tag, past any XML declaration, comments and doctype.
fn svg_start_tag(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        let open = rest.find('<')?;
        rest = &rest[open..];
        if let Some(after_comment) = rest.strip_prefix("<!--") {
            rest = &after_comment[after_comment.find("-->")? + 3..];
            continue;
        }
        let close = rest.find('>')?;
        let tag = &rest[..=close];
        let name_end = tag[1..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(tag.len(), |i| i + 1);
        let name = &tag[1..name_end];
        if name == "svg" || name.ends_with(":svg") {
            return Some(tag);
        }
        rest = &rest[close + 1..];
    }
}

/// The value of attribute `name` in a start tag (quoted with " or ').
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let preceded_by_space = rest[..at].ends_with(|c: char| c.is_whitespace());
        let after = rest[at + name.len()..].trim_start();
        if preceded_by_space {
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let body = &value[1..];
                    return body.find(quote).map(|end| &body[..end]);
                }
            }
        }
        rest = &rest[at + name.len()..];
    }
    None
}

fn located(
    source: &str,
    severity: Severity,
    code: &'static str,
    path: String,
    message: String,
) -> Problem {
    let (line, column) = bundle::locate(source, &path).unzip();
    Problem {
        severity,
        code,
        message,
        location: Location { path, line, column },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_root_elements_size_past_declarations_and_comments() {
        let svg = "<?xml version=\"1.0\"?>\n<!-- <svg width=\"1\" height=\"1\"> -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\" height='30' width=\"40px\"><rect width=\"5\" height=\"5\"/></svg>";
        assert_eq!(svg_size(svg), Ok((40, 30)));
    }

    #[test]
    fn refuses_svgs_without_a_pixel_size() {
        let err = svg_size("<svg viewBox=\"0 0 10 10\" height=\"10\"></svg>").unwrap_err();
        assert!(err.contains("no width attribute"), "{err}");
        let err = svg_size("<svg width=\"100%\" height=\"10\"></svg>").unwrap_err();
        assert!(err.contains("not a whole number"), "{err}");
    }

    #[test]
    fn resolves_relative_urls_under_the_site_root_only() {
        let root = Path::new("/site");
        assert_eq!(
            local_file(root, "media/my%20photo.jpg?v=2"),
            Some(PathBuf::from("/site/media/my photo.jpg"))
        );
        assert_eq!(local_file(root, "https://example.org/a.jpg"), None);
        assert_eq!(local_file(root, "javascript:alert(1)"), None);
    }
}
