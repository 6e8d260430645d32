// Shape of the reviewable dataset in seeds/. The seed loader validates every file with these
// schemas before touching the database, so a bad record is reported by file, record and field.
import { z } from "zod";
import { STATUS_CODES } from "../domain/status";
import { PRECISIONS } from "../domain/deadline";
import { SLUG_PATTERN } from "./common";
import { DATED_PRECISIONS } from "../domain/occurrence";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "is not a real calendar date",
  );

const slug = z.string().min(2).max(120).regex(SLUG_PATTERN, "must be lower-case words joined by hyphens");

export const seedSourceSchema = z.object({
  key: slug,
  publisher: z.string().min(2).max(200),
  title: z.string().min(2).max(400),
  url: z.url({ protocol: /^https?$/ }),
  publishedOn: isoDate,
  /** How precisely the publication date is known, as published ("January 2026"). */
  publishedLabel: z.string().min(4).max(80),
  /** The article's text in seeds/articles/, against which every quotation and label citing it is checked. */
  articleFile: z.string().regex(/^[0-9a-z_]+\.txt$/, "must be a file name in seeds/articles/"),
});

/**
 * Where in an article a fact is stated: the source and the paragraph (one non-empty line of the
 * article file in seeds/articles/ is one paragraph), with the words quoted when they are the basis.
 */
const seedCitationSchema = z.object({
  source: slug,
  paragraph: z.number().int().min(1).max(500),
  quote: z.string().min(3).max(400).optional(),
});

/** An organisation a source names as an owner, and where it does (the quotation is required). */
const seedOwnerSchema = seedCitationSchema.extend({ organisation: slug, quote: z.string().min(3).max(400) });

export const seedAreaSchema = z.object({
  slug,
  title: z.string().min(3).max(200),
  summary: z.string().min(20).max(2000),
  position: z.number().int().min(1).max(20),
});

export const seedOrganisationSchema = z.object({
  slug,
  name: z.string().min(2).max(200),
  abbreviation: z.string().min(2).max(20).optional(),
});

const seedDeadlineSchema = z.object({
  /** The deadline exactly as published, e.g. "by the end of 2026", "this summer". */
  label: z.string().min(2).max(120),
  precision: z.enum(PRECISIONS),
  /** Source key: the article that states the deadline. */
  source: slug,
  /** The paragraph of the source the label is quoted from (absent only for "No deadline published"). */
  paragraph: z.number().int().min(1).max(500).optional(),
  /**
   * The date a label without a year ("in April", "this summer") is read from. Defaults to the
   * commitment's announcement (the roadmap's launch), not to the date of the article reporting it.
   */
  referenceDate: isoDate.optional(),
});

const seedRevisionSchema = seedDeadlineSchema.extend({
  reason: z.string().min(10).max(2000),
  effectiveOn: isoDate,
});

/** A date as the source words it ("June 2026", "in March", "19 January 2026") and its precision. */
const seedDateSchema = z.object({
  label: z.string().min(2).max(80),
  precision: z.enum(DATED_PRECISIONS),
});

/** When it happened, as worded in the cited paragraph. */
const seedOccurredSchema = seedDateSchema.extend({ paragraph: z.number().int().min(1).max(500) });

const seedStatusUpdateSchema = z.object({
  status: z.enum(STATUS_CODES),
  /** What happened, in plain English, in our own words. */
  note: z.string().min(10).max(2000),
  source: slug,
  /** The paragraph of the source that reports it: the basis of the update. */
  paragraph: z.number().int().min(1).max(500),
  /** When the source confirmed it, with the source's own precision: a month-only source is "June 2026". */
  confirmed: seedDateSchema,
  /** When the reported thing happened, as the source words it in `occurred.paragraph`; left out when no source says. */
  occurred: seedOccurredSchema.optional(),
});

const seedCommitmentSchema = z.object({
  slug,
  title: z.string().min(5).max(200),
  summary: z.string().min(20).max(2000),
  /** Where a source places it in its area; null when no article does (the placement is the tracker's). */
  areaBasis: seedCitationSchema.nullable(),
  /** The lead a source names, with where; null when no article names one ("Lead organisation not named in published sources"). */
  lead: seedOwnerSchema.nullable(),
  /** Organisations a source names together as owners without ranking one above another (no lead then). */
  jointOwners: z.array(seedOwnerSchema).default([]),
  supporting: z.array(seedOwnerSchema).default([]),
  /** The technical first day (the launch), used for as-of views; never shown as a published day. */
  announcedOn: isoDate,
  /** The announcement as published, with its precision ("January 2026"). */
  announcedLabel: z.string().min(4).max(80),
  announcedIn: slug,
  /** A visible note on the page and in the API, e.g. that a source reports it only alongside the roadmap. */
  notice: z.string().min(10).max(1000).optional(),
  deadline: seedDeadlineSchema,
  revisions: z.array(seedRevisionSchema).default([]),
  updates: z.array(seedStatusUpdateSchema).default([]),
});

/** A commitment taken off the tracker: its address answers 410 Gone with the reason (seeds/removed.json). */
export const seedRemovalSchema = z.object({
  slug,
  title: z.string().min(5).max(200),
  reason: z.string().min(20).max(2000),
  removedOn: isoDate,
});

/**
 * Corrections the dataset makes to records already published (seeds/corrections.json): listed on
 * /corrections, and applied once to a database seeded with the earlier data.
 */
export const seedCorrectionsSchema = z.object({
  correctedOn: isoDate,
  note: z.string().min(10).max(1000),
  corrections: z.array(z.object({ slug, what: z.array(z.string().min(5).max(400)).min(1) })),
});

/** One file per area: seeds/commitments/<area-slug>.json */
export const seedCommitmentFileSchema = z.object({
  area: slug,
  commitments: z.array(seedCommitmentSchema).min(1),
});

export type SeedSource = z.infer<typeof seedSourceSchema>;
export type SeedArea = z.infer<typeof seedAreaSchema>;
export type SeedOrganisation = z.infer<typeof seedOrganisationSchema>;
export type SeedCommitment = z.infer<typeof seedCommitmentSchema>;
export type SeedCitation = z.infer<typeof seedCitationSchema>;
export type SeedRemoval = z.infer<typeof seedRemovalSchema>;
export type SeedCorrections = z.infer<typeof seedCorrectionsSchema>;
