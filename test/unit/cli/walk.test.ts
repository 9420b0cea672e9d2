// Tests file collection and reading on real temp folder trees: ignores, order, symbolic links, binary and huge files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInputs, MAX_FILE_BYTES } from '../../../server/src/cli/readInputs';
import { collectFiles, isIgnoredFolder } from '../../../server/src/cli/walk';
import { tempFolder, writeTree } from './helpers';

/** Creates a symbolic link (a junction for folders on Windows, which needs no privilege). */
function symlink(target: string, link: string, type: 'dir' | 'file'): void {
  fs.symlinkSync(target, link, type === 'dir' && process.platform === 'win32' ? 'junction' : type);
}

describe('cli/walk', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  /** Collects relative to the temp folder, returning shown paths and `reason:path` problems. */
  function collect(...roots: string[]): { files: string[]; problems: string[] } {
    const result = collectFiles(roots, dir);
    return { files: result.files.map((f) => f.display), problems: result.problems.map((p) => `${p.reason}:${p.path}`) };
  }

  it('finds the four kinds of file recursively, in sorted order, skipping node_modules and dot-folders', () => {
    writeTree(dir, {
      'infra/main.bicep': '',
      'infra/main.bicepparam': '',
      'infra/modules/ai/openai.bicep': '',
      'tf/main.tf': '',
      'tf/prod.tfvars': '',
      'tf/README.md': '',
      'tf/Main.TF': '',
      'a.tf': '',
      'node_modules/pkg/x.bicep': '',
      'infra/node_modules/y.tf': '',
      '.git/hooks/z.tf': '',
      'tf/.terraform/modules/m/main.tf': '',
      '.github/workflows/w.bicep': '',
      '.hidden.tf': '',
      'notes.txt': '',
    });
    assert.deepEqual(collect('.'), {
      files: ['.hidden.tf', 'a.tf', 'infra/main.bicep', 'infra/main.bicepparam', 'infra/modules/ai/openai.bicep', 'tf/Main.TF', 'tf/main.tf', 'tf/prod.tfvars'],
      problems: [],
    });
  });

  it('names the ignored folders', () => {
    assert.deepEqual(['node_modules', '.git', '.terraform', '.vscode', 'infra', 'modules'].map(isIgnoredFolder), [true, true, true, true, false, false]);
  });

  it('shows paths relative to the working directory, with / separators, even for roots given absolute or outside it', () => {
    writeTree(dir, { 'work/infra/main.bicep': '', 'shared/net.tf': '' });
    const result = collectFiles([path.join(dir, 'work', 'infra'), '../shared'], path.join(dir, 'work'));
    assert.deepEqual(result.files.map((f) => f.display), ['../shared/net.tf', 'infra/main.bicep']);
    assert.equal(result.files[1]!.path, path.join(dir, 'work', 'infra', 'main.bicep'));
  });

  it('reviews each file once when roots overlap', () => {
    writeTree(dir, { 'infra/main.bicep': '', 'infra/ai/openai.bicep': '' });
    assert.deepEqual(collect('infra/ai', 'infra', 'infra/main.bicep').files, ['infra/ai/openai.bicep', 'infra/main.bicep']);
  });

  it('takes a named file whatever its folder, and reports a named file of another kind or a missing path', () => {
    writeTree(dir, { '.terraform/pinned.tf': '', 'README.md': '' });
    assert.deepEqual(collect('.terraform/pinned.tf', 'README.md', 'nope', 'nope.bicep'), {
      files: ['.terraform/pinned.tf'],
      problems: ['not-iac:README.md', 'missing:nope', 'missing:nope.bicep'],
    });
  });

  it('survives a symbolic-link loop and reviews each real file once, by its real path', () => {
    writeTree(dir, { 'root/a/main.bicep': '', 'root/b/net.tf': '' });
    symlink(path.join(dir, 'root'), path.join(dir, 'root', 'a', 'loop'), 'dir');
    symlink(path.join(dir, 'root', 'b'), path.join(dir, 'root', 'a', 'also-b'), 'dir');
    symlink(path.join(dir, 'root', 'a', 'main.bicep'), path.join(dir, 'root', 'alias.bicep'), 'file');
    assert.deepEqual(collect('root'), { files: ['root/a/main.bicep', 'root/b/net.tf'], problems: [] });
  });

  it('follows a link to a file or folder elsewhere inside the root', () => {
    writeTree(dir, { 'root/real/ai.bicep': '', 'root/.cache/gen/x.tf': '' });
    symlink(path.join(dir, 'root', '.cache', 'gen'), path.join(dir, 'root', 'generated'), 'dir');
    assert.deepEqual(collect('root').files, ['root/generated/x.tf', 'root/real/ai.bicep']);
  });

  it('does not follow a link whose real path is outside the root it was found under', () => {
    writeTree(dir, { 'root/main.bicep': '', 'outside/secret.tf': '', 'outside/dir/more.bicep': '' });
    symlink(path.join(dir, 'outside', 'secret.tf'), path.join(dir, 'root', 'secret.tf'), 'file');
    symlink(path.join(dir, 'outside', 'dir'), path.join(dir, 'root', 'dir'), 'dir');
    symlink(dir, path.join(dir, 'root', 'up'), 'dir');
    assert.deepEqual(collect('root'), {
      files: ['root/main.bicep'],
      problems: ['outside-root:root/dir', 'outside-root:root/secret.tf', 'outside-root:root/up'],
    });
  });

  it('follows a named root that is itself a link, and reports a broken link among IaC files', () => {
    writeTree(dir, { 'real/infra/main.bicep': '' });
    symlink(path.join(dir, 'real', 'infra'), path.join(dir, 'infra'), 'dir');
    symlink(path.join(dir, 'gone.tf'), path.join(dir, 'real', 'infra', 'dangling.tf'), 'file');
    assert.deepEqual(collect('infra'), { files: ['infra/main.bicep'], problems: ['not-a-file:infra/dangling.tf'] });
    assert.deepEqual(collect('infra/dangling.tf').problems, ['missing:infra/dangling.tf']);
  });
});

