// Packaging tests: the manifest is complete and honest, and `npm run package` makes a small .vsix with exactly the files the extension runs.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/repo';
import { readZip, type ZipEntry } from '../../support/zip';

/** The Marketplace's comfortable size for an extension of this kind; the .vsix must stay at or below it. */
const MAX_VSIX_BYTES = 1024 * 1024;

/** Files every package must hold (vsce renames README.md to readme.md and LICENSE to LICENSE.txt). */
const REQUIRED = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/images/icon.png',
  'extension/dist/client.js',
  'extension/dist/server.js',
];
/** Folders shipped whole: every file the repository has in them must be in the package. */
const SHIPPED_FOLDERS = ['syntaxes', 'principles', 'schemas'];
/** Optional files vsce adds when the repository has them. */
const OPTIONAL = ['extension/changelog.md'];
/** The bundles, which must be production builds. */
const BUNDLES = ['extension/dist/client.js', 'extension/dist/server.js'];

/** The language ids the extension serves, each of which must activate it. */
const LANGUAGE_IDS = ['bicep', 'bicep-params', 'terraform', 'terraform-vars'];
const REVIEW_COMMAND = 'wafAiLens.reviewWorkload';
const CATEGORY = 'WAF AI Lens';

interface Manifest {
  main?: string;
  icon?: string;
  license?: string;
  homepage?: string;
  repository?: { type?: string; url?: string } | string;
  bugs?: { url?: string };
  galleryBanner?: { color?: string; theme?: string };
  activationEvents?: string[];
  capabilities?: Record<string, { supported?: unknown; description?: string }>;
  scripts?: Record<string, string>;
  contributes?: {
    commands?: Array<{ command: string; title: string; category?: string }>;
    languages?: Array<{ id: string; configuration?: string }>;
    grammars?: Array<{ path: string }>;
    jsonValidation?: Array<{ url: string }>;
  };
}

function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** Every file under a repository folder, as `extension/<path>` entry names. */
function filesUnder(folder: string): string[] {
  const root = path.join(REPO_ROOT, folder);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`extension/${path.relative(REPO_ROOT, full).split(path.sep).join('/')}`);
    }
  };
  walk(root);
  return out;
}

/** The paths a manifest names relative to the extension root (main, icon, grammars, language configurations, schemas). */
function pathsNamedBy(manifest: Manifest): string[] {
  const named = [
    manifest.main,
    manifest.icon,
    ...(manifest.contributes?.grammars ?? []).map((g) => g.path),
    ...(manifest.contributes?.languages ?? []).map((l) => l.configuration),
    ...(manifest.contributes?.jsonValidation ?? []).map((j) => j.url).filter((url) => !/^[a-z]+:/i.test(url)),
  ];
  return [...new Set(named.filter((p): p is string => typeof p === 'string'))].map((p) => `extension/${path.posix.normalize(p)}`);
}

describe('packaging: manifest', () => {
  const manifest = readManifest();

  it('says who made it, where it lives and how it looks in the Marketplace', () => {
    assert.equal(manifest.license, 'MIT');
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) 2026 WAF AI Lens contributors\n/);
    assert.ok(manifest.icon && fs.existsSync(path.join(REPO_ROOT, manifest.icon)), `The icon ${manifest.icon} does not exist.`);
    const png = fs.readFileSync(path.join(REPO_ROOT, manifest.icon));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'The icon must be a 128×128 PNG.');
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    assert.match(repository ?? '', /^https:\/\/github\.com\/waf-ai-lens\/waf-ai-lens(\.git)?$/);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''), 'galleryBanner.theme must be dark or light.');
  });

  it('activates lazily: on its languages and its command, never at start-up or on a workspace scan', () => {
    const events = manifest.activationEvents ?? [];
    assert.deepEqual(
      [...events].sort(),
      [...LANGUAGE_IDS.map((id) => `onLanguage:${id}`), `onCommand:${REVIEW_COMMAND}`].sort(),
    );
    // Each language it activates on is one it contributes, and the other way round.
    assert.deepEqual((manifest.contributes?.languages ?? []).map((l) => l.id).sort(), [...LANGUAGE_IDS].sort());
  });

  it(`contributes its commands under the "${CATEGORY}" category, each with an activation event`, () => {
    const commands = manifest.contributes?.commands ?? [];
    assert.ok(commands.some((c) => c.command === REVIEW_COMMAND && c.title === 'Review workload'), `No "Review workload" command ${REVIEW_COMMAND}.`);
    for (const command of commands) {
      assert.equal(command.category, CATEGORY, `${command.command} has no "${CATEGORY}" category.`);
      assert.ok(manifest.activationEvents?.includes(`onCommand:${command.command}`), `${command.command} cannot activate the extension.`);
    }
  });

  it('declares whether it runs in untrusted and virtual workspaces, and why', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces?.supported, false);
    for (const [name, capability] of Object.entries(manifest.capabilities ?? {})) {
      assert.ok((capability.description ?? '').length > 20, `capabilities.${name} needs a description.`);
    }
  });

  it('packages with vsce, without dependencies, after a production build', () => {
    assert.equal(manifest.scripts?.['package'], 'vsce package --no-dependencies');
    assert.match(manifest.scripts?.['vscode:prepublish'] ?? '', /scripts\/build\.mjs --production/);
  });
});

