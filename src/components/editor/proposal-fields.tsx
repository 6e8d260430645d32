// The fields of the two proposal forms (new and returned-then-changed proposals share them).
import { STATUS_DEFINITIONS } from "../../domain/status";
import { PRECISIONS, precisionLabel, DEADLINE_RULES } from "../../domain/deadline";
import { DateField, RadiosField, TextAreaField, TextField } from "./action-form";

export function EvidenceFields({ prefix, legend }: { prefix: "evidence" | "source"; legend: string }) {
  const noun = prefix === "evidence" ? "evidence" : "source";
  return (
    <fieldset className="mb-6">
      <legend className="text-xl md:text-2xl font-bold mb-2">{legend}</legend>
      <p className="text-secondary-ink mb-4">
        A published page or document that anyone can check. If the link is already recorded in the tracker, the details recorded with it are kept.
      </p>
      <TextField
        name={`${prefix}Url`}
        label={`Link to the ${noun}`}
        hint="The full web address, starting with https://"
        type="url"
        inputMode="url"
        spellCheck={false}
      />
      <TextField
        name={`${prefix}Title`}
        label={`Title of the ${noun}`}
        hint="As it appears on the page, for example “Government Digital Service annual report 2026”"
      />
      <TextField name={`${prefix}Publisher`} label="Who published it" hint="For example, Cabinet Office or Civil Service World" width="medium" />
      <DateField name={`${prefix}PublishedOn`} label="Date it was published" />
    </fieldset>
  );
}

export function StatusUpdateFields() {
  return (
    <>
      <RadiosField
        name="status"
        legend="What is the status now?"
        legendSize="m"
        options={STATUS_DEFINITIONS.map((d) => ({ value: d.code, label: d.label, hint: d.description }))}
      />
      <TextAreaField
        name="note"
        label="What happened"
        hint="In plain English, for the public: what was done or confirmed, and what it means for the commitment."
        rows={5}
      />
      <TextField
        name="occurred"
        label="When it happened (optional)"
        hint={
          <>
            As the evidence says it, for example “in March 2026”, “spring 2026” or “14 April 2026”. Leave it empty if the evidence does not say when:
            the page will say so, and the date it was confirmed stands in. A month or season without a year is read back from that date.
          </>
        }
        width="medium"
      />
      <TextField
        name="confirmedOn"
        label="Date progress was confirmed"
        hint="The date of the evidence, as precisely as it gives it: a day (2026-03-14 or 14 March 2026), or only a month or season when that is all it gives (June 2026). Usually the date it was published."
        width="medium"
      />
      <EvidenceFields prefix="evidence" legend="Evidence" />
    </>
  );
}

const example = (p: (typeof PRECISIONS)[number]) => DEADLINE_RULES.find((r) => r.precision === p)?.examples[0]?.label;

export function DeadlineRevisionFields() {
  return (
    <>
      <TextField
        name="label"
        label="New deadline, as published"
        hint="In the words government used, for example “spring 2027” or “by the end of 2027”."
        width="medium"
      />
      <RadiosField
        name="precision"
        legend="How precise is the new deadline?"
        hint="The due date is the last day of the period the deadline describes (see the methodology page)."
        options={PRECISIONS.map((p) => ({ value: p, label: precisionLabel(p), hint: example(p) ? `For example, “${example(p)}”` : undefined }))}
      />
      <TextAreaField name="reason" label="Why the deadline changed" hint="In plain English, as government explained it." rows={4} />
      <DateField name="effectiveOn" label="Date the change took effect (optional)" hint="Leave empty to use the date the change is published." />
      <EvidenceFields prefix="source" legend="Source of the change" />
    </>
  );
}
