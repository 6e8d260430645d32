// Sign out (also next-auth's signOut page): a button that posts to next-auth with its CSRF token.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser, csrfToken } from "@/server/auth/session";
import { PageHeading } from "@/components/govuk/heading";
import { Button } from "@/components/govuk/button";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (!(await currentUser())) redirect("/editor/sign-in");
  const token = await csrfToken();
  if (!token && params.retry === undefined) redirect(`/api/auth/signin?${new URLSearchParams({ callbackUrl: "/editor/sign-out?retry=1" })}`);
  return (
    <>
      <PageHeading>Sign out</PageHeading>
      <form method="post" action="/api/auth/signout">
        <input type="hidden" name="csrfToken" value={token ?? ""} />
        <input type="hidden" name="callbackUrl" value="/editor/sign-in?signedOut=1" />
        <Button>Sign out</Button>
      </form>
    </>
  );
}
