import type { Removal } from "../server/queries/corrections";
import { longDate } from "../domain/dates";
import { Breadcrumbs } from "./govuk/breadcrumbs";
import { InsetText } from "./govuk/inset-text";

/** The page of a commitment taken off the tracker (answered 410 Gone): when, why, and where the record is. */
export function RemovedCommitment({ removal }: { removal: Removal }) {
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/commitments", label: "Commitments" },
        ]}
      />
      <p className="text-lg md:text-xl text-secondary-ink mb-1">Removed from the tracker</p>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">{removal.title}</h1>
      <InsetText>
        <p className="text-lg md:text-xl" data-removed="">
          This commitment was removed from the tracker on {longDate(removal.removedOn)} because: {removal.reason}
        </p>
      </InsetText>
      <p className="mb-4">
        The removal is listed with every other correction on <a href="/corrections">Corrections</a>. Links to an earlier version of the record (with{" "}
        <code>version=</code>) still show it as it was then published.
      </p>
      <p>
        <a href="/commitments">See every commitment the tracker follows</a>
      </p>
    </>
  );
}
