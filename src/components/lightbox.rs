//! The lightbox: a modal `<dialog>` that shows one image of a list, with zoom (wheel, double-tap,
//! pinch, buttons, + and -), pan by dragging, swipe and arrow keys between slides, a live counter, a
//! thumbnail strip and full screen. Which slide is open lives in the address (`?view=KEY`), so the
//! browser's Back closes it and a link can open it; see [`use_lightbox_param`].

use std::collections::HashMap;

use bundle::number::decimal;
use bundle::{Lang, Media, Text};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::chunk_view::{chunk_code, failed_view};
use crate::components::dialog::Dialog;
use crate::components::media::BundleImage;
use crate::i18n::*;
use crate::router::{use_router, NavigateOptions};
use crate::web::events::listen_window;

const MAX_SCALE: f64 = 5.0;
const DOUBLE_TAP_SCALE: f64 = 2.5;
const SWIPE_PX: f64 = 50.0;
const THUMB_RADIUS: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// Identifies the slide in the address (`?view=KEY`).
    pub key: String,
    pub media: Media,
    pub title: Text,
}

/// The lightbox's address parameter, and how to change it.
#[derive(Clone, Copy)]
pub struct LightboxParam {
    pub key: Memo<Option<String>>,
    /// True when this page pushed the history entry that opened the lightbox (so closing goes Back).
    pushed: StoredValue<bool>,
}

pub fn use_lightbox_param() -> LightboxParam {
    let router = use_router();
    let page = router.route.with_untracked(|r| r.page);
    LightboxParam {
        key: Memo::new(move |_| {
            // Only this page's own address opens its lightbox: the address may already be the next
            // page's while this one is being taken down.
            let ours = router.route.with(|r| r.page == page);
            ours.then(|| router.query.with(|q| q.get("view").map(str::to_owned)))
                .flatten()
        }),
        pushed: StoredValue::new(false),
    }
}

impl LightboxParam {
    fn go(self, key: Option<&str>, replace: bool) {
        let router = use_router();
        let mut query = router.query.get_untracked();
        match key {
            Some(key) => query.set("view", key),
            None => query.remove("view"),
        }
        let path = format!("{}{}", router.path.get_untracked(), query.to_search());
        router.navigate(
            &path,
            NavigateOptions {
                replace,
                scroll: false,
            },
        );
    }

    pub fn open(self, key: &str) {
        self.pushed.set_value(true);
        self.go(Some(key), false);
    }

    fn select(self, key: &str) {
        self.go(Some(key), true);
    }

    fn close(self) {
        if self.pushed.get_value() {
            self.pushed.set_value(false);
            let _ = window().history().and_then(|h| h.back());
        } else {
            self.go(None, true);
        }
    }
}

#[derive(Clone, Copy, Default)]
struct View {
    scale: f64,
    x: f64,
    y: f64,
}

/// The lightbox, drawn only once an image is first opened (`?view=` in the address), from a chunk of its
/// own in the release build: a gallery that is only looked through does not download it before its
/// first page, nor build its dialog. Once drawn it stays (closed), so opening it again is instant.
#[component]
pub fn LazyLightbox(
    slides: Signal<Vec<Slide>>,
    param: LightboxParam,
    lang: Signal<Lang>,
) -> impl IntoView {
    let wanted = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || param.key.with(Option::is_some)
    });
    let code = chunk_code(wanted.into(), lightbox_code);
    move || {
        Some(
            code.get()?
                .map_or_else(failed_view, |draw| draw(slides, lang, param)),
        )
    }
}

/// What the lightbox's chunk gives: the function that draws it.
type DrawLightbox = fn(Signal<Vec<Slide>>, Signal<Lang>, LightboxParam) -> AnyView;

fn draw_lightbox(slides: Signal<Vec<Slide>>, lang: Signal<Lang>, param: LightboxParam) -> AnyView {
    view! { <Lightbox slides param lang/> }.into_any()
}

crate::chunks::chunk!(
    lightbox,
    preload_lightbox,
    fn lightbox_code() -> DrawLightbox {
        draw_lightbox
    }
);

