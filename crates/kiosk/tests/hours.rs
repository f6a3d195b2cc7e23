//! Opening hours read at moments of local time: the day's range, past midnight, closed dates.

use kiosk::hours::{parse_date, Hours, LocalTime, Opening};

const WEEKDAYS: [bool; 7] = [true, true, true, true, true, false, false];

fn at(date: (i32, u8, u8), weekday: u8, hh: u16, mm: u16) -> LocalTime {
    LocalTime {
        date,
        weekday,
        minute: hh * 60 + mm,
    }
}

#[test]
fn open_within_the_days_times() {
    let hours = Hours::new(
        vec![Opening {
            days: WEEKDAYS,
            from: 9 * 60,
            to: 17 * 60 + 30,
        }],
        vec![],
    );
    let monday = (2026, 11, 30);
    assert!(!hours.is_open(at(monday, 0, 8, 59)));
    assert!(hours.is_open(at(monday, 0, 9, 0)));
    assert!(hours.is_open(at(monday, 0, 17, 29)));
    assert!(
        !hours.is_open(at(monday, 0, 17, 30)),
        "closing time is closed"
    );
    assert!(
        !hours.is_open(at((2026, 12, 5), 5, 12, 0)),
        "Saturday is not named"
    );
}

#[test]
fn past_midnight_runs_into_the_next_day() {
    let hours = Hours::new(
        vec![Opening {
            days: [false, false, false, false, true, false, false],
            from: 18 * 60,
            to: 2 * 60,
        }],
        vec![],
    );
    let friday = (2026, 12, 4);
    let saturday = (2026, 12, 5);
    assert!(!hours.is_open(at(friday, 4, 17, 59)));
    assert!(hours.is_open(at(friday, 4, 23, 0)));
    assert!(
        hours.is_open(at(saturday, 5, 1, 59)),
        "Friday's evening runs into Saturday"
    );
    assert!(!hours.is_open(at(saturday, 5, 2, 0)));
    assert!(
        !hours.is_open(at(saturday, 5, 23, 0)),
        "Saturday itself does not open"
    );
}

#[test]
fn a_closed_date_closes_the_day() {
    let holiday = (2026, 10, 1);
    let hours = Hours::new(
        vec![Opening {
            days: [true; 7],
            from: 0,
            to: 24 * 60,
        }],
        vec![holiday],
    );
    assert!(hours.is_open(at((2026, 9, 30), 2, 12, 0)));
    assert!(!hours.is_open(at(holiday, 3, 12, 0)));
    assert!(hours.is_open(at((2026, 10, 2), 4, 0, 0)));
}

#[test]
fn always_and_never() {
    assert!(Hours::always().is_open(at((2026, 1, 1), 3, 3, 0)));
    assert!(!Hours::new(vec![], vec![]).is_open(at((2026, 1, 1), 3, 12, 0)));
}

#[test]
fn dates_are_read_as_written() {
    assert_eq!(parse_date("2026-10-01"), Some((2026, 10, 1)));
    for bad in ["2026-1-01", "2026-10-01-2", "20261001", "abcd-ef-gh", ""] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}
