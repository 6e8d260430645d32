// The editor back office's inputs, defined once: the server validates every form (and every CSV
// row) with these, and the forms use the same field names. Messages follow the GOV.UK style
// ("Enter…", "Select…", "… must be…") because they are shown to editors as they are.
import { z } from "zod";
import { STATUS_CODES } from "../domain/status";
import { PRECISIONS } from "../domain/deadline";
import { formatLongDate } from "../domain/dates";
import { foldDateFields, typedDateSchema } from "./date-input";
import { ROLES } from "../domain/permissions";
import type { FieldError } from "./errors";
import { SLUG_PATTERN } from "./common";
import { normaliseCitationUrl } from "../domain/citation-url";

// ---------------------------------------------------------------------------------------------
// Building blocks

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Invisible control characters (U+0000, which PostgreSQL text cannot hold, among them); tabs and line breaks are fine. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControlCharacters = (label: string) =>
  [(v: string) => !CONTROL_CHARACTERS.test(v), `${capitalise(label)} must not contain invisible control characters`] as const;

/** Required text, trimmed. `what` completes "Enter …", e.g. "a title". */
function requiredText(what: string, label: string, max: number) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${capitalise(label)} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .refine(...noControlCharacters(label));
}

/** Optional text, trimmed; empty becomes undefined. */
function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${capitalise(label)} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .refine(...noControlCharacters(label))
    .optional()
    .transform((v) => (v ? v : undefined));
}

/**
 * A calendar date a person typed: in the date input's three boxes, or one ("30/06/2026",
 * "2026-06-30"); src/schemas/date-input.ts. `label` is the subject of the messages, e.g. "the
 * date progress was confirmed".
 */
function dateField(label: string, options: { notFuture?: boolean } = {}) {
  return typedDateSchema(capitalise(label), options);
}

/** A link to published evidence, normalised and checked by src/domain/citation-url.ts. */
function httpLinkField(what: string) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .transform((value, ctx) => {
      const result = normaliseCitationUrl(value);
      if (result.ok) return result.url;
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    });
}

const idField = (what: string) =>
  z.coerce
    .number({ error: `Missing ${what}: reload the page and try again` })
    .int(`Missing ${what}: reload the page and try again`)
    .positive(`Missing ${what}: reload the page and try again`);

const versionField = z.coerce
  .number({ error: "Reload the page and try again" })
  .int("Reload the page and try again")
  .min(1, "Reload the page and try again");

const slugRef = (what: string) =>
  z
    .string({ error: `Select ${what}` })
    .trim()
    .min(1, `Select ${what}`)
    .regex(SLUG_PATTERN, `Select ${what} from the list`);

/** Checkbox lists arrive as arrays (possibly empty, or missing when nothing is ticked). */
const slugList = (what: string) =>
  z
    .array(z.string().trim().regex(SLUG_PATTERN, `Select ${what} from the list`), { error: `Select ${what} from the list` })
    .max(30, `Select at most 30 ${what}`)
    .default([]);

// ---------------------------------------------------------------------------------------------
// Evidence and sources

const EVIDENCE_FIELDS = {
  evidenceUrl: httpLinkField("the link to the evidence"),
  evidenceTitle: requiredText("the title of the evidence", "the title of the evidence", 300),
  evidencePublisher: requiredText("who published the evidence", "the publisher", 200),
  evidencePublishedOn: dateField("the date the evidence was published", { notFuture: true }),
} as const;

const SOURCE_FIELDS = {
  sourceUrl: httpLinkField("the link to the source"),
  sourceTitle: requiredText("the title of the source", "the title of the source", 300),
  sourcePublisher: requiredText("who published the source", "the publisher", 200),
  sourcePublishedOn: dateField("the date the source was published", { notFuture: true }),
} as const;

// ---------------------------------------------------------------------------------------------
// Proposals

const NOTE_MAX = 2000;

/**
 * Propose a status update. Field order is the form's order (and the error summary's). The two
 * dates are written as the evidence gives them ("14 March 2026", "June 2026", "spring 2026"); their
 * precision is read from the words, and they are checked on the server (src/server/editor/proposals.ts).
 */
