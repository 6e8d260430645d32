import { z } from "zod";
import { isIsoDate } from "../domain/dates";

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD, for example 2026-06-30")
  .refine((s) => isIsoDate(s), "is not a real calendar date");

/** A slug without anchors, for patterns that embed one (a URL path, say). */
export const SLUG_SOURCE = "[a-z0-9]+(?:-[a-z0-9]+)*";
/** The one definition of a slug: lower-case letters and digits, in words joined by single hyphens ("publish-the-roadmap"). */
export const SLUG_PATTERN = new RegExp(`^${SLUG_SOURCE}$`);

export const slugSchema = z.string().min(1).max(120).regex(SLUG_PATTERN, "must be lower-case letters, digits and hyphens");
