//! The file-level half of the CSV import (CSV.md "Columns" and "Reading the file"): decoding,
//! records, row numbers, header matching, file problems, limits, the template.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::{Duration, Instant};

use connect_create_user::csv::{
    template, trim_cell, ColumnKey, CsvOptions, Limits, Row, Sheet, COLUMNS,
};
use connect_create_user::{Code, Mode, Report};
use proptest::prelude::*;

/// A header with the four required columns, then `extra` (already with its leading comma).
const REQ: &str = "user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk)";

/// What reading a file gave: each record (row number, blank, cells as written), the header, and
/// the file's report.
struct Read {
    rows: Vec<(usize, bool, Vec<String>)>,
    columns: Vec<String>,
    report: Report,
    delimiter: u8,
    extra: Vec<Option<usize>>,
}

fn read_with(bytes: &[u8], options: &CsvOptions) -> Read {
    let mut sheet = Sheet::open(bytes, options);
    let mut row = Row::new();
    let mut rows = Vec::new();
    let mut extra = Vec::new();
    while sheet.next_row(&mut row) {
        rows.push((
            row.number(),
            row.is_blank(),
            row.cells().map(str::to_owned).collect(),
        ));
        extra.push(row.extra_from());
    }
    Read {
        rows,
        columns: sheet.columns().to_vec(),
        report: sheet.report(),
        delimiter: sheet.delimiter(),
        extra,
    }
}

fn read(bytes: &[u8]) -> Read {
    read_with(bytes, &CsvOptions::default())
}

fn cells(read: &Read) -> Vec<Vec<&str>> {
    read.rows
        .iter()
        .map(|(_, _, c)| c.iter().map(String::as_str).collect())
        .collect()
}

/// The file errors that are not about the header (the short test files have no template header).
fn reading_errors(r: &Read) -> Vec<(Code, Option<&str>)> {
    codes(&r.report.errors)
        .into_iter()
        .filter(|(c, _)| !matches!(c, Code::Required | Code::UnknownField))
        .collect()
}

fn codes(list: &[connect_create_user::Violation]) -> Vec<(Code, Option<&str>)> {
    list.iter().map(|v| (v.code, v.column.as_deref())).collect()
}

#[test]
fn bom_is_dropped() {
    for file in [
        &b"\xEF\xBB\xBFa,b\r\n1,2\r\n"[..],
        b"a,b\r\n1,2\r\n",
        // A BOM on a Windows-1252 file is dropped too.
        b"\xEF\xBB\xBFa,b\r\n1,\xE9\r\n",
    ] {
        let r = read(file);
        assert_eq!(r.columns[0], "a", "{file:?}");
    }
    // Only one: a second one is text (the header trims it not, but matching ignores it).
    for (file, header, cell) in [
        (&b"\xEF\xBB\xBF\xEF\xBB\xBFa\n1\n"[..], "\u{FEFF}a", "1"),
        (b"\n\xEF\xBB\xBFb\n", "", "\u{FEFF}b"),
    ] {
        let r = read(file);
        assert_eq!(r.columns[0], header, "{file:?}");
        assert_eq!(cells(&r).last().unwrap()[0], cell, "{file:?}");
    }
}

#[test]
fn line_ends_crlf_lf_cr_are_one_record_each() {
    for file in [
        &b"h1,h2\r\nA,B\r\nC,D\r\n"[..],
        b"h1,h2\nA,B\nC,D\n",
        b"h1,h2\rA,B\rC,D\r",
        b"h1,h2\r\nA,B\nC,D",
        b"h1,h2\rA,B\r\nC,D\n",
    ] {
        let r = read(file);
        assert_eq!(r.columns, ["h1", "h2"], "{file:?}");
        assert_eq!(cells(&r), [["A", "B"], ["C", "D"]], "{file:?}");
        assert_eq!(
            r.rows.iter().map(|x| x.0).collect::<Vec<_>>(),
            [2, 3],
            "{file:?}"
        );
    }
}

