//! The kiosk state machine against a fake clock: every transition, the catch-up after a sleep, when
//! the checks for updates come (also when the bundle's timings arrive late), and the update rules
//! (swap only when idle, never an invalid bundle).

use kiosk::{Action, CheckOutcome, Kiosk, Phase, Timing};

const S: u64 = 1000;

/// A kiosk plus its fake clock, ticking every 250 ms like the browser glue.
struct Rig {
    kiosk: Kiosk,
    now: u64,
    log: Vec<(u64, Action)>,
}

impl Rig {
    fn new(slides: usize) -> Self {
        Rig::with_timing(Timing::default(), slides)
    }

    /// A kiosk started at 0 on `timing` (the bundle's, when it was in before the kiosk's code).
    fn with_timing(timing: Timing, slides: usize) -> Self {
        Rig {
            kiosk: Kiosk::new(timing, 0, slides),
            now: 0,
            log: Vec::new(),
        }
    }

    /// Advances the clock by `ms` in ticks of 250 ms, recording actions with their time.
    fn run(&mut self, ms: u64, at_rest: impl Fn(&[(u64, Action)]) -> bool) {
        let end = self.now + ms;
        while self.now < end {
            self.now = (self.now + 250).min(end);
            let rest = at_rest(&self.log);
            for action in self.kiosk.tick(self.now, rest) {
                self.log.push((self.now, action));
            }
        }
    }

    fn touch(&mut self) {
        for action in self.kiosk.input(self.now) {
            self.log.push((self.now, action));
        }
    }

    fn actions(&self) -> Vec<Action> {
        self.log
            .iter()
            .map(|(_, a)| *a)
            .filter(|a| *a != Action::CheckForUpdates)
            .collect()
    }

    fn at(&self, action: Action) -> Option<u64> {
        self.log.iter().find(|(_, a)| *a == action).map(|(t, _)| *t)
    }

    /// When the checks for updates came.
    fn checks(&self) -> Vec<u64> {
        self.log
            .iter()
            .filter(|(_, a)| *a == Action::CheckForUpdates)
            .map(|(t, _)| *t)
            .collect()
    }
}

/// The default timings but for the refresh period: what a bundle's `refresh_seconds` changes.
fn refresh_every(seconds: u64) -> Timing {
    Timing {
        refresh: seconds * S,
        ..Timing::default()
    }
}

/// At rest once the kiosk has reset itself (the glue goes home then).
fn rest_after_reset(log: &[(u64, Action)]) -> bool {
    log.iter()
        .any(|(_, a)| matches!(a, Action::ResetToHome | Action::StopAttract))
}

#[test]
fn defaults_match_the_documented_settings() {
    let t = Timing::default();
    assert_eq!(
        (t.idle, t.countdown, t.attract_after, t.slide, t.refresh),
        (60 * S, 10 * S, 120 * S, 8 * S, 300 * S)
    );
    // Zero seconds would spin; it is raised to one.
    assert_eq!(Timing::from_seconds(0, 0, 0, 0, 0).slide, S);
}

#[test]
fn idle_then_countdown_then_home_then_attract() {
    let mut rig = Rig::new(3);
    rig.run(59 * S + 750, rest_after_reset);
    assert_eq!(rig.kiosk.phase(), Phase::Active, "nothing before 60 s");
    rig.run(250, rest_after_reset);
    assert_eq!(rig.at(Action::ShowCountdown), Some(60 * S));
    assert_eq!(rig.kiosk.countdown_left(rig.now), Some(10));
    rig.run(4 * S + 100, rest_after_reset);
    assert_eq!(rig.kiosk.countdown_left(rig.now), Some(6), "rounded up");
    rig.run(6 * S - 100, rest_after_reset);
    assert_eq!(rig.at(Action::ResetToHome), Some(70 * S));
    assert!(matches!(rig.kiosk.phase(), Phase::Resting { .. }));
    rig.run(120 * S, rest_after_reset);
    assert_eq!(rig.at(Action::StartAttract), Some(190 * S));
    rig.run(8 * S, rest_after_reset);
    rig.run(16 * S, rest_after_reset);
    rig.run(8 * S, rest_after_reset);
    assert_eq!(
        rig.actions(),
        vec![
            Action::ShowCountdown,
            Action::ResetToHome,
            Action::StartAttract,
            Action::ShowSlide(1),
            Action::ShowSlide(2),
            Action::ShowSlide(0),
            Action::ShowSlide(1),
        ],
        "slides wrap around"
    );
}

