/**
 * The shipped workflow (`init` writes the template; this repository runs its copy): the trust center goes to
 * GitHub Pages and nothing else does, the private sites leave only as artifacts, the build is daily, and the
 * grant secret reaches one step.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(read('.github/workflows/compliance.yml')) as Workflow;
const jobs = Object.entries(workflow.jobs);
const steps = jobs.flatMap(([job, { steps }]) => steps.map((step, index) => ({ job, index, step })));
const action = (step: Step) => step.uses?.replace(/@.*$/, '');
const uploadedPaths = (step: Step) =>
  String(step.with?.['path'] ?? '')
    .split('\n')
    .map((path) => path.trim())
    .filter(Boolean)
    .map((path) => normalize(path).replace(/\/$/, ''));

describe('the shipped workflow', () => {
  it('is the one init writes into a new repository', () => {
    expect(read('templates/repository/compliance.yml')).toBe(read('.github/workflows/compliance.yml'));
  });

  it('runs every day on a schedule', () => {
    const schedule = workflow.on['schedule'] as { cron: string }[];
    expect(schedule).toHaveLength(1);
    // minute hour * * *: once a day, every day.
    expect(schedule[0]!.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
  });

  it('deploys the trust center with the official Pages actions, in order, from the deploy job', () => {
    const deploy = workflow.jobs['deploy']!.steps.map(action);
    const order = ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages'].map((name) =>
      deploy.indexOf(name),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(workflow.jobs['deploy']!.if).toMatch(/github\.event_name != 'pull_request'/);
  });

  it('uploads dist/public to Pages and never a private site or the whole dist folder', () => {
    const pagesUploads = steps.filter(({ step }) => action(step) === 'actions/upload-pages-artifact');
    expect(pagesUploads).toHaveLength(1);
    expect(uploadedPaths(pagesUploads[0]!.step)).toEqual(['dist/public']);
  });

  it('keeps the employee portal and the auditor site as artifacts of their own, and no artifact holds the whole dist folder', () => {
    const uploads = steps.filter(({ step }) => action(step) === 'actions/upload-artifact');
    const paths = uploads.map(({ step }) => uploadedPaths(step));
    expect(paths).toContainEqual(['dist/employees']);
    expect(paths).toContainEqual(['dist/auditors']);
    for (const path of paths.flat()) expect(['dist', '.', 'dist/public']).not.toContain(path);
  });

  it('hands a secret to one step only: the deploy build, which no pull request runs', () => {
    const withSecrets = steps.filter(({ step }) => JSON.stringify(step).includes('secrets.'));
    expect(withSecrets.map(({ job, step }) => `${job}: ${step.name}`)).toEqual([
      'deploy: Build the sites for deployment (the only step with the grant secret)',
    ]);
    for (const [name, job] of jobs) expect(JSON.stringify({ ...job, steps: [] }), name).not.toContain('secrets.');
    expect(JSON.stringify(workflow.on)).not.toContain('secrets.');
  });

  it('grants write permissions to the deploy job alone', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of jobs) {
      if (name === 'deploy') continue;
      expect(job.permissions ?? {}, name).toEqual({});
    }
    expect(workflow.jobs['deploy']!.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('verifies the three sites from outside after deploying, once their URLs are configured', () => {
    const deploy = workflow.jobs['deploy']!.steps;
    const deployed = deploy.findIndex((step) => action(step) === 'actions/deploy-pages');
    const verify = deploy.findIndex((step) => step.run?.includes('trustbook verify-deploy'));
    expect(verify).toBeGreaterThan(deployed);
    const step = deploy[verify]!;
    for (const site of ['PUBLIC', 'EMPLOYEES', 'AUDITORS']) {
      expect(step.if).toContain(`vars.TRUSTBOOK_${site}_URL != ''`);
      expect(step.env?.[`${site}_URL`]).toBe(`\${{ vars.TRUSTBOOK_${site}_URL }}`);
    }
    expect(step.run).toMatch(/--public "\$PUBLIC_URL" --employees "\$EMPLOYEES_URL" --auditors "\$AUDITORS_URL"/);
  });
});
