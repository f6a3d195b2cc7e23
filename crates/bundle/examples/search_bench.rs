//! Native timing of the gallery search over a synthetic bundle (not a test: it reports).
//! `cargo run --release -q -p bundle --example synth -- 5000 > /tmp/b.json`
//! `cargo run --release -q -p bundle --example search_bench -- /tmp/b.json`

use std::time::Instant;

use bundle::{search, Bundle, GalleryQuery, Lang, SearchIndex, SortOrder};

const QUERIES: [&str; 19] = [
    "r", "re", "red", "red ", "red s", "red sh", "red shi", "red ship", "红", "红船", "书", "书画",
    "b", "bo", "boo", "book", "books", "社", "社区",
];

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: search_bench BUNDLE.json");
    let source = std::fs::read_to_string(path).expect("readable bundle");
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let parsed = bundle::parse(&source).expect("parses");
    println!("parse: {:.2} ms", ms(t));
    let t = Instant::now();
    let problems = bundle::validate(&parsed);
    println!("validate: {:.2} ms ({} problems)", ms(t), problems.len());
    let t = Instant::now();
    let _: serde_json::Value = serde_json::from_str(&source).expect("JSON");
    println!("serde_json::Value, for scale: {:.2} ms", ms(t));
    let t = Instant::now();
    let checked = bundle::check(&source).expect("valid bundle");
    println!("check (parse + validate + locate): {:.2} ms", ms(t));
    let bundle = checked.bundle;
    let t = Instant::now();
    let index = SearchIndex::new(&bundle);
    println!("index: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    for sort in SortOrder::ALL {
        time_queries(&bundle, &index, sort.as_str(), sort, &QUERIES);
    }
    // The pinyin spellings (the app's `pinyin` chunk), and searching with them in.
    let t = Instant::now();
    index.spell(&bundle, bundle::spell::spellings);
    println!("pinyin spellings: {:.2} ms", ms(t));
    let with_pinyin: Vec<&str> = (QUERIES.iter().copied())
        .chain(["h", "hc", "hong", "hongchuan", "sh", "shuhua"])
        .collect();
    time_queries(&bundle, &index, "pinyin in", SortOrder::Date, &with_pinyin);
}

/// Searches each of `queries` 20 times, sorted by `sort`, and prints the percentiles.
fn time_queries(
    bundle: &Bundle,
    index: &SearchIndex,
    label: &str,
    sort: SortOrder,
    queries: &[&str],
) {
    let mut times = Vec::new();
    let mut hits = 0;
    for _ in 0..20 {
        for q in queries {
            let query = GalleryQuery {
                text: (*q).into(),
                sort,
                ..Default::default()
            };
            let t = Instant::now();
            hits += search(bundle, index, &query, Lang::En).len();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(f64::total_cmp);
    let p = |q: f64| times[((q * times.len() as f64).ceil() as usize).saturating_sub(1)];
    println!(
        "{label:>9}: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms ({hits} hits)",
        p(0.5),
        p(0.95),
        p(1.0)
    );
}
