/**
 * `trustbook verify-deploy --public URL --employees URL --auditors URL`: checks the live sites from outside and
 * exits 1 when a private site answers a stranger, the trust center serves another build or an expired
 * security.txt, or a private page answers on the public host.
 */
import { resolve } from 'node:path';
import { readExpectedBuild } from '../../deploy/verify-fs.ts';
import { verifyDeploy, type Verdict } from '../../deploy/verify.ts';
import { todayUtc } from '../../engine/dates.ts';
import { UsageError } from '../../engine/errors.ts';
import { isCalendarDate } from '../../schema/common.ts';
import { sites, type Site } from '../../site/sites.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';

export async function runVerifyDeploy(args: string[], io: Io, fetcher: typeof fetch = fetch): Promise<number> {
  const { values } = parse(args, {
    public: { type: 'string' },
    employees: { type: 'string' },
    auditors: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    evaluated: { type: 'string' },
    'as-of': { type: 'string' },
    wait: { type: 'string', default: '0' },
  });
  const urls = Object.fromEntries(sites.map((site) => [site, siteUrl(site, values[site])])) as Record<Site, string>;
  for (const [flag, day] of [
    ['--evaluated', values.evaluated],
    ['--as-of', values['as-of']],
  ] as const) {
    if (day !== undefined && !isCalendarDate(day)) {
      throw new UsageError(`${flag} ${day} is not a date written YYYY-MM-DD`, `For example: ${flag} 2026-11-30`);
    }
  }
  const waitSeconds = Number(values.wait);
  if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > 3600) {
    throw new UsageError(
      `--wait must be a number of seconds from 0 to 3600, not "${values.wait}"`,
      'For example: --wait 600',
    );
  }
  const built = readExpectedBuild(resolve(io.cwd, values.dist));
  const verdicts = await verifyDeploy({
    urls,
    expected: { ...built, ...(values.evaluated ? { evaluated: values.evaluated } : {}) },
    today: values['as-of'] ?? todayUtc(),
    waitSeconds,
    fetch: fetcher,
  });
  for (const verdict of verdicts) io.stdout(formatVerdict(verdict));
  const problems = verdicts.filter((verdict) => !verdict.ok).length;
  io.stdout(
    problems === 0
      ? '\nThe three sites are deployed for their audiences.'
      : `\n${problems} ${problems === 1 ? 'problem' : 'problems'}: fix ${problems === 1 ? 'it' : 'them'} and run verify-deploy again.`,
  );
  return problems === 0 ? EXIT_CLEAN : EXIT_FINDINGS;
}

function siteUrl(site: Site, value: string | undefined): string {
  const example = {
    public: 'https://trust.example.com',
    employees: 'https://policies.example.com',
    auditors: 'https://audit.example.com',
  }[site];
  if (value === undefined) {
    throw new UsageError(
      `--${site} is missing: verify-deploy checks all three sites`,
      'Give the address of each: --public URL --employees URL --auditors URL',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${site} "${value}" is not a URL`, `For example: --${site} ${example}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new UsageError(
      `--${site} "${value}" must be an http(s) address without a query`,
      `For example: --${site} ${example}`,
    );
  }
  return url.href;
}

function formatVerdict(verdict: Verdict): string {
  const head = `${verdict.ok ? 'ok   ' : 'error'} ${verdict.site.padEnd(9)} ${verdict.url}: ${verdict.message}`;
  return verdict.fix ? `${head}\n      fix: ${verdict.fix}` : head;
}
