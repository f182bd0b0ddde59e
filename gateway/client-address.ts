/**
 * The address anonymous callers are rate-limited by. Behind a reverse proxy (compose.yaml puts
 * nginx in front of the two gateway replicas) every connection comes from the proxy, so all
 * anonymous callers would share one bucket; with TRUSTED_PROXY_HOPS=n the gateway instead takes
 * the n-th address from the right of X-Forwarded-For, the one the outermost trusted proxy saw.
 * Entries further left were written by the client and are never trusted.
 */

/** The client's address: the socket's, or with `trustedHops` > 0 the one the trusted proxies recorded. */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const direct = remoteAddress ?? 'unknown';
  if (trustedHops === 0 || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Fewer entries than trusted proxies: the request did not come through all of them.
  const recorded = hops[hops.length - trustedHops];
  return recorded !== undefined && /^[0-9A-Fa-f:.]{2,45}$/.test(recorded) ? recorded : direct;
}