describe('packaging: the .vsix', function () {
  // One production build and one vsce run for the whole suite: a few seconds, more on a loaded machine.
  this.timeout(180_000);
  let stage: string;
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    // `npm run package` runs in a staging folder that links every top-level entry of the repository except dist/, so the
    // production build it triggers writes the staging dist/ and never the bundles other tests (and engineers) are using.
    stage = fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-vsix-'));
    for (const name of fs.readdirSync(REPO_ROOT)) {
      if (name === 'dist' || name === '.git' || name.endsWith('.vsix')) continue;
      fs.symlinkSync(path.join(REPO_ROOT, name), path.join(stage, name));
    }
    vsix = path.join(stage, 'waf-ai-lens.vsix');
    try {
      // --follow-symlinks makes vsce walk the linked folders as the real ones (the repository itself has no symlinks).
      // Without the npm_* variables of an enclosing `npm test`, which the nested npm would take for its own configuration.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
      execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix, '--follow-symlinks'], { cwd: stage, env, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`npm run package failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
    }
    entries = readZip(fs.readFileSync(vsix));
  });

  after(() => {
    if (stage) fs.rmSync(stage, { recursive: true, force: true });
  });

  it(`is at most ${MAX_VSIX_BYTES / 1024} KiB`, () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size <= MAX_VSIX_BYTES, `The .vsix is ${Math.round(size / 1024)} KiB.`);
  });

  it('holds no node_modules', () => {
    assert.deepEqual(entries.filter((e) => e.name.includes('node_modules/')).map((e) => e.name), []);
  });

  it('holds the bundles, grammars, principles, schemas, README, licence and icon, and nothing else', () => {
    const names = new Set(entries.map((e) => e.name));
    const expected = [...REQUIRED, ...SHIPPED_FOLDERS.flatMap(filesUnder)];
    assert.deepEqual(expected.filter((name) => !names.has(name)), [], 'missing from the .vsix');
    const allowed = new Set([...expected, ...OPTIONAL]);
    assert.deepEqual([...names].filter((name) => !allowed.has(name)), [], 'in the .vsix but not expected (.vscodeignore lets them in)');
  });

  it('holds every file its manifest names', () => {
    const packaged = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.read().toString('utf8')) as Manifest;
    const names = new Set(entries.map((e) => e.name));
    assert.deepEqual(pathsNamedBy(packaged).filter((p) => !names.has(p)), []);
  });

  it('ships minified production bundles without source maps', () => {
    for (const name of BUNDLES) {
      const text = entries.find((e) => e.name === name)!.read().toString('utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, `${name} points at a source map.`);
      // Minified code runs to thousands of characters a line (line breaks remain only inside template literals); readable
      // code averages under a hundred.
      const averageLine = text.length / text.split('\n').length;
      assert.ok(averageLine > 1000, `${name} averages ${Math.round(averageLine)} characters a line; is it minified?`);
    }
  });
});
