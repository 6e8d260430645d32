// Title, summary, area and owners: the fields shared by "create" and "edit".
import { CheckboxesField, SelectField, TextAreaField, TextField } from "./action-form";

export function CommitmentFields({
  areas,
  organisations,
}: {
  areas: { slug: string; title: string }[];
  organisations: { slug: string; name: string }[];
}) {
  return (
    <>
      <TextField name="title" label="Title" hint="What government committed to do, in a short plain-English sentence." />
      <TextAreaField
        name="summary"
        label="Summary"
        hint="A plain-English explanation for the public: what it is, who it is for and why it matters."
        rows={6}
      />
      <SelectField
        name="area"
        label="Area of the roadmap"
        options={areas.map((a) => ({ value: a.slug, label: a.title }))}
        placeholder="Select an area"
      />
      <SelectField
        name="lead"
        label="Lead organisation"
        hint="The one organisation accountable for delivering it, only if a published source names it."
        options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
        placeholder="Not named in published sources"
      />
      <CheckboxesField
        name="supporting"
        legend="Supporting organisations (optional)"
        hint="Select all that apply. The lead organisation does not need to be selected here."
        options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
      />
    </>
  );
}
