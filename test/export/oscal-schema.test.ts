/** The OSCAL export validated against NIST's published OSCAL 1.1.2 component-definition schema (../shared/oscal/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { oscalComponentDefinition } from '../../src/export/oscal.ts';
import { check, validProgram } from '../helpers/program.ts';

const schemaPath = join(import.meta.dirname, '../../../shared/oscal/oscal_component_schema-1.1.2.json');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

const errorsOf = (document: unknown) => {
  validate(document);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
};

describe('the OSCAL export', () => {
  it('validates against the OSCAL 1.1.2 component-definition schema, for the test program and the sample', () => {
    expect(errorsOf(oscalComponentDefinition(check(validProgram())))).toEqual([]);
    expect(errorsOf(oscalComponentDefinition(checkProject(join(import.meta.dirname, '../..'))))).toEqual([]);
  });

  it('is refused by the schema when a required part is missing, so the validation is real', () => {
    const document = oscalComponentDefinition(check(validProgram()));
    const broken = { 'component-definition': { ...document['component-definition'], metadata: undefined } };
    expect(errorsOf(JSON.parse(JSON.stringify(broken)))).not.toEqual([]);
  });
});
