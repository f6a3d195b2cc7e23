//! `bundle media` on generated photos: a phone-style JPEG with an EXIF block holding a GPS position and a
//! "rotate 90°" orientation, and a small PNG. The renditions must be upright, at the right widths, in
//! JPEG and WebP, without any EXIF left, and the bundle must record them while every other byte of the
//! file stays as it was.

#![cfg(feature = "media")]

use std::path::{Path, PathBuf};
use std::process::Command;

use image::{ImageFormat, Rgb, RgbImage};
use serde_json::Value;

const VALID: &str = include_str!("corpus/data/valid.json");
/// The colour of the generated photo; the placeholder must come out close to it.
const PHOTO_COLOUR: [u8; 3] = [180, 60, 40];

/// A minimal big-endian TIFF/EXIF block: IFD0 with Orientation = 6 (rotate 90° clockwise to view) and a
/// pointer to a GPS IFD holding latitude 31° 9' N, as a phone camera writes it.
fn exif_block() -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2a\x00\x00\x00\x08");
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&kind.to_be_bytes());
        tiff.extend_from_slice(&count.to_be_bytes());
        tiff.extend_from_slice(&value);
    };
    let gps_ifd_offset: u32 = 8 + 2 + 2 * 12 + 4;
    let gps_data_offset: u32 = gps_ifd_offset + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut tiff, 0x0112, 3, 1, [0, 6, 0, 0]); // Orientation: SHORT 6
    entry(&mut tiff, 0x8825, 4, 1, gps_ifd_offset.to_be_bytes()); // GPSInfo IFD
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0"); // GPSLatitudeRef
    entry(&mut tiff, 0x0002, 5, 3, gps_data_offset.to_be_bytes()); // GPSLatitude
    tiff.extend_from_slice(&0u32.to_be_bytes());
    for (numerator, denominator) in [(31u32, 1u32), (9, 1), (0, 1)] {
        tiff.extend_from_slice(&numerator.to_be_bytes());
        tiff.extend_from_slice(&denominator.to_be_bytes());
    }
    let mut segment = vec![0xff, 0xe1];
    segment.extend_from_slice(&u16::try_from(2 + 6 + tiff.len()).unwrap().to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// A 1300×1000 JPEG (stored sideways, as phones do) with the EXIF block after its JFIF header.
fn phone_photo() -> Vec<u8> {
    let pixels = RgbImage::from_pixel(1300, 1000, Rgb(PHOTO_COLOUR));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95)
        .encode_image(&pixels)
        .unwrap();
    let after_jfif = if jpeg[2..4] == [0xff, 0xe0] {
        4 + usize::from(u16::from_be_bytes([jpeg[4], jpeg[5]]))
    } else {
        2
    };
    jpeg.splice(after_jfif..after_jfif, exif_block());
    jpeg
}

/// The markers of a JPEG's header segments, up to the image data.
fn jpeg_markers(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xff {
        let marker = jpeg[at + 1];
        markers.push(marker);
        if marker == 0xda {
            break;
        }
        at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
    }
    markers
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

struct Site {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Site {
    /// A site like public/: data/bundle.json (the corpus's valid bundle, its image marked as a sample)
    /// and media/, plus a folder of originals beside it.
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("public");
        std::fs::create_dir_all(root.join("data")).unwrap();
        std::fs::create_dir_all(root.join("media")).unwrap();
        let corpus_media = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/media");
        for name in ["gift.svg", "gift-small.svg"] {
            std::fs::copy(corpus_media.join(name), root.join("media").join(name)).unwrap();
        }
        let bundle = VALID.replace(
            "\"placeholder\": \"#dfe8ee\"",
            "\"placeholder\": \"#dfe8ee\",\n          \"sample\": true,\n          \"caption\": { \"zh\": \"示例图片\", \"en\": \"Sample image\" }",
        );
        std::fs::write(root.join("data/bundle.json"), bundle).unwrap();
        let originals = dir.path().join("originals");
        std::fs::create_dir_all(&originals).unwrap();
        std::fs::write(originals.join("01-front.JPG"), phone_photo()).unwrap();
        RgbImage::from_pixel(300, 200, Rgb([20, 120, 60]))
            .save(originals.join("02-detail.png"))
            .unwrap();
        std::fs::write(originals.join("notes.txt"), "not a photo").unwrap();
        Site { _dir: dir, root }
    }

    fn bundle_text(&self) -> String {
        std::fs::read_to_string(self.root.join("data/bundle.json")).unwrap()
    }

    fn run_media(&self) -> (i32, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_bundle"))
            .arg("media")
            .arg(self.root.parent().unwrap().join("originals"))
            .args(["--item", "red-ship", "--bundle"])
            .arg(self.root.join("data/bundle.json"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.is_empty(), "{stderr}");
        (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
        )
    }
}

#[test]
fn the_test_photo_really_carries_gps_and_orientation() {
    // Guards the test itself: the EXIF block must be one a decoder reads.
    use image::ImageDecoder;
    let photo = phone_photo();
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&photo)).unwrap();
    let exif = decoder.exif_metadata().unwrap().expect("EXIF present");
    assert!(contains(&exif, b"N\0"));
    assert_eq!(
        decoder.orientation().unwrap(),
        image::metadata::Orientation::Rotate90
    );
    assert!(jpeg_markers(&photo).contains(&0xe1));
}