#[test]
fn delimiter_is_detected_from_the_header_and_can_be_forced() {
    for (file, forced, want, first_row) in [
        (&b"a,b;c\n1,2;3\n"[..], None, b',', vec!["1", "2;3"]),
        (b"a;b\n1;2,5\n", None, b';', vec!["1", "2,5"]),
        (b"a\tb\n1\t2\n", None, b'\t', vec!["1", "2"]),
        (b"a;b\tc\n1;2\tx\n", None, b';', vec!["1", "2\tx"]),
        (b"a\n1,2\n", None, b',', vec!["1", "2"]),
        (b"a;b\n1;2\n", Some(b','), b',', vec!["1;2"]),
        (b"a,b\n1|2,3\n", Some(b'|'), b'|', vec!["1", "2,3"]),
        // A quote or a line end cannot be the delimiter: the option is ignored.
        (b"a;b\n1;2\n", Some(b'"'), b';', vec!["1", "2"]),
    ] {
        let r = read_with(
            file,
            &CsvOptions {
                delimiter: forced,
                ..CsvOptions::default()
            },
        );
        assert_eq!(r.delimiter, want, "{file:?}");
        assert_eq!(cells(&r)[0], first_row, "{file:?}");
    }
}

#[test]
fn windows_1252_is_read_when_not_utf8_with_a_warning() {
    for (file, want, warned) in [
        (&b"h\n\xE9\n"[..], "é", true),
        (b"h\nPass\x85word\n", "Pass…word", true),
        (b"h\n\x80\n", "€", true),
        (
            b"h\n\x81\x8D\x8F\x90\x9D\n",
            "\u{81}\u{8D}\u{8F}\u{90}\u{9D}",
            true,
        ),
        (b"h\n\x93quoted\x94\n", "“quoted”", true),
        ("h\né…€\n".as_bytes(), "é…€", false),
    ] {
        let r = read(file);
        assert_eq!(cells(&r)[0], [want], "{file:?}");
        let enc = r
            .report
            .warnings
            .iter()
            .filter(|v| v.code == Code::Encoding)
            .count();
        assert_eq!(enc, usize::from(warned), "{file:?}");
    }
}

#[test]
fn quotes_hold_delimiters_doubled_quotes_and_line_breaks() {
    for (file, want) in [
        (&b"h\n\"a,b\"\n"[..], vec!["a,b"]),
        (b"h\n\"say \"\"hi\"\"\"\n", vec!["say \"hi\""]),
        (b"h\n\"two\r\nlines\",x\n", vec!["two\r\nlines", "x"]),
        (b"h\n\"one\nline\"\n", vec!["one\nline"]),
        (b"h\n\"\"\n", vec![""]),
        (b"h\n  \"a\"  ,b\n", vec!["  \"a\"  ", "b"]),
    ] {
        let r = read(file);
        assert_eq!(cells(&r)[0], want, "{file:?}");
    }
}

#[test]
fn an_unquoted_quote_is_text() {
    for (file, want) in [
        (&b"h\nab\"c,d\n"[..], vec!["ab\"c", "d"]),
        (b"h\n5\" screen\n", vec!["5\" screen"]),
        (b"h\nx\"\n", vec!["x\""]),
    ] {
        let r = read(file);
        assert_eq!(cells(&r)[0], want, "{file:?}");
        assert!(reading_errors(&r).is_empty(), "{file:?}");
    }
}

