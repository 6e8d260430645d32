import type { Metadata } from "next";

export const metadata: Metadata = { title: "Unsubscribed" };
export const dynamic = "force-dynamic";

export default async function UnsubscribedPage({ searchParams }: { searchParams: Promise<{ address?: string }> }) {
  const deleted = (await searchParams).address === "deleted";
  return (
    <div className="md:w-3/4 max-w-3xl">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">You have unsubscribed</h1>
      <p className="mb-4">
        {deleted
          ? "You will get no more emails from the Roadmap Tracker, and we have deleted your email address."
          : "You will get no more of those emails."}
      </p>
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </div>
  );
}
