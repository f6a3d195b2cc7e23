//! An image from the bundle. Width and height are always set so nothing shifts while it loads; a broken
//! or missing file is replaced, at the same size, by a placeholder that shows the alt text.

use bundle::{Lang, Media};
use leptos::prelude::*;

use crate::i18n::*;

/// An image from the bundle in the visitor's language: a [`StaticBundleImage`] drawn again when the
/// language changes (alt text and badges are the only words in it).
#[component]
pub fn BundleImage(
    media: Media,
    lang: Signal<Lang>,
    /// Load only when near the viewport (below the first screen).
    #[prop(default = true)]
    lazy: bool,
    /// The page's main image (e.g. the first card): fetched before other images (`fetchpriority`).
    #[prop(default = false)]
    priority: bool,
    /// CSS `sizes` for the `srcset`, when the bundle has variants.
    #[prop(default = "100vw")]
    sizes: &'static str,
) -> impl IntoView {
    move || view! { <StaticBundleImage media=media.clone() lang=lang.get() lazy priority sizes/> }
}

/// The `srcset` of an image with variants (the original included, as the widest).
fn srcset(media: &Media) -> Option<String> {
    (!media.variants.is_empty()).then(|| {
        media
            .variants
            .iter()
            .map(|v| format!("{} {}w", v.src, v.width))
            .chain(std::iter::once(format!("{} {}w", media.src, media.width)))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// An image from the bundle drawn for one language, with static texts and only the attributes that
/// differ from the defaults. Width and height are always set so nothing shifts while it loads; a broken
/// or missing file is replaced, at the same size, by a placeholder that shows the alt text. The gallery
/// draws a dozen of these on every keystroke in the search box (its grid is keyed by language), so each
/// reactive binding saved counts.
#[component]
pub fn StaticBundleImage(
    media: Media,
    lang: Lang,
    /// Load only when near the viewport (below the first screen).
    #[prop(default = true)]
    lazy: bool,
    /// The page's main image (e.g. the first card): fetched before other images (`fetchpriority`).
    #[prop(default = false)]
    priority: bool,
    /// CSS `sizes` for the `srcset`, when the bundle has variants.
    #[prop(default = "100vw")]
    sizes: &'static str,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let l = locale(lang);
    let alt = media.alt.get(lang).to_owned();
    let srcset = srcset(&media);
    let (width, height) = (media.width, media.height);
    let missing = {
        let alt = alt.clone();
        move || {
            view! {
                <span class="image-missing" role="img" aria-label=alt.clone()
                    style=("--ratio", format!("{width} / {height}"))>
                    <span class="image-missing-title">{td_string!(l, image_missing)}</span>
                    <span class="image-missing-alt">{alt.clone()}</span>
                </span>
            }
        }
    };
    let (src, placeholder, sample) = (media.src, media.placeholder, media.sample);
    view! {
        <span class="bundle-image" class:sample=sample>
            <Show when=move || !failed.get() fallback=missing>
                <img
                    src=src.clone()
                    srcset=srcset.clone()
                    sizes=srcset.as_ref().map(|_| sizes)
                    width=width
                    height=height
                    alt=alt.clone()
                    loading=lazy.then_some("lazy")
                    fetchpriority=priority.then_some("high")
                    decoding="async"
                    // Natively (a page rendered to HTML) it would be a `style` attribute, which the
                    // Content-Security-Policy refuses (`style-src 'self'`); from the app it is a
                    // property set through the DOM, which it allows.
                    style:background-color=placeholder.clone().filter(|_| crate::web::IN_BROWSER)
                    on:error=move |_| failed.set(true)
                />
            </Show>
            {sample.then(|| view! { <span class="sample-badge">{td_string!(l, sample_image)}</span> })}
        </span>
    }
}
