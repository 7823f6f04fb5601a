//! The one table of the bulk CSV template's columns (CSV.md "Columns"): the header as the
//! template writes it, the CreateUser member the cell fills, how the cell is read, and whether the
//! column is required. The template, header matching and the row mapping all read this table.

/// Which template column a file column is. The discriminant is the column's index in [`COLUMNS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColumnKey {
    /// `first name`
    FirstName,
    /// `last name`
    LastName,
    /// `email address`
    Email,
    /// `secondary email address`
    SecondaryEmail,
    /// `mobile`
    Mobile,
    /// `password`
    Password,
    /// `user login`
    UserLogin,
    /// `routing profile name`
    RoutingProfile,
    /// `security_profile_name_1|security_profile_name_2`
    SecurityProfiles,
    /// `agent hierarchy`
    AgentHierarchy,
    /// `user_hierarchy_1|user_hierarchy_2`
    UserHierarchy,
    /// `phone type (soft/desk)`
    PhoneType,
    /// `phone number`
    PhoneNumber,
    /// `soft phone auto accept (yes/no)`
    AutoAccept,
    /// `ACW timeout (seconds)`
    AcwTimeout,
    /// `tags`
    Tags,
}

/// How a cell of a column is read (the row mapping decides what each kind becomes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// Plain text, trimmed.
    Text,
    /// Plain text, never trimmed (a password may begin or end with a space… and then fails its
    /// own rule, which the admin should see).
    Password,
    /// Names (or ids) of instance items separated by `|`, each trimmed.
    Names,
    /// One instance item's name (or id).
    Name,
    /// A hierarchy group's name, or a path `Level one/Level two/…` whose last part is the group.
    Hierarchy,
    /// In the template, but CreateUser has no member for it: a non-empty cell is a warning
    /// `NOT_APPLICABLE` and is not part of the request.
    Ignored,
    /// `soft` / `desk` / `SOFT_PHONE` / `DESK_PHONE`, any case.
    PhoneType,
    /// `yes` / `no` / `true` / `false`, any case.
    YesNo,
    /// A whole number (`30.0` is 30).
    WholeNumber,
    /// `key=value` pairs separated by `|`.
    Tags,
}

/// One column of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Which column.
    pub key: ColumnKey,
    /// The header as the template writes it (also what `column` of a violation names for a
    /// missing column).
    pub header: &'static str,
    /// The CreateUser member path the cell fills (`None`: no member, see [`CellKind::Ignored`]).
    pub member: Option<&'static str>,
    /// How the cell is read.
    pub kind: CellKind,
    /// Whether a file without this column is a file error `REQUIRED`.
    pub required: bool,
}

impl Column {
    /// Whether the column's cells are trimmed of leading and trailing spaces and tabs (every
    /// column but `password`).
    pub fn trimmed(&self) -> bool {
        self.kind != CellKind::Password
    }

    /// The template column `key` names.
    pub fn of(key: ColumnKey) -> &'static Column {
        // The table is in `ColumnKey` order (a test holds it); the fallback is never taken.
        COLUMNS
            .get(key as usize)
            .filter(|c| c.key == key)
            .or_else(|| COLUMNS.iter().find(|c| c.key == key))
            .unwrap_or(&FIRST)
    }
}

const fn col(
    key: ColumnKey,
    header: &'static str,
    member: Option<&'static str>,
    kind: CellKind,
    required: bool,
) -> Column {
    Column {
        key,
        header,
        member,
        kind,
        required,
    }
}

use CellKind as K;
use ColumnKey as C;

const FIRST: Column = col(
    C::FirstName,
    "first name",
    Some("IdentityInfo.FirstName"),
    K::Text,
    false,
);

/// The normalized headers of [`COLUMNS`], in its order (a test checks them against
/// [`normalize_header`]), so matching a header costs no normalization of the table.
const NORMALIZED: &[&str] = &[
    "firstname",
    "lastname",
    "emailaddress",
    "secondaryemailaddress",
    "mobile",
    "password",
    "userlogin",
    "routingprofilename",
    "securityprofilename1securityprofilename2",
    "agenthierarchy",
    "userhierarchy1userhierarchy2",
    "phonetypesoftdesk",
    "phonenumber",
    "softphoneautoacceptyesno",
    "acwtimeoutseconds",
    "tags",
];

