//! Structure-aware: a valid CreateUser input for one identity mode (every member, every list,
//! tags), then a few mutations picked by the fuzzer (remove a member, change a value's type,
//! replace a string with a tricky one, duplicate list items, change a channel, add members and
//! tags). Near-valid inputs are where the cross-field rules live.
//!
//! Every result passes every check of `fuzz_checks` (no input text in a message: the sensitive
//! members carry distinctive `Zq7mark…` values for it), and reads back through JSON text and the
//! packed wire form.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use connect_create_user::{json, validate, Mode, Options, Value};
use fuzz_checks::{check_round_trips, check_value, sensitive_values};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum BaseMode {
    NotGiven,
    ConnectManaged,
    Saml,
    ExistingDirectory,
}

impl BaseMode {
    fn options(self) -> Options<'static> {
        match self {
            BaseMode::NotGiven => Options::default(),
            BaseMode::ConnectManaged => Options::with_mode(Mode::ConnectManaged),
            BaseMode::Saml => Options::with_mode(Mode::Saml),
            BaseMode::ExistingDirectory => Options::with_mode(Mode::ExistingDirectory),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Recipe {
    mode: BaseMode,
    /// `PhoneConfig` instead of the channel lists it conflicts with.
    phone_config: bool,
    mutations: Vec<Mutation>,
}

/// Which node a mutation works on: an index into the nodes it can apply to, in document order.
type At = u16;

#[derive(Arbitrary, Debug)]
enum Mutation {
    Remove {
        at: At,
    },
    Replace {
        at: At,
        with: Replacement,
    },
    SetString {
        at: At,
        to: StrGen,
    },
    /// Repeats a list item or an object member (a repeated key) right after itself: 1 to 16
    /// times, or (rarely) 20 to 300 times (past the 100-error cap), or 10,001 (past the read limit).
    Duplicate {
        at: At,
        times: u8,
    },
    SetChannel {
        at: At,
        to: ChannelGen,
    },
    AddMember {
        at: At,
        key: KeyGen,
        value: Replacement,
    },
    AddTags {
        tags: Vec<(StrGen, StrGen)>,
    },
    ManyTags {
        n: u8,
    },
    /// Moves a member or item to another place of its object or list.
    Move {
        at: At,
        to: u8,
    },
    /// Replaces a node with a copy of another one (a valid value at the wrong member).
    Transplant {
        from: At,
        to: At,
    },
}

#[derive(Arbitrary, Debug)]
enum Replacement {
    Null,
    Bool(bool),
    Number(NumGen),
    Str(StrGen),
    EmptyList,
    /// `[current]`.
    InList,
    EmptyObject,
    /// `{key: current}`.
    InObject(KeyGen),
    Other(u8),
}

#[derive(Arbitrary, Debug)]
enum NumGen {
    Zero,
    NegZero,
    One,
    MinusOne,
    Half,
    Max,
    MaxPlusOne,
    Big,
    Nan,
    Inf,
    NegInf,
    Int(i32),
    Any(f64),
}

impl NumGen {
    fn value(&self) -> f64 {
        match self {
            NumGen::Zero => 0.0,
            NumGen::NegZero => -0.0,
            NumGen::One => 1.0,
            NumGen::MinusOne => -1.0,
            NumGen::Half => 1.5,
            NumGen::Max => 2_000_000.0,
            NumGen::MaxPlusOne => 2_000_001.0,
            NumGen::Big => 1e21,
            NumGen::Nan => f64::NAN,
            NumGen::Inf => f64::INFINITY,
            NumGen::NegInf => f64::NEG_INFINITY,
            NumGen::Int(i) => f64::from(*i),
            NumGen::Any(f) => *f,
        }
    }
}

/// Short texts that rules care about.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Piece {
    Lower,
    Upper,
    Digit,
    Space,
    Nbsp,
    IdeographicSpace,
    Tab,
    Newline,
    At,
    Dot,
    Plus,
    Dash,
    Underscore,
    Colon,
    Slash,
    Percent,
    Quote,
    Backslash,
    CombiningAcute,
    ComposedE,
    DecomposedE,
    HangulJamo,
    Emoji,
    ZwjFamily,
    Astral,
    Cjk,
    RtlMark,
    Bom,
    Replacement,
    UnitSeparator,
    Nul,
    AwsPrefix,
    Marker,
}

impl Piece {
    fn text(self) -> &'static str {
        match self {
            Piece::Lower => "a",
            Piece::Upper => "Z",
            Piece::Digit => "7",
            Piece::Space => " ",
            Piece::Nbsp => "\u{a0}",
            Piece::IdeographicSpace => "\u{3000}",
            Piece::Tab => "\t",
            Piece::Newline => "\n",
            Piece::At => "@",
            Piece::Dot => ".",
            Piece::Plus => "+",
            Piece::Dash => "-",
            Piece::Underscore => "_",
            Piece::Colon => ":",
            Piece::Slash => "/",
            Piece::Percent => "%",
            Piece::Quote => "\"",
            Piece::Backslash => "\\",
            Piece::CombiningAcute => "\u{301}",
            Piece::ComposedE => "é",
            Piece::DecomposedE => "e\u{301}",
            Piece::HangulJamo => "\u{1100}\u{1161}",
            Piece::Emoji => "👍",
            Piece::ZwjFamily => "👩\u{200d}👩\u{200d}👧",
            Piece::Astral => "𝔸",
            Piece::Cjk => "漢",
            Piece::RtlMark => "\u{200f}",
            Piece::Bom => "\u{feff}",
            Piece::Replacement => "\u{fffd}",
            Piece::UnitSeparator => "\u{1f}",
            Piece::Nul => "\u{0}",
            Piece::AwsPrefix => "aws:",
            Piece::Marker => "Zq7mark",
        }
    }
}

