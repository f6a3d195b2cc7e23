//! The one retry policy and the one retry loop, for everything the app downloads: the bundle and the
//! basemap (`fetch`), the wasm chunks (`crate::chunks`), Leaflet and the kiosk's stylesheet (`assets`).
//! An attempt that fails, or gets no answer within the time-out, is tried again after a back-off that
//! doubles (0.5 s, 1 s, 2 s); each caller decides what the visitor sees after the last attempt.

use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

/// How often and how patiently to try.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// Longest wait for one attempt's response and body.
    pub timeout: Duration,
    /// Wait before the second attempt; doubled before each further one.
    pub first_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            timeout: Duration::from_secs(15),
            first_backoff: Duration::from_millis(500),
        }
    }
}

impl RetryPolicy {
    /// Wait before attempt `n` (1-based): none before the first, then 0.5 s, 1 s, 2 s, …
    pub fn backoff_before(&self, attempt: u32) -> Duration {
        match attempt {
            0 | 1 => Duration::ZERO,
            n => self.first_backoff * 2u32.saturating_pow(n - 2),
        }
    }
}

/// Calls `attempt(n)` (`n` from 1) until it succeeds, at most `policy.attempts` times, with `pause`
/// awaited for the back-off before each attempt but the first ([`sleep`], or a pause that someone may
/// cut short). A failure that `is_final` says another attempt will not change (a 404) ends it at once.
/// Each failure is logged under `what`; the error is the last one.
pub async fn retry<T, E, Fut, Pause>(
    policy: RetryPolicy,
    what: &str,
    pause: impl Fn(Duration) -> Pause,
    mut attempt: impl FnMut(u32) -> Fut,
    is_final: fn(&E) -> bool,
) -> Result<T, E>
where
    E: Display,
    Fut: Future<Output = Result<T, E>>,
    Pause: Future<Output = ()>,
{
    let mut n = 1;
    loop {
        let wait = policy.backoff_before(n);
        if !wait.is_zero() {
            pause(wait).await;
        }
        match attempt(n).await {
            Ok(value) => return Ok(value),
            Err(err) if is_final(&err) || n >= policy.attempts => {
                if !is_final(&err) {
                    leptos::logging::warn!("{what}, attempt {n}: {err}");
                }
                return Err(err);
            }
            Err(err) => leptos::logging::warn!("{what}, attempt {n}: {err}"),
        }
        n += 1;
    }
}

/// For [`retry`]: every failure may pass.
pub fn never_final<E>(_: &E) -> bool {
    false
}

/// The back-off as it is, for [`retry`].
pub async fn sleep(wait: Duration) {
    gloo_timers::future::sleep(wait).await;
}
