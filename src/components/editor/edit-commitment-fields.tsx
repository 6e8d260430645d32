// Pieces of the "Edit title, summary and owners" form: the supporting organisations it was
// opened with (so only what the editor changes is proposed), and the optional source of a change.
import { EvidenceFields } from "./proposal-fields";

export function BaseSupportingFields({ slugs }: { slugs: string[] }) {
  return (
    <>
      {slugs.map((slug) => (
        <input key={slug} type="hidden" name="baseSupporting" value={slug} />
      ))}
    </>
  );
}

export function OptionalSourceFields() {
  return <EvidenceFields prefix="source" legend="Source of the change (optional: leave empty for a change of the tracker’s own wording)" />;
}
