import { BackLink } from "../govuk/back-link";
import { PageHeading } from "../govuk/heading";

/** Shown instead of a form the signed-in editor may not use (the action would refuse it too). */
export function Refused({ title, reason, back }: { title: string; reason: string; back: { href: string; label: string } }) {
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeading>{title}</PageHeading>
      <p className="mb-6">{reason}</p>
    </>
  );
}
