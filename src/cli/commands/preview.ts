/** `trustbook preview`: serves the three built sites on loopback, each at the root of its own port. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../engine/errors.ts';
import { startStaticServer } from '../../preview/static-server.ts';
import { sites } from '../../site/sites.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export async function runPreview(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string', default: '4321' }, root: { type: 'string' } });
  const first = Number(values.port);
  if (!Number.isInteger(first) || first < 1024 || first > 65533) {
    throw new UsageError(
      `--port must be a port number from 1024 to 65533, not "${values.port}"`,
      'For example: --port 8000',
    );
  }
  const dist = join(resolve(io.cwd, values.root ?? '.'), 'dist');
  if (!sites.every((site) => existsSync(join(dist, site, 'index.html')))) {
    throw new UsageError(
      'the sites have not been built (dist/ is missing or incomplete)',
      'Run `npm run build` first.',
    );
  }
  const servers = await Promise.all(sites.map((site, index) => startStaticServer(join(dist, site), first + index)));
  sites.forEach((site, index) => io.stdout(`${site.padEnd(10)} ${servers[index]!.origin}/`));
  io.stdout('Serving on 127.0.0.1 only. Press Ctrl+C to stop.');
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  await Promise.all(servers.map((server) => server.stop()));
  return EXIT_CLEAN;
}
