//! The usage counts against a fake clock, driven as the browser glue drives them: the kiosk's state
//! machine ticks every 250 ms, a visitor's input goes to both, and the counts hear when the machine is
//! back at rest. Also the searches as they settle, the CSV they are kept and exported as, and the
//! bounds on what is kept.

use kiosk::usage::{Date, Usage, MAX_DAYS, MAX_KEYS, MAX_TEXT, OTHER};
use kiosk::{Kiosk, Timing};

const S: u64 = 1000;
const DAY1: Date = (2026, 12, 1);
const DAY2: Date = (2026, 12, 2);

/// The machine, the counts and a fake clock and calendar.
struct Rig {
    kiosk: Kiosk,
    usage: Usage,
    now: u64,
    today: Date,
}

impl Rig {
    fn new() -> Self {
        Rig {
            kiosk: Kiosk::new(Timing::default(), 0, 3),
            usage: Usage::default(),
            now: 0,
            today: DAY1,
        }
    }

    /// Time passes in ticks; the home page is on show once the kiosk has reset (as the glue says).
    fn run(&mut self, ms: u64) {
        let end = self.now + ms;
        while self.now < end {
            self.now = (self.now + 250).min(end);
            let _ = self.kiosk.tick(self.now, false);
            if !self.kiosk.visitor_here() {
                self.usage.at_rest();
            }
        }
    }

    fn touch(&mut self) {
        let _ = self.kiosk.input(self.now);
        self.usage.input(self.now, self.today);
    }

    fn day(&self, date: Date) -> kiosk::usage::Day {
        self.usage
            .days()
            .find(|(d, _)| **d == date)
            .map(|(_, day)| day.clone())
            .unwrap_or_default()
    }
}

#[test]
fn a_session_lasts_from_the_first_touch_to_the_last() {
    let mut rig = Rig::new();
    rig.run(5 * S);
    assert!(!rig.usage.in_session(), "starting is not a visitor");
    rig.touch();
    assert!(rig.usage.in_session());
    rig.run(20 * S);
    rig.touch();
    rig.run(25 * S);
    rig.touch(); // 45 s after the first
                 // Idle 60 s, countdown 10 s, then the reset: the session ends, 45 s long.
    rig.run(69 * S);
    assert!(
        rig.usage.in_session(),
        "the countdown is still the visitor's"
    );
    rig.run(2 * S);
    assert!(!rig.usage.in_session());
    let day = rig.day(DAY1);
    assert_eq!(day.sessions, 1);
    assert_eq!(day.session_seconds, 45);
    assert_eq!(day.longest_session_seconds, 45);
}

#[test]
fn a_touch_in_the_countdown_keeps_the_session() {
    let mut rig = Rig::new();
    rig.touch();
    rig.run(65 * S); // in the countdown
    rig.touch();
    rig.run(10 * S);
    rig.touch();
    rig.run(80 * S);
    let day = rig.day(DAY1);
    assert_eq!(day.sessions, 1);
    assert_eq!(day.session_seconds, 75);
}

#[test]
fn sessions_add_up_and_the_longest_is_kept() {
    let mut rig = Rig::new();
    for length in [10, 30, 20] {
        rig.touch();
        rig.run(length * S);
        rig.touch();
        rig.run(80 * S); // back at rest
    }
    let day = rig.day(DAY1);
    assert_eq!(day.sessions, 3);
    assert_eq!(day.session_seconds, 60);
    assert_eq!(day.longest_session_seconds, 30);
}

#[test]
fn a_session_counts_on_the_day_it_started_and_views_on_their_own_day() {
    let mut rig = Rig::new();
    rig.touch();
    rig.usage.page(rig.today, "gallery");
    rig.run(10 * S);
    rig.today = DAY2; // midnight
    rig.touch();
    rig.usage.page(rig.today, "gallery");
    rig.usage.item(rig.today, "red-ship");
    rig.run(80 * S);
    assert_eq!(rig.day(DAY1).sessions, 1);
    assert_eq!(rig.day(DAY1).session_seconds, 10);
    assert_eq!(rig.day(DAY1).page_views(), 1);
    assert_eq!(rig.day(DAY2).sessions, 0);
    assert_eq!(rig.day(DAY2).page_views(), 1);
    assert_eq!(rig.day(DAY2).items.get("red-ship"), Some(&1));
}

