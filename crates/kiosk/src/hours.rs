//! Opening hours as the kiosk reads them: whether a moment of local time is inside them. The glue
//! gives the local time (the browser's clock and time zone) and the hours from the bundle, as numbers.

/// A moment of the kiosk's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// The calendar date, (year, month 1-12, day 1-31).
    pub date: (i32, u8, u8),
    /// Monday 0 to Sunday 6.
    pub weekday: u8,
    /// Minutes after midnight, 0 to 1439.
    pub minute: u16,
}

/// Days of the week open from one minute of the day to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// Monday first.
    pub days: [bool; 7],
    /// Minutes after midnight.
    pub from: u16,
    /// Minutes after midnight, up to 1440. Earlier than `from`: open past midnight, into the next day
    /// (the days are those it opens on).
    pub to: u16,
}

/// When the kiosk is open. The default has no times at all: [`Hours::always`] is what a kiosk without
/// hours uses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hours {
    pub open: Vec<Opening>,
    /// Dates closed all day, (year, month, day).
    pub closed: Vec<(i32, u8, u8)>,
    always: bool,
}

impl Hours {
    /// Open at every moment.
    pub fn always() -> Hours {
        Hours {
            always: true,
            ..Hours::default()
        }
    }

    pub fn new(open: Vec<Opening>, closed: Vec<(i32, u8, u8)>) -> Hours {
        Hours {
            open,
            closed,
            always: false,
        }
    }

    /// Whether the kiosk is open at `at`. A closed date closes what opens that day, and the part of
    /// the night before's opening that runs into it.
    pub fn is_open(&self, at: LocalTime) -> bool {
        if self.always {
            return true;
        }
        if self.closed.contains(&at.date) {
            return false;
        }
        let day = usize::from(at.weekday % 7);
        let yesterday = (day + 6) % 7;
        self.open.iter().any(|o| {
            if o.from < o.to {
                o.days[day] && (o.from..o.to).contains(&at.minute)
            } else {
                // Past midnight: from `from` to the end of its day, then until `to` the next day.
                (o.days[day] && at.minute >= o.from) || (o.days[yesterday] && at.minute < o.to)
            }
        })
    }
}

/// "YYYY-MM-DD" as (year, month, day), when it is one.
pub fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}