#[test]
fn a_quote_left_open_is_a_file_pattern_error_naming_its_row() {
    for (file, row) in [
        (&b"h\nok\n\"never closed\n"[..], 3),
        (b"h\nok\n\"a\nb\"\nx,\"open\nmore\nlines", 4),
        (b"\"header open", 1),
        (b"h\n\"a\"\"\n", 2),
        (b"h\r\n\r\n\r\nsecret,\"opened here\r\nand it goes on", 4),
    ] {
        let r = read(file);
        let pattern: Vec<_> = r
            .report
            .errors
            .iter()
            .filter(|v| v.code == Code::Pattern)
            .collect();
        assert_eq!(pattern.len(), 1, "{file:?}");
        assert_eq!(pattern[0].path, "");
        assert_eq!(
            pattern[0].message,
            format!("A quoted cell that starts in row {row} is never closed; add the closing quote (\").")
        );
        // The broken record is not returned as a row.
        assert!(r.rows.iter().all(|x| x.0 < row), "{file:?}");
    }
    for file in [&b"h\n\"closed\""[..], b"h\n\"a\"\"b\"", b"h\nx\""] {
        let r = read(file);
        assert!(
            r.report.errors.iter().all(|v| v.code != Code::Pattern),
            "{file:?}"
        );
    }
}

#[test]
fn row_numbers_count_records_blank_ones_too() {
    let file = b"h1,h2\r\nA,\"multi\r\nline\"\r\n\r\n,\r\n \t, \r\nB,x\r\n\"\",\"\"\r\nC,y";
    let r = read(file);
    let got: Vec<(usize, bool)> = r.rows.iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(
        got,
        [
            (2, false),
            (3, true),
            (4, true),
            (5, true),
            (6, false),
            (7, true),
            (8, false)
        ]
    );
    assert_eq!(cells(&r)[4], ["B", "x"]);
    assert_eq!(cells(&r)[6], ["C", "y"]);
}

#[test]
fn trimming_is_per_column_and_password_is_not_trimmed() {
    let file = format!("{REQ},password,tags\n \tjdoe\t ,  rp  ,sp,soft, Pa ss ,\t\n");
    let mut sheet = Sheet::open(file.as_bytes(), &CsvOptions::default());
    let mut row = Row::new();
    assert!(sheet.next_row(&mut row));
    for (key, want) in [
        (ColumnKey::UserLogin, Some("jdoe")),
        (ColumnKey::RoutingProfile, Some("rp")),
        (ColumnKey::Password, Some(" Pa ss ")),
        (ColumnKey::Tags, Some("")),
        (ColumnKey::FirstName, None),
    ] {
        assert_eq!(sheet.cell(&row, key), want, "{key:?}");
    }
    assert_eq!(row.cell(0), " \tjdoe\t ");
    for (cell, want) in [
        (" a ", "a"),
        ("\t a\t", "a"),
        ("a b", "a b"),
        ("\u{a0}a", "\u{a0}a"),
    ] {
        assert_eq!(trim_cell(cell), want);
    }
}

#[test]
fn ragged_rows_short_are_empty_long_empty_ignored_long_with_content_too_many() {
    for (line, extra) in [
        ("1,2,3", None),
        ("1", None),
        ("1,2,3,,  ,\t", None),
        ("1,2,3,,x", Some(4)),
        ("1,2,3,y", Some(3)),
    ] {
        let file = format!("a,b,c\n{line}\n");
        let mut sheet = Sheet::open(file.as_bytes(), &CsvOptions::default());
        let mut row = Row::new();
        assert!(sheet.next_row(&mut row));
        assert_eq!(row.extra_from(), extra, "{line}");
        assert_eq!(row.cell(2), if line == "1" { "" } else { "3" });
        let v = row.too_many_cells();
        assert_eq!(v.as_ref().map(|v| v.code), extra.map(|_| Code::TooMany));
        if let Some(v) = v {
            assert_eq!(v.path, "");
            assert!(!v.message.contains('x') && !v.message.contains(" y"));
        }
    }
}

