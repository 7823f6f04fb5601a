//! Unicode Normalization Form C: the check behind `NOT_NFC` and the fix behind `normalizeNfc`.
//!
//! Built from `unicode-normalization`'s per-character functions (canonical decomposition,
//! composition, combining classes, the NFC quick-check property) rather than its string
//! iterators, whose decomposition step also links the compatibility tables NFC never uses:
//! this keeps about half of the crate's tables out of the wasm module.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Whether `s` is in NFC.
pub fn is_nfc(s: &str) -> bool {
    if s.is_ascii() {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => to_nfc(s) == s,
    }
}

/// The NFC form of `s`: canonical decomposition, canonical ordering, canonical composition.
pub fn to_nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut chars: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_canonical(c, |d| chars.push(d));
    }
    reorder(&mut chars);
    compose_all(&chars).into_iter().collect()
}

/// Sorts each run of non-starters by combining class, keeping the order of equal classes.
fn reorder(chars: &mut [char]) {
    let mut start = 0;
    while start < chars.len() {
        let run = chars
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| canonical_combining_class(**c) != 0)
            .count();
        if run > 1 {
            if let Some(slice) = chars.get_mut(start..start + run) {
                slice.sort_by_key(|c| canonical_combining_class(*c));
            }
        }
        start += run.max(1);
    }
}

/// The canonical composition algorithm of UAX #15 over a decomposed, reordered sequence.
fn compose_all(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // The last starter's index in `out`, and the class of the last character kept after it.
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for &c in chars {
        let class = canonical_combining_class(c);
        if let Some(slot) = starter.and_then(|i| out.get_mut(i)) {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked {
                if let Some(composed) = compose(*slot, c) {
                    *slot = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out
}
