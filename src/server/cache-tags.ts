// Public pages and API responses cache their data under these tags. Anything that publishes a
// change calls expirePublicData() so the next request sees it at once.
import { revalidateTag } from "next/cache";

export const PUBLIC_DATA_TAG = "tracker-data";

export function expirePublicData() {
  revalidateTag(PUBLIC_DATA_TAG, { expire: 0 });
}
