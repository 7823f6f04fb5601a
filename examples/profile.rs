//! Decodes and validates packed inputs (as the JavaScript gatherer writes them) in a loop, for
//! profilers: `cargo run --release --example profile -- FILE.bin [ITERATIONS]`. A `FILE.json`
//! (a JSON array of users) is checked as `validateCreateUserBatch` does, ITERATIONS times.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use connect_create_user::{validate, validate_json_array, wire, Options};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).unwrap();
    let n: usize = args.get(2).map_or(100_000, |s| s.parse().unwrap());
    let start = std::time::Instant::now();
    let mut errors = 0;
    if args[1].ends_with(".json") {
        let text = String::from_utf8(bytes).unwrap();
        let options = Options::from_mode_name(Some("CONNECT_MANAGED"));
        for _ in 0..n {
            validate_json_array(std::hint::black_box(&text), &options, |r| {
                errors += r.errors.len();
            })
            .unwrap();
        }
    } else {
        for _ in 0..n {
            let (options, input) = wire::decode(std::hint::black_box(&bytes));
            errors += validate(&input, &options).errors.len();
        }
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    println!(
        "{:.2} us per decode+validate ({errors} errors in all)",
        per * 1e6
    );
}
