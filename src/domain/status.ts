// The status taxonomy. Codes are stable: they are used by the API and stored in the database.

export const STATUS_CODES = ["not_started", "in_progress", "at_risk", "delivered", "delivered_differently", "dropped"] as const;

export type StatusCode = (typeof STATUS_CODES)[number];

export type StatusTone = "grey" | "blue" | "orange" | "green" | "turquoise" | "red";

export interface StatusDefinition {
  code: StatusCode;
  label: string;
  /** Plain English, for the public methodology page. */
  description: string;
  /** Closed statuses end the commitment's life: it can no longer be overdue. */
  closed: boolean;
  /** Colour of the status tag. */
  tone: StatusTone;
}

/** In display order. */
export const STATUS_DEFINITIONS: readonly StatusDefinition[] = [
  {
    code: "not_started",
    label: "Not started",
    description:
      "A published source says that work on this commitment has not started. A commitment no source has reported on reads “No progress reported” instead.",
    closed: false,
    tone: "grey",
  },
  {
    code: "in_progress",
    label: "In progress",
    description: "A published source confirms that work is under way, and nothing published suggests the commitment will miss its deadline.",
    closed: false,
    tone: "blue",
  },
  {
    code: "at_risk",
    label: "At risk",
    description: "Work is under way, but published evidence suggests the commitment may not be delivered on time or as promised.",
    closed: false,
    tone: "orange",
  },
  {
    code: "delivered",
    label: "Delivered",
    description: "A published source confirms the commitment has been delivered as promised.",
    closed: true,
    tone: "green",
  },
  {
    code: "delivered_differently",
    label: "Delivered differently",
    description:
      "The work is done, but not as promised: what was delivered differs from the commitment, for example in scope, form or who it reaches. The update explains the difference.",
    closed: true,
    tone: "turquoise",
  },
  {
    code: "dropped",
    label: "Dropped",
    description: "Government has confirmed it will not deliver this commitment, or has withdrawn or replaced it.",
    closed: true,
    tone: "red",
  },
];

/**
 * A commitment no published source has reported on since the roadmap was published: distinct from
 * not_started, which a source has to say. Not a stored status (no update carries it): it is what
 * the public pages, counts, filters and the API show when no update is in effect (ADR 0012).
 */
export const NO_PROGRESS_REPORTED = "no_progress_reported";
export type PublicStatusCode = StatusCode | typeof NO_PROGRESS_REPORTED;
export const PUBLIC_STATUS_CODES: readonly PublicStatusCode[] = [NO_PROGRESS_REPORTED, ...STATUS_CODES];

export interface PublicStatusDefinition extends Omit<StatusDefinition, "code"> {
  code: PublicStatusCode;
  /** The words on a commitment's page. */
  sentence: string;
}

export const NO_PROGRESS_DEFINITION: PublicStatusDefinition = {
  code: NO_PROGRESS_REPORTED,
  label: "No progress reported",
  sentence: "No progress reported since the roadmap was published",
  description:
    "No published source has reported on this commitment since the roadmap was published. The launch articles describe plans, never progress, so a plan described as under way at launch is not counted as progress.",
  closed: false,
  tone: "grey",
};

/** In display order: no progress reported first, then the six statuses. */
export const PUBLIC_STATUS_DEFINITIONS: readonly PublicStatusDefinition[] = [
  NO_PROGRESS_DEFINITION,
  ...STATUS_DEFINITIONS.map((d) => ({ ...d, sentence: d.label })),
];

/** Public statuses that can still be overdue: no progress reported, not started, in progress and at risk. */
export const OPEN_PUBLIC_STATUS_CODES: readonly PublicStatusCode[] = [
  NO_PROGRESS_REPORTED,
  ...STATUS_DEFINITIONS.filter((d) => !d.closed).map((d) => d.code),
];

export function isPublicStatusCode(x: unknown): x is PublicStatusCode {
  return x === NO_PROGRESS_REPORTED || isStatusCode(x);
}

/** The status the public sees: the stored one when an update is in effect, otherwise no progress reported. */
export function publicStatus(status: StatusCode, reported: boolean): PublicStatusCode {
  return reported ? status : NO_PROGRESS_REPORTED;
}

export function publicStatusDefinition(code: PublicStatusCode): PublicStatusDefinition {
  return code === NO_PROGRESS_REPORTED ? NO_PROGRESS_DEFINITION : { ...statusDefinition(code), sentence: statusLabel(code) };
}

const BY_CODE: ReadonlyMap<StatusCode, StatusDefinition> = new Map(STATUS_DEFINITIONS.map((d) => [d.code, d]));

/** Statuses that end a commitment's life: delivered, delivered differently or dropped. */
export const CLOSED_STATUS_CODES: readonly StatusCode[] = STATUS_DEFINITIONS.filter((d) => d.closed).map((d) => d.code);

/** Statuses that can still be overdue: not started, in progress and at risk. */
export const OPEN_STATUS_CODES: readonly StatusCode[] = STATUS_DEFINITIONS.filter((d) => !d.closed).map((d) => d.code);

export function isStatusCode(x: unknown): x is StatusCode {
  return typeof x === "string" && (STATUS_CODES as readonly string[]).includes(x);
}

function statusDefinition(code: StatusCode): StatusDefinition {
  const def = BY_CODE.get(code);
  if (!def) throw new RangeError(`unknown status code "${String(code)}"`);
  return def;
}

export function statusLabel(code: StatusCode): string {
  return statusDefinition(code).label;
}

/** Delivered, delivered differently and dropped are closed: a closed commitment is never overdue. */
export function isClosedStatus(code: PublicStatusCode): boolean {
  return code !== NO_PROGRESS_REPORTED && statusDefinition(code).closed;
}

/** Delivered or delivered differently. */
export function isDeliveredStatus(code: PublicStatusCode): boolean {
  return code === "delivered" || code === "delivered_differently";
}

/** How many of a set of counts by status are delivered (isDeliveredStatus). */
export function deliveredCount(counts: Readonly<Record<PublicStatusCode, number>>): number {
  return PUBLIC_STATUS_CODES.filter(isDeliveredStatus).reduce((n, code) => n + counts[code], 0);
}