const statusUpdateFields = {
  status: z.enum(STATUS_CODES, { error: "Select the status" }),
  note: requiredText("what happened, in plain English", "the note", NOTE_MAX),
  occurred: optionalText("when it happened", 80),
  confirmedOn: requiredText("the date progress was confirmed", "the date progress was confirmed", 80),
  ...EVIDENCE_FIELDS,
} as const;

export const statusUpdateProposalSchema = z.object({ commitmentId: idField("commitment"), ...statusUpdateFields });
export type StatusUpdateProposalInput = z.infer<typeof statusUpdateProposalSchema>;

/** Propose a deadline revision. */
const deadlineRevisionFields = {
  label: requiredText("the new deadline as it was published, for example “summer 2027”", "the new deadline", 200),
  precision: z.enum(PRECISIONS, { error: "Select how precise the new deadline is" }),
  reason: requiredText("the reason the deadline changed", "the reason", NOTE_MAX),
  effectiveOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(dateField("the date the change took effect", { notFuture: true }).optional()),
  ...SOURCE_FIELDS,
} as const;

export const deadlineRevisionProposalSchema = z.object({ commitmentId: idField("commitment"), ...deadlineRevisionFields });
export type DeadlineRevisionProposalInput = z.infer<typeof deadlineRevisionProposalSchema>;

/** A date as the evidence words it, with the precision and period read from the words. */
const datedPayloadSchema = z.object({ label: z.string(), precision: z.enum(PRECISIONS), from: z.string(), to: z.string() });
export type DatedPayload = z.infer<typeof datedPayloadSchema>;

/**
 * What a proposal stores (proposal.payload), by kind. A status update proposed before issue 11
 * has only confirmedOn (a day); confirmed and occurred are read when present.
 */
export const statusUpdatePayloadSchema = z.object({
  status: z.enum(STATUS_CODES),
  note: z.string(),
  /** The first day of the confirmation's period. */
  confirmedOn: z.string(),
  confirmed: datedPayloadSchema.optional(),
  occurred: datedPayloadSchema.nullable().optional(),
  evidence: z.object({ url: z.string(), title: z.string(), publisher: z.string(), publishedOn: z.string() }),
});
export type StatusUpdatePayload = z.infer<typeof statusUpdatePayloadSchema>;

/** The confirmation of a payload; one proposed before dates had precisions is a day. */
export function payloadConfirmed(payload: StatusUpdatePayload): DatedPayload {
  return payload.confirmed ?? { label: formatLongDate(payload.confirmedOn), precision: "day", from: payload.confirmedOn, to: payload.confirmedOn };
}

export const deadlineRevisionPayloadSchema = z.object({
  label: z.string(),
  precision: z.enum(PRECISIONS),
  /** As resolved when proposed; recomputed from the effective date when published. */
  dueDate: z.string().nullable(),
  reason: z.string(),
  effectiveOn: z.string().nullable(),
  source: z.object({ url: z.string(), title: z.string(), publisher: z.string(), publishedOn: z.string() }),
});
export type DeadlineRevisionPayload = z.infer<typeof deadlineRevisionPayloadSchema>;

const REVIEW_COMMENT_MAX = 2000;

export const reviewSchema = z
  .object({
    proposalId: idField("proposal"),
    version: versionField,
    decision: z.enum(["approve", "return"], { error: "Select whether to publish the proposal or return it to its author" }),
    comment: optionalText("the comment", REVIEW_COMMENT_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "return" && !value.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Enter a comment telling the author what to change" });
    }
  });

export const withdrawSchema = z.object({ proposalId: idField("proposal"), version: versionField });

export const resubmitStatusUpdateSchema = z.object({ proposalId: idField("proposal"), version: versionField, ...statusUpdateFields });
export const resubmitDeadlineRevisionSchema = z.object({ proposalId: idField("proposal"), version: versionField, ...deadlineRevisionFields });

// ---------------------------------------------------------------------------------------------
// Commitments

const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;

