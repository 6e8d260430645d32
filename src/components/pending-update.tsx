import type { CommitmentSummary } from "../server/queries/types";
import { statusLabel } from "../domain/status";
import { longDate } from "../domain/dates";
import { InsetText } from "./govuk/inset-text";
import { datedText } from "./status-dates";

/**
 * An update whose period contains the as-of date: it may already have happened by then, so the
 * tracker does not yet count it, and says so rather than claim either.
 */
export function PendingUpdate({ pending, asOf }: { pending: NonNullable<CommitmentSummary["pending"]>; asOf: string }) {
  const when = pending.occurred ? `happened ${datedText(pending.occurred)}` : `was confirmed ${datedText(pending.confirmed)}`;
  return (
    <InsetText>
      <p data-pending={pending.code}>
        <strong>This may already have changed by {longDate(asOf)}.</strong> An update says the status became “{statusLabel(pending.code)}”: it {when}.
        That period had not ended on {longDate(asOf)}, so the tracker counts it from {longDate(pending.window.to)}, the last day it can have happened.
      </p>
    </InsetText>
  );
}
