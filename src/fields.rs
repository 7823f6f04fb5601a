//! The one table of the CreateUser model: every member, its JSON type, bounds, enum values,
//! form, sensitivity, whether it is required, and its identity-mode rules.
//!
//! The rules in [`crate::rules`] read their constants from here and nowhere else. A member that a
//! new model version brings is a row here, plus a [`Hook`] if it has cross-field rules.

use crate::options::Mode;

/// The channels of the channel-specific lists.
pub const CHANNELS: &[&str] = &["VOICE", "CHAT", "TASK", "EMAIL"];
/// The only channel that `PhoneNumberConfigs`, `PersistentConnectionConfigs`,
/// `VoiceEnhancementConfigs` and the `AgentFirstCallback…` members take.
pub const VOICE: &str = "VOICE";
/// `PhoneType` values.
pub const PHONE_TYPES: &[&str] = &["SOFT_PHONE", "DESK_PHONE"];
/// The phone type that needs a desk phone number.
pub const DESK_PHONE: &str = "DESK_PHONE";
/// The phone type for which a desk phone number has no effect.
pub const SOFT_PHONE: &str = "SOFT_PHONE";
/// `VoiceEnhancementMode` values.
pub const VOICE_ENHANCEMENT_MODES: &[&str] = &["VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"];

/// After contact work time limit, in seconds (0 means no limit).
pub const ACW_SECONDS: IntRange = IntRange {
    min: 0,
    max: 2_000_000,
};
/// The largest number of security profiles a user can have.
pub const MAX_SECURITY_PROFILES: usize = 10;
/// The largest number of tags.
pub const MAX_TAGS: usize = 50;
/// Tag key length, in code points.
pub const TAG_KEY_LEN: (usize, usize) = (1, 128);
/// The prefix no user tag key may have (case-sensitive).
pub const TAG_KEY_RESERVED_PREFIX: &str = "aws:";
/// Tag value length, in code points.
pub const TAG_VALUE_MAX: usize = 256;
/// Email length bound (the look-ahead `(?=^.{0,265}$)` of the documented pattern).
pub const EMAIL_MAX: usize = 265;
/// The longest top-level domain the email form accepts (`[a-zA-Z]{2,63}`).
pub const EMAIL_TLD_LEN: (usize, usize) = (2, 63);
/// Password length, in code points.
pub const PASSWORD_LEN: (usize, usize) = (8, 64);
/// E.164: a `+`, a non-zero digit, then 1 to 14 more digits (`^\+[1-9][0-9]{1,14}$`).
pub const E164_DIGITS: (usize, usize) = (2, 15);
/// Form checks (patterns, NFC) read at most this many code points. Every member with a form has a
/// maximum length below it, so a longer value is already `TOO_LONG` and its form is not read: a
/// 10 MB user name costs a bounded count, not a scan.
pub const FORM_SCAN_LIMIT: usize = 4096;
/// Lists and maps are read no further than this many items: a longer list is `TOO_MANY` at the
/// list (no list of the model can be valid with that many), and a hostile million-item list costs
/// no more than this.
pub const READ_LIMIT: usize = 10_000;
/// The largest CSV file read, in bytes (64 MB); past it the file gets `TOO_LONG` and only its first
/// 64 MB are read (cut after the last line break within them).
pub const CSV_MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most user rows (non-empty records after the header) a CSV file may have; past it the file
/// gets `TOO_MANY` and the rest is not read.
pub const CSV_MAX_ROWS: usize = 100_000;
/// The most errors, and separately warnings, a report lists; the rest are counted in `TRUNCATED`.
pub const MAX_REPORTED: usize = 100;

/// A name within this many edits (ignoring case) of a value is offered as "Did you mean …?".
pub const NEAR_MISS_EDITS: usize = 2;
/// Instance lookups read values no longer than this many bytes: no id, ARN, name or user name of
/// an instance is longer, so a longer value is simply not found (and costs no hashing).
pub const INSTANCE_VALUE_MAX: usize = 2048;

