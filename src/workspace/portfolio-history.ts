/**
 * A client's readiness over time, read from the git history of the partner's repository: the last commits
 * that changed the client's folder, each checked again by today's Trustbook from the client's files as that
 * commit holds them. A point is honest about what it is: those files, that day, this version of the rules.
 * No repository, or no commit that touches the client yet, gives no trend and a sentence saying why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkProject, type CheckOptions } from '../engine/index.ts';

/** How many commits back a trend reaches: enough to see a direction, few enough to check quickly. */
export const TREND_POINTS = 6;

export interface TrendPoint {
  /** The commit, abbreviated as git shows it. */
  commit: string;
  /** The commit's day (committer date, UTC). */
  date: string;
  /** The day the point was checked as of: the commit's day, or the evaluation date the program pinned then. */
  asOf: string;
  errors: number;
  warnings: number;
  /** Criteria covered and in scope, summed over the categories in scope. */
  covered: number;
  total: number;
}

/** The trend, oldest point first; or, when there is none, why, as a sentence for the page. */
export type Trend = { points: TrendPoint[] } | { none: string };

/** The options of each past check other than its date, e.g. the grant secret (never the evaluation date). */
type PastCheckOptions = Omit<CheckOptions, 'asOf' | 'envAsOf' | 'today'>;

export function clientTrend(root: string, clientPath: string, options: PastCheckOptions = {}): Trend {
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', ['-c', 'core.symlinks=false', ...args], {
      cwd: root,
      env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let log: string;
  try {
    if (git(['rev-parse', '--is-inside-work-tree']).trim() !== 'true') throw new Error('not a work tree');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { none: 'git is not installed where the portfolio was built, so there is no trend.' };
    }
    return { none: 'The workspace is not a git repository, so there is no history to draw a trend from.' };
  }
  try {
    log = git(['log', `-n${TREND_POINTS}`, '--format=%h %H %cd', '--date=short-local', '--', clientPath], {
      TZ: 'UTC',
    });
  } catch {
    return { none: 'The repository has no commits yet, so there is no trend.' };
  }
  const commits = log
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [short, full, date] = line.split(' ') as [string, string, string];
      return { short, full, date };
    })
    .reverse();
  if (commits.length === 0) return { none: `No commit touches ${clientPath} yet, so there is no trend.` };

  const points: TrendPoint[] = [];
  for (const commit of commits) {
    const scratch = mkdtempSync(join(tmpdir(), 'trustbook-trend-'));
    try {
      // A throw-away index, so the repository's own index and work tree are never touched.
      const env = { GIT_INDEX_FILE: join(scratch, 'index') };
      git(['read-tree', `${commit.full}:./${clientPath}`], env);
      git(['checkout-index', '--all', '--force', `--prefix=${join(scratch, 'tree')}/`], env);
      const result = checkProject(join(scratch, 'tree'), { ...options, today: commit.date });
      const coverage = result.summary.coverage;
      points.push({
        commit: commit.short,
        date: commit.date,
        asOf: result.summary.asOf,
        errors: result.summary.errors,
        warnings: result.summary.warnings,
        covered: coverage.reduce((sum, entry) => sum + entry.covered, 0),
        total: coverage.reduce((sum, entry) => sum + entry.total, 0),
      });
    } catch {
      // The folder was not yet a program at that commit (or git could not read it): that commit has no point.
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  if (points.length === 0) {
    return { none: `None of the last commits that touch ${clientPath} holds a program that can be checked.` };
  }
  return { points };
}
