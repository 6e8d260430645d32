// The second step of signing in. The first time: set up an authenticator app (a QR code, and the
// key to type), confirmed by a first code. After that: a code from the app, or a recovery code.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { currentSession, signInUrl } from "@/server/auth/session";
import { enrolmentSecret, groupedKey, isEnrolled, totpUri } from "@/server/auth/two-step";
import { editorReturnPath } from "@/server/auth/return-path";
import { firstParam } from "@/schemas/commitment-query";
import { ActionForm, HiddenField, SubmitButton, TextField } from "@/components/editor/action-form";
import { PageHeading } from "@/components/govuk/heading";
import { Details } from "@/components/govuk/details";
import { QrCode } from "@/components/editor/qr-code";
import { twoStepAction } from "./actions";

export const metadata: Metadata = { title: "Two-step verification" };

/** The one field of this step: a code (or, once enrolled, a recovery code), and where to go next. */
function CodeForm({ callbackUrl, label, hint, numeric }: { callbackUrl: string; label: string; hint?: string; numeric?: boolean }) {
  return (
    <ActionForm action={twoStepAction} defaults={{ callbackUrl }}>
      <HiddenField name="callbackUrl" />
      <TextField
        name="code"
        label={label}
        hint={hint}
        width="medium"
        inputMode={numeric ? "numeric" : undefined}
        autoComplete="one-time-code"
        spellCheck={false}
      />
      <SubmitButton>Continue</SubmitButton>
    </ActionForm>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TwoStepPage({ searchParams }: Props) {
  const callbackUrl = editorReturnPath(firstParam((await searchParams).callbackUrl));
  const current = await currentSession();
  if (!current) redirect(signInUrl(callbackUrl));
  if (current.session.secondFactorAt) redirect(callbackUrl);
  const db = getDb();

  if (await isEnrolled(db, current.session.userId)) {
    return (
      <div className="md:w-2/3">
        <PageHeading>Enter the code from your authenticator app</PageHeading>
        <p className="mb-6">Open the authenticator app on your phone and enter the 6-digit code it shows for Roadmap Tracker.</p>
        <CodeForm callbackUrl={callbackUrl} label="Code" hint="If you cannot use your app, enter one of your recovery codes instead." />
        <h2 className="text-xl font-bold mb-2">If you have lost your phone and your recovery codes</h2>
        <p>Ask an admin of the tracker to reset your two-step verification. You will then set it up again when you sign in.</p>
      </div>
    );
  }

  const secret = await enrolmentSecret(db, current.session);
  return (
    <div className="md:w-2/3">
      <PageHeading>Set up two-step verification</PageHeading>
      <p className="mb-4">
        Every editor signs in with their password and a code from an authenticator app on their phone, such as Microsoft Authenticator or Google
        Authenticator. You only need to set this up once.
      </p>
      <ol className="list-decimal pl-6 mb-6">
        <li className="mb-2">Open your authenticator app and add an account.</li>
        <li className="mb-2">Scan this QR code with it, or type in the key below it.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <QrCode text={totpUri(secret, current.user.email)} label="QR code to scan with your authenticator app" />
      <Details summary="I cannot scan the QR code">
        <p className="mb-2">Choose to enter a setup key in your app, and type in this key (spaces do not matter). It is time-based.</p>
        <p>
          <code className="inline-block bg-panel px-3 py-2 text-lg font-mono tracking-wider break-all" data-testid="totp-key">
            {groupedKey(secret)}
          </code>
        </p>
      </Details>
      <CodeForm callbackUrl={callbackUrl} label="Code from your authenticator app" numeric />
    </div>
  );
}
