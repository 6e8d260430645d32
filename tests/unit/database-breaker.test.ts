// The outage breaker's rule: one failed check is not an outage (under heavy load a check can be
// slow); two in a row are; one good check ends it.
import { describe, it, expect, beforeEach } from "vitest";
import { recordDatabaseStatus, recentDatabaseStatus, resetDatabaseStatus } from "../../src/server/database-breaker";

const down = { ok: false as const, reason: "The database is unreachable: Query read timeout" };

beforeEach(() => {
  resetDatabaseStatus();
  recordDatabaseStatus({ ok: true });
});

describe("the database breaker", () => {
  it("after one failed check keeps serving, but asks for a new check at once", () => {
    recordDatabaseStatus(down);
    expect(recentDatabaseStatus()).toBe(null);
    recordDatabaseStatus({ ok: true });
    expect(recentDatabaseStatus()).toEqual({ ok: true });
  });

  it("declares an outage after two failed checks in a row, and ends it with one good check", () => {
    recordDatabaseStatus(down);
    recordDatabaseStatus(down);
    expect(recentDatabaseStatus()).toEqual(down);
    recordDatabaseStatus({ ok: true });
    expect(recentDatabaseStatus()).toEqual({ ok: true });
  });

  it("does not count failures separated by a good check", () => {
    recordDatabaseStatus(down);
    recordDatabaseStatus({ ok: true });
    recordDatabaseStatus(down);
    expect(recentDatabaseStatus()).toBe(null);
  });
});
