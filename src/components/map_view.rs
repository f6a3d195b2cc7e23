//! The interactive map: offline outlines, a marker per unit (units close together grouped into one at
//! country zoom), popups with links into the gallery and the unit pages, and the bundle's routes drawn
//! as arcs. Only what the bundle says is drawn. Works with no network: the basemap comes with the site
//! and is fetched once a map has drawn its markers or once the first page is up
//! (`Store::want_basemap`); an online tile layer is added only when the bundle configures one.

use std::sync::Arc;

use bundle::geo::{bulge_side, distance_km, mercator_pixels, route_curve, wgs84_to_gcj02, Side};
use bundle::{Bundle, Coordinates, Datum, Lang, Unit, UnitRole};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::leaflet::{self as l, Layer, LeafletMap, MapUnavailable};
use crate::i18n::*;
use crate::router::{gallery_href, href, Route};
use crate::state::use_store;
use bundle::GalleryQuery;

/// The Leaflet pane of the province outlines (see `MapView`).
const OUTLINES_PANE: &str = "outlines";

/// Below this zoom, units closer than [`CLUSTER_KM`] share one marker.
const CLUSTER_BELOW_ZOOM: f64 = 8.0;
const CLUSTER_KM: f64 = 60.0;
/// How far a route's arc bulges from the straight line, as a share of the distance.
const ROUTE_BEND: f64 = 0.18;
/// A route's label stays on screen while its ends are at least this far apart (CSS pixels): the label
/// (12rem; 10rem on phones) and a marker (48 px) side by side. Shorter, it would cover the markers, and
/// it shows while the route is pointed at instead.
const ROUTE_LABEL_MIN_PX: f64 = 240.0;

