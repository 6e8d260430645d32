import { scorecardsDownload } from "@/server/open-data/downloads";
import { preflight } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

export const GET = scorecardsDownload;
export const OPTIONS = preflight;