#[test]
fn header_matching_ignores_case_and_everything_but_letters_and_digits() {
    for header in [
        "soft phone auto accept (yes/no)",
        "soft phone auto accept yes/no)",
        "SOFT_PHONE_AUTO_ACCEPT_YES_NO",
        "  Soft Phone Auto-Accept (Yes / No) ",
    ] {
        let file = format!("{REQ},{header}\n");
        let sheet = Sheet::open(file.as_bytes(), &CsvOptions::default());
        assert_eq!(sheet.index_of(ColumnKey::AutoAccept), Some(4), "{header}");
        assert!(sheet.errors().is_empty(), "{header}");
        assert_eq!(sheet.header_of(ColumnKey::AutoAccept), Some(header.trim()));
    }
    // Order is free.
    let sheet = Sheet::open(
        b"phone type (soft/desk),tags,security_profile_name_1|security_profile_name_2,routing profile name,user login",
        &CsvOptions::default(),
    );
    assert!(sheet.errors().is_empty());
    assert_eq!(sheet.index_of(ColumnKey::UserLogin), Some(4));
    assert_eq!(sheet.column_of(1).unwrap().key, ColumnKey::Tags);
}

#[test]
fn unknown_header_is_unknown_field_with_did_you_mean_when_one_is_close() {
    for (header, suggestion) in [
        ("frist name", Some("first name")),
        ("emial address", Some("email address")),
        ("pasword", Some("password")),
        ("favourite colour", None),
        ("---", None),
        ("phone numbr", Some("phone number")),
        // Close to two template headers (first name, last name): no suggestion.
        ("fast name", None),
    ] {
        let file = format!("{REQ},{header}\n");
        let r = read(file.as_bytes());
        assert_eq!(
            codes(&r.report.errors),
            [(Code::UnknownField, Some(header))],
            "{header}"
        );
        let message = &r.report.errors[0].message;
        assert!(message.starts_with("Column E is not a column of the template"));
        match suggestion {
            Some(s) => assert!(
                message.ends_with(&format!("Did you mean {s}?")),
                "{message}"
            ),
            None => assert!(!message.contains("Did you mean"), "{message}"),
        }
        assert!(!message.contains(header), "{message}");
    }
}

#[test]
fn duplicate_header_is_duplicate_and_the_first_is_read() {
    let file = format!("{REQ},User Login,first name,First-Name\nA,rp,sp,soft,B,C,D\n");
    let mut sheet = Sheet::open(file.as_bytes(), &CsvOptions::default());
    assert_eq!(
        codes(sheet.errors()),
        [
            (Code::Duplicate, Some("User Login")),
            (Code::Duplicate, Some("First-Name"))
        ]
    );
    let mut row = Row::new();
    assert!(sheet.next_row(&mut row));
    assert_eq!(sheet.cell(&row, ColumnKey::UserLogin), Some("A"));
    assert_eq!(sheet.cell(&row, ColumnKey::FirstName), Some("C"));
    assert_eq!(sheet.column_of(4), None);
}

#[test]
fn missing_required_columns_are_required_naming_the_template_header() {
    for (header, missing) in [
        ("first name", vec![0, 1, 2, 3]),
        ("user login,phone type (soft/desk)", vec![1, 2]),
        ("", vec![0, 1, 2, 3]),
        (REQ, vec![]),
    ] {
        let want: Vec<&str> = missing
            .iter()
            .map(|&i| {
                [
                    "user login",
                    "routing profile name",
                    "security_profile_name_1|security_profile_name_2",
                    "phone type (soft/desk)",
                ][i]
            })
            .collect();
        let r = read(header.as_bytes());
        let got: Vec<&str> = r
            .report
            .errors
            .iter()
            .filter(|v| v.code == Code::Required)
            .map(|v| {
                assert_eq!(v.path, "");
                v.column.as_deref().unwrap()
            })
            .collect();
        assert_eq!(got, want, "{header}");
    }
}

#[test]
fn empty_header_cells_are_ignored_unless_their_cells_hold_values() {
    let file = format!("{REQ},,\n1,2,3,4,,\n1,2,3,4,,x\n1,2,3,4,,y\n");
    let r = read(file.as_bytes());
    assert_eq!(codes(&r.report.errors), [(Code::UnknownField, Some(""))]);
    assert!(r.report.errors[0]
        .message
        .starts_with("Column F has no header"));
    assert!(r.report.errors[0].message.contains("row 3"));
    assert_eq!(r.extra, [None, None, None]);
}

