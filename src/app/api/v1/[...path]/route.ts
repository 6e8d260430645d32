import { preflight, sendProblem } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

/** Any other path under /api/v1: a problem+json 404 that points at the documentation. */
export async function GET(request: Request) {
  return sendProblem(request, "notFound", "There is no such endpoint. The API is described at /api/v1/openapi.json and /data#api.");
}

export const OPTIONS = preflight;