const commitmentFields = {
  title: requiredText("a title", "the title", TITLE_MAX),
  summary: requiredText("a plain-English summary", "the summary", SUMMARY_MAX),
  area: slugRef("the area"),
  // Empty when no published source names the lead (shown as "not named", never guessed).
  lead: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || SLUG_PATTERN.test(v), "Select the lead organisation from the list"),
  supporting: slugList("supporting organisations"),
} as const;

const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(120, "The web address name must be 120 characters or fewer")
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(
    z
      .string()
      .regex(SLUG_PATTERN, "The web address name must use only lower-case letters, digits and single hyphens, for example publish-the-roadmap")
      .optional(),
  );

export const commitmentCreateSchema = z.object({
  ...commitmentFields,
  slug: slugField,
  announcedOn: dateField("the date the commitment was announced", { notFuture: true }),
  deadlineLabel: requiredText("the deadline as it was published, for example “by the end of 2026”", "the deadline", 200),
  deadlinePrecision: z.enum(PRECISIONS, { error: "Select how precise the deadline is" }),
  ...SOURCE_FIELDS,
});
export type CommitmentCreateInput = z.infer<typeof commitmentCreateSchema>;

/** The values the edit form was opened with (hidden fields), so only what the editor changed is proposed. */
const baseFields = {
  baseTitle: z.string().optional(),
  baseSummary: z.string().optional(),
  baseArea: z.string().optional(),
  baseLead: z.string().optional(),
  baseSupporting: z.array(z.string()).optional(),
} as const;

/** An optional citation for a change of wording: all four fields, or none. */
const optionalSourceFields = {
  sourceUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(SOURCE_FIELDS.sourceUrl.optional()),
  sourceTitle: optionalText("the title of the source", 300),
  sourcePublisher: optionalText("the publisher", 200),
  sourcePublishedOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(SOURCE_FIELDS.sourcePublishedOn.optional()),
} as const;

export const commitmentUpdateSchema = z
  .object({
    commitmentId: idField("commitment"),
    version: versionField,
    ...commitmentFields,
    ...baseFields,
    reason: requiredText("why the commitment is changing, for the public record", "the reason", NOTE_MAX),
    ...optionalSourceFields,
  })
  .superRefine((value, ctx) => {
    const given = [value.sourceUrl, value.sourceTitle, value.sourcePublisher, value.sourcePublishedOn];
    if (given.some(Boolean) && !given.every(Boolean)) {
      const missing = (["sourceUrl", "sourceTitle", "sourcePublisher", "sourcePublishedOn"] as const).find((k) => !value[k]);
      ctx.addIssue({ code: "custom", path: [missing ?? "sourceUrl"], message: "Enter all four details of the source, or leave them all empty" });
    }
  });
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateSchema>;

const citationSchema = z.object({ url: z.string(), title: z.string(), publisher: z.string(), publishedOn: z.string() });
const ownershipSchema = z.object({ leadOrganisationId: z.number().nullable(), supportingOrganisationIds: z.array(z.number()) });

/** A commitment's editable attributes, by slug (as editors see them and payloads keep them). */
const commitmentSnapshotSchema = z.object({
  title: z.string(),
  summary: z.string(),
  area: z.string(),
  lead: z.string(),
  supporting: z.array(z.string()),
});
export type CommitmentSnapshot = z.infer<typeof commitmentSnapshotSchema>;

/** What a proposal for a new commitment stores: everything it will publish. */
export const commitmentCreatePayloadSchema = commitmentSnapshotSchema.extend({
  slug: z.string(),
  announcedOn: z.string(),
  deadline: z.object({ label: z.string(), precision: z.enum(PRECISIONS), dueDate: z.string().nullable() }),
  source: citationSchema,
  ownership: ownershipSchema,
});
export type CommitmentCreatePayload = z.infer<typeof commitmentCreatePayloadSchema>;

/**
 * What a proposed edit stores: only the fields the editor changed, each with the value they
 * started from (base) and their new value, so publishing applies those fields and nothing else.
 */
export const commitmentEditPayloadSchema = z.object({
  base: commitmentSnapshotSchema.partial(),
  changes: commitmentSnapshotSchema.partial(),
  reason: z.string(),
  source: citationSchema.nullable(),
  ownership: ownershipSchema,
});
export type CommitmentEditPayload = z.infer<typeof commitmentEditPayloadSchema>;

