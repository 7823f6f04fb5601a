//! Any bytes as the packed wire form: `wire::decode` never panics, and what it reads passes every
//! check of `fuzz_checks`, under the decoded options and under each of the four option values.
#![no_main]

use connect_create_user::wire;
use fuzz_checks::{check_round_trips, check_value, check_with, same_value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, value) = wire::decode(data);
    let (options_again, again) = wire::decode(data);
    assert!(
        options_again == options && same_value(&again, &value),
        "decode is not deterministic"
    );
    check_with(&value, &options);
    check_value(&value);
    check_round_trips(&value);
});
