// The editor fixtures of every suite: the commitment and organisations the tests work on, the one
// password of test accounts, valid form input, and (for the integration tests, which own their
// database) accounts, actors and a "did anything change?" fingerprint.
import type { Db } from "../../src/server/db";
import type { Actor } from "../../src/domain/permissions";
import { loadActor, type EditorUser } from "../../src/server/editor/actor";
import { hashPassword } from "../../src/server/auth/password";

/**
 * Led by the Ministry of Defence, supported by the National Security Digital Centre (seeds/: the
 * one commitment whose sources name both a lead and a supporting owner).
 */
export const COMMITMENT = "secret-community-cloud";
export const OWNER_ORG = "ministry-of-defence";
export const SUPPORT_ORG = "national-security-digital-centre";
const OTHER_ORG = "hm-revenue-and-customs";

export const PASSWORD = "plum tractor velvet harbour";

export type Cast = {
  admin: Actor;
  /** Another admin (to check what the first one force-published). */
  secondAdmin: Actor;
  /** Editor of the lead organisation. */
  owner: Actor;
  /** A second editor of the lead organisation. */
  ownerColleague: Actor;
  /** Editor of a supporting organisation. */
  supporter: Actor;
  /** Editor of an organisation with nothing to do with the commitment. */
  other: Actor;
  commitmentId: number;
  commitmentVersion: number;
};

let hash: Promise<string> | undefined;

export async function createUser(
  db: Db,
  email: string,
  role: "admin" | "editor",
  organisations: string[],
  name = email.split("@")[0]!,
): Promise<EditorUser> {
  hash ??= hashPassword(PASSWORD);
  const orgs = await db.organisation.findMany({ where: { slug: { in: organisations } } });
  const user = await db.user.create({
    data: { email, name, role, passwordHash: await hash, organisations: { create: orgs.map((o) => ({ organisationId: o.id })) } },
  });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error("could not load the actor just created");
  return actor;
}

export async function createCast(db: Db, prefix = ""): Promise<Cast> {
  const commitment = await db.commitment.findUniqueOrThrow({ where: { slug: COMMITMENT } });
  return {
    admin: await createUser(db, `${prefix}admin@example.gov.uk`, "admin", [], "Ada Admin"),
    secondAdmin: await createUser(db, `${prefix}admin2@example.gov.uk`, "admin", [], "Abe Admin"),
    owner: await createUser(db, `${prefix}owner@example.gov.uk`, "editor", [OWNER_ORG], "Olive Owner"),
    ownerColleague: await createUser(db, `${prefix}colleague@example.gov.uk`, "editor", [OWNER_ORG], "Colin Colleague"),
    supporter: await createUser(db, `${prefix}supporter@example.gov.uk`, "editor", [SUPPORT_ORG], "Sam Supporter"),
    other: await createUser(db, `${prefix}other@example.gov.uk`, "editor", [OTHER_ORG], "Otto Other"),
    commitmentId: commitment.id,
    commitmentVersion: commitment.version,
  };
}

/**
 * Everything a mutation could change, in one comparable value: counts, versions and contents of
 * every table the editor writes to (including the audit log).
 */
export async function fingerprint(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT
      (SELECT COUNT(*) FROM proposal) AS proposals,
      (SELECT md5(COALESCE(string_agg(id || state::text || version || payload::text || COALESCE(review_comment, ''), ',' ORDER BY id), '')) FROM proposal) AS proposal_state,
      (SELECT COUNT(*) FROM status_update) AS status_updates,
      (SELECT COUNT(*) FROM deadline_revision) AS deadline_revisions,
      (SELECT COUNT(*) FROM source) AS sources,
      (SELECT COUNT(*) FROM publication) AS versions,
      (SELECT COUNT(*) FROM commitment_revision) AS commitment_revisions,
      (SELECT COUNT(*) FROM forced_publication) AS forced_publications,
      (SELECT COUNT(*) FROM forced_publication_check) AS forced_publication_checks,
      (SELECT COUNT(*) FROM commitment) AS commitments,
      (SELECT md5(string_agg(id || title || summary || version || area_id || COALESCE(lead_organisation_id::text, '-'), ',' ORDER BY id)) FROM commitment) AS commitment_state,
      (SELECT md5(COALESCE(string_agg(commitment_id || '-' || organisation_id, ',' ORDER BY commitment_id, organisation_id), '')) FROM commitment_owner) AS owners,
      (SELECT md5(COALESCE(string_agg(id || email || name || role::text || COALESCE(disabled_at::text, '') || COALESCE(password_hash, '') || must_change_password || session_version, ',' ORDER BY id), '')) FROM app_user) AS users,
      (SELECT md5(COALESCE(string_agg(user_id || '-' || organisation_id, ',' ORDER BY user_id, organisation_id), '')) FROM user_organisation) AS memberships,
      (SELECT COUNT(*) FROM audit_event) AS audit_events`;
  return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
}

export const validStatusUpdate = (commitmentId: number, overrides: Record<string, unknown> = {}) => ({
  commitmentId: String(commitmentId),
  status: "in_progress",
  note: "The spending approvals pilot started in three departments.",
  confirmedOn: "2026-03-02",
  evidenceUrl: "https://www.gov.uk/government/news/spending-approvals-pilot",
  evidenceTitle: "Spending approvals pilot begins",
  evidencePublisher: "HM Treasury",
  evidencePublishedOn: "2026-03-02",
  ...overrides,
});

export const validDeadlineRevision = (commitmentId: number, overrides: Record<string, unknown> = {}) => ({
  commitmentId: String(commitmentId),
  label: "spring 2027",
  precision: "season",
  reason: "The pilot was extended to include two more departments.",
  effectiveOn: "",
  sourceUrl: "https://www.gov.uk/government/news/spending-approvals-pilot-extended",
  sourceTitle: "Spending approvals pilot extended",
  sourcePublisher: "HM Treasury",
  sourcePublishedOn: "2026-04-01",
  ...overrides,
});

export const validCommitment = (overrides: Record<string, unknown> = {}) => ({
  title: "Publish a shared register of government APIs",
  summary: "A public list of the application programming interfaces that government offers, so services can reuse them.",
  area: "digital-and-data-infrastructure",
  lead: OWNER_ORG,
  supporting: [SUPPORT_ORG],
  slug: "",
  announcedOn: "2026-02-10",
  deadlineLabel: "by the end of 2026",
  deadlinePrecision: "year",
  sourceUrl: "https://www.gov.uk/government/publications/api-register-announcement",
  sourceTitle: "API register announced",
  sourcePublisher: "Government Digital Service",
  sourcePublishedOn: "2026-02-10",
  ...overrides,
});
