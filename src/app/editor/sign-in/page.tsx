// Sign-in: a plain HTML form that posts to next-auth (works without JavaScript). The same
// message is shown for an unknown address, a wrong password and a disabled account.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { appConfig } from "@/runtime/env";
import { otherAddressNotice } from "@/server/auth/sign-in-address";
import { InsetText } from "@/components/govuk/inset-text";
import { currentUser, csrfToken } from "@/server/auth/session";
import { oidcConfig } from "@/server/auth/options";
import { SIGN_IN_MESSAGES } from "@/server/auth/credentials";
import { editorReturnPath } from "@/server/auth/return-path";
import { firstParam } from "@/schemas/commitment-query";
import { PageHeading } from "@/components/govuk/heading";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { TextInput } from "@/components/govuk/text-input";
import { Button } from "@/components/govuk/button";
import { pageTitle } from "@/app/page-title";
import { SuccessBanner } from "@/components/govuk/notification-banner";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERRORS: Record<string, { field: "email" | null; message: string }> = {
  CredentialsSignin: { field: "email", message: SIGN_IN_MESSAGES.invalid },
  SlowDown: { field: "email", message: SIGN_IN_MESSAGES.slow_down },
  Locked: { field: "email", message: SIGN_IN_MESSAGES.locked },
  AccessDenied: {
    field: null,
    message: "There is no editor account for that identity. Ask an admin to create an account with your work email address.",
  },
  OAuthSignin: {
    field: null,
    message: "Signing in with your organisation’s account did not work. Try again, or sign in with your email address and password.",
  },
  OAuthCallback: {
    field: null,
    message: "Signing in with your organisation’s account did not work. Try again, or sign in with your email address and password.",
  },
  SessionRequired: { field: null, message: "Sign in to continue." },
  NoCookie: { field: null, message: "Your browser must accept cookies to sign in. Allow cookies for this site, then try again." },
  Default: { field: null, message: "Signing in did not work. Try again." },
};

/** The problem next-auth sent back (?error=…), as the error summary shows it. */
function signInError(code: string | undefined) {
  return code ? (ERRORS[code] ?? ERRORS.Default!) : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const error = signInError(firstParam((await searchParams).error));
  return { title: pageTitle("Sign in", error ? [error] : []) };
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = editorReturnPath(firstParam(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);

  const token = await csrfToken();
  const errorCode = firstParam(params.error);
  if (!token && errorCode !== "NoCookie") {
    // First visit: next-auth's sign-in route sets its CSRF cookie and sends the browser back here.
    redirect(`/api/auth/signin?${new URLSearchParams({ callbackUrl, error: "NoCookie" })}`);
  }
  if (token && errorCode === "NoCookie") redirect(`/editor/sign-in?${new URLSearchParams({ callbackUrl })}`);
  const error = signInError(errorCode);
  const oidc = oidcConfig();
  const elsewhere = otherAddressNotice(appConfig().authUrl, (await headers()).get("host"));

  return (
    <div className="md:w-2/3">
      {firstParam(params.signedOut) && (
        <SuccessBanner heading="You have signed out">
          <p>Sign in again to carry on editing.</p>
        </SuccessBanner>
      )}
      {firstParam(params.passwordChanged) && (
        <SuccessBanner heading="Your password has been changed">
          <p>Sign in with your new password.</p>
        </SuccessBanner>
      )}
      <ErrorSummary errors={error ? [{ message: error.message, href: error.field ? `#${error.field}` : undefined }] : []} />
      <PageHeading>Sign in to edit the tracker</PageHeading>
      <p className="mb-6">This is for editors at the Government Digital Service and departments who record progress on the roadmap.</p>
      {elsewhere && <InsetText>{elsewhere}</InsetText>}
      <form method="post" action="/api/auth/callback/credentials" noValidate>
        <input type="hidden" name="csrfToken" value={token ?? ""} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextInput
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          error={error?.field ? error.message : undefined}
        />
        <TextInput name="password" type="password" label="Password" autoComplete="current-password" />
        <Button>Sign in</Button>
      </form>
      {oidc && (
        <>
          <h2 className="text-xl md:text-2xl font-bold mb-3">Or use your organisation’s account</h2>
          <form method="post" action="/api/auth/signin/oidc">
            <input type="hidden" name="csrfToken" value={token ?? ""} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button variant="secondary">Sign in with {oidc.name}</Button>
          </form>
        </>
      )}
      <h2 className="text-xl font-bold mb-2">If you cannot sign in</h2>
      <p>
        Ask an admin of the tracker to reset your password, or your two-step verification if you have lost your phone and your recovery codes. After
        10 failed attempts, signing in from your network is paused for 15 minutes.
      </p>
    </div>
  );
}