/// The kinds of instance item a member refers to by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// A routing profile (`RoutingProfileId`).
    RoutingProfile,
    /// A security profile (`SecurityProfileIds[i]`).
    SecurityProfile,
    /// A user hierarchy group (`HierarchyGroupId`).
    HierarchyGroup,
}

/// One list of the instance context (INSTANCE.md): where it comes from and how messages name
/// its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefList {
    /// Which items it holds.
    pub kind: RefKind,
    /// The member of the AWS CLI / SDK output that holds the list.
    pub member: &'static str,
    /// The AWS CLI command whose output holds the list.
    pub cli: &'static str,
}

/// The instance context's lists of items referred to by id, in [`RefKind`] order.
pub const REF_LISTS: [RefList; 3] = [
    RefList {
        kind: RefKind::RoutingProfile,
        member: "RoutingProfileSummaryList",
        cli: "list-routing-profiles",
    },
    RefList {
        kind: RefKind::SecurityProfile,
        member: "SecurityProfileSummaryList",
        cli: "list-security-profiles",
    },
    RefList {
        kind: RefKind::HierarchyGroup,
        member: "UserHierarchyGroupSummaryList",
        cli: "list-user-hierarchy-groups",
    },
];

/// The instance context's lists of users (`ListUsers`, `SearchUsers`); both may be given.
pub const USER_LISTS: [&str; 2] = ["UserSummaryList", "Users"];
/// Where the instance context holds the identity management type (`DescribeInstance`): the
/// member, the member inside it, and both as one path for messages.
pub const INSTANCE_MODE: (&str, &str, &str) = (
    "Instance",
    "IdentityManagementType",
    "Instance.IdentityManagementType",
);
/// The levels of a hierarchy group's `HierarchyPath`, from the top.
pub const HIERARCHY_LEVELS: [&str; 5] = [
    "LevelOne",
    "LevelTwo",
    "LevelThree",
    "LevelFour",
    "LevelFive",
];

impl RefKind {
    /// This kind's row of [`REF_LISTS`].
    pub fn list(self) -> &'static RefList {
        match self {
            RefKind::RoutingProfile => &REF_LISTS[0],
            RefKind::SecurityProfile => &REF_LISTS[1],
            RefKind::HierarchyGroup => &REF_LISTS[2],
        }
    }
}

/// The most members any shape has (the root has 15); `tests` check every shape against it.
pub const MAX_FIELDS: usize = 16;

/// An inclusive integer range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRange {
    /// Smallest allowed value.
    pub min: i64,
    /// Largest allowed value.
    pub max: i64,
}

/// The special form a string must have, checked by hand in [`crate::rules::forms`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// No form beyond the length.
    Free,
    /// `A–Z a–z 0–9 _ - . @`, with `@` only in email form.
    Username,
    /// 8–64 non-whitespace characters with a lower-case letter, an upper-case letter and a digit.
    Password,
    /// The documented email pattern.
    Email,
    /// An E.164 phone number.
    E164,
    /// A person's name: Unicode NFC.
    Name,
}

/// String constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Str {
    /// Largest length in code points, by the model (`None`: unbounded).
    pub max: Option<usize>,
    /// Tighter maximums in some identity modes.
    pub max_in: &'static [(Mode, usize)],
    /// The form the value must have.
    pub form: Form,
}

