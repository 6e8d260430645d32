import { z } from "zod";
import { isIsoDate } from "../domain/dates";

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD, for example 2026-06-30")
  .refine((s) => isIsoDate(s), "is not a real calendar date");

export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens");

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .url("must be a full web address starting with https://")
  .refine((value) => /^https?:\/\//i.test(value), "must start with http:// or https://");
