// Shapes of the public JSON API (/api/v1), the tracker.json snapshot and problem+json errors,
// defined once. The serialisers parse every response with these schemas before sending it, and
// src/server/open-data/openapi.ts generates the OpenAPI 3.1 document from them, so the data, the
// checks and the published contract cannot drift apart. `.meta({ id })` names a schema as an
// OpenAPI component.
import { z } from "zod";
import { PUBLIC_STATUS_CODES, STATUS_CODES, type PublicStatusCode } from "../domain/status";
import { LEAD_NOT_NAMED, OWNER_ROLES } from "../domain/ownership";
import { PRECISIONS } from "../domain/deadline";
import { LATENESS_KINDS } from "../domain/lateness";
import { MISSED_OUTCOMES } from "../domain/history";
import { RECORD_VERSION_FIELDS, commitmentQueryFields } from "./commitment-query";
import { isoDateSchema } from "./common";

export const API_VERSION = "1.1.0";

const date = () => z.iso.date().meta({ example: "2026-08-31" });
const dateTime = () => z.iso.datetime({ offset: true }).meta({ example: "2026-06-02T09:30:00.000Z" });
const url = () => z.url();
const count = () => z.number().int().min(0);
/**
 * A named schema or null. Written as a union rather than .nullable(): the OpenAPI generator would
 * otherwise drop the null from the reference to the named component.
 */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

const statusCodeSchema = z.enum(STATUS_CODES).meta({
  id: "StatusCode",
  description: "Stable status code. See /methodology for what each means.",
});

const publicStatusCodeSchema = z.enum(PUBLIC_STATUS_CODES as [PublicStatusCode, ...PublicStatusCode[]]).meta({
  id: "PublicStatusCode",
  description:
    "A commitment's status: one of the six StatusCode values, or no_progress_reported when no published source has reported on it since the roadmap was published (no update in effect; added in API 1.1.0, ADR 0012). not_started means a source says work has not started.",
});

const precisionSchema = z.enum(PRECISIONS).meta({
  id: "Precision",
  description: "How precise the deadline as published is. The due date is the last day of the window it describes.",
});

const areaRefSchema = z
  .object({ slug: z.string(), title: z.string() })
  .meta({ id: "AreaRef", description: "The roadmap area a commitment belongs to." });

const sourceSchema = z
  .object({
    title: z.string(),
    publisher: z.string(),
    url: url(),
    publishedOn: date().describe("First day of the period the source was published in."),
    publishedLabel: z.string().nullable().describe('The publication date as the source gives it, when not a day ("January 2026").'),
  })
  .meta({ id: "Source", description: "The published evidence for a change." });

const citationSchema = z
  .object({
    source: sourceSchema,
    paragraph: z.number().int().min(1).nullable().describe("The paragraph of the article (one non-empty line of its text) that states it."),
    quote: z.string().nullable().describe("The words of that paragraph the fact rests on."),
  })
  .meta({ id: "Citation", description: "Where a published source states a fact." });

const ownerSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    abbreviation: z.string().nullable(),
    lead: z.boolean().describe("True for the one lead owner; false for supporting owners and owners named jointly."),
    role: z
      .enum(OWNER_ROLES)
      .describe("lead; joint (named together with others by a source, none ranked above another: there is then no lead); or supporting."),
    basis: orNull(citationSchema).describe("Where a source names this organisation as owner; null when an editor recorded it without one."),
  })
  .meta({ id: "Owner", description: "An organisation a source names as owning a commitment, with that basis." });

const deadlineSchema = z
  .object({
    label: z.string().describe('The deadline exactly as published, e.g. "by the end of 2026".'),
    precision: precisionSchema,
    dueDate: date().nullable().describe("Last day of the deadline's window; null when no date was given (precision open)."),
  })
  .meta({ id: "Deadline", description: "The deadline in effect on the as-of date." });

const datedLabelSchema = z
  .object({
    label: z.string().describe('The date as the source words it, e.g. "June 2026", "in March", "19 January 2026".'),
    precision: precisionSchema,
    from: date().describe("First day of the period the label describes."),
    to: date().describe("Last day of that period (the same as from for a day)."),
  })
  .meta({ id: "DatedLabel", description: "A date with its precision, read into a period by the published rules (/methodology)." });

