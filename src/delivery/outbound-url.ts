const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost): plain http is safe only there. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_HOSTS.has(host)) return true;
  const octets = host.split('.');
  return (
    octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  );
}

/**
 * Why a reply receiver URL is refused, or undefined when it is fine: https anywhere, plain http only
 * to loopback (a signed reply over plain http to a remote host could be read and replayed on the way).
 */
export function outboundUrlProblem(value: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `must be an http(s) URL, got "${value}"`;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol !== 'http:') return `must be an http(s) URL, got "${value}"`;
  if (isLoopbackHost(parsed.hostname)) return undefined;
  return `plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost); use https for ${parsed.hostname}`;
}