fn small(max_bytes: usize, max_rows: usize) -> CsvOptions {
    CsvOptions {
        delimiter: None,
        limits: Limits {
            max_bytes,
            max_rows,
        },
    }
}

#[test]
fn limits_too_many_rows_and_too_long_stop_reading() {
    // Rows: 3 allowed; blank rows do not count.
    let file = b"h\n1\n\n2\n3\n\n";
    let r = read_with(file, &small(1000, 3));
    assert!(reading_errors(&r).is_empty());
    let file = b"h\n1\n\n2\n3\n4\n5\n";
    let r = read_with(file, &small(1000, 3));
    assert_eq!(reading_errors(&r), [(Code::TooMany, None)]);
    assert_eq!(
        r.report.errors.last().unwrap().message,
        "The file has more than 3 user rows; only the first 3 were read. Split it into smaller files."
    );
    assert_eq!(r.rows.last().unwrap().0, 5);
    // Bytes: cut after the last line end within the limit; the cut record is not read.
    let file = b"h\nrow2\nrow3\nrow4\n";
    for (max, last_row) in [(16, 3), (12, 3), (11, 2), (17, 4), (100, 4)] {
        let r = read_with(file, &small(max, 100));
        assert_eq!(r.rows.last().map(|x| x.0), Some(last_row), "{max}");
        let too_long = r.report.errors.iter().any(|v| v.code == Code::TooLong);
        assert_eq!(too_long, max < file.len(), "{max}");
    }
    // A quoted cell cut by the limit is not an open quote.
    let r = read_with(b"h\n\"a\nb\nc\"\n", &small(7, 100));
    assert_eq!(reading_errors(&r), [(Code::TooLong, None)]);
    assert!(r.rows.is_empty());
}

#[test]
fn template_reads_back_with_every_column_recognized() {
    for mode in [
        None,
        Some(Mode::ConnectManaged),
        Some(Mode::Saml),
        Some(Mode::ExistingDirectory),
    ] {
        let text = template(mode);
        let mut sheet = Sheet::open(text.as_bytes(), &CsvOptions::default());
        assert!(sheet.report().errors.is_empty(), "{mode:?}");
        assert!(sheet.report().warnings.is_empty(), "{mode:?}");
        let headers: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
        assert_eq!(sheet.columns(), headers);
        for (i, c) in COLUMNS.iter().enumerate() {
            assert_eq!(sheet.column_of(i), Some(c));
        }
        let mut row = Row::new();
        assert!(sheet.next_row(&mut row));
        assert!(!row.is_blank() && row.extra_from().is_none());
        let password = sheet.cell(&row, ColumnKey::Password).unwrap();
        let email = sheet.cell(&row, ColumnKey::Email).unwrap();
        match mode {
            None | Some(Mode::ConnectManaged) => {
                assert_eq!(password, "Passw0rdExample");
                assert!(!email.is_empty());
            }
            Some(Mode::Saml) => assert!(password.is_empty() && email.is_empty()),
            Some(Mode::ExistingDirectory) => assert!(password.is_empty()),
        }
        for key in [
            ColumnKey::UserLogin,
            ColumnKey::RoutingProfile,
            ColumnKey::SecurityProfiles,
            ColumnKey::PhoneType,
        ] {
            assert!(!sheet.cell(&row, key).unwrap().is_empty());
        }
        assert!(!sheet.next_row(&mut row));
    }
}

/// Reads `file` to the end within `limit`, and checks the row numbers rise.
fn read_in_time(name: &str, file: &[u8], limit: Duration) -> Read {
    let start = Instant::now();
    let r = read(file);
    let took = start.elapsed();
    eprintln!("{name}: {took:?}");
    assert!(took < limit, "{name}: {took:?}");
    for pair in r.rows.windows(2) {
        assert!(pair[0].0 < pair[1].0, "{name}");
    }
    r
}

