//! Decimal numbers written by integer arithmetic. Rust's own float formatting (`{}`, `{:.3}`) is about
//! 10 KB of wasm (5.5 KB gzip, measured: BENCHMARKS.md) that the app would carry only for a map
//! position and three of the validator's messages.

/// Below 2^53: whole numbers up to this are exact in an f64. Larger, a number is not written digit
/// by digit (it is no latitude, longitude or zoom); one whose decimals would pass it is written without
/// them.
const EXACT: f64 = 9e15;

/// `x` with exactly `places` decimals (at most 6; none for a number past 9e15 with them): `31.160`
/// for `fixed(31.16, 3)`. Rounded to nearest on `x × 10^places`, so at a decimal tie the last digit
/// may differ from std's, which rounds the exact binary value: `fixed(0.125, 2)` is `0.13`, where
/// `{:.2}` writes `0.12`. Off a tie, both write the same.
pub fn fixed(x: f64, places: u32) -> String {
    write(x, places, false)
}

/// `x` with at most `places` decimals (at most 6), trailing zeros dropped: `120.67`, `18`, `-0.5`.
pub fn decimal(x: f64, places: u32) -> String {
    write(x, places, true)
}

fn write(x: f64, places: u32, trim: bool) -> String {
    debug_assert!(places <= 6, "at most 6 decimals");
    let places = places.min(6);
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.abs() >= EXACT {
        return format!("{sign}9e15 or more in size");
    }
    let (places, scale) = match 10u64.pow(places) {
        scale if x.abs() * scale as f64 >= EXACT => (0, 1),
        scale => (places, scale),
    };
    let scaled = (x.abs() * scale as f64).round() as u64;
    let (whole, mut fraction) = (scaled / scale, scaled % scale);
    let mut digits = places as usize;
    if trim {
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
    }
    let sign = if scaled == 0 { "" } else { sign };
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0digits$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_std_writes_away_from_ties() {
        for x in [
            0.0,
            1.0,
            18.0,
            0.5,
            -0.5,
            31.16,
            120.67,
            -33.8688,
            179.999_999,
            27.718_281,
            1.0e-7,
        ] {
            assert_eq!(fixed(x, 3), format!("{x:.3}"), "{x}");
            assert_eq!(
                decimal(x, 6).parse::<f64>().unwrap(),
                format!("{x:.6}").parse::<f64>().unwrap(),
                "{x}"
            );
        }
        // A sweep of the map's positions (their size: `i18n::position` writes N/S and E/W) at 0.0001°
        // steps, off the ties of the third decimal.
        for i in 0..=1_800_000 {
            let x = f64::from(i) / 10_000.0 + 0.000_03;
            assert_eq!(fixed(x, 3), format!("{x:.3}"), "{x}");
        }
    }

    #[test]
    fn at_a_tie_rounds_the_product() {
        // Documented above: the last digit may differ from std's at a decimal tie, by one.
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(format!("{:.2}", 0.125), "0.12");
        for i in 0..=180_000 {
            let x = f64::from(i) / 1_000.0 + 0.000_5;
            let (ours, std) = (
                fixed(x, 3).parse::<f64>().unwrap(),
                format!("{x:.3}").parse::<f64>().unwrap(),
            );
            assert!(
                (ours - std).abs() < 0.001 + 1e-9,
                "{x}: {ours} against {std}"
            );
        }
    }

    #[test]
    fn trims_and_signs() {
        assert_eq!(decimal(120.67, 6), "120.67");
        assert_eq!(decimal(18.0, 6), "18");
        assert_eq!(decimal(-0.5, 6), "-0.5");
        assert_eq!(decimal(-0.000_000_1, 6), "0");
        assert_eq!(fixed(-0.000_1, 3), "0.000");
        assert_eq!(fixed(5.0, 0), "5");
        assert_eq!(decimal(1e9 + 0.25, 6), "1000000000.25");
        // Its decimals would not be exact: the whole number.
        assert_eq!(decimal(1e14 + 0.25, 2), "100000000000000");
    }

    #[test]
    fn says_so_when_too_large_or_not_a_number() {
        assert_eq!(decimal(f64::INFINITY, 6), "9e15 or more in size");
        assert_eq!(decimal(-1e300, 6), "-9e15 or more in size");
        assert_eq!(decimal(f64::NAN, 6), "NaN");
    }
}