/// What JSON type a member takes, with its type-specific constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Str(Str),
    /// One of these strings (case-sensitive).
    Enum(&'static [&'static str]),
    /// A boolean.
    Bool,
    /// A whole number in this range.
    Int(IntRange),
    /// A list of non-empty strings, at most this many.
    StrList {
        /// Largest number of items.
        max: usize,
    },
    /// An object of this shape.
    Object(&'static Shape),
    /// A list of objects of this shape.
    ObjectList(&'static Shape),
    /// The `Tags` map: string keys to string values.
    TagMap,
}

/// Cross-field rules attached to a member, implemented in [`crate::rules`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    /// A `PhoneConfig` member that must not be set together with this channel-specific list.
    ConflictsWith(&'static str),
    /// A desk phone number, with the name of its sibling phone type member: required when that
    /// is `DESK_PHONE`, of no effect (a warning) when it is `SOFT_PHONE`.
    PhoneNumberFor(&'static str),
    /// The `Channel` of a list item: checked for duplicates within the list, and against VOICE
    /// when the list takes only VOICE.
    Channel,
    /// A member that only the `VOICE` channel takes (`AgentFirstCallback…`).
    VoiceOnly,
    /// A warning `PREFER_CHANNEL_CONFIG` when present.
    PreferChannelLists,
    /// The user name: checked against the instance's users and the earlier users of a batch.
    InstanceUser,
    /// An id (or, for a list, ids) of an item of the instance.
    InstanceRef(RefKind),
}

/// What an identity management type does to a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeRules {
    /// Modes in which the member is required.
    pub required_in: &'static [Mode],
    /// Modes in which including the member is an error.
    pub forbidden_in: &'static [Mode],
    /// Modes in which the member has no effect (a warning).
    pub not_applicable_in: &'static [Mode],
    /// The catalog phrase added to the `FORBIDDEN` message: what to use instead (`""`: none).
    pub forbidden_hint: &'static str,
}

impl ModeRules {
    /// No mode-dependent rule.
    pub const NONE: ModeRules = ModeRules {
        required_in: &[],
        forbidden_in: &[],
        not_applicable_in: &[],
        forbidden_hint: "",
    };
}

/// One member of an object shape. Its label (how an admin calls it) is the catalog entry
/// `label.<name>` (`locales/en.json`), so that every language's labels come from one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The member's name in the API (PascalCase).
    pub name: &'static str,
    /// Its type and constraints.
    pub kind: Kind,
    /// Required by the model in every mode.
    pub required: bool,
    /// Its value is personal or secret and must never be shown (messages never show values anyway;
    /// a form masks these).
    pub sensitive: bool,
    /// Identity-mode rules.
    pub modes: ModeRules,
    /// Cross-field rules, in the order they run.
    pub hooks: &'static [Hook],
    /// Sent in the URI, not the body (`InstanceId`).
    pub in_path: bool,
}

/// An object shape of the model.
#[derive(Debug, PartialEq, Eq)]
pub struct Shape {
    /// The model's name of the shape.
    pub name: &'static str,
    /// Its members, in the model's order.
    pub fields: &'static [Field],
    /// For items of a channel list: whether the list takes only `VOICE`.
    pub voice_only: bool,
}

impl Shape {
    /// The member called `name`, if the shape has one.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The index of the member called `name`, searching from `from` and wrapping around. Inputs
    /// mostly list members in the model's order, so passing the index after the last one found
    /// makes most searches one comparison (string comparison is a byte loop in wasm). A name the
    /// packed input gave by index is this table's own string, so its address is compared first.
    pub fn index_from(&self, name: &str, from: usize) -> Option<usize> {
        let n = self.fields.len();
        (0..n).map(|i| (from + i) % n).find(|&i| {
            self.fields
                .get(i)
                .is_some_and(|f| std::ptr::eq(f.name, name) || f.name == name)
        })
    }
}

const fn field(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
        sensitive: false,
        modes: ModeRules::NONE,
        hooks: &[],
        in_path: false,
    }
}

const fn free(max: Option<usize>) -> Kind {
    Kind::Str(Str {
        max,
        max_in: &[],
        form: Form::Free,
    })
}

const fn formed(max: Option<usize>, form: Form) -> Kind {
    Kind::Str(Str {
        max,
        max_in: &[],
        form,
    })
}

const CM: Mode = Mode::ConnectManaged;
const SAML: Mode = Mode::Saml;
const ED: Mode = Mode::ExistingDirectory;

