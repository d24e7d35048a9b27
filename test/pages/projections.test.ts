/**
 * Pages that render projections: what each shows is what the view decided (owner titles, the engine's latest
 * artifact, training and review dates, a column only the auditor site has), rendered with the container API from
 * a `validProgram()` hand-over.
 */
import { describe, expect, it } from 'vitest';
import ProcedureList from '../../src/components/ProcedureList.astro';
import Controls from '../../src/routes/auditors/controls/index.astro';
import Evidence from '../../src/routes/auditors/evidence/index.astro';
import People from '../../src/routes/auditors/people.astro';
import Vendors from '../../src/routes/auditors/vendors.astro';
import ProceduresRoute from '../../src/routes/procedures.astro';
import { routeView } from '../../src/site/route-data.ts';
import { edit, validProgram } from '../helpers/program.ts';
import { handOver, renderAt, textOf } from './render.ts';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

// A route with `getStaticPaths` but no props types its props as `never`; rendered directly, it takes none.
const Procedures = ProceduresRoute as unknown as AstroComponentFactory;

describe('the auditor site’s controls', () => {
  it('lists each control with its owner’s title and the status the check gives it', async () => {
    const html = await renderAt(Controls, '/auditors/controls/', handOver(validProgram()));
    const text = textOf(html);
    expect(text).toContain('Baseline security program');
    expect(text).toContain('Security Lead');
    expect(text).toContain('Quarterly');
    expect(text).toContain('Operating');
    expect(html).toContain('href="../controls/BASE-01/"');
  });

  it('shows a control no longer operating once its evidence is stale', async () => {
    const stale = edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /\n {2}- \{ collected: 2026-07-03[^\n]*/, '');
    const view = routeView(handOver(stale, { asOf: '2026-09-15' }), 'auditors');
    expect(view.controls.map((control) => control.operating)).toEqual(['failing']);
  });
});

describe('the auditor site’s evidence series', () => {
  it('shows the day the newest artifact was collected, from the engine’s latest artifact', async () => {
    const text = textOf(await renderAt(Evidence, '/auditors/evidence/', handOver(validProgram())));
    expect(text).toContain('EV-BASE-01');
    expect(text).toContain('2026-07-03');
    expect(text).not.toContain('2026-04-05');
  });

  it('lists artifacts newest first, each with the period its series names', () => {
    const [series] = routeView(handOver(validProgram()), 'auditors').evidence;
    expect(series!.artifacts.map((artifact) => [artifact.collected, artifact.periodLabel])).toEqual([
      ['2026-07-03', '2026-Q2'],
      ['2026-04-05', '2026-Q1'],
    ]);
    expect(series!.latestCollected).toBe('2026-07-03');
  });

  it('says a series with no artifact was never collected', () => {
    const empty = edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /artifacts:(\n {2}- [^\n]*)+/, 'artifacts: []');
    const [series] = routeView(handOver(empty), 'auditors').evidence;
    expect(series!.artifacts).toEqual([]);
    expect(series!.latestCollected).toBeUndefined();
  });
});

describe('the auditor site’s people', () => {
  it('shows each person’s role title, last training and next training due', async () => {
    const text = textOf(await renderAt(People, '/auditors/people/', handOver(validProgram())));
    expect(text).toContain('Chief Executive Officer');
    expect(text).toContain('2026-02-01');
    expect(text).toContain('2027-02-01');
  });

  it('counts someone on staff from the day they are hired, the evaluation date included', () => {
    const hiredOn = (day: string) =>
      routeView(handOver(edit(validProgram(), 'content/people.yaml', 'hired: 2024-01-10', `hired: ${day}`)), 'auditors')
        .staff[0]!.current;
    expect(hiredOn('2026-07-15')).toBe(true);
    expect(hiredOn('2026-07-16')).toBe(false);
  });
});

describe('the auditor site’s vendors', () => {
  it('shows the next review the engine works out', async () => {
    const vendor = `---
id: cloudco
name: CloudCo Hosting
purpose: Hosts things.
criticality: high
added: 2025-06-01
reviewed: 2026-06-01
review_months: 6
---
`;
    const text = textOf(
      await renderAt(
        Vendors,
        '/auditors/vendors/',
        handOver({ ...validProgram(), 'content/vendors/cloudco.mdx': vendor }),
      ),
    );
    expect(text).toContain('CloudCo Hosting');
    expect(text).toContain('2026-12-01');
  });
});

describe('the procedures list', () => {
  const data = handOver(validProgram());

  it('names on the auditor site the controls each procedure carries out', async () => {
    const html = await renderAt(Procedures, '/auditors/procedures/', data);
    expect(textOf(html)).toContain('Controls');
    expect(html).toContain('href="../controls/BASE-01/"');
  });

  it('has no controls column on the employee portal, which shows no controls', async () => {
    const html = await renderAt(Procedures, '/employees/procedures/', data);
    expect(textOf(html)).toContain('Access review');
    expect(textOf(html)).not.toContain('Controls');
    expect(html).not.toContain('controls/BASE-01');
    expect(routeView(data, 'employees').procedures[0]!.controls).toBeUndefined();
  });

  it('names a policy the site may not show by its id, unlinked', () => {
    const hidden = edit(
      validProgram(),
      'policies/information-security.mdx',
      'version: "1.0"',
      'version: "1.0"\naudience: [auditors]',
    );
    const data = handOver(hidden);
    expect(routeView(data, 'employees').procedures[0]!.policies).toEqual([
      { id: 'information-security', label: 'information-security', linked: false },
    ]);
    expect(routeView(data, 'auditors').procedures[0]!.policies).toEqual([
      { id: 'information-security', label: 'information-security policy', linked: true },
    ]);
  });

  it('renders from the projection alone', async () => {
    const html = await renderAt(ProcedureList, '/employees/procedures/', data, {
      procedures: routeView(data, 'employees').procedures,
      controlsColumn: false,
    });
    expect(textOf(html)).toContain('Security Lead');
  });
});
