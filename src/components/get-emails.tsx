// "Get emails about this commitment" (GOV.UK's "Get emails about this page"): a plain GET form to
// /subscribe with what to follow, so it works on cached pages without JavaScript and puts no
// email address in any URL; the address is asked for there.
import { Button } from "./govuk/button";

export function GetEmails({ scope, slug, subject }: { scope: "commitment" | "area" | "organisation"; slug: string; subject: string }) {
  return (
    <section aria-labelledby="get-emails-title" className="mt-8">
      <h2 id="get-emails-title" className="text-2xl md:text-3xl font-bold mb-4">
        Get emails about {subject}
      </h2>
      <p className="mb-4 max-w-3xl">
        We email you when a status update is published or a deadline moves. No account needed; stop at any time in one click.
      </p>
      <form method="get" action="/subscribe">
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="slug" value={slug} />
        <Button variant="secondary">Get emails about {subject}</Button>
      </form>
    </section>
  );
}
