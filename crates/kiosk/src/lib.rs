//! The kiosk's behaviour over time, as a plain state machine: no browser and no clock of its own.
//!
//! The browser glue feeds it the time (milliseconds on any monotonic-enough clock) and what happened
//! (a touch, a tick, the result of a check for updates); it answers with [`Action`]s for the glue to
//! carry out. Everything that decides *when* lives here and is tested natively with a fake clock.
//!
//! ```text
//!            touch                      idle_s without a touch
//!   ┌──────────────────────┐  Active ───────────────────────────┐
//!   │                      │    │ (already at rest: home page,    ▼
//!   │                      │    │  default language)          Countdown ── countdown_s ──┐
//!   │                      │    ▼                               │ touch → Active           │ ResetToHome
//!   │                      └─ Resting ◄─────────────────────────────────────────────────────┘
//!   │                             │ attract_after_s
//!   │      touch → StopAttract    ▼
//!   └──────────────────────── Attract (a slide every slide_s)
//!
//!   Resting or Attract, outside opening hours ──Sleep──► Asleep (a dim clock)
//!   Asleep: a touch → Wake, Active (the cycle above, then asleep again); opening time → Wake, Resting
//! ```
//!
//! Whether it is open is the glue's to tell ([`Kiosk::set_open`], from [`hours::Hours`] and the local
//! time); someone using the kiosk at closing time is not sent away: it sleeps once at rest.
//!
//! Updates found by the periodic check wait for an idle moment (Resting or Attract): a new app version
//! reloads the page, a new bundle is swapped in without one. An invalid bundle is never swapped in.

pub mod hours;
pub mod qr;
pub mod usage;

/// Milliseconds on the glue's clock (`Date.now()` in the browser, a counter in tests).
pub type Millis = u64;

/// How long each phase lasts, in milliseconds. Built from the bundle's kiosk settings (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub idle: Millis,
    pub countdown: Millis,
    pub attract_after: Millis,
    pub slide: Millis,
    pub refresh: Millis,
}

impl Timing {
    /// From seconds (the bundle's unit). Zero is raised to one second: a zero would spin.
    pub fn from_seconds(
        idle: u32,
        countdown: u32,
        attract_after: u32,
        slide: u32,
        refresh: u32,
    ) -> Self {
        let ms = |s: u32| u64::from(s.max(1)) * 1000;
        Timing {
            idle: ms(idle),
            countdown: ms(countdown),
            attract_after: ms(attract_after),
            slide: ms(slide),
            refresh: ms(refresh),
        }
    }
}

impl Default for Timing {
    /// The documented defaults: 60 s idle, 10 s countdown, 120 s to attract, 8 s a slide, 300 s refresh.
    fn default() -> Self {
        Timing::from_seconds(60, 10, 120, 8, 300)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Someone is using the kiosk.
    Active,
    /// "Touch to continue": the reset happens at `ends` unless someone touches.
    Countdown { ends: Millis },
    /// Nobody is here; the home page is on show in the default language.
    Resting { since: Millis },
    /// The full-screen slideshow; `slide` is on show until `next`.
    Attract { slide: usize, next: Millis },
    /// Outside opening hours with nobody here: the sleep screen, until a touch or opening time.
    Asleep,
}

/// What the glue must do, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ShowCountdown,
    HideCountdown,
    /// Back to the home page, filters cleared, language back to the default; dialogs closed.
    ResetToHome,
    /// Show the slideshow, starting with slide 0.
    StartAttract,
    ShowSlide(usize),
    /// Leave the slideshow for the home page.
    StopAttract,
    /// Check the server for a new bundle or app version (the answer comes back through
    /// [`Kiosk::checked`]).
    CheckForUpdates,
    /// Put the new bundle the last check found on show (no reload).
    SwapBundle,
    /// Reload the page to run the new app version.
    ReloadApp,
    /// Show the sleep screen (outside opening hours).
    Sleep,
    /// Hide it: opening time, or a touch.
    Wake,
}

