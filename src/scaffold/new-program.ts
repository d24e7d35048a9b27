/**
 * The answers a new program starts from, read and checked the same way whether they come from flags (scripts,
 * CI) or from the guided questions in a terminal. Each reader returns the value or says what is wrong with it.
 */
import { categories, type Category } from '../catalog/index.ts';
import { addDays, addMonths } from '../engine/dates.ts';
import { isCalendarDate } from '../schema/common.ts';
import { firstAuditWindow, starterRoles, type KeyPerson, type NewAudit } from './program-files.ts';
import { assertSafeValue } from './render.ts';
import { UsageError } from '../engine/errors.ts';

export type Read<T> = { value: T } | { problem: string };

/** The website a program starts with until the company gives its own: a default the check reports (TB321). */
export const DEFAULT_WEBSITE = 'https://example.com';

/** What each optional category is about, in a line, for the guided questions. */
export const categoryLines: Record<Exclude<Category, 'security'>, string> = {
  availability: 'commitments on uptime, capacity and recovery from outages',
  confidentiality: 'information customers mark as confidential, protected until it is disposed of',
  'processing-integrity': 'processing that is complete, valid, accurate, timely and authorized',
  privacy: 'personal information collected, used, kept and disclosed as the privacy notice says',
};

/** `acme-trust` -> `Acme Trust`: an organization name to start from when only the folder is given. */
export function titleCase(folder: string): string {
  return folder
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The system's name to start from: the organization's without its legal form, and "Platform". */
export function defaultSystem(organization: string): string {
  return `${organization.replace(/,? (Inc|LLC|Ltd|GmbH|SAS|BV)\.?$/i, '')} Platform`;
}

/** A value written into YAML and MDX: no characters that would break them. */
export function readText(name: string, answer: string): Read<string> {
  try {
    assertSafeValue(name, answer);
    return { value: answer };
  } catch (error) {
    return { problem: (error as UsageError).message };
  }
}

export function readWebsite(answer: string): Read<string> {
  try {
    const url = new URL(answer);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
  } catch {
    return { problem: `"${answer}" is not a web address: for example https://www.acme.com` };
  }
  return readText('website', answer);
}

export function readEmail(answer: string): Read<string> {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answer)) {
    return { problem: `"${answer}" is not an e-mail address: for example security@acme.com` };
  }
  return readText('contact', answer);
}

/** The security contact to start from: security@ the website's host. */
export function defaultContact(website: string): string {
  return `security@${new URL(website).hostname.replace(/^www\./, '') || 'example.com'}`;
}

export function readScope(text: string): Read<Category[]> {
  const requested = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = requested.filter((part) => !(categories as readonly string[]).includes(part));
  if (unknown.length > 0) {
    return { problem: `unknown scope "${unknown.join(', ')}": use a comma-separated list of ${categories.join(', ')}` };
  }
  return { value: categories.filter((category) => category === 'security' || requested.includes(category)) };
}

export function readYesNo(answer: string): Read<boolean> {
  if (/^(y|yes)$/i.test(answer)) return { value: true };
  if (/^(n|no)$/i.test(answer)) return { value: false };
  return { problem: 'answer y or n' };
}

export function readReportType(answer: string): Read<'I' | 'II'> {
  const type = answer.toUpperCase();
  if (type === 'I' || type === '1') return { value: 'I' };
  if (type === 'II' || type === '2') return { value: 'II' };
  return { problem: 'answer I (controls designed, as of one date) or II (controls operating, over a window)' };
}

export function readDate(answer: string): Read<string> {
  return isCalendarDate(answer) ? { value: answer } : { problem: `"${answer}" is not a date: write YYYY-MM-DD` };
}

/** A Type II window's last day to start from: twelve months after its first. */
export function defaultWindowEnd(start: string): string {
  return addDays(addMonths(start, 12), -1);
}

/** The audit from flags: `--type`, `--start`/`--end` (Type II) or `--date` (Type I), `--auditor`. */
export function auditFromFlags(
  flags: { type?: string; start?: string; end?: string; date?: string; auditor?: string },
  today: string,
): NewAudit {
  const valid = <T>(read: Read<T>, flag: string): T => {
    if ('value' in read) return read.value;
    throw new UsageError(`--${flag}: ${read.problem}`, 'Run `trustbook --help` for the options of init.');
  };
  const type = valid(readReportType(flags.type ?? 'II'), 'type');
  const auditor = flags.auditor === undefined ? undefined : valid(readText('auditor', flags.auditor), 'auditor');
  const first = firstAuditWindow(today);
  if (type === 'I') return { type, date: valid(readDate(flags.date ?? first.start), 'date'), auditor };
  const start = valid(readDate(flags.start ?? first.start), 'start');
  const end = valid(readDate(flags.end ?? defaultWindowEnd(start)), 'end');
  if (end <= start)
    throw new UsageError(`--end ${end} is not after --start ${start}`, 'The window must end after it starts.');
  return { type, period: { start, end }, auditor };
}

/** A staff id from a name: `Jane Doe` -> `jane-doe`, kept apart from the role ids and the ids taken. */
export function personId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'person';
  const roles = new Set<string>(starterRoles.map(([id]) => id));
  let id = base;
  for (let n = 2; taken.has(id) || roles.has(id); n++) id = `${base}-${n}`;
  return id;
}

export type { KeyPerson };
