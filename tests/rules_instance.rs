//! INSTANCE.md: every check against the instance context, table-driven, named after the rule.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{base_json, options, pairs, to_value, CM, NONE, SAML};
use connect_create_user::{validate, Batch, BatchUnit, Instance, Report};
use serde_json::{json, Value as J};

/// A context shaped as the AWS CLI writes it, with the members the checks ignore.
fn context() -> J {
    json!({
        "Instance": {"Id": "i-1", "IdentityManagementType": "CONNECT_MANAGED", "InstanceStatus": "ACTIVE"},
        "UserSummaryList": [
            {"Id": "u-1", "Arn": "arn:aws:connect:us-east-1:111122223333:instance/i-1/agent/u-1", "Username": "jdoe", "LastModifiedTime": "2026-01-01T00:00:00Z"},
            {"Id": "u-2", "Username": "Alice.Smith"}
        ],
        "NextToken": "AAAA",
        "RoutingProfileSummaryList": [
            {"Id": "rp-1", "Arn": "arn:aws:connect:us-east-1:111122223333:instance/i-1/routing-profile/rp-1", "Name": "Basic Routing Profile"},
            {"Id": "rp-2", "Arn": "arn:rp-2", "Name": "Sales"},
            {"Id": "rp-3", "Arn": "arn:rp-3", "Name": "Sales"}
        ],
        "SecurityProfileSummaryList": [
            {"Id": "sp-1", "Arn": "arn:sp-1", "Name": "Agent"},
            {"Id": "sp-2", "Arn": "arn:sp-2", "Name": "Admin"},
            {"Id": "sp-3", "Arn": "arn:sp-3", "Name": "CallCenterManager"},
            {"Id": "sp-4", "Arn": "arn:sp-4", "Name": "QualityAnalyst"},
            {"Id": "sp-5", "Arn": "arn:sp-5", "Name": "Supervisor"},
            {"Id": "sp-6", "Arn": "arn:sp-6", "Name": "Supervisors"}
        ],
        "UserHierarchyGroupSummaryList": [
            {"Id": "hg-1", "Arn": "arn:hg-1", "Name": "North"},
            {"Id": "hg-2", "Arn": "arn:hg-2", "Name": "Team A"}
        ],
        "ResponseMetadata": {"RequestId": "r-1", "HTTPStatusCode": 200}
    })
}

/// The input of `mode`, with a user name the context does not have, and `changes` merged into it
/// (members set to `null` are removed).
fn input(mode: &str, changes: J) -> J {
    let mut base = base_json(mode);
    base["Username"] = json!("new.user");
    for (k, v) in changes.as_object().unwrap() {
        if v.is_null() {
            base.as_object_mut().unwrap().remove(k);
        } else {
            base[k] = v.clone();
        }
    }
    base
}

fn check(ctx: &J, mode: &str, input: &J) -> Report {
    let instance = Instance::from_json(&ctx.to_string());
    validate(&to_value(input), &options(mode).with_instance(&instance))
}

type Pairs = &'static [(&'static str, &'static str)];

struct Case {
    name: &'static str,
    ctx: J,
    mode: &'static str,
    input: J,
    errors: Pairs,
    warnings: Pairs,
    /// (path, fix value, fix label) of violations that must carry a fix.
    fixes: &'static [(&'static str, &'static str, &'static str)],
}

fn case(name: &'static str, changes: J, errors: Pairs, warnings: Pairs) -> Case {
    Case {
        name,
        ctx: context(),
        mode: CM,
        input: input(CM, changes),
        errors,
        warnings,
        fixes: &[],
    }
}

