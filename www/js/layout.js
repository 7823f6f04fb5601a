// Presentation choices of the form page (not rules): how the model's members are grouped, a few
// placeholders and input modes, and the singular nouns of the add buttons. A member of the model
// that is not placed here still gets a field, in a last "Other members" section.

export const LAYOUT = [
  { title: "Amazon Connect instance", modeControl: true, fields: ["InstanceId"] },
  { title: "User", fields: ["Username", "Password", "DirectoryUserId"] },
  { fields: ["IdentityInfo"] },
  { title: "Routing and permissions", fields: ["RoutingProfileId", "HierarchyGroupId", "SecurityProfileIds"] },
  {
    title: "Channel settings",
    hint: "Per-channel settings for the agent: the recommended way to set auto-accept, after contact work and phone options.",
    fields: [
      "AutoAcceptConfigs",
      "AfterContactWorkConfigs",
      "PhoneNumberConfigs",
      "PersistentConnectionConfigs",
      "VoiceEnhancementConfigs",
    ],
  },
  { fields: ["PhoneConfig"], hint: "The older, voice-only phone settings. Prefer the channel settings above." },
  { fields: ["Tags"] },
];

export const PLACEHOLDERS = {
  InstanceId: "e.g. a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  Username: "e.g. jdoe",
  "IdentityInfo.Email": "e.g. jdoe@example.com",
  "IdentityInfo.SecondaryEmail": "e.g. jane.doe@example.org",
  "IdentityInfo.Mobile": "e.g. +12065550100",
  "PhoneConfig.DeskPhoneNumber": "e.g. +12065550100",
  PhoneNumber: "e.g. +12065550100",
  RoutingProfileId: "Routing profile ID",
  HierarchyGroupId: "Hierarchy group ID",
  SecurityProfileIds: "Security profile ID",
};

export const INPUT_MODES = { "IdentityInfo.Mobile": "tel", "PhoneConfig.DeskPhoneNumber": "tel", PhoneNumber: "tel" };
export const EMAIL_FIELDS = new Set(["IdentityInfo.Email", "IdentityInfo.SecondaryEmail"]);

export const SINGULAR = {
  SecurityProfileIds: "security profile",
  AutoAcceptConfigs: "auto-accept setting",
  AfterContactWorkConfigs: "after contact work setting",
  PhoneNumberConfigs: "phone number setting",
  PersistentConnectionConfigs: "persistent connection setting",
  VoiceEnhancementConfigs: "voice enhancement setting",
  Tags: "tag",
};

/** Lists longer than this (from a file) are kept whole, unshown, so validation still sees them. */
export const MAX_ROWS = 200;
