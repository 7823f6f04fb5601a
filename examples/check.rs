//! Checks a CreateUser input read from a JSON file (or stdin) and prints its report, then the
//! request when it is valid: `cargo run --example check -- input.json [MODE]`.
#![allow(clippy::unwrap_used)]

use std::io::Read;

use connect_create_user::{build_request, json, validate, Options};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut text = String::new();
    match args.get(1).map(String::as_str) {
        None | Some("-") => {
            std::io::stdin().read_to_string(&mut text).unwrap();
        }
        Some(path) => text = std::fs::read_to_string(path).unwrap(),
    }
    let options = Options::from_mode_name(args.get(2).map(String::as_str));
    let input = match json::parse(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let report = validate(&input, &options);
    for v in &report.errors {
        println!("error   {:<40} {:<20} {}", v.path, v.code, v.message);
    }
    for v in &report.warnings {
        println!("warning {:<40} {:<20} {}", v.path, v.code, v.message);
    }
    if let Ok(request) = build_request(&input, &options) {
        println!("{} {}\n{}", request.method, request.path, request.body);
    } else {
        std::process::exit(1);
    }
}