const windowSchema = z
  .object({ from: date(), to: date() })
  .meta({ id: "DateWindow", description: "A period of days, first to last (both included)." });

const statusSchema = z
  .object({
    code: publicStatusCodeSchema,
    label: z.string().describe('"No progress reported since the roadmap was published" for no_progress_reported.'),
    reported: z.boolean().describe("False when no published source has reported on the commitment (code no_progress_reported)."),
    confirmedOn: date()
      .nullable()
      .describe(
        "First day of the period in which a published source confirmed this status; null when no progress is reported. See confirmed for its precision.",
      ),
    confirmed: orNull(datedLabelSchema).describe(
      'When a source confirmed it, with the source\'s own precision (a month-only source is "June 2026").',
    ),
    occurred: orNull(datedLabelSchema).describe(
      "When it happened, as the source words it; null when no source says (the confirmation then stands in).",
    ),
    effectiveOn: date().nullable().describe("The day the status took effect: the last day of the period in which it is known to have happened."),
    publishedAt: dateTime().nullable().describe("When the tracker published the update (set by the database)."),
    version: z.number().int().min(1).nullable().describe("The record version that published it."),
  })
  .meta({ id: "Status", description: "The status on the as-of date: the latest update in effect on it." });

const pendingSchema = z
  .object({
    status: z.object({ code: statusCodeSchema, label: z.string() }),
    confirmed: datedLabelSchema,
    occurred: orNull(datedLabelSchema),
    window: windowSchema.describe("The period in which it is known to have happened; the as-of date is inside it."),
  })
  .meta({
    id: "PendingUpdate",
    description: "An update whose period contains the as-of date: it may already have happened by then, so it has not yet taken effect.",
  });

const latenessSchema = z
  .object({
    kind: z
      .enum(LATENESS_KINDS)
      .describe("on_time: on or before the due date; late: wholly after it; possibly_late: the period runs across it, so it is uncertain."),
    minDays: count().describe("The fewest days late it can have been (0 unless late)."),
    maxDays: count().describe("The most days late it can have been (0 when on time)."),
  })
  .meta({ id: "Lateness", description: "When the delivery happened compared with the due date of the deadline in effect then." });

const missedDeadlineSchema = z
  .object({
    label: z.string().describe("The deadline that was missed, exactly as published."),
    precision: precisionSchema,
    dueDate: date(),
    missedOn: date().describe("The first day on which it was certainly missed."),
    daysMissedBy: count().describe(
      "Days overdue (to the as-of date, or to the last day before it was moved or dropped); for a late delivery, the fewest days late.",
    ),
    daysMissedByMax: count().describe("The same, except for a late delivery: the most days late."),
    outcome: z.enum(MISSED_OUTCOMES).describe("What followed: still overdue, moved to a new deadline, delivered late, or dropped."),
    outcomeOn: date().nullable().describe("When it was moved, delivered or dropped (the day that took effect); null while still overdue."),
    movedTo: z
      .object({ label: z.string(), precision: precisionSchema, dueDate: date().nullable() })
      .nullable()
      .describe("The deadline it was moved to."),
    delivery: orNull(windowSchema).describe("When the late delivery happened."),
  })
  .meta({ id: "MissedDeadline", description: "A deadline that passed unmet while it was in effect: a permanent fact, whatever followed." });

const commitmentLinksSchema = z
  .object({ self: url().describe("This commitment in the API."), html: url().describe("This commitment's public page.") })
  .meta({ id: "CommitmentLinks" });