#[test]
fn views_count_only_while_a_visitor_is_here() {
    let mut rig = Rig::new();
    rig.usage.page(rig.today, "home"); // the app starting
    rig.touch();
    rig.usage.page(rig.today, "gallery");
    rig.usage.item(rig.today, "red-ship");
    rig.usage.item(rig.today, "red-ship");
    rig.usage.item(rig.today, "meeting-site");
    rig.run(80 * S);
    rig.usage.page(rig.today, "home"); // the reset to the home page
    let day = rig.day(DAY1);
    assert_eq!(day.pages.get("gallery"), Some(&1));
    assert_eq!(day.pages.get("home"), None);
    assert_eq!(day.item_views(), 3);
    assert_eq!(day.items.get("red-ship"), Some(&2));
}

#[test]
fn typing_on_is_one_search_counted_when_left() {
    let mut rig = Rig::new();
    rig.touch();
    for (text, found) in [("h", true), ("hon", true), ("hongx", false)] {
        rig.usage.searched(rig.today, text, found);
    }
    assert_eq!(rig.day(DAY1).searches, 0, "not left yet");
    // Deleting back is the same search, kept at its longest.
    rig.usage.searched(rig.today, "hong", true);
    rig.usage.leave_search();
    let day = rig.day(DAY1);
    assert_eq!(day.searches, 1);
    assert_eq!(day.empty_searches.get("hongx"), Some(&1));
    assert_eq!(day.empty_search_count(), 1);
}

#[test]
fn another_text_is_another_search_and_the_end_of_a_session_leaves_it() {
    let mut rig = Rig::new();
    rig.touch();
    rig.usage.searched(rig.today, "zzz", false);
    rig.usage.searched(rig.today, "", true); // cleared
    rig.usage.searched(rig.today, "Red  Ship!", true);
    rig.usage.searched(rig.today, "qq", false);
    rig.run(80 * S); // the visitor went away
    let day = rig.day(DAY1);
    assert_eq!(day.searches, 3);
    assert_eq!(
        day.empty_searches.keys().collect::<Vec<_>>(),
        ["qq", "zzz"],
        "found searches keep no text"
    );
    // Outside a session nothing counts (the kiosk's reset clears the search box).
    rig.usage.searched(rig.today, "nobody", false);
    rig.usage.leave_search();
    assert_eq!(rig.day(DAY1).searches, 3);
}

#[test]
fn search_texts_keep_letters_digits_and_spaces_only() {
    let mut rig = Rig::new();
    rig.touch();
    let long = "x".repeat(MAX_TEXT + 20);
    for text in [
        "=HYPERLINK(\"evil\")",
        "  红船   <b>2021</b> ",
        long.as_str(),
    ] {
        rig.usage.searched(rig.today, text, false);
        rig.usage.leave_search();
    }
    let day = rig.day(DAY1);
    let texts: Vec<&String> = day.empty_searches.keys().collect();
    assert!(texts.contains(&&"hyperlink evil".to_owned()), "{texts:?}");
    assert!(texts.contains(&&"红船 b 2021 b".to_owned()), "{texts:?}");
    assert!(texts.contains(&&"x".repeat(MAX_TEXT)), "{texts:?}");
}

