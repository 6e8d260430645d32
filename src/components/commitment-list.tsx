import type { CommitmentSummary } from "../server/queries/types";
import { leadDescription } from "../domain/ownership";
import { StatusTag } from "./govuk/tag";
import { DeadlineText } from "./deadline-text";
import { MissedNote } from "./missed-deadlines";
import { buildHref, type QueryValues } from "../domain/links";
import { longDate } from "../domain/dates";

/**
 * The lead (lead = true: its name, "Named jointly: …", or "Lead organisation not named in
 * published sources"), or the supporting owners' names.
 */
export function ownerNames(owners: CommitmentSummary["owners"], lead: boolean): string {
  if (lead) return leadDescription(owners);
  return owners
    .filter((o) => o.role === "supporting")
    .map((o) => o.name)
    .join(", ");
}

function DeadlineLabel({ deadline }: { deadline: CommitmentSummary["deadline"] }) {
  if (!deadline) return <>None published</>;
  return (
    <>
      “{deadline.label}”{deadline.dueDate ? <> (due {longDate(deadline.dueDate)})</> : <> (no due date)</>}
    </>
  );
}

/**
 * Commitments as a list of short records: title, status, deadline, owner. Works from 320px up,
 * unlike a wide table.
 */
export function CommitmentList({
  items,
  linkParams = {},
  headingLevel = 3,
  showArea = true,
  roleOf,
}: {
  items: CommitmentSummary[];
  linkParams?: QueryValues;
  headingLevel?: 2 | 3;
  showArea?: boolean;
  /** For an organisation page: "Lead" or "Supporting". */
  roleOf?: (item: CommitmentSummary) => string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="border-t border-border mb-8">
      {items.map((c) => {
        const supporting = ownerNames(c.owners, false);
        return (
          <li key={c.slug} className="border-b border-border py-4">
            <Heading className="text-lg md:text-xl font-bold mb-2">
              <a href={buildHref(`/commitments/${c.slug}`, linkParams)}>{c.title}</a>
            </Heading>
            <p className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <StatusTag code={c.status.code} />
              <DeadlineText facts={c} />
              <MissedNote missed={c.missedDeadlines} overdue={c.overdue} />
            </p>
            <dl className="text-base grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
              <dt className="text-secondary-ink">Deadline</dt>
              <dd>
                <DeadlineLabel deadline={c.deadline} />
              </dd>
              <dt className="text-secondary-ink">Lead</dt>
              <dd>{ownerNames(c.owners, true)}</dd>
              {supporting && (
                <>
                  <dt className="text-secondary-ink">Supporting</dt>
                  <dd>{supporting}</dd>
                </>
              )}
              {roleOf && (
                <>
                  <dt className="text-secondary-ink">Role</dt>
                  <dd>{roleOf(c)}</dd>
                </>
              )}
              {showArea && (
                <>
                  <dt className="text-secondary-ink">Area</dt>
                  <dd>{c.area.title}</dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
