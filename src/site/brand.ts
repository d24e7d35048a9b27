/**
 * The program's branding as the sites use it: the logo and favicon only when the check found them in `public/`
 * (which every site serves as it is), and the accent only when written `#rrggbb`, so nothing but a colour ever
 * reaches a style attribute, even in `astro dev`, which builds pages whatever the findings.
 */
import type { CheckResult } from '../engine/check.ts';
import { parseHexColour } from '../engine/rules/brand.ts';
import { extensionOf } from './media-types.ts';

export interface SiteBrand {
  /** The logo's path inside each site (as inside `public/`), when one is set and present. */
  logo?: string | undefined;
  /** The tab icon's path inside each site: the program's own, else the one Trustbook ships. */
  favicon: string;
  /** The favicon's media type, for `<link rel="icon" type>`. */
  faviconType: string;
  /** The accent colour, `#rrggbb` in lower case, when set. */
  accent?: string | undefined;
  /**
   * The partner who runs the program, for the trust center's footer: when the program asks for it
   * (`brand.managed_by`) and its sync record names the partner; the link only when it is https.
   */
  managedBy?: { name: string; url?: string | undefined } | undefined;
}

const iconTypes: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

export function siteBrand(result: CheckResult): SiteBrand {
  const brand = result.model.program?.data.brand;
  const present = (file: string | undefined) =>
    file !== undefined && result.model.publicFiles.get(file) === 'present' ? file : undefined;
  const favicon = present(brand?.favicon) ?? 'favicon.svg';
  return {
    logo: present(brand?.logo),
    favicon,
    faviconType: iconTypes[extensionOf(favicon)] ?? 'image/svg+xml',
    accent: brand?.accent && parseHexColour(brand.accent) ? brand.accent.toLowerCase() : undefined,
    managedBy: brand?.managed_by ? managedBy(result.model.syncRecord?.data.partner) : undefined,
  };
}

function managedBy(partner: { name: string; url?: string | undefined } | undefined): SiteBrand['managedBy'] {
  // A link leaves the trust center for the partner's site: https only (the record's schema says so too).
  return partner && { name: partner.name, url: partner.url?.startsWith('https://') ? partner.url : undefined };
}