#[test]
fn makes_upright_variants_in_both_formats_without_exif() {
    let site = Site::new();
    let (_, stdout) = site.run_media();
    let media = site.root.join("media");
    // The phone photo is 1300×1000 stored sideways: upright it is 1000×1300, narrower than 1920.
    for (width, height) in [(480, 624), (960, 1248), (1000, 1300)] {
        let jpeg = std::fs::read(media.join(format!("red-ship-1-{width}.jpg"))).unwrap();
        let webp = std::fs::read(media.join(format!("red-ship-1-{width}.webp"))).unwrap();
        assert_eq!(image::guess_format(&jpeg).unwrap(), ImageFormat::Jpeg);
        assert_eq!(image::guess_format(&webp).unwrap(), ImageFormat::WebP);
        for bytes in [&jpeg, &webp] {
            let decoded = image::load_from_memory(bytes).unwrap();
            assert_eq!(
                (decoded.width(), decoded.height()),
                (width, height),
                "{width}"
            );
            assert!(!contains(bytes, b"Exif") && !contains(bytes, b"EXIF"));
        }
        assert!(
            !jpeg_markers(&jpeg).contains(&0xe1),
            "no APP1 (EXIF/XMP) segment"
        );
        assert!(
            !contains(&webp[12..], b"EXIF") && !contains(&webp[12..], b"XMP "),
            "no metadata chunk"
        );
    }
    assert!(
        !media.join("red-ship-1-1920.jpg").exists(),
        "never upscaled"
    );
    // The 300 px PNG is smaller than every standard width: only its own size.
    assert!(media.join("red-ship-2-300.jpg").exists());
    assert!(!media.join("red-ship-2-480.jpg").exists());
    assert!(
        stdout.contains("01-front.JPG -> items[0].media[0]: 480×624, 960×1248, 1000×1300"),
        "{stdout}"
    );
}

#[test]
fn records_sizes_variants_and_placeholder_and_leaves_the_rest_of_the_file_alone() {
    let site = Site::new();
    let before = site.bundle_text();
    let (code, stdout) = site.run_media();
    let after = site.bundle_text();

    let media_start = before.find("\"media\": [").unwrap();
    let media_end = before.find("\n    }\n  ],\n  \"map\"").unwrap();
    assert!(after.starts_with(&before[..media_start]));
    assert!(after.ends_with(&before[media_end..]));

    let document: Value = serde_json::from_str(&after).unwrap();
    let entries = document["items"][0]["media"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let main = &entries[0];
    assert_eq!(main["src"], "media/red-ship-1-1000.jpg");
    assert_eq!(
        (main["width"].as_u64(), main["height"].as_u64()),
        (Some(1000), Some(1300))
    );
    assert_eq!(main["sample"], false);
    let variants: Vec<(&str, u64, u64)> = main["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["src"].as_str().unwrap(),
                v["width"].as_u64().unwrap(),
                v["height"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        variants,
        [
            ("media/red-ship-1-480.webp", 480, 624),
            ("media/red-ship-1-960.webp", 960, 1248),
            ("media/red-ship-1-1000.webp", 1000, 1300)
        ]
    );
    let placeholder = main["placeholder"].as_str().unwrap();
    let channel = |i: usize| u8::from_str_radix(&placeholder[1 + 2 * i..3 + 2 * i], 16).unwrap();
    for (i, expected) in PHOTO_COLOUR.into_iter().enumerate() {
        assert!(channel(i).abs_diff(expected) <= 3, "{placeholder}");
    }
    // The old alt text described the sample illustration: emptied, kept as a review note.
    assert_eq!(main["alt"]["zh"], "");
    assert!(main["alt"]["review"]
        .as_str()
        .unwrap()
        .contains("湖面上的一艘红色游船"));
    assert!(main["caption"]["review"].as_str().is_some());
    // A photo without an entry gets a new one, whose alt text is still to be written.
    assert_eq!(entries[1]["src"], "media/red-ship-2-300.jpg");
    assert_eq!(entries[1]["alt"]["en"], "");

    // The files and sizes now agree with the bundle; only the missing descriptions remain, and the
    // command says so with its exit status.
    assert_eq!(code, 1, "{stdout}");
    assert!(
        !stdout.contains("media-size-mismatch") && !stdout.contains("missing-media-file"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("error[missing-alt]").count(), 2, "{stdout}");
    assert!(stdout.contains("at items[0].media[1].alt"), "{stdout}");
}

#[test]
fn an_unknown_item_is_refused_without_touching_anything() {
    let site = Site::new();
    let before = site.bundle_text();
    let output = Command::new(env!("CARGO_BIN_EXE_bundle"))
        .arg("media")
        .arg(site.root.parent().unwrap().join("originals"))
        .args(["--item", "blue-ship", "--bundle"])
        .arg(site.root.join("data/bundle.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("there is no item with id \"blue-ship\". Items: red-ship."),
        "{stderr}"
    );
    assert_eq!(site.bundle_text(), before);
    assert!(!site.root.join("media/blue-ship-1-480.jpg").exists());
}
