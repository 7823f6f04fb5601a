//! Options of a call: the instance's identity management type, the instance context, and the
//! language of the messages.

use crate::instance::Instance;
use crate::messages::Catalog;

/// How the Amazon Connect instance manages identities. Several rules depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Users are stored in Amazon Connect (`CONNECT_MANAGED`).
    ConnectManaged,
    /// Users sign in through a SAML 2.0 identity provider (`SAML`).
    Saml,
    /// Users come from an existing directory (`EXISTING_DIRECTORY`).
    ExistingDirectory,
}

impl Mode {
    /// Every mode, in the order the API lists them.
    pub const ALL: [Mode; 3] = [Mode::ConnectManaged, Mode::Saml, Mode::ExistingDirectory];

    /// The API's name of the mode (`CONNECT_MANAGED`, `SAML`, `EXISTING_DIRECTORY`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::ConnectManaged => "CONNECT_MANAGED",
            Mode::Saml => "SAML",
            Mode::ExistingDirectory => "EXISTING_DIRECTORY",
        }
    }

    /// The mode named exactly `name` (case-sensitive), if any.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// The catalog phrase of how an admin reads the mode in a message ("Amazon Connect identity
    /// management").
    pub fn label_key(self) -> &'static str {
        match self {
            Mode::ConnectManaged => "mode.connect_managed",
            Mode::Saml => "mode.saml",
            Mode::ExistingDirectory => "mode.existing_directory",
        }
    }
}

/// What a call was given besides the input.
#[derive(Debug, Clone, Copy)]
pub struct Options<'i> {
    /// The instance's identity management type; mode-dependent rules apply only when known.
    pub mode: ModeOption,
    /// The instance context (INSTANCE.md), when the caller has one.
    pub instance: Option<&'i Instance>,
    /// The language of the messages (MESSAGES.md); English by default.
    pub locale: &'i Catalog,
}

impl Default for Options<'_> {
    /// No mode, no instance context, English.
    fn default() -> Self {
        Options {
            mode: ModeOption::NotGiven,
            instance: None,
            locale: Catalog::english(),
        }
    }
}

impl PartialEq for Options<'_> {
    /// Same mode, the same catalog, and the same instance context (the same prepared object, or
    /// none).
    fn eq(&self, other: &Self) -> bool {
        self.mode == other.mode
            && std::ptr::eq(self.locale, other.locale)
            && match (self.instance, other.instance) {
                (None, None) => true,
                (Some(a), Some(b)) => std::ptr::eq(a, b),
                _ => false,
            }
    }
}

/// The identity management type as the caller gave it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ModeOption {
    /// Not given: the mode-dependent rules are skipped, with a `MODE_UNKNOWN` warning.
    #[default]
    NotGiven,
    /// Given, but not one of the three names: treated as not given, and the warning says so.
    Unrecognized,
    /// A known mode.
    Known(Mode),
}

impl<'i> Options<'i> {
    /// Options for a known mode.
    pub fn with_mode(mode: Mode) -> Self {
        Options {
            mode: ModeOption::Known(mode),
            ..Options::default()
        }
    }

    /// These options with an instance context.
    pub fn with_instance<'a>(self, instance: &'a Instance) -> Options<'a>
    where
        'i: 'a,
    {
        Options {
            mode: self.mode,
            instance: Some(instance),
            locale: self.locale,
        }
    }

    /// These options with messages in the language of `locale`.
    pub fn with_locale<'a>(self, locale: &'a Catalog) -> Options<'a>
    where
        'i: 'a,
    {
        Options {
            mode: self.mode,
            instance: self.instance,
            locale,
        }
    }

    /// Options from the text a caller passed as `identityManagementType` (`None`: not given).
    pub fn from_mode_name(name: Option<&str>) -> Self {
        let mode = match name {
            None => ModeOption::NotGiven,
            Some(n) => Mode::parse(n).map_or(ModeOption::Unrecognized, ModeOption::Known),
        };
        Options {
            mode,
            ..Options::default()
        }
    }

    /// The known mode, if any: the one given, else the instance context's (INSTANCE.md: the
    /// option wins; an unrecognized option counts as not given).
    pub fn known_mode(&self) -> Option<Mode> {
        match self.mode {
            ModeOption::Known(m) => Some(m),
            _ => self.instance.and_then(Instance::mode),
        }
    }
}
