// Finds the Node that `npm install` put in a node_modules/.bin folder (the `node-*` optional dependencies):
// beside this repository's sources, or, with Trustbook installed in a program (node_modules/trustbook/), in the
// program's own node_modules/.bin, found by walking up. Plain JavaScript: it runs under any Node.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The pinned Node's path, searching from the package's folder upwards, or undefined. */
export function pinnedNode(packageFolder, platform = process.platform) {
  const executable = platform === 'win32' ? 'node.exe' : 'node';
  for (let folder = packageFolder; ; folder = dirname(folder)) {
    for (const candidate of [join(folder, 'node_modules', '.bin', executable), join(folder, '.bin', executable)]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(folder) === folder) return undefined;
  }
}