#[component]
pub fn MapView(bundle: Arc<Bundle>, lang: Signal<Lang>) -> impl IntoView {
    let store = use_store();
    let container = NodeRef::<Div>::new();
    let map = StoredValue::new_local(None::<LeafletMap>);
    let zoom = RwSignal::new(bundle.map.zoom);
    let keep_alive = StoredValue::new_local(Vec::<Closure<dyn FnMut(JsValue)>>::new());
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    let gcj02 = bundle
        .map
        .tiles
        .as_ref()
        .is_some_and(|t| t.datum == Datum::Gcj02);
    let place = move |c: &Coordinates| {
        if gcj02 {
            wgs84_to_gcj02(c.lat, c.lon)
        } else {
            (c.lat, c.lon)
        }
    };

    // Leaflet is loaded on demand: the map is made once both it and the container are there, and
    // `ready` tells the layers below to draw.
    let leaflet = l::load();
    let ready = RwSignal::new(false);
    {
        let bundle = bundle.clone();
        Effect::new(move |_| {
            if leaflet.get() != l::Status::Ready {
                return;
            }
            let Some(element) = container.get() else {
                return;
            };
            if map.with_value(Option::is_some) {
                return;
            }
            let m = l::new_map(
                &element,
                &l::options(&[
                    ("minZoom", 3.into()),
                    ("maxZoom", 14.into()),
                    ("zoomSnap", 0.5.into()),
                    // Added below with labels in the visitor's language.
                    ("zoomControl", false.into()),
                ]),
            );
            m.set_view(
                &l::lat_lng(bundle.map.center.lat, bundle.map.center.lon),
                bundle.map.zoom,
            );
            // The province outlines have a pane of their own, under the routes and markers
            // (`.leaflet-outlines-pane` in main.css), so that those are drawn once, whenever the
            // basemap arrives, and not again above it.
            m.create_pane(OUTLINES_PANE);
            // Credits as plain text: Leaflet's default prefix is a link with a flag.
            m.attribution_control().set_prefix("Leaflet");
            if let Some(tiles) = &bundle.map.tiles {
                // Leaflet shows attributions as HTML: the bundle's text goes in escaped.
                let attribution = escape_html(tiles.attribution.get(lang.get_untracked()));
                l::tile_layer(
                    &tiles.url_template,
                    &l::options(&[
                        ("attribution", attribution.into()),
                        ("maxZoom", tiles.max_zoom.into()),
                    ]),
                )
                .add_to(&m);
            }
            let on_zoom = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                map.with_value(|m| {
                    if let Some(m) = m {
                        zoom.set(m.get_zoom());
                    }
                })
            });
            m.on("zoomend", on_zoom.as_ref().unchecked_ref());
            keep_alive.update_value(|k| k.push(on_zoom));
            // The map must be told when its box changes (rotation, kiosk full screen, side panels).
            let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                map.with_value(|m| {
                    if let Some(m) = m {
                        m.invalidate_size();
                    }
                })
            });
            if let Ok(ro) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                ro.observe(&element);
                observer.set_value(Some(ro));
            }
            keep_alive.update_value(|k| k.push(on_resize));
            map.set_value(Some(m));
            ready.set(true);
            // The outlines are the largest download of a visit that starts here (80 KB gzip) and drawing
            // them the longest task: asked for once the markers and the route are painted, not before,
            // they no longer hold those up (Lighthouse mobile `/map`, BENCHMARKS.md). Already there
            // (fetched when an earlier page was idle), they are drawn at once.
            crate::web::schedule::when_idle(move || store.want_basemap());
        });
    }
    on_cleanup(move || {
        observer.with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
        map.with_value(|m| {
            if let Some(m) = m {
                m.remove();
            }
        });
    });

    // Province outlines, once the basemap has arrived.
    let outlines = StoredValue::new_local(None::<Layer>);
    let bundle_basemap = bundle.map.basemap_url().map(str::to_owned);
    Effect::new(move |_| {
        ready.track();
        // Only the outlines of this bundle's choice (a bundle swapped in may choose others, or none).
        let Some((url, text)) = store.basemap.get() else {
            return;
        };
        if bundle_basemap.as_deref() != Some(url.as_str()) {
            return;
        }
        let Ok(data) = js_sys::JSON::parse(&text) else {
            return;
        };
        map.with_value(|m| {
            let Some(m) = m else { return };
            let style = l::options(&[
                ("color", "#b9ad94".into()),
                ("weight", 1.into()),
                ("fillColor", "#f3ece0".into()),
                ("fillOpacity", 1.into()),
                ("interactive", false.into()),
            ]);
            let layer = l::geo_json(
                &data,
                &l::options(&[("style", style), ("pane", OUTLINES_PANE.into())]),
            )
            .add_to(m);
            outlines.set_value(Some(layer));
        });
    });

    // Zoom buttons labelled, and the outlines credited, in the visitor's language.
    let zoom_buttons = StoredValue::new_local(None::<l::Control>);
    let credit_shown = StoredValue::new_local(String::new());
    let credit_bundle = bundle.clone();
    Effect::new(move |_| {
        let l = locale(lang.get());
        ready.track();
        map.with_value(|m| {
            let Some(m) = m else { return };
            // Leaflet shows attributions as HTML: the text goes in escaped.
            let credit = escape_html(&basemap_credit(&credit_bundle, lang.get_untracked()));
            let control = m.attribution_control();
            credit_shown.update_value(|shown| {
                if !shown.is_empty() {
                    control.remove_attribution(shown);
                }
                if !credit.is_empty() {
                    control.add_attribution(&credit);
                }
                *shown = credit;
            });
            zoom_buttons.update_value(|control| {
                if let Some(old) = control.take() {
                    old.remove();
                }
                let options = l::options(&[
                    ("zoomInTitle", td_string!(l, zoom_in).into()),
                    ("zoomOutTitle", td_string!(l, zoom_out).into()),
                ]);
                *control = Some(l::zoom_control(&options).add_to(m));
            });
        });
    });

    // Routes and markers follow the language (and, for markers, the zoom).
    let drawn = StoredValue::new_local(Vec::<Layer>::new());
    let marker_bundle = bundle.clone();
    Effect::new(move |_| {
        let (lang, zoom) = (lang.get(), zoom.get());
        ready.track();
        map.with_value(|m| {
            let Some(m) = m else { return };
            drawn.update_value(|layers| {
                for layer in layers.drain(..) {
                    layer.remove();
                }
                layers.extend(routes(&marker_bundle, lang, zoom, &place, m));
                layers.extend(markers(&marker_bundle, lang, zoom, &place, m));
            });
        });
    });

    // While Leaflet is not in, a notice takes the map's place: inside its box and its named region.
    view! {
        <div class="map" node_ref=container role="region" aria-label=move || td_string!(locale(lang.get()), map_label)>
            <MapUnavailable lang=lang/>
        </div>
    }
}