#[test]
fn hostile_files_are_read_in_bounded_time() {
    let limit = Duration::from_secs(5);
    // A million columns in the header, and in a row.
    let wide = ",x".repeat(1_000_000);
    let r = read_in_time("wide header", format!("{REQ}{wide}\n").as_bytes(), limit);
    assert_eq!(r.report.errors.len(), 100);
    assert!(r.report.warnings.iter().any(|v| v.code == Code::Truncated));
    let r = read_in_time(
        "wide row",
        format!("{REQ}\n1,2,3,4{wide}\n").as_bytes(),
        limit,
    );
    assert_eq!(r.extra, [Some(4)]);
    // A million empty header cells, and 100,000 short rows.
    let file = format!(
        "{REQ}{}\n{}",
        ",".repeat(1_000_000),
        "a,b,c,d,e\n".repeat(100_000)
    );
    let r = read_in_time("empty header cells", file.as_bytes(), limit);
    assert_eq!(r.rows.len(), 100_000);
    assert_eq!(codes(&r.report.errors), [(Code::UnknownField, Some(""))]);
    // One 50 MB cell, quoted and not.
    let big = "a".repeat(50 * 1024 * 1024);
    let r = read_in_time("big cell", format!("h\n{big}\n").as_bytes(), limit);
    assert_eq!(r.rows[0].2[0].len(), big.len());
    read_in_time("big quoted", format!("h\n\"{big}\"\n").as_bytes(), limit);
    read_in_time("big open", format!("h\n\"{big}\n").as_bytes(), limit);
    // Endless quotes.
    let quotes = "\"".repeat(10_000_001);
    let r = read_in_time("quotes", format!("h\n{quotes}").as_bytes(), limit);
    assert!(r.report.errors.iter().any(|v| v.code == Code::Pattern));
    read_in_time("quotes even", format!("h\n{quotes}\"").as_bytes(), limit);
    // A million line ends.
    read_in_time("blank lines", "\r\n".repeat(1_000_000).as_bytes(), limit);
    // Over the byte limit (real limit: 64 MB).
    let over = format!("h\n{}\n", "b,".repeat(33 * 1024 * 1024));
    let r = read_in_time("over 64 MB", over.as_bytes(), limit);
    assert!(r.report.errors.iter().any(|v| v.code == Code::TooLong));
}

#[test]
fn row_limit_is_100000_user_rows() {
    let mut file = String::from("h\n");
    for i in 0..100_001 {
        file.push_str(&format!("{i}\n"));
        if i % 1000 == 0 {
            file.push('\n');
        }
    }
    let r = read(file.as_bytes());
    assert_eq!(reading_errors(&r), [(Code::TooMany, None)]);
    assert_eq!(r.rows.iter().filter(|x| !x.1).count(), 100_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes_never_panic_and_rows_rise(bytes in proptest::collection::vec(
        prop_oneof![Just(b'"'), Just(b','), Just(b';'), Just(b'\t'), Just(b'\r'), Just(b'\n'),
                    Just(b' '), Just(b'a'), Just(0xE9u8), Just(0xEFu8), Just(0xBBu8), Just(0xBFu8),
                    any::<u8>()], 0..200),
        max_rows in 1usize..5,
    ) {
        for options in [CsvOptions::default(), small(bytes.len() / 2 + 1, max_rows)] {
            let r = read_with(&bytes, &options);
            let mut last = 1;
            for (number, blank, cells) in &r.rows {
                prop_assert!(*number > last);
                last = *number;
                prop_assert_eq!(*blank, cells.iter().all(|c| trim_cell(c).is_empty()));
            }
            prop_assert!(r.report.errors.len() <= 100);
        }
    }
}

/// Throughput of reading a 10,000-row template file (run with `cargo test --release --test
/// csv_reader -- --ignored --nocapture measure`).
#[test]
#[ignore]
fn measure_throughput() {
    let text = template(Some(Mode::ConnectManaged));
    let (header, example) = text.split_once("\r\n").unwrap();
    let mut file = format!("{header}\r\n");
    for i in 0..10_000 {
        file.push_str(&example.replace("jdoe", &format!("jdoe{i}")));
    }
    let rounds = 50;
    let start = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        let mut sheet = Sheet::open(file.as_bytes(), &CsvOptions::default());
        let mut row = Row::new();
        while sheet.next_row(&mut row) {
            n += sheet.cell(&row, ColumnKey::UserLogin).unwrap().len();
        }
    }
    let secs = start.elapsed().as_secs_f64() / f64::from(rounds);
    println!(
        "10,000-row template file: {} bytes, {:.2} ms per read, {:.0} MB/s ({n})",
        file.len(),
        secs * 1e3,
        file.len() as f64 / secs / 1e6
    );
}

