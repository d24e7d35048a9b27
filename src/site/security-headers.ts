/**
 * The Content Security Policy every page satisfies: no inline script, nothing loaded from elsewhere. The
 * same policy goes into a meta tag on each page and into `_headers` for hosts that read one (where it can
 * also forbid framing, which a meta tag cannot).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function headersFile(options: { private: boolean }): string {
  return `/*
  Content-Security-Policy: ${contentSecurityPolicy}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=()
${options.private ? '  X-Robots-Tag: noindex, nofollow\n' : ''}`;
}
