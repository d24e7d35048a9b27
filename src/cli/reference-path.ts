/**
 * Where the diagnostics reference is, as a person at the terminal would open it: docs/diagnostics.md of the
 * installed package (node_modules/trustbook/docs/ in a program; docs/ in this repository), relative to the
 * folder the command runs in. Each finding of `trustbook check` names its code's entry there.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const reference = fileURLToPath(new URL('../../docs/diagnostics.md', import.meta.url));

export const diagnosticsReference = (cwd: string) => relative(cwd, reference) || reference;
