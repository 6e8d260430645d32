import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicData } from "@/server/public-data";
import { slugSchema } from "@/schemas/common";
import { RemovedCommitment } from "@/components/removed-commitment";

// What /commitments/<slug> of a commitment taken off the tracker shows: src/proxy.ts answers that
// address from here, with 410 Gone.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function removalOf(slug: string) {
  return slugSchema.safeParse(slug).success ? publicData.getRemoval(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const removal = await removalOf((await params).slug);
  return { title: removal ? `Removed: ${removal.title}` : "Page not found", robots: { index: false } };
}

export default async function RemovedPage({ params }: Props) {
  const removal = await removalOf((await params).slug);
  if (!removal) notFound();
  return <RemovedCommitment removal={removal} />;
}
