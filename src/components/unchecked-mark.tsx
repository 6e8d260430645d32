// A commitment with a change an admin published in an emergency, without a second editor, says
// so until another editor checks it (issue 12; GOV.UK publishing tools do the same).
import { formatDateTime } from "../domain/dates";
import { WarningText } from "./govuk/warning-text";

export function UncheckedMark({ since }: { since: string | null }) {
  if (!since) return null;
  return (
    <div id="not-yet-checked">
      <WarningText>
        Not yet checked by a second editor. A change to this page published on {formatDateTime(since)} has not yet been checked by a second editor.
      </WarningText>
    </div>
  );
}
