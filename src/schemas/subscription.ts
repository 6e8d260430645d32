// The "Get emails" form (/subscribe): what to follow, how often, and the address.
import { z } from "zod";
import { SUBSCRIPTION_FREQUENCIES, SUBSCRIPTION_SCOPES, normaliseEmail } from "../domain/subscriptions";
import { emailAddressSchema } from "./report";
import { SLUG_PATTERN } from "./common";

export const subscribeFormSchema = z
  .object({
    scope: z.enum(SUBSCRIPTION_SCOPES, { error: "Choose what you want emails about" }),
    slug: z.string().trim().max(120).default(""),
    frequency: z.enum(SUBSCRIPTION_FREQUENCIES, { error: "Choose how often you want emails" }),
    email: z
      .string({ error: "Enter your email address" })
      .trim()
      .min(1, "Enter your email address")
      .pipe(emailAddressSchema)
      .transform(normaliseEmail),
    website: z.string().default(""),
  })
  .superRefine((value, ctx) => {
    const needsSlug = value.scope !== "everything";
    if (needsSlug && !SLUG_PATTERN.test(value.slug)) ctx.addIssue({ code: "custom", path: ["scope"], message: "Choose what you want emails about" });
  })
  .transform((value) => ({ ...value, slug: value.scope === "everything" ? "" : value.slug }));

/** A token from a link in an email: base64url, of the length the server makes. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
