// One value per process, whatever loads this module: the production server (through tsx) and
// each of Next.js's bundles (the proxy, route handlers, server components) have their own copy of
// every module, so a plain module-level variable would exist several times over. Kept on
// globalThis under a registered symbol, created on first use.
type Holder = Record<symbol, unknown>;

export function singleton<T>(name: string, init: () => T): T {
  const key = Symbol.for(`roadmap-tracker:${name}`);
  const holder = globalThis as unknown as Holder;
  if (!(key in holder)) holder[key] = init();
  return holder[key] as T;
}