#[test]
fn a_touch_during_the_countdown_keeps_the_visitor_where_they_were() {
    let mut rig = Rig::new(3);
    rig.run(65 * S, |_| false);
    assert!(matches!(rig.kiosk.phase(), Phase::Countdown { .. }));
    rig.touch();
    assert_eq!(rig.kiosk.phase(), Phase::Active);
    // The idle time starts again from the touch.
    rig.run(59 * S, |_| false);
    assert_eq!(
        rig.actions(),
        vec![Action::ShowCountdown, Action::HideCountdown]
    );
    rig.run(S, |_| false);
    assert_eq!(
        rig.log.last().map(|(t, a)| (*t, *a)),
        Some((125 * S, Action::ShowCountdown))
    );
}

#[test]
fn every_touch_postpones_the_countdown() {
    let mut rig = Rig::new(1);
    for _ in 0..10 {
        rig.run(50 * S, |_| false);
        rig.touch();
    }
    assert_eq!(rig.actions(), vec![], "500 s of use, a touch every 50 s");
}

#[test]
fn already_at_rest_skips_the_countdown() {
    let mut rig = Rig::new(2);
    rig.run(60 * S, |_| true);
    assert!(matches!(rig.kiosk.phase(), Phase::Resting { since } if since == 60 * S));
    rig.run(120 * S, |_| true);
    assert_eq!(rig.actions(), vec![Action::StartAttract]);
    assert_eq!(rig.at(Action::StartAttract), Some(180 * S));
}

#[test]
fn a_touch_in_the_attract_loop_goes_home_and_starts_over() {
    let mut rig = Rig::new(2);
    rig.run(200 * S, rest_after_reset);
    assert!(matches!(rig.kiosk.phase(), Phase::Attract { .. }));
    rig.touch();
    assert_eq!(rig.actions().last(), Some(&Action::StopAttract));
    assert_eq!(rig.kiosk.phase(), Phase::Active);
    // A second touch does nothing more.
    rig.touch();
    assert_eq!(
        rig.actions()
            .iter()
            .filter(|a| **a == Action::StopAttract)
            .count(),
        1
    );
}

#[test]
fn no_slides_no_attract_loop() {
    let mut rig = Rig::new(0);
    rig.run(1000 * S, rest_after_reset);
    assert_eq!(
        rig.actions(),
        vec![Action::ShowCountdown, Action::ResetToHome]
    );
}

#[test]
fn a_sleeping_tab_catches_up_in_order() {
    let mut kiosk = Kiosk::new(Timing::default(), 0, 4);
    // One tick 215 s later: countdown (60), reset (70), attract (190), slides at 198, 206, 214.
    let actions = kiosk.tick(215 * S, false);
    assert_eq!(
        actions,
        vec![
            Action::ShowCountdown,
            Action::ResetToHome,
            Action::StartAttract,
            Action::ShowSlide(3),
        ]
    );
    assert_eq!(
        kiosk.phase(),
        Phase::Attract {
            slide: 3,
            next: 222 * S
        }
    );
}

#[test]
fn checks_come_at_the_refresh_interval() {
    let mut rig = Rig::new(1);
    rig.run(901 * S, |_| false);
    assert_eq!(rig.checks(), vec![300 * S, 600 * S, 900 * S]);
    rig.kiosk.check_soon(rig.now);
    assert_eq!(
        rig.kiosk.tick(rig.now, false),
        vec![Action::CheckForUpdates]
    );
}

#[test]
fn the_first_check_comes_within_the_refresh_when_the_bundle_came_first() {
    // The bundle was in before the kiosk's code: the machine starts on its timings.
    let mut rig = Rig::with_timing(refresh_every(30), 1);
    // The glue applies the same timings again once it is mounted, and on every bundle change.
    rig.run(5 * S, |_| false);
    rig.kiosk.set_timing(refresh_every(30), rig.now);
    rig.run(86 * S, |_| false);
    assert_eq!(rig.checks(), vec![30 * S, 60 * S, 90 * S]);
}