export const commitmentSchema = z
  .object({
    slug: z.string().describe("Stable identifier, used in links: /commitments/{slug}."),
    title: z.string().describe("What government committed to."),
    summary: z.string().describe("Plain-English summary."),
    area: areaRefSchema,
    owners: z.array(ownerSchema).describe("Lead owner first, then owners named jointly, then supporting owners by name."),
    lead: z
      .object({
        named: z.boolean().describe("False when no published source names a lead (owners named jointly have no lead either)."),
        statement: z.string().describe(`Who leads, in words: the lead's name, "Named jointly: …", or "${LEAD_NOT_NAMED}".`),
      })
      .describe("Whether a source names a lead (added in API 1.1.0)."),
    areaBasis: orNull(citationSchema).describe(
      "Where a source places the commitment in its area; null when none does: the placement is the tracker's (added in API 1.1.0).",
    ),
    notice: z.string().nullable().describe("A note on the record, e.g. that a source reports it only alongside the roadmap."),
    announcedLabel: z.string().nullable().describe('The announcement as published, with its precision ("January 2026").'),
    deadline: orNull(deadlineSchema),
    status: statusSchema,
    overdue: z.boolean().describe("Due date has passed and the status is not delivered, delivered_differently or dropped."),
    daysOverdue: count().describe("Days from the due date to the as-of date; 0 when not overdue."),
    daysUntilDue: z.number().int().min(0).nullable().describe("Days from the as-of date to the due date; null when closed, undated or past due."),
    deliveredLate: z
      .boolean()
      .describe("Delivery (delivered or delivered_differently) happened wholly after the due date in effect then (see lateness)."),
    daysLate: count().describe("The fewest days late the delivery can have been; 0 when not certainly late."),
    daysLateMax: count().describe("The most days late the delivery can have been; 0 when on time."),
    delivery: orNull(windowSchema).describe(
      "When the delivery happened (delivered statuses): the occurrence, or the confirmation when no source says.",
    ),
    lateness: orNull(latenessSchema),
    pending: orNull(pendingSchema),
    missed: z.boolean().describe("Missed at least one deadline by the as-of date (see missedDeadlines)."),
    missedDeadlines: z.array(missedDeadlineSchema).describe("Every deadline missed while it was in effect, by the as-of date, oldest first."),
    revisionsCount: count().describe("Deadline revisions in effect by the as-of date (the original deadline is not counted)."),
    announcedOn: date().describe("The first day of views as of a date (the roadmap's launch); see announcedLabel for the announcement as published."),
    links: commitmentLinksSchema,
  })
  .meta({ id: "Commitment", description: "A commitment as it stood on the as-of date." });

const commitmentRefSchema = z
  .object({ slug: z.string(), title: z.string(), area: areaRefSchema, links: commitmentLinksSchema })
  .meta({ id: "CommitmentRef" });

const changeBase = {
  id: z.string().describe("Stable identifier, e.g. status-update-12 or deadline-revision-3."),
  date: date().describe(
    "When the change took effect: for a status update, the last day of the period in which it is known to have happened; for a deadline revision, its effective date.",
  ),
  publishedAt: dateTime().describe("When the tracker published the change (set by the database)."),
  version: z.number().int().min(1).describe("The record version that published it."),
  commitment: commitmentRefSchema,
};

export const statusUpdateChangeSchema = z
  .object({
    kind: z.literal("status_update"),
    ...changeBase,
    status: z.object({ code: statusCodeSchema, label: z.string() }),
    note: z.string().describe("What happened, in plain English."),
    source: sourceSchema,
    confirmed: datedLabelSchema.describe("When a source confirmed it, with the source's own precision."),
    occurred: orNull(datedLabelSchema).describe("When it happened, as the source words it; null when no source says."),
    effectiveOn: date().describe("The day it took effect (the same as date)."),
  })
  .meta({ id: "StatusUpdateChange", description: "A published status update, with its three dates: occurred, confirmed and publishedAt." });

export const deadlineRevisionChangeSchema = z
  .object({
    kind: z.literal("deadline_revision"),
    ...changeBase,
    original: z.boolean().describe("True for the deadline as originally published; false for a revision."),
    label: z.string(),
    precision: precisionSchema,
    dueDate: date().nullable(),
    previous: z
      .object({ label: z.string(), dueDate: date().nullable() })
      .nullable()
      .describe("The deadline this revision replaced; null for the original."),
    slipDays: z.number().int().nullable().describe("New due date minus previous due date, in days (negative if brought forward)."),
    reason: z.string().nullable(),
    source: orNull(sourceSchema),
  })
  .meta({ id: "DeadlineRevisionChange", description: "A deadline as originally published, or a published revision of it." });

