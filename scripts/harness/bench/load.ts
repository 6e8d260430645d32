import autocannon from "autocannon";

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number; bytesPerRequest: number };

/** Bounded load on one loopback URL: fixed duration, fixed connections. */
export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error(`refusing to load anything but loopback: ${url}`);
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 10 });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}
