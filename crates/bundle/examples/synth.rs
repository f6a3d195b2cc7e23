//! Writes a synthetic bundle of N items to stdout, for benchmarks: the sample bundle's units, people and
//! event, plus N generated items of every kind with mixed Chinese and English text and varied image
//! sizes (pointing at the sample illustrations, so images load). Deterministic for a given N.
//!
//! `cargo run -q -p bundle --example synth -- 5000 > /tmp/bundle-5000.json`

use bundle::{Item, ItemKind, Media, Text};

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");
const IMAGES: [&str; 9] = [
    "media/student-painting-1.svg",
    "media/student-painting-2.svg",
    "media/red-ship.svg",
    "media/meeting-site.svg",
    "media/aerospace-cover.svg",
    "media/hudong-books.svg",
    "media/books-of-love.svg",
    "media/bronze-plaque.svg",
    "media/practice-base-plaque.svg",
];
const ZH_WORDS: [&str; 12] = [
    "红船",
    "会址",
    "书画",
    "首日封",
    "铜牌",
    "图书",
    "党建",
    "共建",
    "社区",
    "学校",
    "电梯",
    "百年",
];
const EN_WORDS: [&str; 12] = [
    "ship",
    "site",
    "painting",
    "cover",
    "plaque",
    "books",
    "branch",
    "together",
    "community",
    "school",
    "lift",
    "century",
];

/// A small linear congruential generator: reproducible without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let mut bundle = bundle::parse(SAMPLE).expect("sample bundle parses");
    let units: Vec<String> = bundle.units.iter().map(|u| u.id.clone()).collect();
    let mut rng = Lcg(n as u64);
    bundle.items = (0..n)
        .map(|i| {
            let kind = ItemKind::ALL[i % 4];
            let (a, b) = (rng.next(12), rng.next(12));
            let (width, height) = [
                (1600, 1200),
                (1200, 1600),
                (2200, 1100),
                (1000, 1400),
                (1920, 1080),
            ][rng.next(5)];
            let donor = units[rng.next(3)].clone();
            let recipient = units[rng.next(units.len())].clone();
            Item {
                id: format!("item-{i}"),
                kind,
                title: Text::new(
                    &format!("{}{} 第{i}号", ZH_WORDS[a], ZH_WORDS[b]),
                    &format!("{} {} no. {i}", EN_WORDS[a], EN_WORDS[b]),
                ),
                description: Text::new(
                    &format!("{}与{}的合成展品，用于性能测试。", ZH_WORDS[b], ZH_WORDS[a]),
                    &format!(
                        "Synthetic {} and {} item for benchmarks.",
                        EN_WORDS[b], EN_WORDS[a]
                    ),
                ),
                donors: vec![donor.clone()],
                recipients: vec![recipient.clone()],
                date: format!(
                    "20{:02}-{:02}-{:02}",
                    10 + rng.next(15),
                    1 + rng.next(12),
                    1 + rng.next(28)
                ),
                media: vec![Media {
                    src: IMAGES[rng.next(IMAGES.len())].into(),
                    width,
                    height,
                    alt: Text::new(&format!("合成图片 {i}"), &format!("Synthetic image {i}")),
                    caption: None,
                    credit: None,
                    sample: true,
                    variants: vec![],
                    placeholder: None,
                }],
                featured: i < 12,
                artwork: (kind == ItemKind::Artwork).then(Default::default),
                cover: (kind == ItemKind::FirstDayCover).then(Default::default),
                books: (kind == ItemKind::BookDonation).then(|| bundle::BookDetails {
                    count: Some(1 + rng.next(200) as u32),
                    titles: vec![],
                    via: None,
                    from: vec![donor],
                    to: recipient,
                }),
                plaque: (kind == ItemKind::Plaque).then(Default::default),
            }
        })
        .collect();
    // References from the timeline and routes to sample items would dangle: drop them.
    for activity in &mut bundle.timeline {
        activity.items.clear();
    }
    for route in &mut bundle.map.routes {
        route.items.clear();
    }
    println!("{}", serde_json::to_string(&bundle).expect("serialises"));
}
