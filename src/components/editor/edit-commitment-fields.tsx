"use client";
// Pieces of the "Edit title, summary and owners" form: the supporting organisations it was
// opened with (so only what the editor changes is proposed), and the optional source of a change.
import { EvidenceFields } from "./proposal-fields";
import { useFormState } from "./action-form";

/** Hidden: the supporting organisations the form is based on (after a conflict, the published ones). */
export function BaseSupportingFields({ slugs }: { slugs: string[] }) {
  const state = useFormState();
  const submitted = state.seq > 0 ? state.values.baseSupporting : undefined;
  const base = submitted === undefined ? slugs : Array.isArray(submitted) ? submitted : [submitted];
  return (
    <>
      {base.map((slug) => (
        <input key={slug} type="hidden" name="baseSupporting" value={slug} />
      ))}
    </>
  );
}

export function OptionalSourceFields() {
  return <EvidenceFields prefix="source" legend="Source of the change (optional: leave empty for a change of the tracker’s own wording)" />;
}