fn run(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for c in cases {
        let r = check(&c.ctx, c.mode, &c.input);
        let own = |list: Pairs| -> Vec<(String, String)> {
            list.iter()
                .map(|(p, code)| (p.to_string(), code.to_string()))
                .collect()
        };
        if pairs(&r.errors) != own(c.errors) || pairs(&r.warnings) != own(c.warnings) {
            failures.push(format!(
                "{}: errors {:?} warnings {:?}",
                c.name,
                pairs(&r.errors),
                pairs(&r.warnings)
            ));
            continue;
        }
        for (path, value, label) in c.fixes {
            let v = r.errors.iter().chain(&r.warnings).find(|v| v.path == *path);
            let fix = v.and_then(|v| v.fix.as_ref());
            if fix.map(|f| (f.value.as_str(), f.label.as_deref())) != Some((value, Some(label))) {
                failures.push(format!("{}: fix at {path}: {fix:?}", c.name));
            }
        }
        for v in r.errors.iter().chain(&r.warnings) {
            let expects_fix = c.fixes.iter().any(|(p, _, _)| *p == v.path);
            if v.fix.is_some() && !expects_fix {
                failures.push(format!("{}: unexpected fix at {}", c.name, v.path));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn taken_and_similar_user_names() {
    run(vec![
        case(
            "TAKEN: an existing user name",
            json!({"Username": "jdoe"}),
            &[("Username", "TAKEN")],
            &[],
        ),
        case(
            "SIMILAR: differs only in letter case",
            json!({"Username": "JDoe"}),
            &[],
            &[("Username", "SIMILAR")],
        ),
        case(
            "SIMILAR: the other way round",
            json!({"Username": "alice.smith"}),
            &[],
            &[("Username", "SIMILAR")],
        ),
        case("a free user name", json!({"Username": "newuser"}), &[], &[]),
        case(
            "a user name that only looks alike is free",
            json!({"Username": "jdoe2"}),
            &[],
            &[],
        ),
    ]);
}

#[test]
fn ids_names_arns_and_near_misses() {
    let mut cases = vec![
        case(
            "an existing id is fine",
            json!({"RoutingProfileId": "rp-1", "SecurityProfileIds": ["sp-1", "sp-2"], "HierarchyGroupId": "hg-1"}),
            &[],
            &[],
        ),
        case(
            "NOT_FOUND: an id of another list",
            json!({"RoutingProfileId": "sp-1"}),
            &[("RoutingProfileId", "NOT_FOUND")],
            &[],
        ),
        case(
            "NOT_FOUND: nothing near",
            json!({"SecurityProfileIds": ["zzzzzz"]}),
            &[("SecurityProfileIds[0]", "NOT_FOUND")],
            &[],
        ),
        case(
            "NOT_FOUND: a name shared by two items has no fix",
            json!({"RoutingProfileId": "Sales"}),
            &[("RoutingProfileId", "NOT_FOUND")],
            &[],
        ),
        case(
            "NOT_FOUND: near two names at once has no fix",
            json!({"SecurityProfileIds": ["Supervisr"]}),
            &[("SecurityProfileIds[0]", "NOT_FOUND")],
            &[],
        ),
    ];
    let with_fix =
        |name, changes, path: &'static str, code: &'static str, warn: bool, value, label| {
            let list: Pairs = Box::leak(Box::new([(path, code)]));
            let mut c = if warn {
                case(name, changes, &[], list)
            } else {
                case(name, changes, list, &[])
            };
            c.fixes = Box::leak(Box::new([(path, value, label)]));
            c
        };
    cases.extend([
        with_fix("PREFER_ID: an ARN, fixed to its id", json!({"RoutingProfileId": "arn:aws:connect:us-east-1:111122223333:instance/i-1/routing-profile/rp-1"}), "RoutingProfileId", "PREFER_ID", true, "rp-1", "Use Basic Routing Profile"),
        with_fix("NOT_FOUND: a routing profile's name", json!({"RoutingProfileId": "Basic Routing Profile"}), "RoutingProfileId", "NOT_FOUND", false, "rp-1", "Use Basic Routing Profile"),
        with_fix("NOT_FOUND: a name in other letter case", json!({"RoutingProfileId": "basic routing profile"}), "RoutingProfileId", "NOT_FOUND", false, "rp-1", "Use Basic Routing Profile"),
        with_fix("NOT_FOUND: a security profile's name", json!({"SecurityProfileIds": ["sp-1", "Admin"]}), "SecurityProfileIds[1]", "NOT_FOUND", false, "sp-2", "Use Admin"),
        with_fix("NOT_FOUND: a near miss with one candidate", json!({"SecurityProfileIds": ["CallCentreManager"]}), "SecurityProfileIds[0]", "NOT_FOUND", false, "sp-3", "Use CallCenterManager"),
        with_fix("NOT_FOUND: a hierarchy group's name", json!({"HierarchyGroupId": "team a"}), "HierarchyGroupId", "NOT_FOUND", false, "hg-2", "Use Team A"),
        with_fix("PREFER_ID: a security profile's ARN", json!({"SecurityProfileIds": ["arn:sp-4"]}), "SecurityProfileIds[0]", "PREFER_ID", true, "sp-4", "Use QualityAnalyst"),
    ]);
    run(cases);
}

#[test]
fn messages_name_the_kind_and_offer_did_you_mean_without_input_values() {
    let r = check(
        &context(),
        CM,
        &input(
            CM,
            json!({"SecurityProfileIds": ["CallCentreManager"], "RoutingProfileId": "Basic Routing Profile"}),
        ),
    );
    let msgs: Vec<&str> = r.errors.iter().map(|v| v.message.as_str()).collect();
    assert!(
        msgs[0].contains("Did you mean CallCenterManager?"),
        "{msgs:?}"
    );
    assert!(
        msgs[1].contains("name of a routing profile, not its ID"),
        "{msgs:?}"
    );
    assert!(
        !msgs.iter().any(|m| m.contains("CallCentreManager")),
        "{msgs:?}"
    );
}

#[test]
fn checks_run_only_for_the_lists_the_context_has() {
    let only_users = json!({"UserSummaryList": [{"Id": "u-1", "Username": "jdoe"}]});
    let empty_lists = json!({"UserSummaryList": [], "RoutingProfileSummaryList": [], "SecurityProfileSummaryList": []});
    let odd = input(
        CM,
        json!({"RoutingProfileId": "whatever", "SecurityProfileIds": ["x"], "HierarchyGroupId": "y"}),
    );
    run(vec![
        Case {
            name: "missing lists: no profile check",
            ctx: only_users,
            mode: CM,
            input: odd.clone(),
            errors: &[],
            warnings: &[],
            fixes: &[],
        },
        Case {
            name: "empty lists: the instance has none",
            ctx: empty_lists,
            mode: CM,
            input: odd.clone(),
            errors: &[
                ("SecurityProfileIds[0]", "NOT_FOUND"),
                ("RoutingProfileId", "NOT_FOUND"),
            ],
            warnings: &[],
            fixes: &[],
        },
        Case {
            name: "an empty context checks nothing",
            ctx: json!({}),
            mode: CM,
            input: odd,
            errors: &[],
            warnings: &[],
            fixes: &[],
        },
        Case {
            name: "SearchUsers' Users list counts too",
            ctx: json!({"Users": [{"Id": "u", "Username": "jdoe"}]}),
            mode: CM,
            input: input(CM, json!({"Username": "jdoe"})),
            errors: &[("Username", "TAKEN")],
            warnings: &[],
            fixes: &[],
        },
    ]);
}

#[test]
fn malformed_contexts_are_one_instance_ignored_warning() {
    let bad: Vec<(&str, J)> = vec![
        ("not an object", json!(42)),
        ("a string of junk", json!("x".repeat(100_000))),
        (
            "a list part of the wrong type",
            json!({"UserSummaryList": {"Username": "jdoe"}}),
        ),
        (
            "items without ids",
            json!({"SecurityProfileSummaryList": [{"Name": "Agent"}, {"Id": 5}, "junk", null]}),
        ),
        (
            "users without names",
            json!({"UserSummaryList": [{"Id": "u-1"}, {"Username": ""}]}),
        ),
        (
            "an unknown mode",
            json!({"Instance": {"IdentityManagementType": "LDAP"}}),
        ),
        ("Instance of the wrong type", json!({"Instance": []})),
        (
            "a list holding a number",
            json!([{"UserSummaryList": []}, 7]),
        ),
    ];
    for (name, ctx) in bad {
        let r = check(&ctx, CM, &input(CM, json!({"Username": "newuser"})));
        assert_eq!(
            pairs(&r.warnings),
            vec![(String::new(), "INSTANCE_IGNORED".to_string())],
            "{name}"
        );
        assert!(r.valid_or_only_instance_errors(), "{name}: {:?}", r.errors);
    }
    assert!(Instance::from_json("{not json").ignored().len() == 1);
    let good = check(&context(), CM, &input(CM, json!({"Username": "newuser"})));
    assert!(
        good.warnings.is_empty(),
        "a CLI-shaped context is read whole: {:?}",
        good.warnings
    );
}

trait OnlyInstance {
    fn valid_or_only_instance_errors(&self) -> bool;
}
impl OnlyInstance for Report {
    fn valid_or_only_instance_errors(&self) -> bool {
        self.errors.iter().all(|v| v.code.as_str() == "NOT_FOUND")
    }
}

#[test]
fn the_mode_comes_from_the_instance_unless_given() {
    let saml_ctx = json!({"Instance": {"IdentityManagementType": "SAML"}});
    let cm_input = input(CM, json!({}));
    // Not given: the instance's SAML applies (Password and Email are forbidden there).
    let r = check(&saml_ctx, NONE, &cm_input);
    assert_eq!(
        pairs(&r.errors),
        vec![
            ("Password".into(), "FORBIDDEN".into()),
            ("IdentityInfo.Email".into(), "FORBIDDEN".into())
        ]
    );
    assert!(r.warnings.is_empty(), "no MODE_UNKNOWN: {:?}", r.warnings);
    // Given: the option wins.
    assert!(check(&saml_ctx, CM, &cm_input).is_valid());
    // Neither: MODE_UNKNOWN as without a context.
    let r = check(&json!({}), NONE, &cm_input);
    assert_eq!(
        pairs(&r.warnings),
        vec![(String::new(), "MODE_UNKNOWN".into())]
    );
    // An unrecognized option counts as not given: the instance's mode applies.
    let r = check(&saml_ctx, "bogus", &input(SAML, json!({})));
    assert!(r.is_valid() && r.warnings.is_empty(), "{r:?}");
}

#[test]
fn lists_of_outputs_are_merged_and_pages_concatenated() {
    let pages = json!([
        {"UserSummaryList": [{"Id": "u-1", "Username": "first.page"}], "NextToken": "t"},
        {"UserSummaryList": [{"Id": "u-2", "Username": "second.page"}]},
        {"RoutingProfileSummaryList": [{"Id": "rp-1", "Name": "Basic"}]}
    ]);
    for (name, errors) in [("first.page", 1), ("second.page", 1), ("third.page", 0)] {
        let r = check(&pages, CM, &input(CM, json!({"Username": name})));
        assert_eq!(r.errors.len(), errors, "{name}: {:?}", r.errors);
    }
    let r = check(&pages, CM, &input(CM, json!({"RoutingProfileId": "Basic"})));
    assert_eq!(
        pairs(&r.errors),
        vec![("RoutingProfileId".into(), "NOT_FOUND".into())]
    );
}

#[test]
fn a_user_name_repeated_in_a_batch_is_taken_at_the_later_one() {
    let instance = Instance::from_json(&context().to_string());
    let opts = options(CM).with_instance(&instance);
    let mut batch = Batch::new(BatchUnit::User);
    let users = [
        input(CM, json!({"Username": "a.user"})),
        input(CM, json!({"Username": "b.user"})),
        input(CM, json!({"Username": "a.user"})),
        input(CM, json!({"Username": "B.USER"})),
        input(CM, json!({"Username": "jdoe"})),
        input(CM, json!({"Username": "jdoe"})),
    ];
    let reports: Vec<Report> = users
        .iter()
        .enumerate()
        .map(|(i, u)| batch.validate(&to_value(u), &opts, i + 1))
        .collect();
    let codes: Vec<_> = reports
        .iter()
        .map(|r| (pairs(&r.errors), pairs(&r.warnings)))
        .collect();
    let u = |c: &str| vec![("Username".to_string(), c.to_string())];
    assert_eq!(codes[0], (vec![], vec![]));
    assert_eq!(codes[2], (u("TAKEN"), vec![]));
    assert!(
        reports[2].errors[0].message.contains("User 1"),
        "{:?}",
        reports[2].errors
    );
    assert!(!reports[2].errors[0].message.contains("a.user"));
    assert_eq!(codes[3], (vec![], u("SIMILAR")));
    assert!(reports[3].warnings[0].message.contains("User 2"));
    // Taken in the instance: one TAKEN, not two, for the later repeat too.
    assert_eq!(codes[4], (u("TAKEN"), vec![]));
    assert_eq!(codes[5], (u("TAKEN"), vec![]));
    // Rows count as rows.
    let mut rows = Batch::new(BatchUnit::Row);
    rows.validate(&to_value(&users[0]), &options(CM), 7);
    let r = rows.validate(&to_value(&users[0]), &options(CM), 9);
    assert!(r.errors[0].message.contains("Row 7"), "{:?}", r.errors);
}

#[test]
fn hierarchy_paths_pick_among_groups_of_one_name() {
    let ctx = json!({"UserHierarchyGroupSummaryList": [
        {"Id": "hg-n", "Name": "Team A", "HierarchyPath": {"LevelOne": {"Name": "North"}, "LevelTwo": {"Name": "Team A"}}},
        {"Id": "hg-s", "Name": "Team A", "HierarchyPath": {"LevelOne": {"Name": "South"}, "LevelTwo": {"Name": "Team A"}}}
    ]});
    let instance = Instance::from_json(&ctx.to_string());
    use connect_create_user::fields::RefKind::HierarchyGroup;
    use connect_create_user::instance::Resolved;
    let ids = |parts: &[&str]| match instance.resolve_path(HierarchyGroup, parts) {
        Resolved::Name { items, .. } => items.iter().map(|i| i.id.to_string()).collect::<Vec<_>>(),
        other => vec![format!("{other:?}")],
    };
    assert_eq!(ids(&["Team A"]), vec!["hg-n", "hg-s"]);
    assert_eq!(ids(&["South", "Team A"]), vec!["hg-s"]);
    assert_eq!(ids(&["north", "team a"]), vec!["hg-n"]);
    assert_eq!(ids(&["East", "Team A"]), vec!["NotFound { near: None }"]);
}

#[test]
fn lookups_stay_fast_with_a_large_context() {
    let users: Vec<J> = (0..100_000)
        .map(|i| json!({"Id": format!("u-{i}"), "Username": format!("user{i}")}))
        .collect();
    let ctx = json!({"UserSummaryList": users});
    let instance = Instance::from_json(&ctx.to_string());
    let opts = options(CM).with_instance(&instance);
    let taken = to_value(&input(CM, json!({"Username": "user99999"})));
    assert_eq!(
        pairs(&validate(&taken, &opts).errors),
        vec![("Username".into(), "TAKEN".into())]
    );
    // A 10 MB value is looked up in bounded time (not hashed, not compared).
    let huge = to_value(&input(
        CM,
        json!({"RoutingProfileId": "x".repeat(10_000_000)}),
    ));
    let _ = validate(&huge, &opts);
}
