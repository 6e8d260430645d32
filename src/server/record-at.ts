// Which version of the record a request reads (docs/decisions/0009-record-versions.md): version=N,
// recorded_on=D (the last version published by the end of D in Europe/London), or the latest.
// Every public page, download, feed and API answer resolves this once and reads everything at it,
// so one answer is one consistent cut of the record.
import type { Db } from "./db";
import type { FieldError } from "../schemas/errors";
import { firstVersion, latestVersion, versionInfo, versionRecordedOn, type VersionInfo } from "./queries/versions";

export type RecordAt = {
  /** The version read. 0 only before anything has been published. */
  version: number;
  /** True when the reader chose it (version= or recorded_on=): such an answer never changes. */
  pinned: boolean;
  /** What the reader gave, to keep in links. */
  given: { version?: number; recordedOn?: string };
  /** The version read, with when it was published. */
  info: VersionInfo | null;
  /** The latest version now. */
  latest: VersionInfo | null;
};

/**
 * Resolves version= / recorded_on= (already parsed for form) against the database. A version that
 * does not exist yet, or a day before anything was published, is an error naming the parameter;
 * the answer then reads the latest version.
 */
async function resolveRecordAt(db: Db, given: { version?: number; recordedOn?: string }, errors: FieldError[]): Promise<RecordAt> {
  const latest = await latestVersion(db);
  const unpinned: RecordAt = { version: latest?.version ?? 0, pinned: false, given: {}, info: latest, latest };
  if (given.version !== undefined) {
    if (!latest || given.version > latest.version) {
      errors.push({
        field: "version",
        message: `version ${given.version} does not exist: the latest version is ${latest?.version ?? "none (nothing has been published yet)"}`,
      });
      return unpinned;
    }
    const info = await versionInfo(db, given.version);
    return { version: given.version, pinned: true, given: { version: given.version }, info, latest };
  }
  if (given.recordedOn !== undefined) {
    const info = await versionRecordedOn(db, given.recordedOn);
    if (!info) {
      const first = await firstVersion(db);
      errors.push({
        field: "recorded_on",
        message: first
          ? `recorded_on ${given.recordedOn} is before anything was published: the first version was recorded on ${first.recordedOn}`
          : `recorded_on ${given.recordedOn}: nothing has been published yet`,
      });
      return unpinned;
    }
    return { version: info.version, pinned: true, given: { recordedOn: given.recordedOn }, info, latest };
  }
  return unpinned;
}

/** The as-of date of a view: the one given, or for a pinned version the day it was recorded, or today. */
function defaultAsOf(at: RecordAt, today: string): string {
  return at.pinned && at.info ? at.info.recordedOn : today;
}

/** A request's as-of date and record version, resolved. */
export type View = { asOf: string; asOfGiven: boolean; at: RecordAt; immutable: boolean };

/**
 * The as-of date and version of a request: version= or recorded_on= checked against the database,
 * and the as-of date defaulting to the day that version was recorded (for a pinned view) or
 * today. `immutable` is true when nothing published later can change the answer: a version was
 * given, or a day that has ended.
 */
export async function resolveView(
  db: Db,
  given: { asOf?: string; version?: number; recordedOn?: string },
  today: string,
  errors: FieldError[],
): Promise<View> {
  const at = await resolveRecordAt(db, given, errors);
  const asOf = given.asOf ?? defaultAsOf(at, today);
  const immutable = at.pinned && (at.given.version !== undefined || (at.given.recordedOn !== undefined && at.given.recordedOn < today));
  return { asOf, asOfGiven: given.asOf !== undefined, at, immutable };
}

/** The version parameters to keep in links from a pinned view (the reader's own choice). */
export function recordParams(at: RecordAt): { version?: number; recorded_on?: string } {
  return at.given.version !== undefined
    ? { version: at.given.version }
    : at.given.recordedOn !== undefined
      ? { recorded_on: at.given.recordedOn }
      : {};
}