/// A plain reading of the grammar, to hold the reader to: records split at line ends outside
/// quotes, a line end at a record's start an empty record, `""` inside quotes a quote, text after
/// a closing quote kept as it comes; the row of a quote left open at the end.
fn reference(text: &str) -> (Vec<Vec<String>>, Option<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let mut records = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut record = vec![String::new()];
        if chars[i] == '\r' || chars[i] == '\n' {
            i += if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                2
            } else {
                1
            };
            records.push(record);
            continue;
        }
        let mut at_field_start = true;
        while let Some(&c) = chars.get(i) {
            if at_field_start && c == '"' {
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            let row = records.len() + 1;
                            return (records, Some(row));
                        }
                        Some('"') if chars.get(i + 1) == Some(&'"') => {
                            record.last_mut().unwrap().push('"');
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some(&c) => {
                            record.last_mut().unwrap().push(c);
                            i += 1;
                        }
                    }
                }
                at_field_start = false;
                continue;
            }
            at_field_start = false;
            i += 1;
            match c {
                ',' => {
                    record.push(String::new());
                    at_field_start = true;
                }
                '\r' | '\n' => {
                    if c == '\r' && chars.get(i) == Some(&'\n') {
                        i += 1;
                    }
                    break;
                }
                c => record.last_mut().unwrap().push(c),
            }
        }
        records.push(record);
    }
    (records, None)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn the_reader_agrees_with_a_plain_reading_of_the_grammar(
        parts in proptest::collection::vec(prop_oneof![
            Just("a"), Just(" "), Just(","), Just("\""), Just("\"\""), Just("\r"), Just("\n"),
            Just("\r\n"), Just("é"), Just("\t")], 0..40)
    ) {
        let text: String = parts.concat();
        let (want, open) = reference(&text);
        let r = read_with(text.as_bytes(), &CsvOptions { delimiter: Some(b','), ..CsvOptions::default() });
        let mut got: Vec<Vec<String>> = Vec::new();
        if !want.is_empty() || open.is_some_and(|row| row > 1) {
            got.push(r.columns.clone());
        }
        let mut numbers = Vec::new();
        for (number, _, cells) in &r.rows {
            numbers.push(*number);
            got.push(cells.clone());
        }
        let want_header: Vec<String> = want.first().map(|h| h.iter().map(|c| trim_cell(c).to_owned()).collect()).unwrap_or_default();
        if let Some(first) = got.first_mut() {
            prop_assert_eq!(&*first, &want_header);
            *first = want.first().cloned().unwrap_or_default();
        }
        prop_assert_eq!(&got, &want, "{:?}", text);
        prop_assert_eq!(numbers, (2..=want.len()).collect::<Vec<_>>());
        let pattern = r.report.errors.iter().find(|v| v.code == Code::Pattern);
        prop_assert_eq!(pattern.is_some(), open.is_some());
        if let (Some(v), Some(row)) = (pattern, open) {
            let needle = format!("row {} ", row);
            prop_assert!(v.message.contains(&needle));
        }
    }
}