/// `CreateUserRequest`, the root.
pub static CREATE_USER: Shape = Shape {
    name: "CreateUserRequest",
    voice_only: false,
    fields: &[
        Field {
            required: true,
            hooks: &[Hook::InstanceUser],
            kind: Kind::Str(Str {
                max: Some(100),
                max_in: &[(CM, 20), (ED, 20), (SAML, 64)],
                form: Form::Username,
            }),
            ..field("Username", free(None))
        },
        Field {
            sensitive: true,
            modes: ModeRules {
                required_in: &[CM],
                forbidden_in: &[SAML, ED],
                not_applicable_in: &[],
                forbidden_hint: "",
            },
            ..field("Password", formed(Some(PASSWORD_LEN.1), Form::Password))
        },
        field("IdentityInfo", Kind::Object(&IDENTITY_INFO)),
        Field {
            hooks: &[Hook::PreferChannelLists],
            ..field("PhoneConfig", Kind::Object(&PHONE_CONFIG))
        },
        Field {
            modes: ModeRules {
                required_in: &[],
                forbidden_in: &[SAML],
                not_applicable_in: &[CM],
                forbidden_hint: "",
            },
            ..field("DirectoryUserId", free(None))
        },
        Field {
            required: true,
            hooks: &[Hook::InstanceRef(RefKind::SecurityProfile)],
            ..field(
                "SecurityProfileIds",
                Kind::StrList {
                    max: MAX_SECURITY_PROFILES,
                },
            )
        },
        Field {
            required: true,
            hooks: &[Hook::InstanceRef(RefKind::RoutingProfile)],
            ..field("RoutingProfileId", free(None))
        },
        Field {
            hooks: &[Hook::InstanceRef(RefKind::HierarchyGroup)],
            ..field("HierarchyGroupId", free(None))
        },
        Field {
            required: true,
            in_path: true,
            ..field("InstanceId", free(Some(100)))
        },
        field("AutoAcceptConfigs", Kind::ObjectList(&AUTO_ACCEPT_CONFIG)),
        field(
            "AfterContactWorkConfigs",
            Kind::ObjectList(&AFTER_CONTACT_WORK_CONFIG_PER_CHANNEL),
        ),
        field("PhoneNumberConfigs", Kind::ObjectList(&PHONE_NUMBER_CONFIG)),
        field(
            "PersistentConnectionConfigs",
            Kind::ObjectList(&PERSISTENT_CONNECTION_CONFIG),
        ),
        field(
            "VoiceEnhancementConfigs",
            Kind::ObjectList(&VOICE_ENHANCEMENT_CONFIG),
        ),
        field("Tags", Kind::TagMap),
    ],
};

/// `UserIdentityInfo`.
pub static IDENTITY_INFO: Shape = Shape {
    name: "UserIdentityInfo",
    voice_only: false,
    fields: &[
        Field {
            sensitive: true,
            modes: ModeRules {
                required_in: &[CM, SAML],
                ..ModeRules::NONE
            },
            ..field("FirstName", formed(Some(255), Form::Name))
        },
        Field {
            sensitive: true,
            modes: ModeRules {
                required_in: &[CM, SAML],
                ..ModeRules::NONE
            },
            kind: Kind::Str(Str {
                max: Some(300),
                max_in: &[(CM, 256)],
                form: Form::Name,
            }),
            ..field("LastName", free(None))
        },
        Field {
            sensitive: true,
            modes: ModeRules {
                required_in: &[CM],
                forbidden_in: &[SAML],
                not_applicable_in: &[],
                forbidden_hint: "hint.email_saml",
            },
            ..field("Email", formed(Some(EMAIL_MAX), Form::Email))
        },
        Field {
            sensitive: true,
            ..field("SecondaryEmail", formed(Some(EMAIL_MAX), Form::Email))
        },
        Field {
            sensitive: true,
            ..field("Mobile", formed(None, Form::E164))
        },
    ],
};

/// `UserPhoneConfig`.
pub static PHONE_CONFIG: Shape = Shape {
    name: "UserPhoneConfig",
    voice_only: false,
    fields: &[
        Field {
            hooks: &[Hook::ConflictsWith("PhoneNumberConfigs")],
            ..field("PhoneType", Kind::Enum(PHONE_TYPES))
        },
        Field {
            hooks: &[Hook::ConflictsWith("AutoAcceptConfigs")],
            ..field("AutoAccept", Kind::Bool)
        },
        Field {
            hooks: &[Hook::ConflictsWith("AfterContactWorkConfigs")],
            ..field("AfterContactWorkTimeLimit", Kind::Int(ACW_SECONDS))
        },
        Field {
            sensitive: true,
            hooks: &[
                Hook::PhoneNumberFor("PhoneType"),
                Hook::ConflictsWith("PhoneNumberConfigs"),
            ],
            ..field("DeskPhoneNumber", formed(None, Form::E164))
        },
        Field {
            hooks: &[Hook::ConflictsWith("PersistentConnectionConfigs")],
            ..field("PersistentConnection", Kind::Bool)
        },
    ],
};

