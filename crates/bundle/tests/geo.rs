//! The map's geography. Reference values for GCJ-02 come from the npm package gcoord 1.0.7 (MIT),
//! `gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02)`.

use bundle::geo::{bulge_side, distance_km, mercator_pixels, route_curve, wgs84_to_gcj02, Side};
use bundle::Coordinates;

fn at(lat: f64, lon: f64) -> Coordinates {
    Coordinates {
        lat,
        lon,
        approximate: false,
    }
}

#[test]
fn wgs84_to_gcj02_matches_the_reference_implementation() {
    let pairs = [
        // (WGS84 lat, lon) → (GCJ-02 lat, lon)
        ((31.139, 120.645), (31.13678003615967, 120.64919675829644)), // Wujiang district seat
        ((31.171, 120.689), (31.168877781484994, 120.69328680029399)), // near Southeast Elevator
        ((27.72, 109.19), (27.716728497510644, 109.19457761019022)),  // Bijiang District, Tongren
        (
            (39.90923, 116.397428),
            (39.91063350638631, 116.40367162595768),
        ), // Beijing
        (
            (23.1291, 113.2644),
            (23.126423339922844, 113.26972959210308),
        ), // Guangzhou
    ];
    for ((lat, lon), (want_lat, want_lon)) in pairs {
        let (got_lat, got_lon) = wgs84_to_gcj02(lat, lon);
        assert!(
            (got_lat - want_lat).abs() < 1e-9 && (got_lon - want_lon).abs() < 1e-9,
            "{lat},{lon} → {got_lat},{got_lon}"
        );
    }
}

#[test]
fn positions_outside_china_are_unchanged() {
    assert_eq!(wgs84_to_gcj02(48.85, 2.35), (48.85, 2.35));
    assert_eq!(wgs84_to_gcj02(75.0, 120.0), (75.0, 120.0));
}

#[test]
fn the_books_travelled_about_1200_km() {
    let wujiang = at(31.162, 120.672);
    let tongren = at(27.72, 109.19);
    let km = distance_km(&wujiang, &tongren);
    assert!((1150.0..1250.0).contains(&km), "{km}");
    assert_eq!(distance_km(&wujiang, &wujiang), 0.0);
}

#[test]
fn route_curve_starts_and_ends_at_the_units_and_bends_aside() {
    let (from, to) = (at(31.162, 120.672), at(27.72, 109.19));
    let points = route_curve(&from, &to, 32, 0.2);
    assert_eq!(points.len(), 33);
    assert_eq!(points[0], (from.lat, from.lon));
    let last = points[32];
    assert!((last.0 - to.lat).abs() < 1e-12 && (last.1 - to.lon).abs() < 1e-12);
    // The middle of the arc is off the straight line between the two.
    let mid = points[16];
    let straight = ((from.lat + to.lat) / 2.0, (from.lon + to.lon) / 2.0);
    assert!(((mid.0 - straight.0).powi(2) + (mid.1 - straight.1).powi(2)).sqrt() > 0.5);
}

#[test]
fn bulge_side_is_where_the_middle_of_the_arc_lies() {
    // Wujiang to Tongren (west-south-west): the arc bulges south.
    let (wujiang, tongren) = (at(31.162, 120.672), at(27.72, 109.19));
    assert_eq!(bulge_side(&wujiang, &tongren, 0.18), Side::South);
    assert_eq!(bulge_side(&tongren, &wujiang, 0.18), Side::North);
    // Mostly north-south routes bulge east or west.
    let (north, south) = (at(40.0, 116.0), at(23.0, 113.0));
    assert_eq!(bulge_side(&north, &south, 0.18), Side::East);
    assert_eq!(bulge_side(&south, &north, 0.18), Side::West);
    // Whatever the route, the arc's middle point lies on that side of the straight line.
    for (from, to) in [
        (wujiang, tongren),
        (tongren, wujiang),
        (north, south),
        (south, north),
    ] {
        let points = route_curve(&from, &to, 32, 0.18);
        let mid = points[16];
        let straight = ((from.lat + to.lat) / 2.0, (from.lon + to.lon) / 2.0);
        let (d_north, d_east) = (mid.0 - straight.0, mid.1 - straight.1);
        let ok = match bulge_side(&from, &to, 0.18) {
            Side::North => d_north > 0.0,
            Side::South => d_north < 0.0,
            Side::East => d_east > 0.0,
            Side::West => d_east < 0.0,
        };
        assert!(
            ok,
            "{from:?} -> {to:?}: middle at {mid:?}, straight line's at {straight:?}"
        );
    }
}

#[test]
fn mercator_pixels_are_leaflets_screen_distances() {
    // A quarter of the world along the equator at zoom 2 (1,024 px wide): 256 px; each zoom doubles it.
    let (a, b) = (at(0.0, 0.0), at(0.0, 90.0));
    assert!((mercator_pixels(&a, &b, 2.0) - 256.0).abs() < 1e-9);
    assert!((mercator_pixels(&a, &b, 3.0) - 512.0).abs() < 1e-9);
    // North-south distances stretch away from the equator.
    let near_equator = mercator_pixels(&at(0.0, 0.0), &at(10.0, 0.0), 5.0);
    let further_north = mercator_pixels(&at(30.0, 0.0), &at(40.0, 0.0), 5.0);
    assert!(further_north > near_equator * 1.2);
    // Wujiang to Tongren at the sample's zoom 5: the markers drawn 274 px apart in the screenshots.
    let px = mercator_pixels(&at(31.162, 120.672), &at(27.72, 109.19), 5.0);
    assert!((265.0..285.0).contains(&px), "{px}");
    // The poles do not make it infinite.
    assert!(mercator_pixels(&at(90.0, 0.0), &at(-90.0, 0.0), 1.0).is_finite());
}
