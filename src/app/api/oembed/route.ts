import { oembed } from "@/server/share/oembed";
import { withProblems } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withProblems(request, () => oembed(request));