fn routes(
    bundle: &Bundle,
    lang: Lang,
    zoom: f64,
    place: &dyn Fn(&Coordinates) -> (f64, f64),
    map: &LeafletMap,
) -> Vec<Layer> {
    let l = locale(lang);
    let mut layers = Vec::new();
    for route in &bundle.map.routes {
        let (Some(from), Some(to)) = (bundle.unit(&route.from), bundle.unit(&route.to)) else {
            continue;
        };
        let points = js_sys::Array::new();
        for (lat, lon) in route_curve(&from.location, &to.location, 48, ROUTE_BEND) {
            let (lat, lon) = place(&Coordinates {
                lat,
                lon,
                approximate: false,
            });
            points.push(&l::lat_lng(lat, lon));
        }
        let style = l::options(&[
            ("color", "#9b1c1c".into()),
            ("weight", 3.into()),
            ("dashArray", "8 6".into()),
            ("className", "route-line".into()),
        ]);
        let line = l::polyline(&points, &style);
        let km = distance_km(&from.location, &to.location).round() as u64;
        let label = element(
            "span",
            &format!(
                "{} · {}",
                route.label.get(lang),
                td_string!(l, distance, km = group_thousands(km))
            ),
        );
        // The label sits on the outer side of the arc's middle, clear of the arc and of the markers
        // at its ends (above the middle, a wide label covered the partners' marker).
        let side = match bulge_side(&from.location, &to.location, ROUTE_BEND) {
            Side::North => "top",
            Side::South => "bottom",
            Side::East => "right",
            Side::West => "left",
        };
        let long_enough = mercator_pixels(&from.location, &to.location, zoom) >= ROUTE_LABEL_MIN_PX;
        let tooltip = l::options(&[
            ("permanent", long_enough.into()),
            ("direction", side.into()),
            ("className", "route-label".into()),
        ]);
        layers.push(line.bind_tooltip(&label, &tooltip).add_to(map));
    }
    layers
}

fn markers(
    bundle: &Bundle,
    lang: Lang,
    zoom: f64,
    place: &dyn Fn(&Coordinates) -> (f64, f64),
    map: &LeafletMap,
) -> Vec<Layer> {
    let l = locale(lang);
    let mut groups: Vec<Vec<&Unit>> = Vec::new();
    for unit in &bundle.units {
        let near = groups.iter_mut().find(|g| {
            zoom < CLUSTER_BELOW_ZOOM && distance_km(&g[0].location, &unit.location) < CLUSTER_KM
        });
        match near {
            Some(group) => group.push(unit),
            None => groups.push(vec![unit]),
        }
    }
    groups
        .into_iter()
        .map(|group| {
            if let [unit] = group.as_slice() {
                let (lat, lon) = place(&unit.location);
                let name = unit.name.get(lang);
                let role = if unit.role == UnitRole::Partner {
                    "partner"
                } else {
                    "recipient"
                };
                let marker = unit_marker(
                    (lat, lon),
                    icon_content("", name),
                    &format!("unit-marker unit-marker-{role}"),
                    name,
                );
                marker.bind_popup(&popup(bundle, unit, lang)).add_to(map)
            } else {
                let n = group.len();
                let lat = group.iter().map(|u| place(&u.location).0).sum::<f64>() / n as f64;
                let lon = group.iter().map(|u| place(&u.location).1).sum::<f64>() / n as f64;
                let names = group
                    .iter()
                    .map(|u| u.short_name.as_ref().unwrap_or(&u.name).get(lang))
                    .collect::<Vec<_>>()
                    .join("、");
                let label = format!(
                    "{}: {names}",
                    td_string!(l, units_here, count = group_thousands(n as u64))
                );
                let marker = unit_marker(
                    (lat, lon),
                    icon_content(&n.to_string(), &label),
                    "unit-marker unit-marker-group",
                    &label,
                );
                // Opening a group zooms in until its units stand apart.
                let map_ref: JsValue = AsRef::<JsValue>::as_ref(map).clone();
                let zoom_in = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                    map_ref
                        .unchecked_ref::<LeafletMap>()
                        .set_view(&l::lat_lng(lat, lon), 11.0);
                });
                // Owned by the marker's JavaScript: collected with it when a redraw drops the marker.
                marker.on("click", zoom_in.into_js_value().unchecked_ref());
                marker.add_to(map)
            }
        })
        .collect()
}

