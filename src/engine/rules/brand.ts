/**
 * The program's branding (`brand:` in program.yaml): the logo and favicon must be files of a kind browsers
 * show, inside `public/` (every site serves that folder as it is, so a path out of it would publish another
 * file, or nothing); the accent colour, used for links and buttons on white, must be readable (WCAG AA, 4.5:1);
 * the "managed by" line needs a partner to name, which a workspace client's sync record gives.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, PROGRAM_FILE, PUBLIC_DIR, type ProgramModel, type PublicFileState } from '../model.ts';
import type { Rule } from './context.ts';

/** The contrast WCAG 2 asks of normal-size text (success criterion 1.4.3, level AA). */
export const MIN_CONTRAST = 4.5;

/** The file types each brand file may be: what every current browser shows as an image or a tab icon. */
const allowedTypes = { logo: ['svg', 'png', 'webp'], favicon: ['svg', 'png', 'ico'] } as const;

type BrandFile = keyof typeof allowedTypes;

const subject = { kind: 'program' as const, id: 'brand' };

export const brandRule: Rule = (model) => {
  const brand = model.program?.data.brand;
  if (!brand) return [];
  const found: Diagnostic[] = [];
  for (const field of ['logo', 'favicon'] as const) {
    const file = brand[field];
    if (file !== undefined) found.push(...fileFindings(model, field, file, model.publicFiles.get(file)));
  }
  if (brand.accent !== undefined) found.push(...accentFindings(model, brand.accent ?? ''));
  if (brand.managed_by && !model.syncRecordUnread && model.syncRecord?.data.partner === undefined) {
    found.push(finding('TB033', { file: PROGRAM_FILE, line: lineOf(model.program!, 'brand', 'managed_by'), subject }));
  }
  return found;
};

function fileFindings(
  model: ProgramModel,
  field: BrandFile,
  file: string,
  state: PublicFileState | undefined,
): Diagnostic[] {
  const at = { file: PROGRAM_FILE, line: lineOf(model.program!, 'brand', field), subject };
  if (!isPlainPath(file) || state === 'outside') {
    const leadsOut = state === 'outside' && isPlainPath(file);
    return [finding('TB541', at, field, file, PUBLIC_DIR, leadsOut)];
  }
  const found: Diagnostic[] = [];
  const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase();
  const allowed: readonly string[] = allowedTypes[field];
  if (extension === undefined || !allowed.includes(extension)) {
    found.push(finding('TB542', at, field, file, listOf(allowed)));
  }
  if (state === 'missing') {
    found.push(finding('TB540', at, field, file, PUBLIC_DIR));
  }
  return found;
}

/** A relative path of plain file names, as a URL can carry it unchanged: no `..`, no `\`, no leading `/`. */
function isPlainPath(file: string): boolean {
  return file.split('/').every((segment) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(segment));
}

function listOf(extensions: readonly string[]): string {
  const names = extensions.map((extension) => `.${extension}`);
  return `a ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function accentFindings(model: ProgramModel, accent: string): Diagnostic[] {
  const at = { file: PROGRAM_FILE, line: lineOf(model.program!, 'brand', 'accent'), subject };
  const rgb = parseHexColour(accent);
  if (accent.trim() === '') {
    return [finding('TB544', at, { written: '' })];
  }
  if (!rgb) {
    const meant = readColour(accent);
    const better = meant && contrastWithWhite(meant) < MIN_CONTRAST ? passingShade(meant) : meant;
    const suggestion = meant && better && { hex: toHex(meant), better: toHex(better), betterRatio: ratioText(better) };
    return [finding('TB544', at, { written: accent, meant: suggestion || undefined })];
  }
  if (contrastWithWhite(rgb) >= MIN_CONTRAST) return [];
  const shade = passingShade(rgb);
  return [finding('TB543', at, accent, ratioText(rgb), MIN_CONTRAST, toHex(shade), ratioText(shade))];
}

export type Rgb = readonly [number, number, number];

/** `#rrggbb` (any case) as its three channels; undefined for anything else. */
export function parseHexColour(value: string): Rgb | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  return match ? [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)] : undefined;
}

/** What a colour written another way (`#fff`, `#1d4f91ff`, `rgb(29, 79, 145)`) means, so the hint can write it out. */
function readColour(value: string): Rgb | undefined {
  const text = value.trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/i.exec(text);
  if (short) return [short[1]!, short[2]!, short[3]!].map((digit) => parseInt(digit + digit, 16)) as unknown as Rgb;
  const withAlpha = /^#([0-9a-f]{6})[0-9a-f]{2}$/i.exec(text);
  if (withAlpha) return parseHexColour(`#${withAlpha[1]}`);
  const functional = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i.exec(text);
  if (functional) {
    const channels = [functional[1]!, functional[2]!, functional[3]!].map(Number);
    if (channels.every((channel) => channel <= 255)) return channels as unknown as Rgb;
  }
  return parseHexColour(text);
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of a colour against white: 1 (white itself) to 21 (black). */
export function contrastWithWhite(rgb: Rgb): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

/**
 * The lightest shade of the colour's hue that still reaches 4.5:1 on white: its channels scaled down together
 * (which keeps hue and saturation), the largest scale that passes once rounded to whole channel values.
 */
export function passingShade(rgb: Rgb): Rgb {
  const scaled = (factor: number): Rgb => rgb.map((channel) => Math.floor(channel * factor)) as unknown as Rgb;
  let low = 0;
  let high = 1;
  for (let step = 0; step < 40; step++) {
    const middle = (low + high) / 2;
    if (contrastWithWhite(scaled(middle)) >= MIN_CONTRAST) low = middle;
    else high = middle;
  }
  return scaled(low);
}

function ratioText(rgb: Rgb): string {
  // Rounded down, so the figure shown never claims more contrast than there is.
  return `${(Math.floor(contrastWithWhite(rgb) * 100) / 100).toFixed(2)}:1 against white`;
}
