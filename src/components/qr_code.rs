//! A QR code of an address: on an item's page in kiosk mode, and for a link out of the kiosk.

use bundle::Lang;
use leptos::prelude::*;

use crate::i18n::*;

/// A QR code drawn as one SVG path (see `kiosk::qr`), with the address as its accessible name.
#[component]
pub fn QrCode(url: String, lang: Signal<Lang>) -> impl IntoView {
    let qr = kiosk::qr::qr_path(&url)?;
    let view_box = format!("0 0 {0} {0}", qr.size);
    let label = move || format!("{}{url}", td_string!(locale(lang.get()), qr_code_for));
    Some(view! {
        <svg class="qr-code" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff"/>
            <path d=qr.d fill="#000"/>
        </svg>
    })
}
