//! Geography for the map: WGS84 → GCJ-02 (the datum of Chinese tile providers), great-circle distance,
//! and the curve drawn for a route. Pure functions, tested against a reference implementation.

use std::f64::consts::PI;

use crate::model::Coordinates;

const A: f64 = 6378245.0; // Krasovsky 1940 semi-major axis, as GCJ-02 defines it
const EE: f64 = 0.006_693_421_622_965_943; // its first eccentricity squared
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// True outside the rough box in which GCJ-02 applies (the same box common implementations use).
pub fn outside_china(lat: f64, lon: f64) -> bool {
    !(72.004..=137.8347).contains(&lon) || !(0.8293..=55.8271).contains(&lat)
}

/// Converts a WGS84 position to GCJ-02, so markers line up with Chinese tiles. Positions outside China
/// are returned unchanged.
pub fn wgs84_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    if outside_china(lat, lon) {
        return (lat, lon);
    }
    let (x, y) = (lon - 105.0, lat - 35.0);
    let mut d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    d_lat += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    d_lat += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    d_lat += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    let mut d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    d_lon += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    d_lon += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    d_lon += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    let rad_lat = lat / 180.0 * PI;
    let magic = 1.0 - EE * rad_lat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    d_lat = (d_lat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    d_lon = (d_lon * 180.0) / (A / sqrt_magic * rad_lat.cos() * PI);
    (lat + d_lat, lon + d_lon)
}

/// Great-circle distance in kilometres (haversine on the mean Earth radius).
pub fn distance_km(a: &Coordinates, b: &Coordinates) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_lat = la2 - la1;
    let d_lon = (b.lon - a.lon).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// The distance in CSS pixels between two points on a Web Mercator map (Leaflet's default projection,
/// 256-pixel tiles) at `zoom`.
pub fn mercator_pixels(a: &Coordinates, b: &Coordinates, zoom: f64) -> f64 {
    let project = |c: &Coordinates| {
        let lat = c.lat.clamp(-85.051_128_78, 85.051_128_78).to_radians();
        let x = (c.lon + 180.0) / 360.0;
        let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0;
        (x, y)
    };
    let ((ax, ay), (bx, by)) = (project(a), project(b));
    256.0 * zoom.exp2() * (ax - bx).hypot(ay - by)
}

/// A compass direction, as seen on a north-up map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    North,
    South,
    East,
    West,
}

/// The side to which `route_curve(from, to, _, bend)` bulges, seen from the straight line between the
/// two ends (east-west distances shrink with the cosine of the latitude, as on the map). A label put on
/// that side of the arc's middle is clear of the arc and of the units at its ends.
pub fn bulge_side(from: &Coordinates, to: &Coordinates, bend: f64) -> Side {
    let (d_lat, d_lon) = (to.lat - from.lat, to.lon - from.lon);
    let north = d_lon * bend;
    let east = -d_lat * bend * ((from.lat + to.lat) / 2.0).to_radians().cos();
    if north.abs() >= east.abs() {
        if north < 0.0 {
            Side::South
        } else {
            Side::North
        }
    } else if east < 0.0 {
        Side::West
    } else {
        Side::East
    }
}

/// Points of a gentle arc from `from` to `to` (a quadratic Bézier bulging to the left of the direction
/// of travel by `bend` times the distance), `steps + 1` points including both ends, as (lat, lon).
pub fn route_curve(
    from: &Coordinates,
    to: &Coordinates,
    steps: usize,
    bend: f64,
) -> Vec<(f64, f64)> {
    let steps = steps.max(1);
    let (d_lat, d_lon) = (to.lat - from.lat, to.lon - from.lon);
    let control = (
        (from.lat + to.lat) / 2.0 + d_lon * bend,
        (from.lon + to.lon) / 2.0 - d_lat * bend,
    );
    (0..=steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            let u = 1.0 - t;
            (
                u * u * from.lat + 2.0 * u * t * control.0 + t * t * to.lat,
                u * u * from.lon + 2.0 * u * t * control.1 + t * t * to.lon,
            )
        })
        .collect()
}
