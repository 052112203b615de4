/**
 * The renderer's Content-Security-Policy. Sent as a response header by main and repeated in a meta
 * tag in renderer/index.html (file:// responses do not always pass through webRequest).
 * The renderer never talks to the network: connect-src 'none'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
