/**
 * The only web pages the app hands to the system browser (shell.openExternal): Microsoft's support
 * and documentation sites, which findings may cite (KB articles, error references). Anything else —
 * another host, http:, file:, a custom protocol handler, credentials or an odd port in the URL — is
 * dropped, so content in a report (a crafted capture) cannot make the app launch arbitrary URLs.
 */
export const EXTERNAL_HOSTS = ['learn.microsoft.com', 'support.microsoft.com', 'docs.microsoft.com'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && (EXTERNAL_HOSTS as readonly string[]).includes(url.hostname);
}
