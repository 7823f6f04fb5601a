// Benchmark inputs, in the API's PascalCase shape (InstanceId included), for the
// CONNECT_MANAGED identity management type.
//
// MINIMAL: the smallest valid input. FULL: every member of the model that can coexist validly
// (no PhoneConfig, which conflicts with the channel lists; no DirectoryUserId, which only gets a
// NOT_APPLICABLE warning in CONNECT_MANAGED). INVALID: six errors, one per rule family.

export const MODE = "CONNECT_MANAGED";

export const INSTANCE_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
const SECURITY_PROFILE = "c4b0e4b0-1111-4b8b-9c3c-securityprof1";
const ROUTING_PROFILE = "e8a4a6c8-2222-4e2c-8a2b-routingprof01";

export const MINIMAL = Object.freeze({
  InstanceId: INSTANCE_ID,
  Username: "jdoe",
  Password: "Passw0rd!",
  IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
  SecurityProfileIds: [SECURITY_PROFILE],
  RoutingProfileId: ROUTING_PROFILE,
});

export const FULL = Object.freeze({
  Username: "jose.nguyen",
  Password: "S3cure-Passw0rd!",
  IdentityInfo: {
    FirstName: "José",
    LastName: "Nguyễn",
    Email: "jose.nguyen@example.com",
    SecondaryEmail: "jose+backup@example.org",
    Mobile: "+14155550123",
  },
  SecurityProfileIds: [
    SECURITY_PROFILE,
    "c4b0e4b0-3333-4b8b-9c3c-securityprof2",
    "c4b0e4b0-4444-4b8b-9c3c-securityprof3",
  ],
  RoutingProfileId: ROUTING_PROFILE,
  HierarchyGroupId: "f1e2d3c4-5555-4a3b-8c7d-hierarchy0001",
  InstanceId: INSTANCE_ID,
  AutoAcceptConfigs: [
    { Channel: "VOICE", AutoAccept: true, AgentFirstCallbackAutoAccept: false },
    { Channel: "CHAT", AutoAccept: false },
    { Channel: "TASK", AutoAccept: true },
    { Channel: "EMAIL", AutoAccept: false },
  ],
  AfterContactWorkConfigs: [
    {
      Channel: "VOICE",
      AfterContactWorkConfig: { AfterContactWorkTimeLimit: 60 },
      AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 },
    },
    { Channel: "CHAT", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 0 } },
    { Channel: "TASK", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 120 } },
    { Channel: "EMAIL", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 2000000 } },
  ],
  PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "DESK_PHONE", PhoneNumber: "+442071838750" }],
  PersistentConnectionConfigs: [{ Channel: "VOICE", PersistentConnection: true }],
  VoiceEnhancementConfigs: [{ Channel: "VOICE", VoiceEnhancementMode: "NOISE_SUPPRESSION" }],
  Tags: {
    team: "support",
    "cost-center": "cc-1234",
    environment: "production",
    "owner@example.com": "José",
    "équipe": "Nguyễn",
    "region/site": "eu-west-1/dublin",
    "key:with=signs+more": "value with spaces",
    "部署": "サポート",
    "level_2": "",
    "shift.start": "08:00",
  },
});

// Six errors: Username PATTERN, Password TOO_SHORT, IdentityInfo.FirstName NOT_NFC (decomposed é),
// IdentityInfo.Email PATTERN, PhoneNumberConfigs[0].Channel CHANNEL_NOT_ALLOWED,
// Tags["aws:team"] PATTERN.
export const INVALID = Object.freeze({
  InstanceId: INSTANCE_ID,
  Username: "j doe!",
  Password: "Ab1",
  IdentityInfo: { FirstName: "Jose\u0301", LastName: "Doe", Email: "jane.doe-at-example.com" },
  SecurityProfileIds: [SECURITY_PROFILE],
  RoutingProfileId: ROUTING_PROFILE,
  PhoneNumberConfigs: [{ Channel: "CHAT", PhoneType: "SOFT_PHONE" }],
  Tags: { team: "support", "aws:team": "support" },
});

export const INVALID_EXPECTED = [
  ["Username", "PATTERN"],
  ["Password", "TOO_SHORT"],
  ["IdentityInfo.FirstName", "NOT_NFC"],
  ["IdentityInfo.Email", "PATTERN"],
  ["PhoneNumberConfigs[0].Channel", "CHANNEL_NOT_ALLOWED"],
  ['Tags["aws:team"]', "PATTERN"],
];

export const INPUTS = { MINIMAL, FULL, INVALID };

// ---------------------------------------------------------------------------------------------
// Generated users for the batch bench: deterministic (seeded), varied, ~10% with one error.