/// Lengths around every bound of the model.
const LENGTHS: [usize; 32] = [
    0, 1, 2, 7, 8, 9, 15, 16, 19, 20, 21, 63, 64, 65, 99, 100, 101, 127, 128, 129, 255, 256, 257,
    264, 265, 266, 299, 300, 301, 4096, 4097, 5000,
];

/// Every enum-like text of the model, and near misses.
const WORDS: [&str; 20] = [
    "VOICE",
    "CHAT",
    "TASK",
    "EMAIL",
    "voice",
    "Voice",
    "VOICE ",
    "SOFT_PHONE",
    "DESK_PHONE",
    "desk_phone",
    "VOICE_ISOLATION",
    "NOISE_SUPPRESSION",
    "NONE",
    "none",
    "CONNECT_MANAGED",
    "SAML",
    "EXISTING_DIRECTORY",
    "true",
    "0",
    "null",
];

#[derive(Arbitrary, Debug)]
enum StrGen {
    Raw(String),
    /// `Zq7mark` and a suffix: a distinctive value that must never show in a message.
    Marker(String),
    /// The current text with a piece before and after it.
    Affix {
        before: Option<Piece>,
        after: Option<Piece>,
    },
    /// The current text with a piece inserted at a character position.
    Insert {
        piece: Piece,
        at: u16,
    },
    /// The current text cut to its first `n` characters.
    Truncate {
        n: u16,
    },
    Repeat {
        piece: Piece,
        count: u16,
    },
    /// A text of exactly one of [`LENGTHS`] characters, starting with the marker.
    AtLength {
        piece: Piece,
        len: u8,
    },
    /// The current text with each `e`/`a`/`o` decomposed (letter then a combining mark).
    Decompose,
    Email {
        local: String,
        domain: String,
        tld: u8,
    },
    Phone {
        digits: u64,
        plus: bool,
    },
    Word(u8),
    Empty,
    SwapCase,
}

