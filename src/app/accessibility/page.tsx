import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";

export const metadata: Metadata = { title: "Accessibility statement for Roadmap Tracker" };
// Rendered per request: the Content-Security-Policy nonce (src/proxy.ts) goes on Next.js's scripts.
export const dynamic = "force-dynamic";

export default function AccessibilityPage() {
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Accessibility statement for Roadmap Tracker</h1>
      <p className="mb-4 max-w-3xl">
        This accessibility statement applies to the Roadmap Tracker website: its public pages, its downloads and its editor pages.
      </p>
      <p className="mb-4 max-w-3xl">
        We want as many people as possible to be able to use this website. For example, that means you should be able to:
      </p>
      <ul className="list-disc pl-6 space-y-1 mb-4 max-w-3xl">
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate most of the website using a keyboard or speech recognition software</li>
        <li>listen to most of the website using a screen reader</li>
        <li>use every page and form without JavaScript</li>
      </ul>
      <p className="mb-4 max-w-3xl">We have also made the text as simple as possible to understand.</p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">How accessible this website is</h2>
      <p className="mb-4 max-w-3xl">
        We know some parts of this website are not fully accessible: the charts of progress by status are drawn in colour, with the same information
        given in words and numbers beside them, and the open data downloads (CSV, Atom and iCalendar files) depend on the software you open them with.
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Feedback and contact information</h2>
      <p className="mb-4 max-w-3xl">
        If you find a problem with this website, or need information on it in a different format, use the “Is there anything wrong with this page?”
        link at the bottom of any page. Tell us what you need and, if you want a reply, an email address. We will consider your request and reply
        within 10 working days.
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Enforcement procedure</h2>
      <p className="mb-4 max-w-3xl">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No.
        2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint,{" "}
        <a href="https://www.equalityadvisoryservice.com/" rel="noopener noreferrer">
          contact the Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Technical information about this website’s accessibility</h2>
      <p className="mb-4 max-w-3xl">
        The editors of Roadmap Tracker are committed to making this website accessible, in accordance with the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="text-xl font-bold mb-2 mt-6">Compliance status</h3>
      <p className="mb-4 max-w-3xl">
        This website is partially compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/" rel="noopener noreferrer">
          Web Content Accessibility Guidelines version 2.2
        </a>{" "}
        AA standard, because of the non-compliance listed below.
      </p>
      <h3 className="text-xl font-bold mb-2 mt-6">Non-accessible content</h3>
      <p className="mb-4 max-w-3xl">
        The website has not yet been audited by an accessibility specialist or tested with disabled users. Until it has, we cannot be sure it meets
        every WCAG 2.2 AA success criterion, though our automated checks (below) find no failures.
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">How we tested this website</h2>
      <p className="mb-4 max-w-3xl">
        Every public page and every editor page is checked automatically with axe-core against WCAG 2.2 A and AA, on a desktop screen and a 375 pixel
        wide phone screen, each time the code changes. We also check that nothing is wider than a 320 pixel screen, that every form works without
        JavaScript, and that pages can be used with the keyboard.
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Preparation of this accessibility statement</h2>
      <p className="mb-4 max-w-3xl">
        This statement was prepared on 2 December 2026. It was last reviewed on 2 December 2026. It will be reviewed again after the first audit by an
        accessibility specialist.
      </p>
    </>
  );
}