export const changeSchema = z.discriminatedUnion("kind", [statusUpdateChangeSchema, deadlineRevisionChangeSchema]).meta({
  id: "Change",
  description: "One published change: a status update or a deadline revision.",
});

const statusUpdateSchema = statusUpdateChangeSchema.omit({ commitment: true }).meta({ id: "StatusUpdate" });
const deadlineRevisionSchema = deadlineRevisionChangeSchema.omit({ commitment: true }).meta({ id: "DeadlineRevision" });

const textChangeSchema = z.object({ before: z.string(), after: z.string() }).meta({ id: "TextChange" });

const wordingChangeSchema = z
  .object({
    id: z.string().describe("Stable identifier of the wording change."),
    version: z.number().int().min(1).describe("The record version that published it."),
    publishedAt: dateTime(),
    title: orNull(textChangeSchema).describe("The title before and after; null when the title did not change."),
    summary: orNull(textChangeSchema).describe("The summary before and after; null when the summary did not change."),
    reason: orNull(z.string()).describe("Why the wording changed; null for changes made before the tracker kept reasons."),
    source: orNull(sourceSchema).describe("The source of the change; null for a change of the tracker's own wording."),
  })
  .meta({ id: "WordingChange", description: "A published change of a commitment's title or summary, with the earlier text." });

const secondEditorCheckSchema = z
  .object({
    checked: z
      .boolean()
      .describe(
        "False while a change an admin published in an emergency, without a second editor, has not yet been checked by another editor (the page says “Not yet checked by a second editor”).",
      ),
    uncheckedSince: orNull(dateTime()).describe("When the oldest change not yet checked was published; null when every change has been checked."),
  })
  .meta({ id: "SecondEditorCheck" });

const commitmentDetailSchema = commitmentSchema
  .extend({
    secondEditorCheck: secondEditorCheckSchema,
    history: z.object({
      statusUpdates: z.array(statusUpdateSchema).describe("Every status update confirmed by the as-of date, newest first."),
      deadlineRevisions: z
        .array(deadlineRevisionSchema)
        .describe("The original deadline and every revision in effect by the as-of date, newest first."),
      wordingChanges: z
        .array(wordingChangeSchema)
        .describe("Every published change of the title or summary on the record at the version, newest first, with the earlier text."),
    }),
  })
  .meta({ id: "CommitmentDetail", description: "A commitment with its full published history, with sources." });

const statusCountsSchema = z
  .object(Object.fromEntries(PUBLIC_STATUS_CODES.map((c) => [c, count()])) as Record<(typeof PUBLIC_STATUS_CODES)[number], ReturnType<typeof count>>)
  .meta({
    id: "StatusCounts",
  });

export const areaSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    position: z.number().int(),
    counts: z.object({ total: count(), overdue: count(), byStatus: statusCountsSchema }).describe("Commitments in this area on the as-of date."),
    links: z.object({
      html: url(),
      commitments: url().describe("This area's commitments in the API."),
      feed: url().describe("Atom feed of this area's changes."),
    }),
  })
  .meta({ id: "Area", description: "One of the six sections of the roadmap." });

export const organisationSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    abbreviation: z.string().nullable(),
    leads: count().describe("Commitments this organisation leads."),
    supports: count().describe("Commitments this organisation supports."),
    links: z.object({ html: url(), commitments: url().describe("Commitments this organisation owns, in the API.") }),
  })
  .meta({ id: "Organisation", description: "A department or unit that owns commitments." });

/** Which version of the record an answer shows (docs/decisions/0009-record-versions.md). */
const recordMeta = {
  version: count().describe("The record version this answer shows. Ask again with version= this number to get exactly the same data."),
  versionPublishedAt: dateTime().nullable().describe("When that version was published; null before anything has been."),
};

const listMetaSchema = z
  .object({
    asOf: date().describe("The date the data is shown as of."),
    ...recordMeta,
    total: count().describe("Items matching the filters, across all pages."),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  })
  .meta({ id: "ListMeta" });

const pageLinksSchema = z
  .object({
    self: url(),
    first: url(),
    prev: url().nullable(),
    next: url().nullable(),
    last: url(),
    html: url().optional().describe("The same list on the website, where there is one."),
  })
  .meta({ id: "PageLinks" });