/// The template's columns, in the template's order (CSV.md's table).
pub const COLUMNS: &[Column] = &[
    FIRST,
    col(
        C::LastName,
        "last name",
        Some("IdentityInfo.LastName"),
        K::Text,
        false,
    ),
    col(
        C::Email,
        "email address",
        Some("IdentityInfo.Email"),
        K::Text,
        false,
    ),
    col(
        C::SecondaryEmail,
        "secondary email address",
        Some("IdentityInfo.SecondaryEmail"),
        K::Text,
        false,
    ),
    col(
        C::Mobile,
        "mobile",
        Some("IdentityInfo.Mobile"),
        K::Text,
        false,
    ),
    col(
        C::Password,
        "password",
        Some("Password"),
        K::Password,
        false,
    ),
    col(C::UserLogin, "user login", Some("Username"), K::Text, true),
    col(
        C::RoutingProfile,
        "routing profile name",
        Some("RoutingProfileId"),
        K::Name,
        true,
    ),
    col(
        C::SecurityProfiles,
        "security_profile_name_1|security_profile_name_2",
        Some("SecurityProfileIds"),
        K::Names,
        true,
    ),
    col(
        C::AgentHierarchy,
        "agent hierarchy",
        Some("HierarchyGroupId"),
        K::Hierarchy,
        false,
    ),
    col(
        C::UserHierarchy,
        "user_hierarchy_1|user_hierarchy_2",
        None,
        K::Ignored,
        false,
    ),
    col(
        C::PhoneType,
        "phone type (soft/desk)",
        Some("PhoneConfig.PhoneType"),
        K::PhoneType,
        true,
    ),
    col(
        C::PhoneNumber,
        "phone number",
        Some("PhoneConfig.DeskPhoneNumber"),
        K::Text,
        false,
    ),
    col(
        C::AutoAccept,
        "soft phone auto accept (yes/no)",
        Some("PhoneConfig.AutoAccept"),
        K::YesNo,
        false,
    ),
    col(
        C::AcwTimeout,
        "ACW timeout (seconds)",
        Some("PhoneConfig.AfterContactWorkTimeLimit"),
        K::WholeNumber,
        false,
    ),
    col(C::Tags, "tags", Some("Tags"), K::Tags, false),
];

/// A header as it is matched: lower-cased, only letters and digits kept
/// (`soft phone auto accept (yes/no)` → `softphoneautoacceptyesno`). Only ASCII letters and digits
/// are kept: every template header is ASCII, so another character could only stop a match, and
/// the Unicode tables for lower-casing and "is a letter" cost 1.9 KB of the gzipped wasm.
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The template column a (normalized) header names.
pub fn find_normalized(normalized: &str) -> Option<&'static Column> {
    NORMALIZED
        .iter()
        .position(|n| *n == normalized)
        .and_then(|i| COLUMNS.get(i))
}

/// The template column a header as written names, if any.
pub fn find(header: &str) -> Option<&'static Column> {
    find_normalized(&normalize_header(header))
}

/// The one template column within two edits of a normalized header that names none ("Did you
/// mean …?"); `None` when none or several are that close.
pub fn suggest(normalized: &str) -> Option<&'static Column> {
    // Longer texts cannot be within two edits of any template header: skip the work.
    let longest = NORMALIZED.iter().map(|n| n.len()).max().unwrap_or(0);
    if normalized.is_empty() || normalized.len() > longest + 2 {
        return None;
    }
    let mut close = NORMALIZED.iter().zip(COLUMNS).filter(|(n, _)| {
        // The table's headers are ASCII: their length is their character count.
        n.len().abs_diff(normalized.chars().count()) <= 2
            && crate::similar::within(normalized, n, 2)
    });
    match (close.next(), close.next()) {
        (Some((_, one)), None) => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_key_order_and_normalized_headers_agree() {
        assert_eq!(COLUMNS.len(), NORMALIZED.len());
        for (i, (c, n)) in COLUMNS.iter().zip(NORMALIZED).enumerate() {
            assert_eq!(c.key as usize, i, "{}", c.header);
            assert_eq!(Column::of(c.key), c);
            assert_eq!(normalize_header(c.header), *n);
        }
    }
}
