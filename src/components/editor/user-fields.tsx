import { CheckboxesField, RadiosField, TextField } from "./action-form";

export function UserFields({ organisations, withEmail }: { organisations: { slug: string; name: string }[]; withEmail: boolean }) {
  return (
    <>
      {withEmail && (
        <TextField
          name="email"
          label="Email address"
          hint="Their work email address. It is also how they sign in with their organisation’s account, if that is set up."
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <TextField name="name" label="Full name" autoComplete="off" width="medium" />
      <RadiosField
        name="role"
        legend="Role"
        options={[
          { value: "editor", label: "Editor", hint: "Proposes and checks changes to the commitments their organisations own or support." },
          { value: "admin", label: "Admin", hint: "Can do everything, including managing users and reading the audit log." },
        ]}
      />
      <CheckboxesField
        name="organisations"
        legend="Organisations"
        hint="An editor works on the commitments these organisations lead or support. Select at least one for an editor."
        options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
      />
    </>
  );
}
