// Where the browser tests' server keeps every line it writes (tests/helpers/e2e-server.ts), for
// the log check that runs after every other spec (tests/e2e/zz-logs.after-everything.spec.ts).
import path from "node:path";

export const serverLogPath = (dataDir: string) => path.join(dataDir, "server.log");
