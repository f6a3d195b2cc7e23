//! Native timing of the two ways to read a bundle: `parse_unlocated` (the app's reader, read.rs) and
//! `parse` (serde, with paths), best of 5 each. Usage: cargo run --release -p bundle --example
//! read_speed -- FILE (e.g. a synthetic bundle from the `synth` example).
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: read_speed FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let best = |f: &dyn Fn() -> bool| {
        (0..5)
            .map(|_| {
                let start = Instant::now();
                assert!(f(), "{path} is not a bundle");
                start.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let reader = best(&|| bundle::parse_unlocated(&text).is_some());
    let serde = best(&|| bundle::parse(&text).is_ok());
    let plain = best(&|| serde_json::from_str::<bundle::Bundle>(&text).is_ok());
    println!(
        "{path}: {:.1} MB; read.rs {reader:.1} ms, serde_json {plain:.1} ms, serde with paths {serde:.1} ms",
        text.len() as f64 / 1e6
    );
}
