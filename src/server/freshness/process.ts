// This process's listener, started once (by src/instrumentation.ts when the Next.js server boots).
import { singleton } from "../../runtime/singleton";
import { freshness } from "./index";
import { listenForPublishes, type Listener } from "./listen";

export function startHearing(url: string): Listener {
  return singleton("publish-listener", () => listenForPublishes(url, freshness()));
}
