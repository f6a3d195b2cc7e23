//! A unit's position chosen on a map: the site's outlines (its basemap, or the bundle's own) drawn as
//! SVG around the position, the other units beside it; a click or a tap puts the position there, the
//! arrow keys move it, + and − (or the buttons) zoom. The numbers stay editable above it.

use leptos::prelude::*;
use serde_json::{json, Value};

use crate::draft::Draft;
use crate::labels::both;
use crate::path::Path;

/// Degrees of longitude are drawn narrower than degrees of latitude, by the cosine of a middle
/// latitude of the outlines (China's, 35°N): close enough to the look of the site's map.
const X_SCALE: f64 = 0.819;
/// The map's width in degrees at each zoom step, widest first.
const SPANS: [f64; 6] = [64.0, 16.0, 4.0, 1.0, 0.25, 0.0625];
/// Width : height of the drawing (style.css gives the element the same ratio).
const ASPECT: f64 = 4.0 / 3.0;

/// The outlines as SVG path data in drawing units (x: longitude × [`X_SCALE`], y: −latitude).
fn outline_paths(geojson: &Value) -> Vec<String> {
    let rings = |polygon: &Value| -> Vec<Vec<(f64, f64)>> {
        polygon
            .as_array()
            .into_iter()
            .flatten()
            .map(|ring| {
                ring.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                    .collect()
            })
            .collect()
    };
    let mut paths = Vec::new();
    for feature in geojson["features"].as_array().into_iter().flatten() {
        let geometry = &feature["geometry"];
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .map(|p| p.iter().collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut d = String::new();
        for ring in polygons.into_iter().flat_map(rings) {
            for (n, (lon, lat)) in ring.into_iter().enumerate() {
                let (x, y) = project(lat, lon);
                d.push_str(&format!("{}{x:.3} {y:.3}", if n == 0 { "M" } else { "L" }));
            }
            d.push('Z');
        }
        if !d.is_empty() {
            paths.push(d);
        }
    }
    paths
}

pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    (lon * X_SCALE, -lat)
}

pub fn unproject(x: f64, y: f64) -> (f64, f64) {
    (-y, x / X_SCALE)
}

/// A position in degrees, kept to 5 decimals (about a metre).
fn round(degrees: f64) -> f64 {
    (degrees * 1e5).round() / 1e5
}

/// The outlines' address: the bundle's own file, none (`false`), or the site's.
fn basemap_url(draft: Draft) -> Option<String> {
    let named = draft
        .value
        .with_untracked(|v| v.pointer("/map/basemap").cloned());
    let relative = match named {
        Some(Value::Bool(false)) => return None,
        Some(Value::String(file)) => file,
        _ => bundle::SITE_BASEMAP.to_owned(),
    };
    // The bundle's addresses are the site's; the editor is one folder down.
    let base = document().base_uri().ok().flatten()?;
    let site = web_sys::Url::new_with_base("../", &base).ok()?.href();
    Some(web_sys::Url::new_with_base(&relative, &site).ok()?.href())
}

async fn outlines(url: Option<String>) -> Vec<String> {
    let Some(url) = url else {
        return Vec::new();
    };
    let Ok(response) = gloo_net::http::Request::get(&url).send().await else {
        return Vec::new();
    };
    let text = response.text().await.unwrap_or_default();
    match serde_json::from_str::<Value>(&text) {
        Ok(geojson) => outline_paths(&geojson),
        Err(_) => Vec::new(),
    }
}

