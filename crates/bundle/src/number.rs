//! Decimal numbers written by integer arithmetic, and read without std's table. Rust's own float
//! formatting (`{}`, `{:.3}`) is about 10 KB of wasm (5.5 KB gzip, measured: BENCHMARKS.md) that the
//! app would carry only for a map position and three of the validator's messages. Its parser
//! (`str::parse::<f64>`) carries a table of 650 powers of five, 10.4 KB that barely compress, for the
//! bundle's few coordinates and zoom levels: [`read_float`] reads those without it.

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

/// How a number's text is read when [`read_float`] cannot read it exactly on its own: std's parser
/// natively ([`std_float`]); the app passes the browser's, so that std's is not in its wasm.
pub type SlowFloat = fn(&str) -> Option<f64>;

/// std's parser, correctly rounded: the slow path natively and in the tools.
pub fn std_float(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// 10^0 to 10^22: each exactly an f64.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A JSON number's text (`-`, digits, an optional fraction and exponent) as the nearest f64, as
/// `str::parse::<f64>` reads it. Exactly, with one multiplication or division, when its digits make a
/// whole number up to 2^53 and its power of ten is at most 22 either way (Clinger's fast path: both
/// operands are exact, and the operation rounds correctly); every coordinate, zoom and size of a bundle
/// is such a number. Anything else (more digits, a larger exponent, text that is not such a number) is
/// read by `slow`.
pub fn read_float(text: &str, slow: SlowFloat) -> Option<f64> {
    fast_float(text).or_else(|| slow(text))
}

fn fast_float(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (number, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
        None => (unsigned, "0"),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let (exponent_negative, exponent) = match exponent.as_bytes().first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    // Digits only (`i32`'s own parser would take a second sign), and short, so that it cannot
    // overflow: longer ones are std's.
    if exponent.is_empty() || exponent.len() > 4 || !exponent.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let exponent: i32 = exponent.parse().ok()?;
    let exponent = if exponent_negative {
        -exponent
    } else {
        exponent
    };
    // A longer fraction has more digits than fit, or only zeros past 10^-22: std's.
    if whole.is_empty() || fraction.len() > 40 {
        return None;
    }
    let mut digits: u64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    if digits > 1 << 53 {
        return None;
    }
    let power = exponent - fraction.len() as i32;
    let value = digits as f64;
    let value = match power.unsigned_abs() as usize {
        p if p >= POWERS.len() => return None,
        p if power < 0 => value / POWERS[p],
        p => value * POWERS[p],
    };
    Some(if negative { -value } else { value })
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

    /// A small deterministic generator (xorshift), for sweeps without a dependency.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn no_slow(_: &str) -> Option<f64> {
        None
    }

    fn same(text: &str) {
        let ours = read_float(text, std_float);
        let std = text.parse::<f64>().ok();
        assert_eq!(
            ours.map(f64::to_bits),
            std.map(f64::to_bits),
            "{text}: {ours:?} against {std:?}"
        );
    }

    #[test]
    fn reads_coordinates_without_the_slow_path() {
        for (text, value) in [
            ("31.16", 31.16_f64),
            ("120.6389", 120.6389),
            ("-33.8688", -33.8688),
            ("0", 0.0),
            ("18", 18.0),
            ("0.1", 0.1),
            ("1e5", 1e5),
            ("1E-5", 1e-5),
            ("2.5e+3", 2500.0),
            ("9007199254740992", 9_007_199_254_740_992.0),
            ("1e22", 1e22),
            ("123456.789e-19", 123456.789e-19),
        ] {
            let read = read_float(text, no_slow);
            assert_eq!(read.map(f64::to_bits), Some(value.to_bits()), "{text}");
        }
        // The sign of zero is kept, as std keeps it.
        assert!(read_float("-0", no_slow).unwrap().is_sign_negative());
        assert!(read_float("-0.0e3", no_slow).unwrap().is_sign_negative());
    }

    #[test]
    fn leaves_to_the_slow_path_what_it_cannot_read_exactly() {
        for text in [
            // Past 2^53: the digits themselves would round.
            "9007199254740993",
            "123456789012345678901234567890",
            // Past 10^22 either way.
            "1e23",
            "1e-23",
            "1.5e300",
            "4.9e-324",
            "1e400",
            "1e99999",
            // Not a number's text.
            "",
            "-",
            ".5",
            "1.2.3",
            "1e",
            "0x10",
            "1_0",
            "+1",
            "1e+-5",
            "1e++5",
            "-1e-+2",
            "1e+",
        ] {
            assert_eq!(read_float(text, no_slow), None, "{text}");
            same(text);
        }
    }

    #[test]
    fn reads_as_std_reads() {
        for text in [
            "0.30000000000000004",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "9007199254740993.0",
            "0.000000000000000000000000000001",
            "100000000000000000000000",
            "179.99999999999999",
            "-90.000000000000001",
        ] {
            same(text);
        }
        // Random coordinates, sizes and zooms as a maintainer writes them: up to 17 digits, any
        // exponent a JSON writer uses.
        let mut state = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            let r = next(&mut state);
            let digits = r % 10u64.pow(1 + (r >> 59) as u32 % 17);
            let places = (r >> 40) as usize % 19;
            let mut text = digits.to_string();
            if places > 0 {
                while text.len() <= places {
                    text.insert(0, '0');
                }
                text.insert(text.len() - places, '.');
            }
            if r & 1 == 1 {
                text.insert(0, '-');
            }
            if (r >> 1) & 3 == 0 {
                let e = next(&mut state);
                let letter = if e & 1 == 0 { 'e' } else { 'E' };
                let sign = if e & 2 == 0 { "" } else { "+" };
                let e = ((e >> 8) % 61) as i64 - 30;
                let sign = if e < 0 { "" } else { sign };
                text.push_str(&format!("{letter}{sign}{e}"));
            }
            same(&text);
        }
    }
}
