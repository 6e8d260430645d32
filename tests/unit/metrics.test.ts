// The metrics (src/server/metrics.ts): their names, types and labels as Prometheus reads them.
import { describe, expect, it } from "vitest";
import { breakerState, countRequest, metricsText, pageCache, routeKind } from "../../src/server/metrics";

describe("the metrics", () => {
  it("are served in Prometheus's text format with the names, types and labels docs/operations.md lists", async () => {
    countRequest("page", 200, 12);
    countRequest("api", 503, 3);
    pageCache("hit");
    pageCache("render");
    breakerState("open");
    const { body, contentType } = await metricsText();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const types = Object.fromEntries([...body.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1], m[2]]));
    expect(types).toMatchObject({
      rt_http_requests_total: "counter",
      rt_http_request_duration_seconds: "histogram",
      rt_page_cache_events_total: "counter",
      rt_database_breaker_open: "gauge",
      rt_database_pool_connections: "gauge",
      rt_database_pool_max: "gauge",
      rt_outbox_depth: "gauge",
      rt_outbox_send_failures_total: "counter",
      rt_worker_restarts_total: "counter",
      rt_shutting_down: "gauge",
      rt_metrics_workers_reporting: "gauge",
      rt_process_cpu_seconds_total: "counter",
      rt_nodejs_eventloop_lag_seconds: "gauge",
    });
    expect(body).toMatch(/^rt_http_requests_total\{kind="page",status="200"\} 1$/m);
    expect(body).toMatch(/^rt_http_request_duration_seconds_bucket\{le="0.025",kind="page",status_class="2xx"\} 1$/m);
    expect(body).toMatch(/^rt_page_cache_events_total\{event="hit"\} 1$/m);
    expect(body).toMatch(/^rt_database_breaker_open 1$/m);
    // Without a cluster, the one process is the one worker reporting.
    expect(body).toMatch(/^rt_metrics_workers_reporting 1$/m);
  });

  it("group requests into a few route kinds", () => {
    expect(routeKind("GET", "/")).toBe("page");
    expect(routeKind("GET", "/commitments/x")).toBe("page");
    expect(routeKind("GET", "/editor/proposals/1")).toBe("editor");
    expect(routeKind("POST", "/editor/import")).toBe("action");
    expect(routeKind("GET", "/api/v1/commitments")).toBe("api");
    expect(routeKind("POST", "/api/auth/callback/credentials")).toBe("auth");
    expect(routeKind("GET", "/api/health/ready")).toBe("health");
    expect(routeKind("GET", "/data/commitments.csv")).toBe("data");
    expect(routeKind("GET", "/_next/static/a.js")).toBe("static");
  });
});
