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
});

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
  /** Source key; its publication date anchors relative labels such as "this summer". */
  source: slug,
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

const seedStatusUpdateSchema = z.object({
  status: z.enum(STATUS_CODES),
  /** What happened, in plain English, in our own words. */
  note: z.string().min(10).max(2000),
  source: slug,
  /** When the source confirmed it, with the source's own precision: a month-only source is "June 2026". */
  confirmed: seedDateSchema,
  /** When the reported thing happened, as the source words it; left out when no source says. */
  occurred: seedDateSchema.optional(),
});

const seedCommitmentSchema = z.object({
  slug,
  title: z.string().min(5).max(200),
  summary: z.string().min(20).max(2000),
  lead: slug,
  supporting: z.array(slug).default([]),
  announcedOn: isoDate,
  announcedIn: slug,
  deadline: seedDeadlineSchema,
  revisions: z.array(seedRevisionSchema).default([]),
  updates: z.array(seedStatusUpdateSchema).default([]),
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
