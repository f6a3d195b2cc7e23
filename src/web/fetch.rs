//! Fetching data (the bundle, the basemap, build.json) as text, with a time-out per attempt and the
//! retries of [`super::retry`]. Components never fetch; they read the store.

use std::time::Duration;

use gloo_net::http::Request;
use web_sys::{AbortController, RequestCache};

pub use super::retry::RetryPolicy;
use super::retry::{retry, sleep};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No usable answer after every attempt: offline, refused, timed out, or a server error.
    Network { message: String, attempts: u32 },
    /// The server answered with a status that retrying will not change (e.g. 404).
    Status { status: u16, text: String },
}

/// One line for logs and the kiosk's maintenance overlay, in words rather than as a `Debug` dump.
impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network { message, attempts } => {
                write!(f, "network: {message} (after {attempts} attempts)")
            }
            FetchError::Status { status, text } => write!(f, "HTTP {status} {text}"),
        }
    }
}

/// What a conditional fetch brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Body {
        text: String,
        etag: Option<String>,
    },
    /// HTTP 304: the copy named by the `If-None-Match` ETag is still current.
    NotModified,
}

/// Fetches `url` as text, bypassing the HTTP cache's stale copies (the bundle changes on redeploy).
pub async fn fetch_text(url: &str, policy: RetryPolicy) -> Result<String, FetchError> {
    match fetch(url, policy, None).await? {
        Fetched::Body { text, .. } => Ok(text),
        // Not asked for: only a conditional request gets a 304.
        Fetched::NotModified => Err(FetchError::Status {
            status: 304,
            text: "Not Modified".into(),
        }),
    }
}

/// Fetches `url`, asking only for a newer copy than the one tagged `if_none_match` when given.
pub async fn fetch(
    url: &str,
    policy: RetryPolicy,
    if_none_match: Option<&str>,
) -> Result<Fetched, FetchError> {
    fetch_with(url, policy, if_none_match, RequestCache::NoCache).await
}

/// Fetches `url` as the page's first request for it, which may be answered by the page's
/// `<link rel="preload" as="fetch">` (index.html preloads the bundle while the wasm downloads). A preload
/// is only used by a request with the default cache mode; that request is still revalidated, since the
/// bundle is served with `Cache-Control: no-cache`. Retries bypass the cache as [`fetch`] does.
pub async fn fetch_preloaded(url: &str, policy: RetryPolicy) -> Result<Fetched, FetchError> {
    fetch_with(url, policy, None, RequestCache::Default).await
}

async fn fetch_with(
    url: &str,
    policy: RetryPolicy,
    if_none_match: Option<&str>,
    first_cache: RequestCache,
) -> Result<Fetched, FetchError> {
    let attempt = |n| {
        let cache = if n == 1 {
            first_cache
        } else {
            RequestCache::NoCache
        };
        fetch_once(url, policy.timeout, if_none_match, cache)
    };
    let is_final = |err: &AttemptError| matches!(err, AttemptError::Final(_));
    retry(policy, url, sleep, attempt, is_final)
        .await
        .map_err(|err| err.into_error(policy.attempts))
}

/// Why one attempt failed: a message (another attempt may do better) or the final answer.
enum AttemptError {
    Network(String),
    Final(FetchError),
}

impl AttemptError {
    fn into_error(self, attempts: u32) -> FetchError {
        match self {
            AttemptError::Network(message) => FetchError::Network { message, attempts },
            AttemptError::Final(err) => err,
        }
    }
}

impl std::fmt::Display for AttemptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AttemptError::Network(message) => f.write_str(message),
            AttemptError::Final(err) => err.fmt(f),
        }
    }
}

async fn fetch_once(
    url: &str,
    timeout: Duration,
    if_none_match: Option<&str>,
    cache: RequestCache,
) -> Result<Fetched, AttemptError> {
    let controller = AbortController::new().map_err(|_| again("no AbortController".into()))?;
    let signal = controller.signal();
    let _deadline =
        gloo_timers::callback::Timeout::new(timeout.as_millis() as u32, move || controller.abort());
    let mut request = Request::get(url).cache(cache).abort_signal(Some(&signal));
    if let Some(tag) = if_none_match {
        request = request.header("If-None-Match", tag);
    }
    let response = request
        .send()
        .await
        .map_err(|e| again(describe(&e, &signal)))?;
    let status = response.status();
    if status == 304 && if_none_match.is_some() {
        return Ok(Fetched::NotModified);
    }
    if status >= 500 || status == 408 || status == 429 {
        return Err(again(format!("HTTP {status} {}", response.status_text())));
    }
    if !response.ok() {
        return Err(AttemptError::Final(FetchError::Status {
            status,
            text: response.status_text(),
        }));
    }
    let etag = response.headers().get("etag");
    let text = response
        .text()
        .await
        .map_err(|e| again(describe(&e, &signal)))?;
    Ok(Fetched::Body { text, etag })
}

fn again(message: String) -> AttemptError {
    AttemptError::Network(message)
}

fn describe(error: &gloo_net::Error, signal: &web_sys::AbortSignal) -> String {
    if signal.aborted() {
        "timed out".into()
    } else {
        error.to_string()
    }
}
