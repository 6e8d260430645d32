// The report form ("Is there anything wrong with this page?") and the editors' triage forms.
import { z } from "zod";
import { REPORT_EMAIL_MAX, REPORT_URL_MAX, REPORT_WHAT_MAX } from "../domain/reports";

const optional = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(schema.optional());

/** An email address as people type it (the report form, the subscribe form). */
export const emailAddressSchema = z
  .string()
  .max(REPORT_EMAIL_MAX, `The email address must be ${REPORT_EMAIL_MAX} characters or fewer`)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address in the correct format, like name@example.com");

export const reportFormSchema = z.object({
  page: z.string().trim().max(300).default("/"),
  what: z
    .string({ error: "Tell us what is wrong" })
    .trim()
    .min(1, "Tell us what is wrong")
    .max(REPORT_WHAT_MAX, `What is wrong must be ${REPORT_WHAT_MAX.toLocaleString("en-GB")} characters or fewer`),
  sourceUrl: optional(
    z
      .string()
      .max(REPORT_URL_MAX, `The link must be ${REPORT_URL_MAX} characters or fewer`)
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "" && u.username === "" && u.password === "";
        } catch {
          return false;
        }
      }, "Enter a full web address that starts with https://, for example https://www.gov.uk/…"),
  ),
  email: optional(emailAddressSchema),
  website: z.string().default(""),
});

export const reportReviewSchema = z.object({
  reportId: z.coerce.number({ error: "Missing report: reload the page and try again" }).int().min(1),
  decision: z.enum(["accept", "reject"], { error: "Choose whether to accept or reject the report" }),
  note: z
    .string({ error: "Enter the correction, or the reason for rejecting it" })
    .trim()
    .min(5, "Enter the correction (to accept) or the reason (to reject), in a sentence")
    .max(1000, "The note must be 1,000 characters or fewer"),
});
