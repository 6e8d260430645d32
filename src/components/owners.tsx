// Who owns a commitment, shown only with its basis (issue 12, ADR 0012): each owner a source
// names, with that citation; a lead no source names is said to be not named, never guessed.
import type { ReactNode } from "react";
import type { Citation, Owner } from "../server/queries/types";
import { AREA_NOT_STATED, LEAD_NOT_NAMED } from "../domain/ownership";
import { buildHref, type QueryValues } from "../domain/links";
import { longDate } from "../domain/dates";

/** “Named in <article> (<publisher>, <date>), paragraph N: “…”.” */
function CitationText({ citation, verb = "Named in" }: { citation: Citation; verb?: string }) {
  const s = citation.source;
  return (
    <span className="block text-secondary-ink text-base mt-1" data-citation="">
      {verb}{" "}
      <a href={s.url} rel="noopener noreferrer">
        {s.title}
      </a>{" "}
      ({s.publisher}, {s.publishedLabel ?? longDate(s.publishedOn)}){citation.paragraph ? `, paragraph ${citation.paragraph}` : ""}
      {citation.quote ? <>: “{citation.quote}”</> : null}
    </span>
  );
}

function OwnerItem({ owner, keep }: { owner: Owner; keep: QueryValues }) {
  return (
    <>
      <a href={buildHref(`/organisations/${owner.slug}`, keep)}>{owner.name}</a>
      {owner.basis ? (
        <CitationText citation={owner.basis} />
      ) : (
        // Set by an editor's checked change that gave no citation for it: said, not hidden.
        <span className="block text-secondary-ink text-base mt-1" data-citation="none">
          No published source is recorded for this owner.
        </span>
      )}
    </>
  );
}

function OwnerList({ owners, keep }: { owners: Owner[]; keep: QueryValues }) {
  if (owners.length === 1) return <OwnerItem owner={owners[0]!} keep={keep} />;
  return (
    <ul>
      {owners.map((o) => (
        <li key={o.slug} className="mb-2">
          <OwnerItem owner={o} keep={keep} />
        </li>
      ))}
    </ul>
  );
}

/** The summary-list rows for the owners: lead (or owners named jointly, or not named), then supporting. */
export function ownerRows(owners: Owner[], keep: QueryValues): { key: string; value: ReactNode }[] {
  const lead = owners.filter((o) => o.role === "lead");
  const joint = owners.filter((o) => o.role === "joint");
  const supporting = owners.filter((o) => o.role === "supporting");
  const leadRow = lead.length
    ? { key: "Lead owner", value: <OwnerList owners={lead} keep={keep} /> }
    : joint.length
      ? {
          key: "Owners named jointly",
          value: (
            <>
              <span className="block mb-2">A source names these organisations together; it does not say which of them leads.</span>
              <OwnerList owners={joint} keep={keep} />
            </>
          ),
        }
      : { key: "Lead owner", value: <span data-lead-not-named="">{LEAD_NOT_NAMED}</span> };
  return [
    leadRow,
    { key: "Supporting owners", value: supporting.length ? <OwnerList owners={supporting} keep={keep} /> : "None named in published sources" },
  ];
}

/** Where the area placement comes from: a source, or the tracker's own placement. */
export function areaRow(areaTitle: string, basis: Citation | null | undefined): { key: string; value: ReactNode } | null {
  if (basis === undefined) return null;
  return {
    key: "Area",
    value: (
      <>
        {areaTitle}
        {basis ? (
          <CitationText citation={basis} verb="Placed in this area by" />
        ) : (
          <span className="block text-secondary-ink text-base mt-1">{AREA_NOT_STATED}</span>
        )}
      </>
    ),
  };
}
