/** trust.json names its JSON Schema, and follows it: for the test program, the sample, and a program without an address. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { publicView } from '../../src/site/views.ts';
import { trustSummary } from '../../src/trust-center/trust-summary.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/trust-center/trust.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** trust.json as the route writes it: undefined fields are left out. */
const summaryOf = (result: ReturnType<typeof check>) =>
  JSON.parse(JSON.stringify(trustSummary(publicView(result)))) as Record<string, unknown>;
const errorsOf = (document: unknown) => {
  validate(document);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
};

describe('trust.json', () => {
  it('follows its schema, for the test program and for the sample', () => {
    expect(errorsOf(summaryOf(check(validProgram())))).toEqual([]);
    expect(errorsOf(summaryOf(checkProject(join(import.meta.dirname, '../..'))))).toEqual([]);
  });

  it('names the schema at the trust center’s own address, beside trust.json', () => {
    const summary = summaryOf(checkProject(join(import.meta.dirname, '../..')));
    expect(summary['$schema']).toBe('https://trust.tallowbrook.example/.well-known/trust.schema.json');
    expect(Object.keys(summary)[0]).toBe('$schema');
  });

  it('names the schema relative to itself while the program has no address of its own', () => {
    // example.com is the template's default: the trust center does not take it for its address.
    const files = edit(validProgram(), 'content/program.yaml', /^website: .*$/m, 'website: https://example.com');
    expect(summaryOf(check(files))['$schema']).toBe('trust.schema.json');
  });

  it('is refused by the schema when a field is misspelt or missing, so the validation is real', () => {
    const summary = summaryOf(check(validProgram()));
    expect(errorsOf({ ...summary, organisation: 'x' })).not.toEqual([]);
    expect(errorsOf({ ...summary, policies: undefined })).not.toEqual([]);
  });
});
