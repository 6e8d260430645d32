// Public pages and API responses cache their data under these tags, and whole public pages in the
// page store. Anything that publishes a change calls expirePublicData() so the next request sees it at once.
import { revalidateTag } from "next/cache";
import { pageStore } from "./page-cache/store";

export const PUBLIC_DATA_TAG = "tracker-data";

export function expirePublicData() {
  revalidateTag(PUBLIC_DATA_TAG, { expire: 0 });
  pageStore().expireAll();
}