describe('cli/readInputs', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  function read(...relative: string[]) {
    const { files } = collectFiles(relative, dir);
    const result = readInputs(files);
    return {
      texts: Object.fromEntries(result.inputs.map((i) => [i.display, i.text])),
      problems: result.problems.map((p) => `${p.reason}:${p.path}:${p.level}`),
      messages: result.problems.map((p) => p.message),
    };
  }

  it('decodes UTF-8 and keeps a BOM and CRLF as they are', () => {
    writeTree(dir, { 'a.bicep': Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("param x string = 'é'\r\n")]) });
    assert.deepEqual(read('a.bicep').texts, { 'a.bicep': "\uFEFFparam x string = 'é'\r\n" });
  });

  it('skips a file with a NUL byte in its first 8 KB as binary, but not one whose NUL comes later', () => {
    writeTree(dir, {
      'bin.tf': Buffer.concat([Buffer.from('resource "x" "y" {'), Buffer.from([0, 1, 2])]),
      'late.tf': Buffer.concat([Buffer.alloc(9000, 0x20), Buffer.from([0])]),
    });
    const result = read('.');
    assert.deepEqual(result.problems, ['binary:bin.tf:warning']);
    assert.deepEqual(Object.keys(result.texts), ['late.tf']);
  });

  it('skips a file just over 5 MB with a notice, and reads one at the limit', () => {
    const over = path.join(dir, 'huge.tf');
    // Sparse where the file system allows: the size is what counts, not the bytes written.
    fs.closeSync(fs.openSync(over, 'w'));
    fs.truncateSync(over, MAX_FILE_BYTES + 1);
    writeTree(dir, { 'limit.tf': Buffer.alloc(MAX_FILE_BYTES, 0x20) });
    const result = read('.');
    assert.deepEqual(result.problems, ['too-large:huge.tf:warning']);
    assert.match(result.messages[0]!, /larger than 5 MB/);
    assert.deepEqual(Object.keys(result.texts), ['limit.tf']);
  });

  it('reports a file that cannot be read and goes on with the others', () => {
    writeTree(dir, { 'a.tf': 'x', 'b.tf': 'y' });
    const { files } = collectFiles(['.'], dir);
    // The file vanishes between the walk and the read: the read fails the way a permission error would, even as root.
    fs.rmSync(path.join(dir, 'a.tf'));
    const result = readInputs(files);
    assert.deepEqual(result.problems.map((p) => `${p.reason}:${p.path}:${p.level}`), ['unreadable:a.tf:error']);
    assert.equal(result.problems[0]!.message, 'The file could not be read (ENOENT).');
    assert.deepEqual(result.inputs.map((i) => i.text), ['y']);
  });
});