const CHANNEL: Field = Field {
    required: true,
    hooks: &[Hook::Channel],
    ..field("Channel", Kind::Enum(CHANNELS))
};

/// `AutoAcceptConfig`.
pub static AUTO_ACCEPT_CONFIG: Shape = Shape {
    name: "AutoAcceptConfig",
    voice_only: false,
    fields: &[
        CHANNEL,
        Field {
            required: true,
            ..field("AutoAccept", Kind::Bool)
        },
        Field {
            hooks: &[Hook::VoiceOnly],
            ..field("AgentFirstCallbackAutoAccept", Kind::Bool)
        },
    ],
};

/// `AfterContactWorkConfig`.
pub static AFTER_CONTACT_WORK_CONFIG: Shape = Shape {
    name: "AfterContactWorkConfig",
    voice_only: false,
    fields: &[field("AfterContactWorkTimeLimit", Kind::Int(ACW_SECONDS))],
};

/// `AfterContactWorkConfigPerChannel`.
pub static AFTER_CONTACT_WORK_CONFIG_PER_CHANNEL: Shape = Shape {
    name: "AfterContactWorkConfigPerChannel",
    voice_only: false,
    fields: &[
        CHANNEL,
        Field {
            required: true,
            ..field(
                "AfterContactWorkConfig",
                Kind::Object(&AFTER_CONTACT_WORK_CONFIG),
            )
        },
        Field {
            hooks: &[Hook::VoiceOnly],
            ..field(
                "AgentFirstCallbackAfterContactWorkConfig",
                Kind::Object(&AFTER_CONTACT_WORK_CONFIG),
            )
        },
    ],
};

/// `PhoneNumberConfig`.
pub static PHONE_NUMBER_CONFIG: Shape = Shape {
    name: "PhoneNumberConfig",
    voice_only: true,
    fields: &[
        CHANNEL,
        Field {
            required: true,
            ..field("PhoneType", Kind::Enum(PHONE_TYPES))
        },
        Field {
            sensitive: true,
            hooks: &[Hook::PhoneNumberFor("PhoneType")],
            ..field("PhoneNumber", formed(None, Form::E164))
        },
    ],
};

/// `PersistentConnectionConfig`.
pub static PERSISTENT_CONNECTION_CONFIG: Shape = Shape {
    name: "PersistentConnectionConfig",
    voice_only: true,
    fields: &[
        CHANNEL,
        Field {
            required: true,
            ..field("PersistentConnection", Kind::Bool)
        },
    ],
};

/// `VoiceEnhancementConfig`.
pub static VOICE_ENHANCEMENT_CONFIG: Shape = Shape {
    name: "VoiceEnhancementConfig",
    voice_only: true,
    fields: &[
        CHANNEL,
        Field {
            required: true,
            ..field("VoiceEnhancementMode", Kind::Enum(VOICE_ENHANCEMENT_MODES))
        },
    ],
};

/// Every object shape of the model.
pub static SHAPES: &[&Shape] = &[
    &CREATE_USER,
    &IDENTITY_INFO,
    &PHONE_CONFIG,
    &AUTO_ACCEPT_CONFIG,
    &AFTER_CONTACT_WORK_CONFIG,
    &AFTER_CONTACT_WORK_CONFIG_PER_CHANNEL,
    &PHONE_NUMBER_CONFIG,
    &PERSISTENT_CONNECTION_CONFIG,
    &VOICE_ENHANCEMENT_CONFIG,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_fits_the_member_slots() {
        for shape in SHAPES {
            assert!(shape.fields.len() <= MAX_FIELDS, "{}", shape.name);
        }
    }
}