impl StrGen {
    fn make(&self, current: &str) -> String {
        match self {
            StrGen::Raw(s) => s.clone(),
            StrGen::Marker(suffix) => format!("Zq7mark{suffix}"),
            StrGen::Affix { before, after } => format!(
                "{}{current}{}",
                before.map_or("", Piece::text),
                after.map_or("", Piece::text)
            ),
            StrGen::Insert { piece, at } => {
                let n = current.chars().count();
                let at = if n == 0 {
                    0
                } else {
                    usize::from(*at) % (n + 1)
                };
                let mut out: String = current.chars().take(at).collect();
                out.push_str(piece.text());
                out.extend(current.chars().skip(at));
                out
            }
            StrGen::Truncate { n } => current.chars().take(usize::from(*n)).collect(),
            StrGen::Repeat { piece, count } => piece.text().repeat(usize::from(*count % 5000)),
            StrGen::AtLength { piece, len } => {
                let len = LENGTHS[usize::from(*len) % LENGTHS.len()];
                "Zq7mark"
                    .chars()
                    .chain(piece.text().chars().cycle())
                    .take(len)
                    .collect()
            }
            StrGen::Decompose => current
                .chars()
                .flat_map(|c| match c {
                    'e' | 'a' | 'o' => vec![c, '\u{301}'],
                    'é' => vec!['e', '\u{301}'],
                    other => vec![other],
                })
                .collect(),
            StrGen::Email { local, domain, tld } => {
                let tld: String = "abcdefghij"
                    .chars()
                    .cycle()
                    .take(usize::from(*tld) % 66)
                    .collect();
                format!("zq7mark{local}@{domain}.{tld}")
            }
            StrGen::Phone { digits, plus } => {
                format!("{}{digits}", if *plus { "+" } else { "" })
            }
            StrGen::Word(i) => WORDS[usize::from(*i) % WORDS.len()].to_string(),
            StrGen::Empty => String::new(),
            StrGen::SwapCase => current
                .chars()
                .map(|c| {
                    if c.is_ascii_lowercase() {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum ChannelGen {
    Voice,
    Chat,
    Task,
    Email,
    Lower,
    Text(String),
    Number,
    Null,
}

impl ChannelGen {
    fn value(&self) -> Value {
        match self {
            ChannelGen::Voice => Value::String("VOICE".into()),
            ChannelGen::Chat => Value::String("CHAT".into()),
            ChannelGen::Task => Value::String("TASK".into()),
            ChannelGen::Email => Value::String("EMAIL".into()),
            ChannelGen::Lower => Value::String("voice".into()),
            ChannelGen::Text(s) => Value::String(s.clone().into()),
            ChannelGen::Number => Value::Number(1.0),
            ChannelGen::Null => Value::Null,
        }
    }
}

/// Every member name of the model.
const NAMES: [&str; 36] = [
    "Username",
    "Password",
    "IdentityInfo",
    "PhoneConfig",
    "DirectoryUserId",
    "SecurityProfileIds",
    "RoutingProfileId",
    "HierarchyGroupId",
    "InstanceId",
    "AutoAcceptConfigs",
    "AfterContactWorkConfigs",
    "PhoneNumberConfigs",
    "PersistentConnectionConfigs",
    "VoiceEnhancementConfigs",
    "Tags",
    "FirstName",
    "LastName",
    "Email",
    "SecondaryEmail",
    "Mobile",
    "PhoneType",
    "AutoAccept",
    "AfterContactWorkTimeLimit",
    "DeskPhoneNumber",
    "PersistentConnection",
    "Channel",
    "AgentFirstCallbackAutoAccept",
    "AfterContactWorkConfig",
    "AgentFirstCallbackAfterContactWorkConfig",
    "PhoneNumber",
    "VoiceEnhancementMode",
    "__proto__",
    "constructor",
    "toString",
    "",
    "aws:x",
];

#[derive(Arbitrary, Debug)]
enum KeyGen {
    /// A member name of the model (often one of another shape).
    Model(u8),
    /// A model name with its case changed (`Firstname`, `USERNAME`).
    Case(u8, u8),
    Raw(String),
    Marker(String),
}

impl KeyGen {
    fn make(&self) -> String {
        match self {
            KeyGen::Model(i) => NAMES[usize::from(*i) % NAMES.len()].to_string(),
            KeyGen::Case(i, how) => {
                let name = NAMES[usize::from(*i) % NAMES.len()];
                match how % 3 {
                    0 => name.to_ascii_lowercase(),
                    1 => name.to_ascii_uppercase(),
                    _ => {
                        let mut c = name.chars();
                        c.next().map_or(String::new(), |f| {
                            f.to_string() + &c.as_str().to_ascii_lowercase()
                        })
                    }
                }
            }
            KeyGen::Raw(s) => s.clone(),
            KeyGen::Marker(s) => format!("Zq7mark{s}"),
        }
    }
}

impl Replacement {
    fn make(&self, current: &Value) -> Value {
        match self {
            Replacement::Null => Value::Null,
            Replacement::Bool(b) => Value::Bool(*b),
            Replacement::Number(n) => Value::Number(n.value()),
            Replacement::Str(g) => {
                Value::String(g.make(current.as_str().unwrap_or_default()).into())
            }
            Replacement::EmptyList => Value::List(Vec::new()),
            Replacement::InList => Value::List(vec![current.clone()]),
            Replacement::EmptyObject => Value::Object(Vec::new()),
            Replacement::InObject(k) => Value::Object(vec![(k.make().into(), current.clone())]),
            Replacement::Other(i) => {
                let kinds = connect_create_user::value::OTHER_KINDS;
                Value::Other(
                    kinds
                        .get(usize::from(*i) % kinds.len())
                        .map_or("a value", |(_, n)| *n),
                )
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The base inputs.

fn base_text(mode: BaseMode, phone_config: bool) -> String {
    let saml = matches!(mode, BaseMode::Saml);
    let mut m: Vec<String> = Vec::new();
    m.push(if saml {
        r#""Username":"zq7user@example.com""#.into()
    } else {
        r#""Username":"zq7user.cm-1""#.into()
    });
    if matches!(mode, BaseMode::ConnectManaged | BaseMode::NotGiven) {
        m.push(r#""Password":"Zq7markPw1d""#.into());
    }
    let email = if saml {
        ""
    } else {
        r#""Email":"zq7mark.email@example.com","#
    };
    m.push(format!(
        r#""IdentityInfo":{{"FirstName":"Zq7markFirstÉlodie","LastName":"Zq7markLastNguyễn",{email}"SecondaryEmail":"zq7mark.second@example.org","Mobile":"+15550123456"}}"#
    ));
    if phone_config {
        m.push(
            r#""PhoneConfig":{"PhoneType":"DESK_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":60,"DeskPhoneNumber":"+15550199887","PersistentConnection":false}"#
                .into(),
        );
    }
    if matches!(mode, BaseMode::ExistingDirectory | BaseMode::NotGiven) {
        m.push(r#""DirectoryUserId":"zq7dir-1""#.into());
    }
    m.push(r#""SecurityProfileIds":["sp-1","sp-2"]"#.into());
    m.push(r#""RoutingProfileId":"rp-1""#.into());
    m.push(r#""HierarchyGroupId":"hg-1""#.into());
    m.push(r#""InstanceId":"inst/ance 1ü~""#.into());
    if !phone_config {
        m.push(
            r#""AutoAcceptConfigs":[{"Channel":"VOICE","AutoAccept":true,"AgentFirstCallbackAutoAccept":false},{"Channel":"CHAT","AutoAccept":false}]"#
                .into(),
        );
        m.push(
            r#""AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":30},"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":0}},{"Channel":"TASK","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":2000000}}]"#
                .into(),
        );
        m.push(
            r#""PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"DESK_PHONE","PhoneNumber":"+15550177665"}]"#
                .into(),
        );
        m.push(
            r#""PersistentConnectionConfigs":[{"Channel":"VOICE","PersistentConnection":true}]"#
                .into(),
        );
    }
    m.push(r#""VoiceEnhancementConfigs":[{"Channel":"VOICE","VoiceEnhancementMode":"NOISE_SUPPRESSION"}]"#.into());
    m.push(r#""Tags":{"team":"blue","cost:center":"42","empty":"","名前":"値"}"#.into());
    format!("{{{}}}", m.join(","))
}

fn base(mode: BaseMode, phone_config: bool) -> &'static Value {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    let bases = BASES.get_or_init(|| {
        let mut out = Vec::new();
        for mode in [
            BaseMode::NotGiven,
            BaseMode::ConnectManaged,
            BaseMode::Saml,
            BaseMode::ExistingDirectory,
        ] {
            for phone_config in [false, true] {
                let v = json::parse(&base_text(mode, phone_config)).expect("base input is JSON");
                let report = validate(&v, &mode.options());
                assert!(
                    report.is_valid(),
                    "base input for {mode:?} is invalid: {:?}",
                    report.errors
                );
                assert!(sensitive_values(&v)
                    .iter()
                    .all(|s| s.to_ascii_lowercase().contains("zq7mark") || s.starts_with("+1555")));
                out.push(v);
            }
        }
        out
    });
    &bases[mode as usize * 2 + usize::from(phone_config)]
}

// ---------------------------------------------------------------------------------------------
// Navigating and changing a value.

#[derive(Clone, Copy, Debug)]
enum Step {
    /// The member at this position of an object (positions, not names: keys may repeat).
    Member(usize),
    Item(usize),
}

/// How many nodes `keep` holds for, the root included.
fn count(v: &Value, keep: &dyn Fn(&Value) -> bool) -> usize {
    let inner: usize = match v {
        Value::List(items) => items.iter().map(|i| count(i, keep)).sum(),
        Value::Object(members) => members.iter().map(|(_, m)| count(m, keep)).sum(),
        _ => 0,
    };
    inner + usize::from(keep(v))
}

/// The path of the `k`-th node (in document order, parents first) for which `keep` holds.
fn find(v: &Value, keep: &dyn Fn(&Value) -> bool, k: &mut usize, path: &mut Vec<Step>) -> bool {
    if keep(v) {
        if *k == 0 {
            return true;
        }
        *k -= 1;
    }
    match v {
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Item(i));
                if find(item, keep, k, path) {
                    return true;
                }
                path.pop();
            }
        }
        Value::Object(members) => {
            for (i, (_, item)) in members.iter().enumerate() {
                path.push(Step::Member(i));
                if find(item, keep, k, path) {
                    return true;
                }
                path.pop();
            }
        }
        _ => {}
    }
    false
}

/// The path of one of the nodes for which `keep` holds, chosen by `at`.
fn pick_where(root: &Value, at: At, keep: &dyn Fn(&Value) -> bool) -> Option<Vec<Step>> {
    let n = count(root, keep);
    if n == 0 {
        return None;
    }
    let mut k = usize::from(at) % n;
    let mut path = Vec::new();
    find(root, keep, &mut k, &mut path).then_some(path)
}

fn any(_: &Value) -> bool {
    true
}

fn node_mut<'v>(root: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut at = root;
    for step in path {
        at = match (step, at) {
            (Step::Member(i), Value::Object(members)) => &mut members.get_mut(*i)?.1,
            (Step::Item(i), Value::List(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(at)
}

fn node<'v>(root: &'v Value, path: &[Step]) -> Option<&'v Value> {
    let mut at = root;
    for step in path {
        at = match (step, at) {
            (Step::Member(i), Value::Object(members)) => &members.get(*i)?.1,
            (Step::Item(i), Value::List(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(at)
}

/// Keeps every input within a size that keeps executions fast.
const MAX_ITEMS: usize = 12_000;

fn apply(root: &mut Value, m: &Mutation) {
    match m {
        Mutation::Remove { at } => {
            let Some(path) = pick_where(root, *at, &any) else {
                return;
            };
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            match (last, node_mut(root, parent)) {
                (Step::Member(i), Some(Value::Object(members))) => {
                    members.remove(*i);
                }
                (Step::Item(i), Some(Value::List(items))) => {
                    items.remove(*i);
                }
                _ => {}
            }
        }
        Mutation::Replace { at, with } => {
            let Some(path) = pick_where(root, *at, &any) else {
                return;
            };
            if let Some(v) = node_mut(root, &path) {
                *v = with.make(v);
            }
        }
        Mutation::SetString { at, to } => {
            let is_string = |v: &Value| matches!(v, Value::String(_));
            let path = pick_where(root, *at, &is_string).or_else(|| pick_where(root, *at, &any));
            let Some(path) = path else { return };
            if let Some(v) = node_mut(root, &path) {
                *v = Value::String(to.make(v.as_str().unwrap_or_default()).into());
            }
        }
        Mutation::Duplicate { at, times } => {
            let Some(path) = pick_where(root, *at, &any) else {
                return;
            };
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            let n = match *times {
                0..=239 => usize::from(*times % 16) + 1,
                255 => 10_001,
                more => usize::from(more - 239) * 20,
            };
            match (last, node_mut(root, parent)) {
                (Step::Member(i), Some(Value::Object(members))) => {
                    let n = n.min(MAX_ITEMS.saturating_sub(members.len()));
                    let member = members[*i].clone();
                    members.splice(*i + 1..*i + 1, std::iter::repeat(member).take(n));
                }
                (Step::Item(i), Some(Value::List(items))) => {
                    let n = n.min(MAX_ITEMS.saturating_sub(items.len()));
                    let item = items[*i].clone();
                    items.splice(*i + 1..*i + 1, std::iter::repeat(item).take(n));
                }
                _ => {}
            }
        }
        Mutation::SetChannel { at, to } => {
            let has_channel = |v: &Value| v.get("Channel").is_some();
            let Some(path) = pick_where(root, *at, &has_channel) else {
                return;
            };
            if let Some(Value::Object(members)) = node_mut(root, &path) {
                if let Some(slot) = members.iter_mut().rev().find(|(k, _)| k == "Channel") {
                    slot.1 = to.value();
                }
            }
        }
        Mutation::AddMember { at, key, value } => {
            let is_object = |v: &Value| matches!(v, Value::Object(_));
            let Some(path) = pick_where(root, *at, &is_object) else {
                return;
            };
            if let Some(Value::Object(members)) = node_mut(root, &path) {
                if members.len() < MAX_ITEMS {
                    members.push((key.make().into(), value.make(&Value::Null)));
                }
            }
        }
        Mutation::AddTags { tags } => {
            let entries = tags_of(root);
            for (k, v) in tags.iter().take(64) {
                if entries.len() < MAX_ITEMS {
                    entries.push((k.make("team").into(), Value::String(v.make("blue").into())));
                }
            }
        }
        Mutation::ManyTags { n } => {
            let entries = tags_of(root);
            let start = entries.len();
            for i in 0..usize::from(*n) {
                if entries.len() < MAX_ITEMS {
                    entries.push((
                        format!("k{}", start + i).into(),
                        Value::String(format!("v{i}").into()),
                    ));
                }
            }
        }
        Mutation::Move { at, to } => {
            let Some(path) = pick_where(root, *at, &any) else {
                return;
            };
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            match (last, node_mut(root, parent)) {
                (Step::Member(i), Some(Value::Object(members))) => {
                    let m = members.remove(*i);
                    let to = usize::from(*to) % (members.len() + 1);
                    members.insert(to, m);
                }
                (Step::Item(i), Some(Value::List(items))) => {
                    let item = items.remove(*i);
                    let to = usize::from(*to) % (items.len() + 1);
                    items.insert(to, item);
                }
                _ => {}
            }
        }
        Mutation::Transplant { from, to } => {
            let (Some(from), Some(to)) =
                (pick_where(root, *from, &any), pick_where(root, *to, &any))
            else {
                return;
            };
            let Some(copy) = node(root, &from).cloned() else {
                return;
            };
            if let Some(v) = node_mut(root, &to) {
                *v = copy;
            }
        }
    }
}

/// The `Tags` object of the root, made when it is missing or not an object.
fn tags_of(root: &mut Value) -> &mut Vec<(std::borrow::Cow<'static, str>, Value)> {
    if !matches!(root, Value::Object(_)) {
        *root = Value::Object(Vec::new());
    }
    let Value::Object(members) = root else {
        unreachable!()
    };
    let i = match members.iter().rposition(|(k, _)| k == "Tags") {
        Some(i) => i,
        None => {
            members.push(("Tags".into(), Value::Object(Vec::new())));
            members.len() - 1
        }
    };
    let slot = &mut members[i].1;
    if !matches!(slot, Value::Object(_)) {
        *slot = Value::Object(Vec::new());
    }
    let Value::Object(entries) = slot else {
        unreachable!()
    };
    entries
}

/// Caps the size of a tree the mutations grow (wrapping a node in a list or object repeatedly).
fn too_big(v: &Value) -> bool {
    fuzz_checks::depth(v) > 16 || count(v, &any) > 4 * MAX_ITEMS
}

fuzz_target!(|recipe: Recipe| {
    let mut input = base(recipe.mode, recipe.phone_config).clone();
    for m in recipe.mutations.iter().take(12) {
        apply(&mut input, m);
        if too_big(&input) {
            return;
        }
    }
    if recipe.mutations.is_empty() {
        assert!(validate(&input, &recipe.mode.options()).is_valid());
    }
    check_value(&input);
    check_round_trips(&input);
});
