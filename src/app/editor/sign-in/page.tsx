// Sign-in: a plain HTML form that posts to next-auth (works without JavaScript). The same
// message is shown for an unknown address, a wrong password and a disabled account.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser, csrfToken } from "@/server/auth/session";
import { oidcConfig } from "@/server/auth/options";
import { SIGN_IN_MESSAGES } from "@/server/auth/credentials";
import { appConfig } from "@/runtime/env";
import { PageHeading, SuccessBanner } from "@/components/editor/ui";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Only ever back into the editor (never an open redirect). */
function safeCallback(raw: string | undefined): string {
  if (!raw) return "/editor";
  try {
    const url = new URL(raw, "http://x");
    if ((raw.startsWith("/") || url.origin === new URL(appConfig().NEXTAUTH_URL).origin) && url.pathname.startsWith("/editor") && !url.pathname.startsWith("/editor/sign-in")) {
      return `${url.pathname}${url.search}`;
    }
  } catch {
    // fall through
  }
  return "/editor";
}

const ERRORS: Record<string, { field: "email" | null; message: string }> = {
  CredentialsSignin: { field: "email", message: SIGN_IN_MESSAGES.invalid },
  SlowDown: { field: "email", message: SIGN_IN_MESSAGES.slow_down },
  Locked: { field: "email", message: SIGN_IN_MESSAGES.locked },
  AccessDenied: { field: null, message: "There is no editor account for that identity. Ask an admin to create an account with your work email address." },
  OAuthSignin: { field: null, message: "Signing in with your organisation’s account did not work. Try again, or sign in with your email address and password." },
  OAuthCallback: { field: null, message: "Signing in with your organisation’s account did not work. Try again, or sign in with your email address and password." },
  SessionRequired: { field: null, message: "Sign in to continue." },
  NoCookie: { field: null, message: "Your browser must accept cookies to sign in. Allow cookies for this site, then try again." },
  Default: { field: null, message: "Signing in did not work. Try again." },
};

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallback(first(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);

  const token = await csrfToken();
  const errorCode = first(params.error);
  if (!token && errorCode !== "NoCookie") {
    // First visit: next-auth's sign-in route sets its CSRF cookie and sends the browser back here.
    redirect(`/api/auth/signin?${new URLSearchParams({ callbackUrl, error: "NoCookie" })}`);
  }
  if (token && errorCode === "NoCookie") redirect(`/editor/sign-in?${new URLSearchParams({ callbackUrl })}`);
  const error = errorCode ? (ERRORS[errorCode] ?? ERRORS.Default!) : null;
  const oidc = oidcConfig();

  return (
    <div className="md:w-2/3">
      {first(params.signedOut) && (
        <SuccessBanner title="You have signed out">
          <p>Sign in again to carry on editing.</p>
        </SuccessBanner>
      )}
      {first(params.passwordChanged) && (
        <SuccessBanner title="Your password has been changed">
          <p>Sign in with your new password.</p>
        </SuccessBanner>
      )}
      {error && (
        <div className="border-4 border-error p-4 md:p-6 mb-8" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} id="error-summary">
          <h2 id="error-summary-title" className="text-xl md:text-2xl font-bold mb-4">
            There is a problem
          </h2>
          <ul>
            <li>
              {error.field ? (
                <a href={`#${error.field}`} className="font-bold text-error visited:text-error">
                  {error.message}
                </a>
              ) : (
                <span className="font-bold text-error">{error.message}</span>
              )}
            </li>
          </ul>
        </div>
      )}
      <PageHeading>Sign in to edit the tracker</PageHeading>
      <p className="mb-6">This is for editors at the Government Digital Service and departments who record progress on the roadmap.</p>
      <form method="post" action="/api/auth/callback/credentials" noValidate>
        <input type="hidden" name="csrfToken" value={token ?? ""} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className={`mb-6 ${error?.field ? "border-l-4 border-error pl-3" : ""}`}>
          <label htmlFor="email" className="block font-bold mb-1">
            Email address
          </label>
          {error?.field && (
            <p id="email-error" className="font-bold text-error mb-2">
              <span className="sr-only">Error:</span> {error.message}
            </p>
          )}
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            aria-describedby={error?.field ? "email-error" : undefined}
            aria-invalid={error?.field ? true : undefined}
            className={`block h-10 w-full border-2 ${error?.field ? "border-error" : "border-input"} bg-white px-2`}
          />
        </div>
        <div className="mb-6">
          <label htmlFor="password" className="block font-bold mb-1">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" className="block h-10 w-full border-2 border-input bg-white px-2" />
        </div>
        <button type="submit" className="inline-block px-4 pt-2 pb-2.5 mb-6 mr-4 cursor-pointer text-lg bg-button text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover">
          Sign in
        </button>
      </form>
      {oidc && (
        <>
          <h2 className="text-xl md:text-2xl font-bold mb-3">Or use your organisation’s account</h2>
          <form method="post" action="/api/auth/signin/oidc">
            <input type="hidden" name="csrfToken" value={token ?? ""} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button type="submit" className="inline-block px-4 pt-2 pb-2.5 mb-6 cursor-pointer text-lg bg-panel text-ink shadow-[0_2px_0_#858578] hover:bg-[#dbdad9]">
              Sign in with {oidc.name}
            </button>
          </form>
        </>
      )}
      <h2 className="text-xl font-bold mb-2">If you cannot sign in</h2>
      <p>Ask an admin of the tracker to reset your password. After 10 failed attempts, signing in from your network is paused for 15 minutes.</p>
    </div>
  );
}
