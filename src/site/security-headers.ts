/**
 * The Content Security Policy every page satisfies: no inline script or style (the accent colour is a
 * stylesheet of its own, accent.css), nothing loaded from elsewhere, and forms
 * posting nowhere but to the trust center's request-access URL when the program names one. The same policy
 * goes into a meta tag on each page and into `_headers` for hosts that read one (where it can also forbid
 * framing, which a meta tag cannot).
 */
export function contentSecurityPolicy(formAction?: string): string {
  return [...basePolicy, `form-action ${formAction ? new URL(formAction).origin : "'none'"}`].join('; ');
}

const basePolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
];

export function headersFile(options: { private: boolean; formAction?: string | undefined }): string {
  return `/*
  Content-Security-Policy: ${contentSecurityPolicy(options.formAction)}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=()
${options.private ? '  X-Robots-Tag: noindex, nofollow\n' : ''}`;
}
