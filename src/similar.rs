//! "Did you mean …?": whether two short texts are within a few edits of each other.

/// Whether `a` and `b` are within `max` edits (Levenshtein: insert, delete or replace one
/// character), comparing characters after lower-casing them. Work is bounded: texts whose lengths
/// differ by more than `max` are rejected at once, and only a band of `2 * max + 1` cells per row
/// is computed, so a long text costs `O(len * max)`.
pub fn within(a: &str, b: &str, max: usize) -> bool {
    distance_within(&fold(a), &fold(b), max).is_some()
}

/// The characters of `s`, lower-cased, as [`distance_within`] compares them.
pub fn fold(s: &str) -> Vec<char> {
    s.chars().map(fold_char).collect()
}

/// A text's characters counted in 16 buckets (by code point): one edit changes at most two
/// counts by one, so two texts within `max` edits have signatures at most `2 * max` apart. A
/// cheap test that spares most comparisons of a near-miss search their edit distance.
pub fn signature(folded: &[char]) -> [u8; 16] {
    let mut sig = [0u8; 16];
    for c in folded {
        if let Some(n) = sig.get_mut((u32::from(*c) & 15) as usize) {
            *n = n.saturating_add(1);
        }
    }
    sig
}

/// Whether two signatures allow an edit distance of at most `max`.
pub fn signatures_within(a: &[u8; 16], b: &[u8; 16], max: usize) -> bool {
    let apart: usize = a
        .iter()
        .zip(b)
        .map(|(x, y)| usize::from(x.abs_diff(*y)))
        .sum();
    apart <= 2 * max
}

/// `s` lower-cased as [`fold_char`] does it, for keys compared ignoring case.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A character's lower case in the scripts instance names are written in: ASCII, Latin-1,
/// Latin Extended-A, Greek and Cyrillic, by their code point arithmetic. Other characters are
/// themselves. (The standard library's full Unicode tables cost about 10 KB of the gzipped wasm
/// for case differences no instance name is likely to hinge on.)
pub fn fold_char(c: char) -> char {
    let n = u32::from(c);
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 0x20,
        // Latin Extended-A: upper case on even code points, then (from U+0139) on odd ones,
        // then (from U+0179) on odd ones again; U+0130 and U+0138 have no simple pair.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        // Greek capitals (U+03A2 is unassigned), Cyrillic.
        0x391..=0x3A1 | 0x3A3..=0x3AB => n + 0x20,
        0x410..=0x42F => n + 0x20,
        0x400..=0x40F => n + 0x50,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The edit distance of `a` and `b` when it is at most `max`.
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let big = max + 1;
    // prev[j] = distance of a[..i] and b[..j], for j in the band; cells outside count as `big`.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut cur = vec![big; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let lo = row.saturating_sub(max);
        let hi = (row + max).min(b.len());
        // The cell left of the band: the first column inside it, else outside it (stale from
        // two rows ago otherwise). Cells right of the band were never written.
        match lo.checked_sub(1) {
            None => *cur.first_mut()? = row.min(big),
            Some(left) => *cur.get_mut(left)? = big,
        }
        let mut best = big;
        for j in lo.max(1)..=hi {
            let cb = b.get(j - 1)?;
            let replace = prev.get(j - 1)? + usize::from(ca != cb);
            let delete = prev.get(j)? + 1;
            let insert = cur.get(j - 1)? + 1;
            let d = replace.min(delete).min(insert).min(big);
            *cur.get_mut(j)? = d;
            best = best.min(d);
        }
        if lo == 0 {
            best = best.min(*cur.first()?);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::within;

    #[test]
    fn folds_like_the_standard_library_in_its_scripts() {
        let ranges = [0..0x250u32, 0x370..0x400, 0x400..0x460];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            let ours = super::fold_char(c);
            // Where the standard library maps one character to one, ours agrees, except for the
            // characters ours leaves alone (no simple pair in these blocks).
            if let [one] = std.as_slice() {
                assert!(
                    ours == *one || ours == c,
                    "{c:?}: std {one:?}, ours {ours:?}"
                );
            }
        }
        assert_eq!(
            super::fold_str("ÉQUIPE Straße ΑΘΗΝΑ МОСКВА Łódź"),
            "équipe straße αθηνα москва łódź"
        );
    }

    #[test]
    fn counts_edits_ignoring_case() {
        for (a, b, max, want) in [
            ("Basic Routing Profile", "basic routing profile", 0, true),
            ("Basic Routing Profile", "Basic Routing Profil", 1, true),
            ("Basic Routing Profile", "Basc Routing Profle", 2, true),
            ("Basic Routing Profile", "Bsc Rting Profile", 2, false),
            ("", "ab", 2, true),
            ("", "abc", 2, false),
            ("kitten", "sitting", 3, true),
            ("kitten", "sitting", 2, false),
            ("Agent", "Admin", 2, false),
            ("Équipe", "équipes", 1, true),
            ("ab", "ba", 2, true),
            ("ab", "ba", 1, false),
        ] {
            assert_eq!(within(a, b, max), want, "{a:?} {b:?} {max}");
        }
    }

    fn naive(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                let d = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
                cur.push(d);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn agrees_with_the_full_table_on_every_short_pair() {
        let mut words = vec![String::new()];
        for len in 1..=5 {
            for bits in 0..(1u32 << len) {
                words.push(
                    (0..len)
                        .map(|i| if bits >> i & 1 == 1 { 'b' } else { 'a' })
                        .collect(),
                );
            }
        }
        for a in &words {
            for b in &words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = naive(&ca, &cb);
                for max in 0..=3 {
                    assert_eq!(within(a, b, max), d <= max, "{a:?} {b:?} {max}");
                    let (sa, sb) = (super::signature(&ca), super::signature(&cb));
                    if d <= max {
                        assert!(super::signatures_within(&sa, &sb, max), "{a:?} {b:?} {max}");
                    }
                }
            }
        }
    }
}