/// The map for the position at `path` (an object with `lat` and `lon`).
#[component]
pub fn Picker(draft: Draft, path: Path) -> impl IntoView {
    let outlines = LocalResource::new(move || outlines(basemap_url(draft)));
    let point = {
        let path = path.clone();
        Memo::new(move |_| {
            draft.value.with(|v| {
                let at = path.get(v)?;
                Some((at.get("lat")?.as_f64()?, at.get("lon")?.as_f64()?))
            })
        })
    };
    // The other units, for bearings.
    let others = {
        let path = path.clone();
        Memo::new(move |_| {
            draft.value.with(|v| {
                v["units"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter(|(n, _)| path.0.get(1) != Some(&crate::path::Step::Index(*n)))
                    .filter_map(|(_, u)| {
                        let at = &u["location"];
                        Some((
                            at["lat"].as_f64()?,
                            at["lon"].as_f64()?,
                            crate::form::summary(u),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let zoom = RwSignal::new(2_usize);
    // The drawing's centre: the position when there is one, else the map's centre or China's.
    let centre = move || {
        point.get().unwrap_or_else(|| {
            draft.value.with(|v| {
                let c = &v["map"]["center"];
                (
                    c["lat"].as_f64().unwrap_or(35.0),
                    c["lon"].as_f64().unwrap_or(105.0),
                )
            })
        })
    };
    let view_box = move || {
        let (cx, cy) = {
            let (lat, lon) = centre();
            project(lat, lon)
        };
        let width = SPANS[zoom.get()];
        let height = width / ASPECT;
        (cx - width / 2.0, cy - height / 2.0, width, height)
    };
    let put = {
        let path = path.clone();
        move |lat: f64, lon: f64| {
            let lat = round(lat.clamp(-90.0, 90.0));
            let lon = round(lon.clamp(-180.0, 180.0));
            let mut at = draft
                .value
                .with_untracked(|v| path.get(v).cloned())
                .filter(Value::is_object)
                .unwrap_or_else(|| json!({}));
            at["lat"] = json!(lat);
            at["lon"] = json!(lon);
            draft.set(&path, at);
        }
    };
    let click = {
        let put = put.clone();
        move |e: leptos::ev::MouseEvent| {
            let svg: web_sys::Element = event_target(&e);
            let svg = svg.closest("svg").ok().flatten().unwrap_or(svg);
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let (x0, y0, w, h) = view_box();
            let x = x0 + (f64::from(e.client_x()) - rect.left()) / rect.width() * w;
            let y = y0 + (f64::from(e.client_y()) - rect.top()) / rect.height() * h;
            let (lat, lon) = unproject(x, y);
            put(lat, lon);
        }
    };
    let keys = move |e: leptos::ev::KeyboardEvent| {
        let step = SPANS[zoom.get_untracked()] / 100.0;
        let (lat, lon) = point.get_untracked().unwrap_or_else(&centre);
        let moved = match e.key().as_str() {
            "ArrowUp" => Some((lat + step, lon)),
            "ArrowDown" => Some((lat - step, lon)),
            "ArrowLeft" => Some((lat, lon - step / X_SCALE)),
            "ArrowRight" => Some((lat, lon + step / X_SCALE)),
            "+" | "=" => {
                zoom.update(|z| *z = (*z + 1).min(SPANS.len() - 1));
                None
            }
            "-" | "_" => {
                zoom.update(|z| *z = z.saturating_sub(1));
                None
            }
            _ => return,
        };
        e.prevent_default();
        if let Some((lat, lon)) = moved {
            put(lat, lon);
        }
    };
    let dot = move || SPANS[zoom.get()] / 80.0;
    let described = format!("{}-map-help", path.dom_id());
    view! {
        <div class="map-picker">
            <div class="map-zoom">
                <button type="button" on:click=move |_| zoom.update(|z| *z = (*z + 1).min(SPANS.len() - 1))
                    disabled=move || zoom.get() + 1 == SPANS.len()>{both("zoom_in")}</button>
                <button type="button" on:click=move |_| zoom.update(|z| *z = z.saturating_sub(1))
                    disabled=move || zoom.get() == 0>{both("zoom_out")}</button>
            </div>
            <svg class="map" tabindex="0" role="application" aria-label=both("map_pick")
                aria-describedby=described.clone() preserveAspectRatio="none"
                viewBox=move || { let (x, y, w, h) = view_box(); format!("{x} {y} {w} {h}") }
                on:click=click on:keydown=keys>
                <g class="outlines" stroke-width=move || dot() / 6.0>
                    {move || outlines.get().map(|paths| paths.iter().map(|d| view! { <path d=d.clone()/> }).collect_view())}
                </g>
                <g class="others">
                    {move || others.get().into_iter().map(|(lat, lon, name)| {
                        let (x, y) = project(lat, lon);
                        view! { <circle cx=x cy=y r=move || dot() * 0.7><title>{name}</title></circle> }
                    }).collect_view()}
                </g>
                {move || point.get().map(|(lat, lon)| {
                    let (x, y) = project(lat, lon);
                    view! { <circle class="here" cx=x cy=y r=dot() stroke-width=dot() / 3.0/> }
                })}
            </svg>
            <p class="hint" id=described>{both("map_help")}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_drawn_is_read_back_where_it_was() {
        let (x, y) = project(30.95, 120.64);
        let (lat, lon) = unproject(x, y);
        assert!((lat - 30.95).abs() < 1e-9 && (lon - 120.64).abs() < 1e-9);
        // North is up: a point further north is higher on the drawing.
        assert!(project(40.0, 120.0).1 < project(30.0, 120.0).1);
    }

    #[test]
    fn outlines_become_one_path_per_feature() {
        let geojson = json!({"features": [
            {"geometry": {"type": "Polygon", "coordinates": [[[100.0, 30.0], [101.0, 30.0], [101.0, 31.0]]]}},
            {"geometry": {"type": "MultiPolygon", "coordinates": [[[[110.0, 20.0], [111.0, 20.0], [111.0, 21.0]]], [[[112.0, 20.0], [113.0, 20.0], [113.0, 21.0]]]]}},
            {"geometry": {"type": "Point", "coordinates": [1.0, 2.0]}}
        ]});
        let paths = outline_paths(&geojson);
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0], "M81.900 -30.000L82.719 -30.000L82.719 -31.000Z");
        assert_eq!(paths[1].matches('M').count(), 2);
    }

    #[test]
    fn positions_are_kept_to_about_a_metre() {
        assert_eq!(round(30.123456789), 30.12346);
        assert_eq!(round(-120.000004), -120.0);
    }
}
