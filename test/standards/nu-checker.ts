/**
 * Runs the W3C Nu HTML Checker (the `vnu-jar` package, on the machine's Java) over many HTML files in one go:
 * starting the Java virtual machine costs seconds, checking a page milliseconds.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

export interface HtmlError {
  /** The file, as given to `checkHtml`. */
  file: string;
  line: number | undefined;
  message: string;
  /** The stretch of markup the checker points at. */
  extract: string;
}

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Every error the checker reports in `files` (warnings left out), each tied to its file. */
export async function checkHtml(files: readonly string[]): Promise<HtmlError[]> {
  if (files.length === 0) return [];
  const { code, stdout, stderr } = await run('java', [
    '-jar',
    vnuJar,
    '--format',
    'json',
    '--errors-only',
    '--stdout',
    ...files,
  ]);
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(stdout) as { messages: NuMessage[] };
  } catch {
    throw new Error(`The Nu HTML Checker gave no report (exit code ${code}):\n${stdout}\n${stderr}`);
  }
  const byUrl = new Map(files.map((file) => [pathToFileURL(file).href, file]));
  return report.messages
    .filter((message) => message.type === 'error' || message.subType === 'fatal')
    .map((message) => ({
      // The checker writes `file:/path`; URL parsing turns that into the `file:///path` form the map holds.
      file: message.url ? (byUrl.get(new URL(message.url).href) ?? fileURLToPath(message.url)) : '(no file)',
      line: message.lastLine,
      message: message.message,
      extract: (message.extract ?? '').replace(/\s+/g, ' ').trim(),
    }));
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new Error(
              'Java was not found. The HTML check runs the Nu HTML Checker on Java: apt-get install default-jre-headless.',
            )
          : error,
      ),
    );
    child.once('close', (code) =>
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}