#[test]
fn the_first_check_comes_within_the_refresh_when_the_bundle_came_later() {
    // (seconds after the code that the bundle arrives, its refresh_seconds, the first check)
    for (arrives, refresh, first) in [
        (5, 30, 35),
        // Later than its own period after the start: not fetched again at once.
        (100, 30, 130),
        // Shorter than the default, but the default's check comes sooner.
        (290, 60, 300),
        // Longer than the default: it takes over after the check already due.
        (5, 3600, 300),
    ] {
        let mut rig = Rig::new(1);
        rig.run(arrives * S, |_| false);
        rig.kiosk.set_timing(refresh_every(refresh), rig.now);
        rig.run((first + refresh) * S - rig.now, |_| false);
        let context = format!("bundle at {arrives} s with refresh_seconds {refresh}");
        let checks = rig.checks();
        assert!(
            checks
                .first()
                .is_some_and(|&t| t <= (arrives + refresh) * S),
            "{context}: the first check must come within refresh_seconds of the bundle"
        );
        assert_eq!(checks, vec![first * S, (first + refresh) * S], "{context}");
    }
}

#[test]
fn applying_timings_again_never_puts_a_check_off() {
    let mut rig = Rig::with_timing(refresh_every(30), 1);
    // Every 10 s, the same timings again (a bundle change that left them alone).
    for _ in 0..3 {
        rig.run(10 * S, |_| false);
        rig.kiosk.set_timing(refresh_every(30), rig.now);
    }
    assert_eq!(rig.checks(), vec![30 * S]);
    // The network came back: the check asked for at once stays at once.
    rig.run(5 * S, |_| false);
    rig.kiosk.check_soon(rig.now);
    rig.kiosk.set_timing(refresh_every(3600), rig.now);
    assert_eq!(
        rig.kiosk.tick(rig.now, false),
        vec![Action::CheckForUpdates]
    );
}

#[test]
fn a_bundle_after_the_code_does_not_leave_the_first_check_at_300_s() {
    // Broke: the bundle arrived after the kiosk's code, `set_timing` kept the default's next check,
    // and a bundle asking for a check every 30 s had its first one 300 s in.
    let mut rig = Rig::new(1);
    rig.run(5 * S, |_| false);
    rig.kiosk.set_timing(refresh_every(30), rig.now);
    rig.run(295 * S, |_| false);
    assert_eq!(rig.checks().first(), Some(&(35 * S)));
}

#[test]
fn a_new_bundle_waits_for_an_idle_moment() {
    let mut rig = Rig::new(2);
    rig.run(10 * S, |_| false);
    rig.kiosk.checked(rig.now, CheckOutcome::NewBundle);
    assert!(rig.kiosk.update_pending());
    // In use: no swap, not even through the countdown.
    rig.run(55 * S, |_| false);
    assert_eq!(rig.at(Action::SwapBundle), None);
    // The reset makes an idle moment: the swap comes right after it.
    rig.run(10 * S, rest_after_reset);
    assert_eq!(rig.at(Action::SwapBundle), Some(70 * S));
    assert_eq!(
        rig.actions(),
        vec![
            Action::ShowCountdown,
            Action::ResetToHome,
            Action::SwapBundle
        ]
    );
    assert!(!rig.kiosk.update_pending());
}

#[test]
fn an_update_found_while_resting_applies_at_once() {
    let mut rig = Rig::new(2);
    rig.run(200 * S, rest_after_reset);
    assert!(matches!(rig.kiosk.phase(), Phase::Attract { .. }));
    rig.kiosk.checked(rig.now, CheckOutcome::NewBundle);
    rig.run(250, rest_after_reset);
    assert_eq!(rig.at(Action::SwapBundle), Some(200 * S + 250));
}

#[test]
fn a_new_app_version_reloads_at_idle_and_wins_over_a_bundle() {
    let mut rig = Rig::new(2);
    rig.kiosk.checked(0, CheckOutcome::NewBundle);
    rig.kiosk.checked(0, CheckOutcome::NewApp);
    rig.run(59 * S, |_| true);
    assert_eq!(rig.at(Action::ReloadApp), None);
    rig.run(S, |_| true);
    assert_eq!(rig.at(Action::ReloadApp), Some(60 * S));
    assert_eq!(
        rig.at(Action::SwapBundle),
        None,
        "the reload loads the new bundle anyway"
    );
}

