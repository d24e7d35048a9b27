/** The OSCAL component definition carries every framework in scope: SOC 2, then ISO/IEC 27001, HIPAA and CSF. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { csfSubcategories, frameworkRequirements, isoClauses, isoControls } from '../../src/catalog/index.ts';
import {
  FRAMEWORK_SOURCES,
  nameUuid,
  oscalComponentDefinition,
  oscalControlId,
  oscalJson,
  TSC_SOURCE,
} from '../../src/export/oscal.ts';
import { CONTROL, hipaaDecisions, isoProgram, PROGRAM } from '../helpers/frameworks.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const schemaPath = join(import.meta.dirname, '../../../shared/oscal/oscal_component_schema-1.1.2.json');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
const errorsOf = (document: unknown) => {
  validate(document);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
};

const list = (ids: readonly string[]) => `[${ids.map((id) => `"${id}"`).join(', ')}]`;
const hipaaCited = frameworkRequirements('hipaa')
  .map((requirement) => requirement.id)
  .filter((id) => !id.startsWith('164.314(b)'));
const csfCited = csfSubcategories.filter((sub) => sub.function === 'GV' || sub.function === 'DE').map((sub) => sub.id);

/** ISO/IEC 27001, HIPAA and CSF (two functions) in scope, BASE-01 citing every requirement of each. */
function everyFramework(): Files {
  let files = edit(
    isoProgram(),
    PROGRAM,
    '    isms_scope: The test platform and the team that runs it.\n',
    '    isms_scope: The test platform and the team that runs it.\n' +
      `  hipaa:\n    role: business-associate\n    retention_years: 6\n    decisions:\n${hipaaDecisions()}` +
      '  csf:\n    functions: [GV, DE]\n',
  );
  files = edit(
    files,
    CONTROL,
    'frequency: quarterly\n',
    `frequency: quarterly\nhipaa: ${list(hipaaCited)}\ncsf: ${list(csfCited)}\n`,
  );
  return files;
}

const implementationsOf = (files: Files) =>
  oscalComponentDefinition(check(files))['component-definition'].components[0]!['control-implementations'];

describe('the OSCAL export of every framework in scope', () => {
  it('validates against the OSCAL 1.1.2 schema with all four frameworks', () => {
    expect(check(everyFramework()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const document = oscalComponentDefinition(check(everyFramework()));
    expect(errorsOf(document)).toEqual([]);
    // The schema holds a control-id to a token: the number as cited would be refused.
    const raw = JSON.parse(JSON.stringify(document)) as typeof document;
    raw['component-definition'].components[0]!['control-implementations'][1]!['implemented-requirements'][0]![
      'control-id'
    ] = '4.1';
    expect(errorsOf(raw)).not.toEqual([]);
  });

  it('writes one control implementation per framework, each naming its catalog, with every cited requirement', () => {
    const implementations = implementationsOf(everyFramework());
    expect(implementations.map((implementation) => implementation.source)).toEqual([
      TSC_SOURCE,
      FRAMEWORK_SOURCES.iso27001,
      FRAMEWORK_SOURCES.hipaa,
      FRAMEWORK_SOURCES.csf,
    ]);
    const [, iso, hipaa, csf] = implementations.map((implementation) => implementation['implemented-requirements']);
    expect(iso).toHaveLength(isoClauses.length + isoControls.length);
    // The clearinghouse's and government entities' specifications do not bind this program: cited, yet left out.
    const outOfScope = ['164.308(a)(4)(ii)(A)', '164.314(a)(2)(ii)'];
    expect(hipaa).toHaveLength(hipaaCited.length - outOfScope.length);
    expect(hipaa!.map((requirement) => requirement.props[0]!.value)).not.toContain(outOfScope[0]);
    expect(csf).toHaveLength(csfCited.length);
    expect(hipaa![0]).toEqual({
      uuid: nameUuid('requirement:hipaa:164.308(a)(1)(ii)(A)'),
      'control-id': 'cfr-164.308.a.1.ii.a',
      description: expect.stringMatching(/\. Addressed by BASE-01 \(.+\)\.$/),
      props: [
        { name: 'requirement-id', value: '164.308(a)(1)(ii)(A)', ns: 'urn:trustbook:oscal' },
        { name: 'implementation-point', value: 'BASE-01', ns: 'urn:trustbook:oscal', class: 'control' },
      ],
    });
    const ids = (requirements: typeof iso) => requirements!.map((requirement) => requirement['control-id']);
    expect(ids(iso).slice(0, 2)).toEqual(['clause-4.1', 'clause-4.2']);
    expect(ids(iso)).toContain('a.5.15');
    expect(ids(csf).every((id) => id.startsWith('gv.') || id.startsWith('de.'))).toBe(true);
  });

  it('leaves out a framework no implemented control cites, and a citation outside the framework’s scope', () => {
    const planned = edit(
      everyFramework(),
      CONTROL,
      'frequency: quarterly\n',
      'frequency: quarterly\nstatus: planned\n',
    );
    expect(implementationsOf(planned).map((implementation) => implementation.source)).toEqual([TSC_SOURCE]);
    const narrower = edit(everyFramework(), PROGRAM, 'functions: [GV, DE]', 'functions: [GV]');
    const csf = implementationsOf(narrower).at(-1)!;
    expect(csf.source).toBe(FRAMEWORK_SOURCES.csf);
    expect(csf['implemented-requirements'].every((requirement) => requirement['control-id'].startsWith('gv.'))).toBe(
      true,
    );
  });

  it('is unchanged for a program with SOC 2 alone: one implementation, and the title it always had', () => {
    const document = oscalComponentDefinition(check(validProgram()))['component-definition'];
    expect(document.components[0]!['control-implementations']).toHaveLength(1);
    expect(document.metadata.title).toBe('Test Platform SOC 2 controls');
  });

  it('names the frameworks in its title, and two exports of one program are byte-identical', () => {
    const files = everyFramework();
    expect(oscalComponentDefinition(check(files))['component-definition'].metadata.title).toBe(
      'Test Platform controls for SOC 2, ISO/IEC 27001:2022, the HIPAA Security Rule and NIST CSF 2.0',
    );
    expect(oscalJson(check(files))).toBe(oscalJson(check(everyFramework())));
    const uuids = implementationsOf(files).flatMap((implementation) => [
      implementation.uuid,
      ...implementation['implemented-requirements'].map((requirement) => requirement.uuid),
    ]);
    expect(new Set(uuids).size).toBe(uuids.length);
  });
});

describe('requirement ids as OSCAL tokens', () => {
  it('starts an ISO clause with a letter, keeps an Annex A control, and turns HIPAA brackets into dots', () => {
    expect(oscalControlId('iso27001', '6.1.3')).toBe('clause-6.1.3');
    expect(oscalControlId('iso27001', 'A.5.15')).toBe('a.5.15');
    expect(oscalControlId('hipaa', '164.310(d)(2)(iv)')).toBe('cfr-164.310.d.2.iv');
    expect(oscalControlId('hipaa', '164.316(a)')).toBe('cfr-164.316.a');
    expect(oscalControlId('csf', 'GV.OC-01')).toBe('gv.oc-01');
  });

  it('gives every requirement of the catalogs its own token, valid as OSCAL writes one', () => {
    const token = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;
    for (const framework of ['iso27001', 'hipaa', 'csf'] as const) {
      const tokens = frameworkRequirements(framework).map((requirement) => oscalControlId(framework, requirement.id));
      expect(tokens.filter((id) => !token.test(id))).toEqual([]);
      expect(new Set(tokens).size).toBe(tokens.length);
    }
  });
});
