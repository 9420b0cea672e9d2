// Shared helpers of the CLI tests: captured I/O, the repository root, temp folders and hand-built analyses.
import { REPO_ROOT } from '../../support/repo';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileAnalysis, FileNotice, Finding, Fix, Span } from '../../../server/src/engine';
import type { CliIo } from '../../../server/src/cli/io';
import type { InputProblem } from '../../../server/src/cli/problems';
import type { ReviewedFile, ReviewReport } from '../../../server/src/cli/review';

/** A `CliIo` whose streams are buffers, with the text written to each. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

/** Captures what `main` writes; colour is off unless the test asks for a terminal or sets FORCE_COLOR. */
export function captureIo(cwd: string, env: Record<string, string | undefined> = {}, isTTY = false): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t) => void (out += t), isTTY },
    stderr: { write: (t) => void (err += t), isTTY: false },
    cwd,
    env,
    out: () => out,
    err: () => err,
  };
}

/** The repository root, found once for every test (test/support/repo.ts). */
export function repoRoot(): string {
  return REPO_ROOT;
}

/** A fresh folder under the OS temp folder, removed by the returned cleanup. */
export function tempFolder(): { dir: string; cleanup(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-cli-')));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (path → content, `/`-separated paths relative to `root`), creating folders as needed. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

/** The span of the `occurrence`-th (1-based) appearance of `needle` in `text`; fails loudly when it is absent. */
export function spanOf(text: string, needle: string, occurrence = 1): Span {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return { start: at, end: at + needle.length };
}

/** A finding on `file` at the text `at` with sensible defaults for the rest. */
export function finding(file: string, text: string, at: string, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'require-disable-local-auth',
    severity: 'warning',
    message: 'Azure OpenAI account "aoai" accepts API keys: `properties.disableLocalAuth` is false.',
    file,
    span: spanOf(text, at),
    resourceName: 'aoai',
    resourceType: 'Microsoft.CognitiveServices/accounts',
    fixes: [],
    related: [],
    ...overrides,
  };
}

/** A fix replacing `at` in `text` with `replacement`. */
export function fixOf(text: string, at: string, replacement: string, title = 'Disable key-based authentication', safe = false): Fix {
  return { title, safe, edits: [{ span: spanOf(text, at), text: replacement }] };
}

/** A reviewed file built by hand: no parser involved, so formatter tests do not depend on the engine. */
export function reviewed(
  file: string,
  text: string,
  options: { findings?: Finding[]; notices?: FileNotice[]; parseErrors?: FileAnalysis['model']['parseErrors'] } = {},
): ReviewedFile {
  const fileKind = file.endsWith('.bicepparam') ? 'bicepparam' : file.endsWith('.bicep') ? 'bicep' : file.endsWith('.tfvars') ? 'tfvars' : 'tf';
  const language = fileKind === 'bicep' || fileKind === 'bicepparam' ? 'bicep' : 'terraform';
  return {
    path: file,
    text,
    bytes: Buffer.byteLength(text, 'utf8'),
    analysis: {
      file,
      model: {
        file,
        language,
        fileKind,
        resources: [],
        parameters: [],
        variables: [],
        modules: [],
        declarations: [],
        parseErrors: options.parseErrors ?? [],
      },
      findings: options.findings ?? [],
      notices: options.notices ?? [],
    },
  };
}

/** A report from hand-built files and problems. */
export function reportOf(files: ReviewedFile[], problems: InputProblem[] = []): ReviewReport {
  return { files, problems };
}

/** Lines joined with `\n`, so fixtures read like files and their line numbers are visible in the test. */
export function lines(...text: string[]): string {
  return text.join('\n');
}
