//! Any text at all, fed to what the app and the CLI run on a bundle: parse, validate, and locate every
//! problem in the text, then search it. None of it may panic, loop or overflow, whatever a maintainer's
//! editor saved; a search typed on from a shorter one finds what a fresh search finds; and the app's
//! unlocated parse and brief validation accept and refuse what the located, full ones do; the numbers
//! its reader reads without std's parser, it reads as std does.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The app's fast path refuses exactly what the located parse refuses, and reads the same bundle.
    let fast = bundle::parse_unlocated(text);
    // The number reader, without a slow path: what it reads on its own, it reads as std does.
    if let Some(x) = bundle::number::read_float(text, |_| None) {
        assert_eq!(text.parse::<f64>().ok().map(f64::to_bits), Some(x.to_bits()));
    }
    if let Some(read) = bundle::parse_unlocated_with(text, |_| None) {
        assert_eq!(fast.as_ref(), Some(&read));
    }
    match bundle::check(text) {
        Ok(checked) => {
            assert_eq!(fast.as_ref(), Some(&checked.bundle));
            // The app's check (errors only, no messages) finds the errors the full one finds.
            let brief = bundle::errors_briefly(&checked.bundle);
            assert!(brief
                .iter()
                .map(|p| (p.code, &p.location.path))
                .eq(checked.errors().map(|p| (p.code, &p.location.path))));
            for problem in &checked.problems {
                // A located problem must point inside the text.
                if let Some(line) = problem.location.line {
                    assert!(line >= 1 && line <= text.lines().count().max(1) + 1);
                }
            }
            let index = bundle::SearchIndex::new(&checked.bundle);
            let query = bundle::GalleryQuery {
                text: text.chars().take(8).collect(),
                ..Default::default()
            };
            let hits = bundle::search(&checked.bundle, &index, &query, bundle::Lang::En);
            assert!(hits.iter().all(|&i| i < checked.bundle.items.len()));
            // Typing on from a shorter query (scanning only its hits) finds what a fresh search finds.
            let shorter = bundle::GalleryQuery {
                text: query.text.chars().take(3).collect(),
                ..Default::default()
            };
            let before = bundle::search(&checked.bundle, &index, &shorter, bundle::Lang::En);
            let after = bundle::search_after(
                &checked.bundle,
                &index,
                &query,
                bundle::Lang::En,
                (&shorter, bundle::Lang::En, &before),
            );
            assert_eq!(after, hits);
        }
        Err(err) => {
            assert!(fast.is_none());
            assert!(!err.message.is_empty());
        }
    }
    // The path locator on arbitrary paths drawn from the input itself.
    let _ = bundle::locate(text, text.get(..text.len().min(24)).unwrap_or(""));
});