/** A small seeded PRNG (deterministic inputs across runs). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = ["Jane", "John", "José", "Zoë", "Łukasz", "Søren", "Aoife", "Chloé", "Mỹ", "Renée", "Ana", "Kenji", "Émile", "Iñaki"];
export const LAST = ["Doe", "Nguyễn", "García", "Müller", "O'Brien", "Smith", "Kowalski", "Øster", "Traoré", "Lefèvre", "Tanaka", "Brontë"];
const DOMAINS = ["example.com", "example.org", "corp.example.net", "support.example.co.uk"];
const CHANNELS = ["VOICE", "CHAT", "TASK", "EMAIL"];
const TAG_KEYS = ["team", "cost-center", "environment", "site", "équipe", "owner", "project", "shift", "level", "region/zone"];

// Each error kind below breaks exactly one rule that all three contenders can express, so every
// contender must find the same users invalid.
const ERRORS = [
  (u) => { u.Username = u.Username + " x"; },                                        // PATTERN
  (u) => { u.Password = "Ab1xyz"; },                                                  // TOO_SHORT
  (u) => { u.IdentityInfo.Email = "no-at-sign.example.com"; },                        // PATTERN
  (u) => { u.IdentityInfo.FirstName = "Rene\u0301e"; },                              // NOT_NFC
  (u) => { u.Tags = { ...(u.Tags ?? {}), "aws:owner": "x" }; },                      // PATTERN (tag key)
  (u) => { u.PhoneNumberConfigs = [{ Channel: "CHAT", PhoneType: "SOFT_PHONE" }]; },  // CHANNEL_NOT_ALLOWED
  (u) => { u.AutoAcceptConfigs = [{ Channel: "VOCE", AutoAccept: true }]; },          // ENUM
  (u) => { u.IdentityInfo.Firstname = "Jane"; },                                      // UNKNOWN_FIELD
  (u) => { u.AfterContactWorkConfigs = [{ Channel: "CHAT", AfterContactWorkConfig: { AfterContactWorkTimeLimit: -5 } }]; }, // OUT_OF_RANGE
  (u) => { u.PhoneConfig = { AutoAccept: true }; u.AutoAcceptConfigs = [{ Channel: "VOICE", AutoAccept: false }]; }, // CONFLICT
  (u) => { delete u.RoutingProfileId; },                                              // REQUIRED
  (u) => { u.SecurityProfileIds = Array.from({ length: 11 }, (_, i) => `sp-${i}`); }, // TOO_MANY
];

export function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

export function hex(rand, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(rand() * 16)];
  return s;
}

/**
 * n varied CONNECT_MANAGED users; about 10% carry one error (every 10th user, error kind rotating).
 * Returns { users, invalid } where invalid is the Set of indexes built with an error.
 */
export function generateUsersWithTruth(n, seed = 20170808) {
  const rand = mulberry32(seed);
  const users = [];
  const invalid = new Set();
  for (let i = 0; i < n; i++) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const domain = pick(rand, DOMAINS);
    const local = `user${i}`;
    const u = {
      InstanceId: INSTANCE_ID,
      Username: rand() < 0.3 ? `${local}@${domain}`.slice(0, 20).replace(/\.$/, "") : `u.${i}_${hex(rand, 4)}`,
      Password: `Pw${hex(rand, 6)}A9!`,
      IdentityInfo: { FirstName: first, LastName: last, Email: `${local}@${domain}` },
      SecurityProfileIds: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `sp-${hex(rand, 12)}`),
      RoutingProfileId: `rp-${hex(rand, 12)}`,
    };
    if (!/^[^@]+@(?:[^@.]+\.)+[A-Za-z]{2,}$/.test(u.Username) && u.Username.includes("@")) {
      u.Username = `u.${i}`;
    }
    if (rand() < 0.5) u.IdentityInfo.SecondaryEmail = `${local}.alt@${domain}`;
    if (rand() < 0.4) u.IdentityInfo.Mobile = `+1${200 + Math.floor(rand() * 700)}555${String(Math.floor(rand() * 10000)).padStart(4, "0")}`;
    if (rand() < 0.5) u.HierarchyGroupId = `hg-${hex(rand, 12)}`;
    if (rand() < 0.5) {
      const k = 1 + Math.floor(rand() * 4);
      u.AutoAcceptConfigs = CHANNELS.slice(0, k).map((c) => (c === "VOICE" && rand() < 0.5
        ? { Channel: c, AutoAccept: rand() < 0.5, AgentFirstCallbackAutoAccept: rand() < 0.5 }
        : { Channel: c, AutoAccept: rand() < 0.5 }));
    }
    if (rand() < 0.4) {
      const k = 1 + Math.floor(rand() * 4);
      u.AfterContactWorkConfigs = CHANNELS.slice(0, k).map((c) => ({
        Channel: c,
        AfterContactWorkConfig: { AfterContactWorkTimeLimit: Math.floor(rand() * 600) },
      }));
    }
    if (rand() < 0.3) {
      u.PhoneNumberConfigs = [rand() < 0.5
        ? { Channel: "VOICE", PhoneType: "SOFT_PHONE" }
        : { Channel: "VOICE", PhoneType: "DESK_PHONE", PhoneNumber: "+14155550100" }];
    } else if (rand() < 0.15) {
      // The legacy PhoneConfig, on its own (valid; a PREFER_CHANNEL_CONFIG warning in ours).
      // Only members whose channel list is absent (no CONFLICT).
      u.PhoneConfig = { PhoneType: "SOFT_PHONE" };
      if (!u.AutoAcceptConfigs) u.PhoneConfig.AutoAccept = false;
      if (!u.AfterContactWorkConfigs) u.PhoneConfig.AfterContactWorkTimeLimit = 30;
    }
    if (rand() < 0.2) u.PersistentConnectionConfigs = [{ Channel: "VOICE", PersistentConnection: rand() < 0.5 }];
    if (rand() < 0.2) u.VoiceEnhancementConfigs = [{ Channel: "VOICE", VoiceEnhancementMode: pick(rand, ["VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"]) }];
    if (rand() < 0.6) {
      const tags = {};
      const k = 1 + Math.floor(rand() * 6);
      for (let t = 0; t < k; t++) tags[pick(rand, TAG_KEYS)] = pick(rand, ["a", "b", "support", "Nguyễn", "", "eu-west-1"]);
      u.Tags = tags;
    }
    if (i % 10 === 7) {
      ERRORS[(i / 10 | 0) % ERRORS.length](u);
      invalid.add(i);
    }
    users.push(u);
  }
  return { users, invalid };
}

/** n varied users for the batch bench (mostly valid, ~10% with one error). */
export function generateUsers(n, seed) {
  return generateUsersWithTruth(n, seed).users;
}
