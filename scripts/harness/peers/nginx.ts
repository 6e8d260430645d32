// nginx (Debian's) serving one file's bytes at "/" from loopback: the benchmark's measure of what
// a plain static file server does on this machine, against which Varnish is compared.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDebianPackages, NGINX } from "./debian-packages";

export type Nginx = { url: string; stop(): Promise<void> };

export async function serveFileWithNginx(options: {
  port: number;
  body: Uint8Array;
  contentType: string;
  contentEncoding?: string;
  workDir: string;
  purpose: string;
}): Promise<Nginx> {
  ensureDebianPackages([NGINX], options.purpose);
  const nginx = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  const dir = path.resolve(options.workDir);
  fs.mkdirSync(path.join(dir, "www"), { recursive: true });
  fs.mkdirSync(path.join(dir, "temp"), { recursive: true });
  fs.writeFileSync(path.join(dir, "www", "index.html"), options.body);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/temp/${t};`).join(" ");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `# Written by the benchmark (scripts/harness/peers/nginx.ts).
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  ${temp}
  server {
    listen 127.0.0.1:${options.port};
    root ${dir}/www;
    location = / { default_type "${options.contentType}"; ${options.contentEncoding ? `add_header Content-Encoding ${options.contentEncoding};` : ""} try_files /index.html =404; }
  }
}
`,
  );
  const child: ChildProcess = spawn(nginx, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${options.port}/`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (code ${child.exitCode}) while starting; see ${dir}/error.log`);
    try {
      // Only the length: fetch would decompress a gzip body.
      const response = await fetch(url, { method: "HEAD" });
      if (response.ok && Number(response.headers.get("content-length")) === options.body.length) break;
    } catch {}
    if (Date.now() > deadline) throw new Error("nginx did not serve the file within 15 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGQUIT");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