/** What a CSV import of new commitments stores: every row, as it will be published, in file order. */
export const commitmentImportPayloadSchema = z.object({
  rows: z.array(commitmentCreatePayloadSchema.extend({ line: z.number().int() })).min(1),
});
export type CommitmentImportPayload = z.infer<typeof commitmentImportPayloadSchema>;

export const forcePublishSchema = z.object({ proposalId: idField("proposal"), version: versionField });
export const checkForcedSchema = z.object({ proposalId: idField("proposal") });

// ---------------------------------------------------------------------------------------------
// Users and passwords

const emailField = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "The email address must be 254 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" }));

export const userCreateSchema = z
  .object({
    email: emailField,
    name: requiredText("the person’s full name", "the name", 200),
    role: z.enum(ROLES, { error: "Select a role" }),
    organisations: slugList("organisations"),
  })
  .superRefine((value, ctx) => {
    if (value.role === "editor" && value.organisations.length === 0) {
      ctx.addIssue({ code: "custom", path: ["organisations"], message: "Select at least one organisation for an editor" });
    }
  });

export const userUpdateSchema = z
  .object({
    userId: idField("user"),
    name: requiredText("the person’s full name", "the name", 200),
    role: z.enum(ROLES, { error: "Select a role" }),
    organisations: slugList("organisations"),
    disabled: z.enum(["yes", "no"], { error: "Select whether the account can sign in" }).transform((v) => v === "yes"),
  })
  .superRefine((value, ctx) => {
    if (value.role === "editor" && value.organisations.length === 0) {
      ctx.addIssue({ code: "custom", path: ["organisations"], message: "Select at least one organisation for an editor" });
    }
  });

export const resetPasswordSchema = z.object({ userId: idField("user") });

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password"),
    newPassword: z.string({ error: "Enter a new password" }).min(1, "Enter a new password"),
    confirmPassword: z.string({ error: "Enter the new password again" }).min(1, "Enter the new password again"),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword && value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match: enter the same new password twice" });
    }
  });

// ---------------------------------------------------------------------------------------------
// CSV import

const IMPORT_KINDS = ["commitments", "status-updates"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** Keeps a file and its previewed copy within the 1 MB limit of a server action's request. */
export const IMPORT_MAX_BYTES = 450_000;
export const IMPORT_MAX_ROWS = 1000;
export const IMPORT_TOO_LARGE = `The file must be ${IMPORT_MAX_BYTES.toLocaleString("en-GB")} bytes or smaller`;

/** The columns each kind of file must have (in any order). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  commitments: [
    "slug",
    "title",
    "summary",
    "area",
    "lead",
    "supporting",
    "announced_on",
    "deadline_label",
    "deadline_precision",
    "source_url",
    "source_title",
    "source_publisher",
    "source_published_on",
  ],
  "status-updates": ["commitment", "status", "note", "confirmed_on", "evidence_url", "evidence_title", "evidence_publisher", "evidence_published_on"],
};

/** Columns a file may add; left out or empty, the field is not stated. */
export const IMPORT_OPTIONAL_COLUMNS: Record<ImportKind, readonly string[]> = {
  commitments: [],
  "status-updates": ["occurred"],
};

export const importRequestSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "Select what the file contains" }),
  csv: z
    .string({ error: "Choose a CSV file or paste its contents" })
    .max(IMPORT_MAX_BYTES, IMPORT_TOO_LARGE)
    .refine((v) => v.trim().length > 0, "Choose a CSV file or paste its contents"),
  mode: z.enum(["preview", "apply"]).default("preview"),
});

/** What a preview or an import found, row by row (shown by the import form). */
export type RowError = { column: string; message: string };
export type ImportRow = {
  line: number;
  summary: string;
  errors: RowError[];
  /** After an import: the proposal the row is part of (one for a whole file of commitments). */
  created?: { type: "proposal"; id: number; slug: string };
};
export type ImportPreview = {
  kind: ImportKind;
  mode: "preview" | "apply";
  /** Problems with the file as a whole (unreadable, wrong columns, too many rows). */
  fileErrors: string[];
  rows: ImportRow[];
  /** True when every row is valid (and, in "apply" mode, when everything was written). */
  valid: boolean;
  applied: boolean;
};