#[test]
fn an_invalid_or_unreachable_bundle_is_never_swapped_in() {
    let mut rig = Rig::new(2);
    rig.kiosk.checked(
        0,
        CheckOutcome::InvalidBundle("$.items[3].date: not a date".into()),
    );
    assert!(!rig.kiosk.update_pending());
    rig.run(400 * S, rest_after_reset);
    rig.kiosk
        .checked(rig.now, CheckOutcome::Failed("offline".into()));
    rig.run(400 * S, rest_after_reset);
    assert_eq!(rig.at(Action::SwapBundle), None);
    assert_eq!(rig.at(Action::ReloadApp), None);
    let last = rig.kiosk.last_check().expect("recorded");
    assert_eq!(
        (last.at, &last.outcome),
        (400 * S, &CheckOutcome::Failed("offline".into()))
    );
}

#[test]
fn fewer_slides_restart_the_slideshow() {
    let mut kiosk = Kiosk::new(Timing::default(), 0, 5);
    kiosk.tick(215 * S, true);
    assert!(matches!(kiosk.phase(), Phase::Attract { slide: 4, .. }));
    kiosk.set_slides(2);
    assert!(matches!(kiosk.phase(), Phase::Attract { slide: 0, .. }));
}

/// Always at rest: the home page on show (a kiosk nobody touched since it started).
fn home(_: &[(u64, Action)]) -> bool {
    true
}

#[test]
fn outside_opening_hours_it_sleeps_once_at_rest() {
    let mut rig = Rig::new(3);
    rig.kiosk.set_open(false);
    // Someone was using it at closing time: the idle minute runs out first.
    rig.run(59 * S, home);
    assert_eq!(rig.kiosk.phase(), Phase::Active);
    rig.run(2 * S, home);
    assert_eq!(rig.kiosk.phase(), Phase::Asleep);
    assert_eq!(rig.actions(), vec![Action::Sleep]);
    // It stays asleep: no attract loop, no countdown.
    rig.run(600 * S, home);
    assert_eq!(rig.actions(), vec![Action::Sleep]);
}

#[test]
fn a_touch_wakes_it_and_it_sleeps_again_when_left() {
    let mut rig = Rig::new(3);
    rig.kiosk.set_open(false);
    rig.run(61 * S, home);
    rig.touch();
    assert_eq!(rig.kiosk.phase(), Phase::Active);
    assert_eq!(rig.actions(), vec![Action::Sleep, Action::Wake]);
    let woke = rig.now;
    // Left on another page: the countdown and the reset, then asleep again.
    rig.run(80 * S, rest_after_reset);
    let actions = rig.actions();
    assert_eq!(
        actions,
        vec![
            Action::Sleep,
            Action::Wake,
            Action::ShowCountdown,
            Action::ResetToHome,
            Action::Sleep
        ]
    );
    assert_eq!(rig.at(Action::ResetToHome), Some(woke + 70 * S));
}

#[test]
fn the_attract_loop_gives_way_to_sleep_and_opening_time_wakes_it() {
    let mut rig = Rig::new(3);
    rig.run(200 * S, home);
    assert!(matches!(rig.kiosk.phase(), Phase::Attract { .. }));
    rig.kiosk.set_open(false);
    rig.run(S, home);
    assert_eq!(rig.kiosk.phase(), Phase::Asleep);
    let actions = rig.actions();
    assert_eq!(
        actions[actions.len() - 2..],
        [Action::StopAttract, Action::Sleep]
    );
    // Opening time: awake, at rest, and the attract loop comes after its time.
    rig.kiosk.set_open(true);
    rig.run(S, home);
    let opened = rig.now;
    assert_eq!(rig.actions().last(), Some(&Action::Wake));
    assert!(matches!(rig.kiosk.phase(), Phase::Resting { .. }));
    rig.run(120 * S, home);
    let starts: Vec<_> = (rig.log.iter())
        .filter(|(_, a)| *a == Action::StartAttract)
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(starts.last(), Some(&(opened - 750 + 120 * S)));
}

#[test]
fn updates_wait_for_sleep_as_for_any_idle_moment() {
    let mut rig = Rig::new(3);
    rig.kiosk.set_open(false);
    rig.run(61 * S, home);
    rig.kiosk.checked(rig.now, CheckOutcome::NewBundle);
    rig.run(S, home);
    assert_eq!(rig.actions().last(), Some(&Action::SwapBundle));
    assert_eq!(rig.kiosk.phase(), Phase::Asleep);
}
