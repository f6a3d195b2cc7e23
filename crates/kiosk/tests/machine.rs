//! The kiosk state machine against a fake clock: every transition, the catch-up after a sleep, and the
//! update rules (swap only when idle, never an invalid bundle).

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
        Rig {
            kiosk: Kiosk::new(Timing::default(), 0, slides),
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
    let checks: Vec<u64> = rig
        .log
        .iter()
        .filter(|(_, a)| *a == Action::CheckForUpdates)
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(checks, vec![300 * S, 600 * S, 900 * S]);
    rig.kiosk.check_soon(rig.now);
    assert_eq!(
        rig.kiosk.tick(rig.now, false),
        vec![Action::CheckForUpdates]
    );
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