/// What a check for updates found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckOutcome {
    /// Same bundle, same app (e.g. HTTP 304, or the same content hash).
    Unchanged,
    /// A new bundle that parsed and validated; the glue keeps it until [`Action::SwapBundle`].
    NewBundle,
    /// A new app version was deployed.
    NewApp,
    /// A new bundle that is broken: ignored, the good one stays. The text says why, for the log.
    InvalidBundle(String),
    /// The server could not be reached; nothing changes, the next check comes at its time.
    Failed(String),
}

/// One line for the log, in words rather than as a `Debug` dump.
impl std::fmt::Display for CheckOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckOutcome::Unchanged => f.write_str("unchanged"),
            CheckOutcome::NewBundle => f.write_str("new bundle"),
            CheckOutcome::NewApp => f.write_str("new app version"),
            CheckOutcome::InvalidBundle(why) => write!(f, "invalid bundle: {why}"),
            CheckOutcome::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

/// The last check and its outcome, for the maintenance overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastCheck {
    pub at: Millis,
    pub outcome: CheckOutcome,
}

#[derive(Debug, Clone)]
pub struct Kiosk {
    timing: Timing,
    phase: Phase,
    last_input: Millis,
    /// Never more than `timing.refresh` away (see [`Kiosk::set_timing`]).
    next_check: Millis,
    slides: usize,
    pending_bundle: bool,
    pending_app: bool,
    last_check: Option<LastCheck>,
    /// Inside opening hours (always, for a kiosk without them).
    open: bool,
}

impl Kiosk {
    /// A kiosk that has just started at `now`, as if touched; it has `slides` slides for the attract loop.
    pub fn new(timing: Timing, now: Millis, slides: usize) -> Self {
        Kiosk {
            timing,
            phase: Phase::Active,
            last_input: now,
            next_check: now + timing.refresh,
            slides,
            pending_bundle: false,
            pending_app: false,
            last_check: None,
            open: true,
        }
    }