/// A unit's (or a group's) marker: a 48 px target (touch screens) around its face, reachable by
/// keyboard, named by `title`.
fn unit_marker(
    (lat, lon): (f64, f64),
    face: web_sys::HtmlElement,
    class: &str,
    title: &str,
) -> Layer {
    let icon = l::div_icon(&l::options(&[
        ("html", face.into()),
        ("className", class.into()),
        (
            "iconSize",
            js_sys::Array::of2(&48.into(), &48.into()).into(),
        ),
    ]));
    l::marker(
        &l::lat_lng(lat, lon),
        &l::options(&[
            ("icon", icon),
            ("keyboard", true.into()),
            ("title", title.into()),
        ]),
    )
}

/// The marker's face: an optional visible count and the unit's name for screen readers.
fn icon_content(visible: &str, name: &str) -> web_sys::HtmlElement {
    let wrapper = element("span", "");
    wrapper.set_class_name("unit-marker-face");
    if !visible.is_empty() {
        let count = element("span", visible);
        count.set_attribute("aria-hidden", "true").ok();
        wrapper.append_child(&count).ok();
    }
    let label = element("span", name);
    label.set_class_name("visually-hidden");
    wrapper.append_child(&label).ok();
    wrapper
}

fn popup(bundle: &Bundle, unit: &Unit, lang: Lang) -> web_sys::HtmlElement {
    let l = locale(lang);
    let root = element("div", "");
    root.set_class_name("map-popup");
    root.append_child(&element("h2", unit.name.get(lang))).ok();
    if let Some(person) = unit.secretary.as_deref().and_then(|id| bundle.person(id)) {
        root.append_child(&element(
            "p",
            &format!(
                "{}: {}",
                td_string!(l, branch_secretary),
                person.name.get(lang)
            ),
        ))
        .ok();
    }
    if let Some(description) = &unit.description {
        root.append_child(&element("p", description.get(lang))).ok();
    }
    let gallery = if unit.role == UnitRole::Partner {
        GalleryQuery::given_by(&unit.id)
    } else {
        GalleryQuery::received_by(&unit.id)
    };
    let gifts = link(&gallery_href(&gallery), td_string!(l, items_in_gallery));
    let page = link(&href(&Route::unit(&unit.id)), td_string!(l, unit_page));
    root.append_child(&gifts).ok();
    root.append_child(&page).ok();
    root
}

/// The credit of the outlines drawn: the site's for the site's, the bundle's for a file of its own.
fn basemap_credit(bundle: &Bundle, lang: Lang) -> String {
    if bundle.map.site_basemap() {
        return td_string!(locale(lang), site_basemap_credit).to_owned();
    }
    match (&bundle.map.basemap, &bundle.map.basemap_credit) {
        (Some(bundle::Basemap::File(_)), Some(credit)) => credit.get(lang).to_owned(),
        _ => String::new(),
    }
}

fn element(tag: &str, text: &str) -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element(tag)
        .expect("valid tag")
        .unchecked_into();
    el.set_text_content(Some(text));
    el
}

fn link(href: &str, text: &str) -> web_sys::HtmlElement {
    let a = element("a", text);
    a.set_attribute("href", href).ok();
    a.set_class_name("map-popup-link");
    a
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