#[test]
fn the_csv_reads_back_what_it_wrote() {
    let mut rig = Rig::new();
    rig.touch();
    rig.usage.page(rig.today, "gallery");
    rig.usage.item(rig.today, "red-ship");
    rig.usage.searched(rig.today, "hongx, \"quoted\"", false);
    rig.run(20 * S);
    rig.touch();
    rig.run(80 * S);
    rig.today = DAY2;
    rig.touch();
    rig.usage.page(rig.today, "map");
    rig.run(80 * S);
    let csv = rig.usage.to_csv();
    assert!(csv.starts_with("date,measure,key,count\n"), "{csv}");
    assert!(csv.contains("2026-12-01,page_views,gallery,1\n"), "{csv}");
    assert!(csv.contains("2026-12-01,item_views,red-ship,1\n"), "{csv}");
    assert!(csv.contains("2026-12-01,sessions,,1\n"), "{csv}");
    assert!(csv.contains("2026-12-01,session_seconds,,20\n"), "{csv}");
    assert!(
        csv.contains("2026-12-01,empty_searches,hongx quoted,1\n"),
        "{csv}"
    );
    assert!(csv.contains("2026-12-02,page_views,map,1\n"), "{csv}");
    let back = Usage::from_csv(&csv);
    assert_eq!(
        back.days().collect::<Vec<_>>(),
        rig.usage.days().collect::<Vec<_>>()
    );
    assert_eq!(back.to_csv(), csv);
}

#[test]
fn damaged_rows_cost_only_themselves() {
    let csv = "date,measure,key,count\n\
               2026-12-01,page_views,gallery,4\n\
               2026-13-01,page_views,gallery,4\n\
               2026-12-01,sessions,,many\n\
               2026-12-01,item_views,\"unclosed\n\
               garbage\n";
    let usage = Usage::from_csv(csv);
    let days: Vec<_> = usage.days().collect();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].1.pages.get("gallery"), Some(&4));
    assert_eq!(days[0].1.sessions, 0);
    assert!(Usage::from_csv("").days().next().is_none());
}

#[test]
fn only_the_last_days_are_kept() {
    let mut usage = Usage::default();
    usage.input(0, (2026, 1, 1));
    for i in 0..(MAX_DAYS as u8 + 10) {
        let date = (2026, 1 + i / 28, 1 + i % 28);
        usage.page(date, "home");
    }
    let days: Vec<Date> = usage.days().map(|(d, _)| *d).collect();
    assert_eq!(days.len(), MAX_DAYS);
    assert_eq!(days.last(), Some(&(2026, 3, 14)));
    // The CSV of the kept days stays about this size: bounded storage.
    assert!(
        usage.to_csv().len() < MAX_DAYS * 256,
        "{}",
        usage.to_csv().len()
    );
}

#[test]
fn keys_beyond_the_bound_count_together() {
    let mut usage = Usage::default();
    usage.input(0, DAY1);
    for i in 0..MAX_KEYS + 5 {
        usage.item(DAY1, &format!("item-{i}"));
    }
    usage.item(DAY1, "item-0");
    let (_, day) = usage.days().next().unwrap();
    assert_eq!(day.items.len(), MAX_KEYS + 1);
    assert_eq!(day.items.get(OTHER), Some(&5));
    assert_eq!(day.items.get("item-0"), Some(&2));
    assert_eq!(day.item_views(), MAX_KEYS as u32 + 6);
}

#[test]
fn clearing_forgets_every_count_but_the_session_under_way() {
    let mut rig = Rig::new();
    rig.touch();
    rig.usage.page(rig.today, "gallery");
    rig.usage.clear();
    assert_eq!(rig.day(DAY1).page_views(), 0);
    rig.run(5 * S);
    rig.touch();
    rig.run(80 * S);
    assert_eq!(rig.day(DAY1).sessions, 1);
    assert_eq!(rig.day(DAY1).session_seconds, 5);
}

#[test]
fn a_maintainers_session_is_not_counted() {
    let mut rig = Rig::new();
    rig.touch();
    rig.run(10 * S);
    rig.touch();
    rig.run(80 * S); // a visitor's, 10 s
    rig.touch(); // the 5-second press that opens the panel
    rig.usage.not_a_visitor();
    assert!(!rig.usage.in_session());
    rig.run(80 * S);
    let day = rig.day(DAY1);
    assert_eq!(day.sessions, 1);
    assert_eq!(day.session_seconds, 10);
}

#[test]
fn a_day_with_only_a_maintainers_session_is_not_kept() {
    let mut rig = Rig::new();
    rig.touch();
    rig.usage.not_a_visitor();
    assert!(rig.usage.days().next().is_none());
    assert_eq!(rig.usage.to_csv(), "date,measure,key,count\n");
}
