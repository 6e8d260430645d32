// The shape of a server-action request's body, checked by the production server before Next.js
// decodes it (security review F10e): React's decoder throws on malformed JSON, on references to
// parts that were never sent, and (by running out of stack) on JSON nested 400,000 deep, and
// Next.js answers every one of those with a 500. Every action of ours takes (form state, form
// data), so the browser always sends multipart form data: a root part "0" holding the arguments
// as JSON, and the form's fields. A request that is not in that shape gets a 400 here, with a
// sentence saying so, and never reaches an action. No framework imports.
import type { Refusal } from "./front-door";

/** Far deeper than any form state of ours (about 6 levels); far shallower than what exhausts the stack. */
export const ACTION_JSON_DEPTH_LIMIT = 64;
/** The JSON parts a request may carry (React outlines a value in a part of its own only when it must). */
const ACTION_JSON_PART_LIMIT = 100;

const refused = (detail: string): Refusal => ({
  status: 400,
  title: "Bad Request",
  detail: `This form could not be read: ${detail} Go back to the tracker's page and send the form from there.`,
});

/** How deeply `text` nests arrays and objects (counted without parsing, so without recursion); -1 if the brackets do not balance. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) deepest = Math.max(deepest, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (--depth < 0) return -1;
    }
  }
  return depth === 0 ? deepest : -1;
}

/** Strings React's decoder treats as plain values (escaped text, undefined, special numbers, dates, big integers). */
const PLAIN_SPECIAL = /^\$(?:\$|undefined$|Infinity$|-Infinity$|-0$|NaN$|D|n\d{1,300}$)/;
/** References our forms send: the form data ($K) and, for the no-script form's bound state, a part ($@). */
const REFERENCE = /^\$(K|@)?([0-9a-f]{1,8})(?::[^$]*)?$/;

type Part = { name: string; text: string };

/** Why these JSON parts (named "0", "1", … after `prefix`) are not what a form of ours sends, or null. */
function jsonPartsProblem(parts: Part[], prefix: string): string | null {
  if (parts.length > ACTION_JSON_PART_LIMIT) return "it has too many parts.";
  const present = new Set(parts.map((p) => p.name.slice(prefix.length)));
  for (const part of parts) {
    const depth = jsonDepth(part.text);
    if (depth < 0) return "a part of it is not valid JSON.";
    if (depth > ACTION_JSON_DEPTH_LIMIT) return `a part of it is nested more than ${ACTION_JSON_DEPTH_LIMIT} levels deep.`;
    let value: unknown;
    try {
      value = JSON.parse(part.text);
    } catch {
      return "a part of it is not valid JSON.";
    }
    const problem = referencesProblem(value, present);
    if (problem) return problem;
  }
  return null;
}

/** Every "$…" string is a plain special value or a reference to a part that was sent; nothing else (promises of streams, server functions, maps…) is ever sent by our forms. */
function referencesProblem(value: unknown, present: Set<string>): string | null {
  if (typeof value === "string") {
    if (!value.startsWith("$") || PLAIN_SPECIAL.test(value)) return null;
    const reference = value.match(REFERENCE);
    if (!reference) return "it holds a kind of value the tracker's forms never send.";
    if (reference[1] !== "K" && !present.has(String(parseInt(reference[2]!, 16)))) return "it refers to a part that was not sent.";
    return null;
  }
  if (value !== null && typeof value === "object")
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      const problem = referencesProblem(item, present);
      if (problem) return problem;
    }
  return null;
}

async function readForm(body: Buffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return null;
  }
}

const textParts = (form: FormData, name: RegExp): Part[] =>
  [...form.entries()].flatMap(([key, value]) => (name.test(key) && typeof value === "string" ? [{ name: key, text: value }] : []));

/**
 * Why a POST to a page (all of which are server actions or nothing) is not a form of ours, or
 * null to hand it to Next.js. `actionId` is the Next-Action header (sent by the forms' script);
 * without it, a multipart body may still be a form posted with scripts off ($ACTION_… fields).
 */
export async function actionBodyProblem(request: {
  actionId: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}): Promise<Refusal | null> {
  const contentType = request.contentType ?? "";
  const multipart = /^multipart\/form-data\s*;/i.test(contentType);
  if (request.actionId === undefined) {
    if (!multipart) return null;
    const form = await readForm(request.body, contentType);
    if (!form) return refused("its multipart body is malformed.");
    // A form posted without scripts: each bound action's parts are "$ACTION_<n>:<part>".
    const parts = textParts(form, /^\$ACTION_\d{1,4}:\d{1,4}$/);
    for (const prefix of new Set(parts.map((p) => p.name.slice(0, p.name.indexOf(":") + 1)))) {
      const problem = jsonPartsProblem(
        parts.filter((p) => p.name.startsWith(prefix)),
        prefix,
      );
      if (problem) return refused(problem);
    }
    return null;
  }
  if (!multipart) return refused("the tracker's forms always send multipart form data.");
  const form = await readForm(request.body, contentType);
  if (!form) return refused("its multipart body is malformed.");
  const parts = textParts(form, /^\d{1,4}$/);
  const root = parts.find((p) => p.name === "0");
  if (!root || !root.text.trimStart().startsWith("[")) return refused("it has no list of arguments.");
  const problem = jsonPartsProblem(parts, "");
  return problem ? refused(problem) : null;
}
