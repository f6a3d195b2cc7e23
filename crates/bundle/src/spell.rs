//! Other spellings of Chinese text, for search: pinyin without tones, whole ("beijing") and by
//! initials ("bj"), from the `pinyin` crate's data (mozillazg/pinyin-data, Unicode's Unihan readings).
//!
//! The data is some 150 KB of tables, which the visitors' first load must not carry: the app calls
//! [`spellings`] only from a chunk of its own (`src/state/spelling.rs`), and the gallery searches
//! Chinese characters and English words until it arrives.

use pinyin::{Pinyin, ToPinyinMulti};

/// Characters either side of a character with more than one reading that its other readings are
/// spelled with: a search word of up to this many syllables around it finds the other reading.
const AROUND: usize = 3;

/// The pinyin spellings of `text`, one line per spelling; empty when it has no Chinese characters.
///
/// Each run of Chinese characters (anything else ends a run) is spelled in its most common readings,
/// whole and by first letters; a character with other readings adds the same lines for the few
/// characters around it in each other reading (银行 "yinhang" as well as "yinxing"), so that the lines
/// stay as many as the readings and not their product. `ü` is written `v`, as pinyin keyboards type
/// it, and `u` (绿 "lv", "lu").
pub fn spellings(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut run: Vec<Vec<&'static str>> = Vec::new();
    for c in text.chars() {
        match c.to_pinyin_multi() {
            Some(multi) => {
                let mut readings: Vec<&'static str> = Vec::new();
                for reading in multi.into_iter().map(Pinyin::plain) {
                    if !readings.contains(&reading) {
                        readings.push(reading);
                    }
                }
                run.push(readings);
            }
            None => spell_run(&mut run, &mut lines),
        }
    }
    spell_run(&mut run, &mut lines);
    lines.dedup();
    lines
}

/// Adds the lines of one run of characters (each with its readings, the most common first) and
/// empties it.
fn spell_run(run: &mut Vec<Vec<&'static str>>, lines: &mut Vec<String>) {
    if run.is_empty() {
        return;
    }
    let first: Vec<&str> = run.iter().map(|r| r[0]).collect();
    push_both(&first, lines);
    for (at, readings) in run.iter().enumerate() {
        for &other in &readings[1..] {
            let window = at.saturating_sub(AROUND)..(at + AROUND + 1).min(run.len());
            let mut syllables = first[window.clone()].to_vec();
            syllables[at - window.start] = other;
            push_both(&syllables, lines);
        }
    }
    run.clear();
}

/// The line of whole syllables and the line of first letters, with `ü` as `v` and, when there is
/// one, again as `u`.
fn push_both(syllables: &[&str], lines: &mut Vec<String>) {
    let whole: String = syllables.concat();
    let initials: String = syllables.iter().filter_map(|s| s.chars().next()).collect();
    for line in [whole, initials] {
        if line.contains('ü') {
            lines.push(line.replace('ü', "v"));
            lines.push(line.replace('ü', "u"));
        } else {
            lines.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `line` is one of the lines of `text`.
    fn has(text: &str, line: &str) -> bool {
        spellings(text).iter().any(|l| l == line)
    }

    #[test]
    fn whole_and_initials() {
        assert!(has("北京", "beijing"));
        assert!(has("北京", "bj"));
        assert!(has("纪念邮票", "jinianyoupiao"));
        assert!(has("纪念邮票", "jnyp"));
    }

    #[test]
    fn a_word_around_a_character_of_several_readings_is_found_in_either() {
        // 长: cháng or zhǎng; in 长城 it is cháng, whichever reading the data puts first.
        let finds = |word: &str| spellings("长城纪念邮票").iter().any(|l| l.contains(word));
        assert!(finds("changcheng"));
        assert!(finds("zhangcheng"));
        assert!(finds("ccjn"));
        assert!(finds("jinianyoupiao"));
    }

    #[test]
    fn other_characters_end_a_run() {
        let lines = spellings("《北京》 Road，上海");
        assert!(lines.contains(&"beijing".to_owned()));
        assert!(lines.contains(&"shanghai".to_owned()));
        assert!(!lines.iter().any(|l| l.contains("jingshang")), "{lines:?}");
        assert!(!lines.iter().any(|l| l.contains("road")), "{lines:?}");
    }

    #[test]
    fn no_chinese_no_lines() {
        assert!(spellings("Red Ship 2021").is_empty());
        assert!(spellings("").is_empty());
    }

    #[test]
    fn other_readings_around_the_character() {
        // 行: xíng (most common) and háng; 银行 is read yínháng.
        assert!(has("银行", "yinxing"));
        assert!(has("银行", "yinhang"));
        assert!(has("银行", "yh"));
    }

    #[test]
    fn u_umlaut_as_v_and_u() {
        assert!(has("绿", "lv"));
        assert!(has("绿", "lu"));
        assert!(!spellings("绿").iter().any(|l| l.contains('ü')));
    }

    #[test]
    fn lines_grow_with_readings_not_their_product() {
        // Twenty characters, most with several readings: the lines stay a few per reading.
        let text = "长行重还没的了得着差会乐朝传调都发分干好";
        let readings: usize = text
            .chars()
            .map(|c| c.to_pinyin_multi().map_or(0, |m| m.count()))
            .sum();
        assert!(
            spellings(text).len() <= 4 * readings + 4,
            "{}",
            spellings(text).len()
        );
    }
}
