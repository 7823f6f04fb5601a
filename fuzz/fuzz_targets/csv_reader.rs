//! Any bytes as a CSV file: `csv::Sheet` never panics, reads the same way twice, numbers its rows
//! strictly increasing from 2, keeps a row's blank flag true exactly when every cell trims to
//! empty, caps the file's errors, and puts no cell text of the input (4 characters or more) in
//! any message. The first byte picks the options (forced delimiter, small limits), the rest is
//! the file.
#![no_main]

use std::sync::OnceLock;

use connect_create_user::csv::{template, trim_cell, CsvOptions, Limits, Row, Sheet, COLUMNS};
use connect_create_user::Violation;
use libfuzzer_sys::fuzz_target;

/// What one read gave: rows (number, blank, cells), the header, and every message.
#[derive(PartialEq, Debug)]
struct Read {
    rows: Vec<(usize, bool, Vec<String>)>,
    columns: Vec<String>,
    messages: Vec<Violation>,
}

fn read(file: &[u8], options: &CsvOptions) -> Read {
    let mut sheet = Sheet::open(file, options);
    let mut row = Row::new();
    let mut rows = Vec::new();
    let mut messages = Vec::new();
    while sheet.next_row(&mut row) {
        rows.push((
            row.number(),
            row.is_blank(),
            row.cells().map(str::to_owned).collect(),
        ));
        messages.extend(row.too_many_cells());
    }
    let report = sheet.report();
    assert!(report.errors.len() <= 100, "more than 100 file errors");
    assert!(report.warnings.len() <= 101, "more than 101 file warnings");
    messages.extend(report.errors);
    messages.extend(report.warnings);
    Read {
        rows,
        columns: sheet.columns().to_vec(),
        messages,
    }
}

/// Text as the leak check compares it: a run of digits (with the `,` grouping them) as one `0`
/// and capitals as `A` (row numbers of any length and column letters vary in the fixed messages;
/// found by fuzzing: a cell copying "starts in row 11" read as a leak where the vocabulary had a
/// one-digit row).
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        match c {
            '0'..='9' => {
                if !in_number {
                    out.push('0');
                }
                in_number = true;
            }
            ',' if in_number => {}
            'A'..='Z' => {
                out.push('A');
                in_number = false;
            }
            c => {
                out.push(c);
                in_number = false;
            }
        }
    }
    out
}

/// Every fixed message text, from files that raise each file problem, shaped.
fn vocabulary() -> &'static str {
    static VOCABULARY: OnceLock<String> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let small = CsvOptions {
            delimiter: None,
            limits: Limits {
                max_bytes: 60,
                max_rows: 1,
            },
        };
        let template = template(None);
        let wide = format!("a{}", ",x".repeat(120));
        let long = format!("a\n\"1{}", "\n".repeat(60));
        // Between them, every message the module writes.
        let files: [(&[u8], &CsvOptions); 5] = [
            (
                b"frist name,fast name,?,user login,user login,\n1,2,3,4,5,6,7\n\xE9,\"open",
                &CsvOptions::default(),
            ),
            (b"a\n1\n2\n", &small),
            (long.as_bytes(), &small),
            (wide.as_bytes(), &CsvOptions::default()),
            (template.as_bytes(), &CsvOptions::default()),
        ];
        let mut all = String::new();
        let mut seen = Vec::new();
        for (file, options) in files {
            for v in read(file, options).messages {
                all.push_str(&v.message);
                all.push('\n');
                seen.push((
                    v.code,
                    v.message.split(' ').take(3).collect::<Vec<_>>().join(" "),
                ));
            }
        }
        use connect_create_user::Code::*;
        for (code, start) in [
            (UnknownField, "Column C is"),
            (UnknownField, "Column F has"),
            (Duplicate, "The user login"),
            (Required, "The file has"),
            (TooMany, "This row has"),
            (TooMany, "The file has"),
            (TooLong, "The file is"),
            (Encoding, "The file is"),
            (Pattern, "A quoted cell"),
            (Truncated, "25 more file"),
        ] {
            assert!(
                seen.iter().any(|(c, s)| *c == code && s == start),
                "the vocabulary misses {code:?} {start}"
            );
        }
        assert!(all.contains("Did you mean first name?"));
        for c in COLUMNS {
            all.push_str(c.header);
            all.push('\n');
        }
        shape(&all)
    })
}

fn check(file: &[u8], options: &CsvOptions) {
    let first = read(file, options);
    assert_eq!(first, read(file, options), "reading is not deterministic");
    let mut last = 1;
    for (number, blank, cells) in &first.rows {
        assert!(*number > last, "row numbers do not rise");
        last = *number;
        assert_eq!(
            *blank,
            cells.iter().all(|c| trim_cell(c).is_empty()),
            "blank flag"
        );
    }
    let texts = first
        .rows
        .iter()
        .flat_map(|(_, _, cells)| cells.iter())
        .chain(&first.columns)
        .map(|c| trim_cell(c))
        .filter(|c| c.chars().count() >= 4);
    for text in texts {
        for v in &first.messages {
            if v.message.contains(text) && !vocabulary().contains(&shape(text)) {
                panic!("a message holds input text: {:?} in {:?}", text, v.message);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let delimiter = match selector & 3 {
        0 => None,
        1 => Some(b';'),
        2 => Some(b'\t'),
        _ => Some(selector >> 2),
    };
    let limits = if selector & 4 == 0 {
        Limits::default()
    } else {
        Limits {
            max_bytes: usize::from(selector >> 3) + 1,
            max_rows: usize::from(selector >> 5) + 1,
        }
    };
    check(file, &CsvOptions { delimiter, limits });
    check(file, &CsvOptions::default());
});
