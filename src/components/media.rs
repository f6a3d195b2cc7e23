//! An image from the bundle. Width and height are always set so nothing shifts while it loads; a broken
//! or missing file is replaced, at the same size, by a placeholder that shows the alt text.

use bundle::{Lang, Media};
use leptos::prelude::*;

use crate::i18n::*;

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
    let failed = RwSignal::new(false);
    let alt = {
        let alt = media.alt.clone();
        move || alt.get(lang.get()).to_owned()
    };
    let srcset = srcset(&media);
    let placeholder = media.placeholder.clone();
    let (width, height, sample) = (media.width, media.height, media.sample);
    let src = media.src.clone();
    view! {
        <span class="bundle-image" class:sample=sample>
            <Show
                when=move || !failed.get()
                fallback={
                    let alt = alt.clone();
                    move || view! {
                        <span class="image-missing" role="img" aria-label=alt.clone()
                            style=("--ratio", format!("{width} / {height}"))>
                            <span class="image-missing-title">{move || td_string!(locale(lang.get()), image_missing)}</span>
                            <span class="image-missing-alt">{alt.clone()}</span>
                        </span>
                    }
                }
            >
                <img
                    src=src.clone()
                    srcset=srcset.clone()
                    sizes=srcset.as_ref().map(|_| sizes)
                    width=width
                    height=height
                    alt=alt.clone()
                    loading=if lazy { "lazy" } else { "eager" }
                    fetchpriority=if priority { "high" } else { "auto" }
                    decoding="async"
                    style:background-color=placeholder.clone()
                    on:error=move |_| failed.set(true)
                />
            </Show>
            {sample.then(|| view! { <span class="sample-badge">{move || td_string!(locale(lang.get()), sample_image)}</span> })}
        </span>
    }
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

/// A gallery thumbnail: a [`BundleImage`] drawn for one language (the grid is rebuilt when the language
/// changes), with static texts and only the attributes that differ from the defaults. The grid creates
/// a dozen of these on every keystroke in the search box, so each reactive binding saved counts.
#[component]
pub fn ThumbImage(
    media: Media,
    lang: Lang,
    /// Load only when near the viewport (below the first screen).
    lazy: bool,
    /// The page's main image: fetched before other images (`fetchpriority`).
    priority: bool,
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
                    style:background-color=placeholder.clone()
                    on:error=move |_| failed.set(true)
                />
            </Show>
            {sample.then(|| view! { <span class="sample-badge">{td_string!(l, sample_image)}</span> })}
        </span>
    }
}