    /// Whether it is now inside opening hours; the next tick acts on it.
    pub fn set_open(&mut self, open: bool) {
        self.open = open;
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Someone is using the kiosk (or has until the countdown ends): not at rest, attracting or
    /// asleep. The usage counts end a session when this turns false.
    pub fn visitor_here(&self) -> bool {
        matches!(self.phase, Phase::Active | Phase::Countdown { .. })
    }

    pub fn timing(&self) -> Timing {
        self.timing
    }

    pub fn last_check(&self) -> Option<&LastCheck> {
        self.last_check.as_ref()
    }

    /// Whether an update waits for an idle moment.
    pub fn update_pending(&self) -> bool {
        self.pending_bundle || self.pending_app
    }

    /// New timings at `now` (e.g. from a new bundle); the current phase keeps its deadlines, and the
    /// next check for updates comes no later than `now + refresh`.
    ///
    /// The bundle often arrives after the kiosk's code, which started on the default 300 s; its own
    /// `refresh_seconds` says how stale the content on show may get, so it counts from when that
    /// content arrived, not from the start on a period nobody chose. The check only ever moves
    /// earlier: the glue applies the timings again on every bundle change and swap, and moving the
    /// check later each time could put it off for good. Counting from `now` rather than from the
    /// start keeps a bundle that arrived late from being fetched again at once; a longer period takes
    /// over after the check already due.
    pub fn set_timing(&mut self, timing: Timing, now: Millis) {
        self.timing = timing;
        self.next_check = self.next_check.min(now + timing.refresh);
    }

    /// The number of slides changed (e.g. a new bundle): the slideshow restarts if it was beyond the end.
    pub fn set_slides(&mut self, slides: usize) {
        self.slides = slides;
        if let Phase::Attract { slide, .. } = &mut self.phase {
            if *slide >= slides.max(1) {
                *slide = 0;
            }
        }
    }

    /// Whole seconds left in the countdown (rounded up), when it is on.
    pub fn countdown_left(&self, now: Millis) -> Option<u64> {
        match self.phase {
            Phase::Countdown { ends } => Some(ends.saturating_sub(now).div_ceil(1000)),
            _ => None,
        }
    }

    /// A touch, click, key or wheel: someone is here.
    pub fn input(&mut self, now: Millis) -> Vec<Action> {
        let actions = match self.phase {
            Phase::Active | Phase::Resting { .. } => vec![],
            Phase::Countdown { .. } => vec![Action::HideCountdown],
            Phase::Attract { .. } => vec![Action::StopAttract],
            Phase::Asleep => vec![Action::Wake],
        };
        self.phase = Phase::Active;
        self.last_input = now;
        actions
    }

    /// Time passes. `at_rest`: the home page is on show in the default language with nothing open, so
    /// an idle kiosk has nothing to reset and skips the countdown. Deadlines missed while the glue was
    /// not ticking (a sleeping tab) are caught up in order.
    pub fn tick(&mut self, now: Millis, at_rest: bool) -> Vec<Action> {
        let mut actions = Vec::new();
        if now >= self.next_check {
            actions.push(Action::CheckForUpdates);
            self.next_check = now + self.timing.refresh;
        }
        // Each pass moves at most one phase on; four passes reach any phase.
        for _ in 0..4 {
            let before = self.phase;
            self.step(now, at_rest, &mut actions);
            if self.phase == before {
                break;
            }
        }
        if matches!(
            self.phase,
            Phase::Resting { .. } | Phase::Attract { .. } | Phase::Asleep
        ) {
            if self.pending_app {
                self.pending_app = false;
                self.pending_bundle = false;
                actions.push(Action::ReloadApp);
            } else if self.pending_bundle {
                self.pending_bundle = false;
                actions.push(Action::SwapBundle);
            }
        }
        actions
    }

    fn step(&mut self, now: Millis, at_rest: bool, actions: &mut Vec<Action>) {
        let t = self.timing;
        match self.phase {
            Phase::Active => {
                let idle_at = self.last_input + t.idle;
                if now >= idle_at {
                    self.phase = if at_rest {
                        Phase::Resting { since: idle_at }
                    } else {
                        actions.push(Action::ShowCountdown);
                        Phase::Countdown {
                            ends: idle_at + t.countdown,
                        }
                    };
                }
            }
            Phase::Countdown { ends } => {
                if now >= ends {
                    actions.push(Action::ResetToHome);
                    self.phase = Phase::Resting { since: ends };
                }
            }
            Phase::Resting { .. } | Phase::Attract { .. } if !self.open => {
                if matches!(self.phase, Phase::Attract { .. }) {
                    actions.push(Action::StopAttract);
                }
                actions.push(Action::Sleep);
                self.phase = Phase::Asleep;
            }
            Phase::Asleep => {
                if self.open {
                    actions.push(Action::Wake);
                    self.phase = Phase::Resting { since: now };
                }
            }
            Phase::Resting { since } => {
                let starts = since + t.attract_after;
                if now >= starts && self.slides > 0 {
                    actions.push(Action::StartAttract);
                    self.phase = Phase::Attract {
                        slide: 0,
                        next: starts + t.slide,
                    };
                }
            }
            Phase::Attract { slide, next } => {
                if now >= next && self.slides > 0 {
                    let steps = (now - next) / t.slide + 1;
                    let slide = (slide + steps as usize) % self.slides;
                    actions.push(Action::ShowSlide(slide));
                    self.phase = Phase::Attract {
                        slide,
                        next: next + steps * t.slide,
                    };
                }
            }
        }
    }

    /// The glue's answer to [`Action::CheckForUpdates`]. Updates wait for the next idle moment; an
    /// invalid bundle or a failed check changes nothing but the record.
    pub fn checked(&mut self, now: Millis, outcome: CheckOutcome) {
        match outcome {
            CheckOutcome::NewBundle => self.pending_bundle = true,
            CheckOutcome::NewApp => self.pending_app = true,
            CheckOutcome::Unchanged | CheckOutcome::InvalidBundle(_) | CheckOutcome::Failed(_) => {}
        }
        self.last_check = Some(LastCheck { at: now, outcome });
    }

    /// Asks for a check at the next tick (e.g. the network came back).
    pub fn check_soon(&mut self, now: Millis) {
        self.next_check = self.next_check.min(now);
    }
}