export const areaListSchema = z.object({ data: z.array(areaSchema), meta: listMetaSchema }).meta({ id: "AreaList" });
export const organisationListSchema = z.object({ data: z.array(organisationSchema), meta: listMetaSchema }).meta({ id: "OrganisationList" });
export const commitmentListSchema = z
  .object({ data: z.array(commitmentSchema), meta: listMetaSchema, links: pageLinksSchema })
  .meta({ id: "CommitmentList" });
export const changeListSchema = z.object({ data: z.array(changeSchema), meta: listMetaSchema, links: pageLinksSchema }).meta({ id: "ChangeList" });
export const commitmentResponseSchema = z
  .object({ data: commitmentDetailSchema, meta: z.object({ asOf: date(), ...recordMeta }).meta({ id: "CommitmentMeta" }) })
  .meta({ id: "CommitmentResponse" });

export const problemSchema = z
  .object({
    type: z.string().describe("A URI reference identifying the problem type; its page explains it."),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().describe("The request path and query that caused the problem."),
    errors: z
      .array(z.object({ parameter: z.string().describe("The name of the bad query parameter."), detail: z.string() }))
      .optional()
      .describe("One entry per bad parameter (400 only)."),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 problem details (application/problem+json)." });

const licenceSchema = z.object({ name: z.string(), url: url(), attribution: z.string() }).meta({ id: "Licence" });

export const snapshotMetaSchema = z
  .object({
    title: z.string(),
    asOf: date().describe("Statuses, deadlines and history are as they stood on this date."),
    ...recordMeta,
    generatedAt: dateTime().describe("When this file was produced. History published after this moment is not included."),
    licence: licenceSchema,
    citation: z.string().describe("Suggested citation."),
    documentation: url(),
    schema: url().describe("The OpenAPI document whose TrackerSnapshot schema describes this file."),
  })
  .meta({ id: "SnapshotMeta" });

export const trackerSnapshotSchema = z
  .object({
    meta: snapshotMetaSchema,
    areas: z.array(areaSchema),
    organisations: z.array(organisationSchema),
    commitments: z.array(commitmentSchema),
    statusUpdates: z.array(statusUpdateChangeSchema),
    deadlineRevisions: z.array(deadlineRevisionChangeSchema),
  })
  .meta({ id: "TrackerSnapshot", description: "The whole tracker in one file: /data/tracker.json." });

export type ApiCommitment = z.infer<typeof commitmentSchema>;
export type ApiChange = z.infer<typeof changeSchema>;
export type ApiStatusUpdateChange = z.infer<typeof statusUpdateChangeSchema>;
export type ApiDeadlineRevisionChange = z.infer<typeof deadlineRevisionChangeSchema>;
export type ApiArea = z.infer<typeof areaSchema>;
export type ApiOrganisation = z.infer<typeof organisationSchema>;
export type ApiPageLinks = z.infer<typeof pageLinksSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

// ---------------------------------------------------------------------------------------------
// Query parameters of the endpoints other than /commitments (which uses commitmentQueryFields as
// they are). Built from the same field schemas, so a parameter means the same everywhere.

export const CHANGE_KINDS = ["status_update", "deadline_revision"] as const;

export const asOfQueryFields = { as_of: commitmentQueryFields.as_of, ...RECORD_VERSION_FIELDS } as const;

export const changeQueryFields = {
  area: commitmentQueryFields.area,
  organisation: commitmentQueryFields.organisation,
  kind: z.enum(CHANGE_KINDS).describe("Only status updates or only deadline revisions"),
  since: isoDateSchema.describe("Only changes that took effect on or after this date (confirmation date of an update, effective date of a revision)"),
  as_of: commitmentQueryFields.as_of,
  ...RECORD_VERSION_FIELDS,
  page: commitmentQueryFields.page,
  page_size: commitmentQueryFields.page_size,
} as const;

export const feedQueryFields = {
  area: commitmentQueryFields.area.describe("Only this area (slug); repeat for several"),
  ...RECORD_VERSION_FIELDS,
} as const;
