//! Checks an Amazon Connect `CreateUser` input against every rule of the rule book (RULES.md) and
//! builds the exact request the API expects.
//!
//! Data flows one way: an input [`Value`] (from JSON text, or from JavaScript through the packed
//! [`wire`] form) → [`validate`] → a [`Report`]; and, for a valid input, → [`build_request`] → an
//! [`HttpRequest`]. Nothing here knows about JavaScript but the thin `wasm` module.
//!
//! ```
//! use connect_create_user::{json, validate, build_request, Mode, Options};
//! let input = json::parse(r#"{"InstanceId":"i-1","Username":"jdoe","Password":"Secr3tPass",
//!   "IdentityInfo":{"FirstName":"Jane","LastName":"Doe","Email":"jane@example.com"},
//!   "SecurityProfileIds":["sp-1"],"RoutingProfileId":"rp-1"}"#).unwrap();
//! let options = Options::with_mode(Mode::ConnectManaged);
//! assert!(validate(&input, &options).is_valid());
//! let request = build_request(&input, &options).unwrap();
//! assert_eq!(request.path, "/users/i-1");
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod csv;
pub mod describe;
pub mod fields;
pub mod import;
pub mod instance;
pub mod json;
pub mod messages;
pub mod nfc;
pub mod options;
pub mod path;
pub mod report;
pub mod request;
pub mod rules;
pub mod similar;
pub mod value;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use instance::Instance;
pub use messages::{match_locale, Catalog, Message};
pub use options::{Mode, ModeOption, Options};
pub use report::{Code, Fix, Report, Violation};
pub use request::{build_request, HttpRequest, InvalidInput};
pub use rules::{validate, Batch, BatchUnit};
pub use value::Value;

/// Validates every user of a JSON array text, handing each report to `each` in order; a user
/// name repeated from an earlier user is `TAKEN` ("User 3 has the same user name"). Only one user
/// is held in memory at a time (and the user names seen so far).
pub fn validate_json_array(
    text: &str,
    options: &Options<'_>,
    mut each: impl FnMut(Report),
) -> Result<(), json::JsonError> {
    let mut batch = Batch::new(BatchUnit::User);
    let mut position = 0;
    json::for_each_item(text, |user| {
        position += 1;
        each(batch.validate(&user, options, position));
    })
}

/// The NFC form of `text`, for a form's "fix it" action on `NOT_NFC`.
pub fn normalize_nfc(text: &str) -> String {
    nfc::to_nfc(text)
}
