// Right after setting up two-step verification: the ten recovery codes, shown on this page until
// the editor says they have saved them, and never again.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession, signInUrl } from "@/server/auth/session";
import { unsavedRecoveryCodes } from "@/server/auth/two-step";
import { editorReturnPath } from "@/server/auth/return-path";
import { firstParam } from "@/schemas/commitment-query";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/action-form";
import { PageHeading } from "@/components/govuk/heading";
import { WarningText } from "@/components/govuk/warning-text";
import { savedRecoveryCodesAction } from "./actions";

export const metadata: Metadata = { title: "Save your recovery codes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecoveryCodesPage({ searchParams }: Props) {
  const callbackUrl = editorReturnPath(firstParam((await searchParams).callbackUrl));
  const current = await currentSession();
  if (!current) redirect(signInUrl(callbackUrl));
  const codes = unsavedRecoveryCodes(current.session);
  if (!codes) redirect(callbackUrl);
  return (
    <div className="md:w-2/3">
      <PageHeading>Save your recovery codes</PageHeading>
      <p className="mb-4">
        Two-step verification is set up. If you ever cannot use your authenticator app, sign in with one of these codes instead. Each works once.
      </p>
      <WarningText>Copy them somewhere safe now, such as a password manager. They are not shown again.</WarningText>
      <ul className="mb-6 font-mono text-lg grid grid-cols-1 sm:grid-cols-2 gap-x-8 gap-y-1" aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <ActionForm action={savedRecoveryCodesAction} defaults={{ callbackUrl }}>
        <HiddenField name="callbackUrl" />
        <SubmitButton>I have saved my recovery codes</SubmitButton>
      </ActionForm>
    </div>
  );
}