const semicolonList = z
  .string()
  .trim()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(/[;|]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

/** One row of a commitments file (column names as in the file). */
export const commitmentCsvRowSchema = z.object({
  slug: z
    .string({ error: "Enter a slug" })
    .trim()
    .toLowerCase()
    .min(1, "Enter a slug (the commitment’s web address name)")
    .max(120, "The slug must be 120 characters or fewer")
    .regex(SLUG_PATTERN, "The slug must use only lower-case letters, digits and single hyphens"),
  title: commitmentFields.title,
  summary: commitmentFields.summary,
  area: commitmentFields.area,
  lead: commitmentFields.lead,
  supporting: semicolonList.pipe(z.array(z.string().regex(SLUG_PATTERN, "Supporting organisations must be slugs separated by semicolons"))),
  announced_on: commitmentCreateSchema.shape.announcedOn,
  deadline_label: commitmentCreateSchema.shape.deadlineLabel,
  deadline_precision: commitmentCreateSchema.shape.deadlinePrecision,
  source_url: SOURCE_FIELDS.sourceUrl,
  source_title: SOURCE_FIELDS.sourceTitle,
  source_publisher: SOURCE_FIELDS.sourcePublisher,
  source_published_on: SOURCE_FIELDS.sourcePublishedOn,
});

/** One row of a status-updates file. */
export const statusUpdateCsvRowSchema = z.object({
  commitment: slugRef("the commitment (its slug)"),
  status: statusUpdateFields.status,
  note: statusUpdateFields.note,
  // Worded as the evidence gives it, as on the form ("2026-06-01", "1 June 2026" or "June 2026").
  confirmed_on: statusUpdateFields.confirmedOn,
  occurred: statusUpdateFields.occurred,
  evidence_url: EVIDENCE_FIELDS.evidenceUrl,
  evidence_title: EVIDENCE_FIELDS.evidenceTitle,
  evidence_publisher: EVIDENCE_FIELDS.evidencePublisher,
  evidence_published_on: EVIDENCE_FIELDS.evidencePublishedOn,
});

// ---------------------------------------------------------------------------------------------
// Audit log filters (GET parameters)

export const auditFilterSchema = z.object({
  actor: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  entityType: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  entityId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  from: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(dateField("the ‘from’ date").optional()),
  to: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(dateField("the ‘to’ date").optional()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

// ---------------------------------------------------------------------------------------------
// Helpers shared by the server and the forms

export type FormValues = Record<string, string | string[]>;

/** Fields whose form controls are checkboxes (so they arrive as lists). */
const LIST_FIELDS = new Set(["supporting", "organisations", "baseSupporting"]);

/** FormData (or any list of entries) as plain values: list fields become arrays; files are left out. */
/** The editor's date fields, typed in the date input's three boxes (src/components/govuk/date-input.tsx). */
const EDITOR_DATE_FIELDS = ["evidencePublishedOn", "sourcePublishedOn", "effectiveOn", "announcedOn"] as const;

/** FormData (or any list of entries) as plain values: list fields become arrays; files are left out; each date input's boxes become one value. */
export function formValues(entries: Iterable<[string, unknown]>, listFields: ReadonlySet<string> = LIST_FIELDS): FormValues {
  return foldDateFields(entryValues(entries, listFields), EDITOR_DATE_FIELDS) as FormValues;
}

function entryValues(entries: Iterable<[string, unknown]>, listFields: ReadonlySet<string>): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of entries) {
    if (key.startsWith("$ACTION") || typeof raw !== "string") continue;
    if (listFields.has(key)) {
      const list = (values[key] as string[] | undefined) ?? [];
      list.push(raw);
      values[key] = list;
    } else if (!(key in values)) {
      values[key] = raw;
    }
  }
  for (const field of listFields) if (!(field in values)) values[field] = [];
  return values;
}

/** zod issues as one message per field, in the order of the schema's fields. */
export function fieldErrors(error: z.ZodError, fallbackField = "form"): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === "string" ? issue.path[0] : fallbackField;
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}
