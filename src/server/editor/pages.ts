// The editor pages' loaders: what a page shows, read for the signed-in editor, with the read
// permissions checked here (not in the page), returning a src/server/page-result.ts result.
// Pages first call requireUser()/requireAdmin() (src/server/auth/session.ts) for the editor.
import { foldDateFields } from "../../schemas/date-input";
import type { Db } from "../db";
import type { Actor } from "../../domain/permissions";
import { canCheckForced, canForcePublish, canResubmit, canReview, canSeeProposal, canWithdraw } from "../../domain/permissions";
import { auditFilterSchema, fieldErrors, type AuditFilter } from "../../schemas/editor";
import { firstParam, type RawParams } from "../../schemas/commitment-query";
import type { PageError } from "../../schemas/errors";
import { NOT_FOUND, found, paging } from "../page-result";
import {
  AUDIT_PAGE_SIZE,
  auditFacets,
  commitmentStateToday,
  formOptions,
  getEditorCommitment,
  getProposal,
  getUser,
  listAuditEvents,
  proposalHistory,
} from "./queries";

/** A record id from the address: a whole number, 1 or more; anything else is not found. */
export function recordId(raw: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

/** `/editor/proposals/[id]`: a proposal as it is now, for those who may see it, with what this editor may do with it. */
export async function loadProposalPage(db: Db, actor: Actor, rawId: string) {
  const id = recordId(rawId);
  const proposal = id === null ? null : await getProposal(db, id);
  if (!proposal || !canSeeProposal(actor, { authorId: proposal.author.id, commitment: proposal.ownership })) return NOT_FOUND;
  const facts = { authorId: proposal.author.id, state: proposal.state, commitment: proposal.ownership, batch: proposal.batch };
  const [current, history, commitment, options] = await Promise.all([
    proposal.commitmentId === null ? null : commitmentStateToday(db, proposal.commitmentId),
    proposalHistory(db, proposal.id),
    proposal.commitmentId === null ? null : getEditorCommitment(db, { id: proposal.commitmentId }),
    formOptions(db),
  ]);
  const names = {
    areas: Object.fromEntries(options.areas.map((a) => [a.slug, a.title])),
    organisations: Object.fromEntries(options.organisations.map((o) => [o.slug, o.name])),
  };
  return found({
    proposal,
    current,
    commitment: commitment && {
      title: commitment.title,
      summary: commitment.summary,
      area: commitment.area.slug,
      lead: commitment.lead?.slug ?? "",
      supporting: commitment.supporting.map((o) => o.slug).sort(),
    },
    names,
    history,
    mayReview: canReview(actor, facts).allowed,
    mayForcePublish: canForcePublish(actor, facts).allowed,
    mayCheck:
      proposal.forced !== null &&
      proposal.forcedBy !== null &&
      canCheckForced(actor, {
        publishedById: proposal.forcedBy.id,
        authorId: proposal.author.id,
        commitment: proposal.ownership,
        checked: proposal.forced.checked,
      }).allowed,
    mayWithdraw: canWithdraw(actor, facts).allowed,
    mayResubmit: !proposal.kind.startsWith("commitment_") && canResubmit(actor, facts).allowed,
    ownPending: proposal.state === "pending" && proposal.author.id === actor.id,
  });
}

/** `/editor/proposals/[id]/edit`: a returned proposal, and whether this editor may change it. */
export async function loadProposalEditPage(db: Db, actor: Actor, rawId: string) {
  const id = recordId(rawId);
  const proposal = id === null ? null : await getProposal(db, id);
  // Someone who may not see the proposal gets the same 404 as for one that does not exist (security review F18).
  if (!proposal || !canSeeProposal(actor, { authorId: proposal.author.id, commitment: proposal.ownership })) return NOT_FOUND;
  return found({ proposal, decision: canResubmit(actor, { authorId: proposal.author.id, state: proposal.state, commitment: proposal.ownership }) });
}

/** `/editor/users/[id]` (admins): a user, and the organisations they can be given. */
export async function loadUserPage(db: Db, rawId: string) {
  const id = recordId(rawId);
  const [user, { organisations }] = await Promise.all([id === null ? null : getUser(db, id), formOptions(db)]);
  return user ? found({ user, organisations }) : NOT_FOUND;
}

const AUDIT_PARAMS = ["actor", "action", "entityType", "entityId", "from", "to", "page"] as const;
const NO_FILTER: AuditFilter = {
  page: 1,
  actor: undefined,
  action: undefined,
  entityType: undefined,
  entityId: undefined,
  from: undefined,
  to: undefined,
};

/** The audit log's GET parameters: the values as typed, the filter, and the problems (with a bad one, the log is shown unfiltered). */
/** Next.js search parameters as entries (a repeated one is a list). */
const entriesOf = (raw: Record<string, string | string[] | undefined>): [string, string][] =>
  Object.entries(raw).flatMap(([k, v]) => ([] as string[]).concat(v ?? []).map((x) => [k, x] as [string, string]));

export function auditParams(given: RawParams) {
  const raw = foldDateFields(given instanceof URLSearchParams ? given : new URLSearchParams(entriesOf(given)), ["from", "to"]);
  const values: Record<string, string> = {};
  for (const k of AUDIT_PARAMS) {
    const v = raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : firstParam(raw[k]);
    if (v !== undefined) values[k] = v;
  }
  const parsed = auditFilterSchema.safeParse(values);
  const errors: PageError[] = parsed.success ? [] : fieldErrors(parsed.error).map((e) => ({ ...e, href: `#${e.field}` }));
  return { values, errors, filter: parsed.success ? parsed.data : NO_FILTER };
}

/** `/editor/audit` (admins): the audit log, filtered by its GET parameters. */
export async function loadAuditPage(db: Db, raw: RawParams) {
  const { values, errors, filter } = auditParams(raw);
  const [{ rows, total }, facets] = await Promise.all([listAuditEvents(db, filter), auditFacets(db)]);
  return found({
    values,
    errors,
    filter,
    rows,
    total,
    facets,
    ...paging(filter.page, AUDIT_PAGE_SIZE, total),
  });
}
