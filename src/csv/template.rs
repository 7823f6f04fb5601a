//! The template file: the header in the template's order and one example user.

use super::columns::{ColumnKey, COLUMNS};
use crate::Mode;

/// The template: the header line (every column of [`COLUMNS`], in its order) and one example row,
/// a made-up user that is valid in `mode` once its names are the instance's: Amazon Connect
/// identity management gets a password and an email address, SAML neither (a secondary email
/// address instead), an existing directory no password. No mode gives the Amazon Connect row
/// (the admin website's default). Lines end with `\r\n`, as spreadsheets write them.
pub fn template(mode: Option<Mode>) -> String {
    let mode = mode.unwrap_or(Mode::ConnectManaged);
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
    let example: Vec<&str> = COLUMNS.iter().map(|c| example(c.key, mode)).collect();
    format!("{}\r\n{}\r\n", header.join(","), example.join(","))
}

/// The example row's cell for a column (no cell needs quoting).
fn example(key: ColumnKey, mode: Mode) -> &'static str {
    let connect = mode == Mode::ConnectManaged;
    match key {
        ColumnKey::FirstName => "Jane",
        ColumnKey::LastName => "Doe",
        ColumnKey::Email if mode != Mode::Saml => "jane.doe@example.com",
        ColumnKey::SecondaryEmail if mode == Mode::Saml => "jane.doe@example.com",
        ColumnKey::Password if connect => "Passw0rdExample",
        ColumnKey::UserLogin => "jdoe",
        ColumnKey::RoutingProfile => "Basic Routing Profile",
        ColumnKey::SecurityProfiles => "Agent",
        ColumnKey::PhoneType => "soft",
        ColumnKey::AutoAccept => "no",
        ColumnKey::AcwTimeout => "0",
        ColumnKey::Tags => "department=Support",
        ColumnKey::Email
        | ColumnKey::SecondaryEmail
        | ColumnKey::Mobile
        | ColumnKey::Password
        | ColumnKey::AgentHierarchy
        | ColumnKey::UserHierarchy
        | ColumnKey::PhoneNumber => "",
    }
}