#[component]
fn Lightbox(slides: Signal<Vec<Slide>>, param: LightboxParam, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<html::Dialog>::new();
    let current = Memo::new(move |_| {
        let key = param.key.get()?;
        slides.with(|s| s.iter().position(|slide| slide.key == key))
    });
    let view = RwSignal::new(View {
        scale: 1.0,
        ..View::default()
    });
    let fullscreen = RwSignal::new(false);

    // Open and closed as the address says (`Dialog`); full screen ends with it.
    let open = Signal::derive(move || current.get().is_some());
    Effect::new(move |_| {
        if !open.get() && document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    });
    // A new slide starts unzoomed; its neighbours are fetched ahead so moving on is instant.
    Effect::new(move |_| {
        let Some(index) = current.get() else { return };
        view.set(View {
            scale: 1.0,
            ..View::default()
        });
        slides.with_untracked(|s| {
            for neighbour in [index.wrapping_sub(1), index + 1] {
                if let Some(slide) = s.get(neighbour) {
                    if let Ok(img) = web_sys::HtmlImageElement::new() {
                        img.set_src(&slide.media.src);
                    }
                }
            }
        });
    });
    // Kept in step with the document, whichever way full screen was left (Escape, F11…).
    listen_window("fullscreenchange", false, move |_: web_sys::Event| {
        fullscreen.set(document().fullscreen_element().is_some());
    });

    let count = move || slides.with(Vec::len);
    let step = move |delta: isize| {
        let (Some(index), n) = (current.get_untracked(), slides.with_untracked(Vec::len)) else {
            return;
        };
        if n == 0 {
            return;
        }
        let next = (index as isize + delta).rem_euclid(n as isize) as usize;
        if let Some(key) = slides.with_untracked(|s| s.get(next).map(|s| s.key.clone())) {
            param.select(&key);
        }
    };
    let zoom_by = move |factor: f64| {
        view.update(|v| {
            v.scale = (v.scale * factor).clamp(1.0, MAX_SCALE);
            if v.scale == 1.0 {
                (v.x, v.y) = (0.0, 0.0);
            }
        })
    };

    let on_key = move |e: ev::KeyboardEvent| match e.key().as_str() {
        "ArrowRight" => step(1),
        "ArrowLeft" => step(-1),
        "+" | "=" => zoom_by(1.5),
        "-" | "_" => zoom_by(1.0 / 1.5),
        "0" => view.set(View {
            scale: 1.0,
            ..View::default()
        }),
        _ => {}
    };
    // Pointer gestures on the stage: drag to pan, two fingers to pinch, swipe to move, double-tap to zoom.
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());
    let gesture = StoredValue::new(Gesture::default());
    let on_down = move |e: ev::PointerEvent| {
        if let Some(target) = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(e.pointer_id());
        }
        pointers.update_value(|p| {
            p.insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
        });
        let v = view.get_untracked();
        gesture.update_value(|g| {
            g.start = (e.client_x() as f64, e.client_y() as f64);
            g.last = g.start;
            g.touch = e.pointer_type() == "touch";
            g.start_view = v;
            g.pinch_distance = pointers.with_value(pinch_distance);
        });
    };
    let on_move = move |e: ev::PointerEvent| {
        if !pointers.with_value(|p| p.contains_key(&e.pointer_id())) {
            return;
        }
        pointers.update_value(|p| {
            p.insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
        });
        gesture.update_value(|g| g.last = (e.client_x() as f64, e.client_y() as f64));
        let g = gesture.get_value();
        match (pointers.with_value(pinch_distance), g.pinch_distance) {
            (Some(now), Some(start)) if start > 0.0 => view.update(|v| {
                v.scale = (g.start_view.scale * now / start).clamp(1.0, MAX_SCALE);
            }),
            _ if g.start_view.scale > 1.0 => view.update(|v| {
                v.x = g.start_view.x + e.client_x() as f64 - g.start.0;
                v.y = g.start_view.y + e.client_y() as f64 - g.start.1;
            }),
            _ => {}
        }
    };
    let on_up = move |e: ev::PointerEvent| {
        let was_pinch = pointers.with_value(|p| p.len() > 1);
        pointers.update_value(|p| {
            p.remove(&e.pointer_id());
        });
        if was_pinch {
            gesture.update_value(|g| g.pinch_distance = None);
            return;
        }
        let g = gesture.get_value();
        let (dx, dy) = (g.last.0 - g.start.0, g.last.1 - g.start.1);
        if g.start_view.scale == 1.0 && dx.abs() > SWIPE_PX && dx.abs() > dy.abs() {
            step(if dx < 0.0 { 1 } else { -1 });
        } else if e.pointer_type() == "touch" && dx.abs() < 10.0 && dy.abs() < 10.0 {
            let now = js_sys_now();
            if now - g.last_tap < 300.0 {
                toggle_zoom(view);
                gesture.update_value(|g| g.last_tap = 0.0);
            } else {
                gesture.update_value(|g| g.last_tap = now);
            }
        }
    };
    let on_wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        zoom_by((-e.delta_y() * 0.002).exp());
    };
    let on_dblclick = move |e: ev::MouseEvent| {
        e.prevent_default();
        if !gesture.with_value(|g| g.touch) {
            toggle_zoom(view);
        }
    };
    let toggle_fullscreen = move |_| {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        } else {
            let _ = dialog.request_fullscreen();
        }
    };

    let slide = move || {
        current
            .get()
            .and_then(|i| slides.with(|s| s.get(i).cloned()))
    };
    let caption = move || {
        slide().map(|s| {
            let lang = lang.get();
            let title = s.title.get(lang).to_owned();
            match s.media.caption.as_ref().map(|c| c.get(lang).to_owned()) {
                Some(caption) => format!("{title} — {caption}"),
                None => title,
            }
        })
    };
    let transform = move || {
        let v = view.get();
        // Written without Rust's float formatting, which nothing else in the app needs (bundle::number).
        format!(
            "translate({}px, {}px) scale({})",
            decimal(v.x, 2),
            decimal(v.y, 2),
            decimal(v.scale, 4)
        )
    };
    // Only the thumbnails around the current slide: a strip of every result would cost each keystroke
    // in a large gallery, and nobody scrolls a strip of thousands.
    let thumbs = move || {
        let index = current.get()?;
        Some(slides.with(|s| {
            let start = index.saturating_sub(THUMB_RADIUS);
            let end = (index + THUMB_RADIUS + 1).min(s.len());
            s[start..end]
                .iter()
                .enumerate()
                .map(|(offset, sl)| {
                    let key = sl.key.clone();
                    let label = sl.title.clone();
                    let src = sl.media.variants.first().map_or(sl.media.src.clone(), |v| v.src.clone());
                    let is_current = start + offset == index;
                    view! {
                        <li>
                            <button type="button" class="thumb" aria-current=is_current.then_some("true")
                                aria-label=move || label.get(lang.get()).to_owned()
                                on:click=move |_| param.select(&key)>
                                <img src=src alt="" width="64" height="48" loading="lazy"/>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }))
    };

    view! {
        // Escape closes it through the address, like the close button and Back.
        <Dialog open on_close=move |_| param.close() node_ref=dialog attr:class="lightbox"
            attr:aria-label=move || t_string!(i18n, lightbox_label)
            attr:aria-describedby="lightbox-caption" on:keydown=on_key>
            <div class="lightbox-bar">
                <p class="lightbox-counter" aria-live="polite" aria-atomic="true">
                    {move || current.get().map(|i| t_string!(i18n, slide_counter, index = group_thousands(i as u64 + 1), total = group_thousands(count() as u64)))}
                </p>
                <span class="lightbox-zoom" aria-live="polite">{t!(i18n, zoom_level, percent = move || (view.get().scale * 100.0).round() as u32)}</span>
                <button type="button" class="icon-button" aria-label=move || t_string!(i18n, zoom_out) on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
                <button type="button" class="icon-button" aria-label=move || t_string!(i18n, zoom_in) on:click=move |_| zoom_by(1.5)>"+"</button>
                <button type="button" class="icon-button" aria-pressed=move || fullscreen.get().to_string()
                    aria-label=move || if fullscreen.get() { t_string!(i18n, exit_fullscreen) } else { t_string!(i18n, fullscreen) }
                    on:click=toggle_fullscreen>
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2">
                        <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>
                    </svg>
                </button>
                <button type="button" class="icon-button lightbox-close" autofocus aria-label=move || t_string!(i18n, close)
                    on:click=move |_| param.close()>"✕"</button>
            </div>
            <div class="lightbox-stage" on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                on:pointercancel=on_up on:wheel=on_wheel on:dblclick=on_dblclick>
                <div class="lightbox-image" style:transform=transform>
                    {move || slide().map(|s| view! { <BundleImage media=s.media lang lazy=false/> })}
                </div>
                <button type="button" class="icon-button lightbox-prev" aria-label=move || t_string!(i18n, previous)
                    on:click=move |_| step(-1)>"‹"</button>
                <button type="button" class="icon-button lightbox-next" aria-label=move || t_string!(i18n, next)
                    on:click=move |_| step(1)>"›"</button>
            </div>
            <p id="lightbox-caption" class="lightbox-caption">{caption}</p>
            <nav aria-label=move || t_string!(i18n, thumbnails)><ul class="lightbox-thumbs">{thumbs}</ul></nav>
        </Dialog>
    }
}

#[derive(Clone, Copy, Default)]
struct Gesture {
    start: (f64, f64),
    /// Last position seen, so a gesture's end never depends on the coordinates of `pointerup`.
    last: (f64, f64),
    start_view: View,
    pinch_distance: Option<f64>,
    last_tap: f64,
    /// Chromium also fires `dblclick` after a double tap; only mouse double-clicks are handled there.
    touch: bool,
}

fn pinch_distance(pointers: &HashMap<i32, (f64, f64)>) -> Option<f64> {
    let mut points = pointers.values();
    let (a, b) = (points.next()?, points.next()?);
    Some(((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt())
}

fn toggle_zoom(view: RwSignal<View>) {
    view.update(|v| {
        *v = if v.scale > 1.0 {
            View {
                scale: 1.0,
                ..View::default()
            }
        } else {
            View {
                scale: DOUBLE_TAP_SCALE,
                ..View::default()
            }
        }
    });
}

fn js_sys_now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
