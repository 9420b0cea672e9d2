// Bicep's compile-time file functions (`loadTextContent`, `loadJsonContent`, …): the files they read, relative to the file that calls them.
import { parseJsonWithSites } from './jsonText';
import { failure, str, unknown, unknownOf, type EUnknown, type EV, type Site } from './value';

/** The functions that read a file when the template is compiled. */
export const LOAD_FUNCTIONS = new Set(['loadtextcontent', 'loadjsoncontent', 'loadyamlcontent', 'loadfileasbase64', 'loaddirectoryfileinfo']);

/**
 * Only files of these kinds are read: text a template loads (configuration, scripts, documents). Anything else (a
 * certificate, an archive, a binary) stays unknown, so the engine never takes in more than the code needs.
 */
const TEXT_EXTENSIONS = new Set([
  'json', 'jsonc', 'txt', 'text', 'md', 'xml', 'xsl', 'xslt', 'csv', 'tsv', 'yaml', 'yml', 'ini', 'cfg', 'conf', 'toml',
  'sh', 'bash', 'ps1', 'psm1', 'py', 'sql', 'kql', 'csl', 'html', 'htm', 'js', 'css', 'cmd', 'bat', 'tpl', 'template',
]);

/**
 * The files the load functions may read, as a glob: a host that keeps a workspace's analysis (the language server) must
 * hear when one of them changes on disk, and tell the workspace (`Workspace.invalidateRead`).
 */
export const LOADED_FILE_GLOB = `**/*.{${[...TEXT_EXTENSIONS].join(',')}}`;

/** Bicep refuses larger files than these (characters), so a larger one never deploys; it is not read either. */
const MAX_TEXT_CHARS = 131_072;
const MAX_JSON_CHARS = 1_048_576;

/** Reads the text of a file a load function names (relative to the calling file), or says why it stays unknown. */
export type LoadText = (path: string, site: Site) => { file: string; text: string } | EUnknown;

/** The last path segment, for descriptions. */
function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A load function applied to evaluated arguments. `loadTextContent` gives the text, `loadJsonContent` the JSON value
 * (each part pointing at its literal in the JSON file) or the part a simple JSONPath (`$.a.b`, `$.a[0]`, `$['a']`)
 * selects. `loadYamlContent` stays unknown: a value from YAML would have no place a fix could safely edit, and the
 * language is too large to read by a small subset without misreading some files. `loadFileAsBase64` and
 * `loadDirectoryFileInfo` stay unknown: no rule reads them. Without `read` (a file analysed on its own) all stay unknown.
 */
export function loadFunction(lower: string, name: string, args: EV[], site: Site, read: LoadText | undefined): EV {
  if (lower !== 'loadtextcontent' && lower !== 'loadjsoncontent') return unknown(`\`${name}()\` is not evaluated`, site);
  const path = args[0];
  if (!path) return failure(`\`${name}()\` needs a file path`, site);
  if (path.kind === 'unknown') return unknownOf(args, site);
  if (path.kind !== 'string') return failure(`\`${name}()\` needs a file path`, site);
  const encoding = args[lower === 'loadtextcontent' ? 1 : 2];
  if (encoding && !(encoding.kind === 'string' && /^utf-?8$/i.test(encoding.value))) return unknown(`\`${name}()\` with an encoding other than UTF-8 is not evaluated`, site);
  const extension = /\.([A-Za-z0-9]+)$/.exec(path.value)?.[1]?.toLowerCase();
  if (!extension || !TEXT_EXTENSIONS.has(extension)) return unknown(`\`${fileName(path.value)}\` is not a kind of text file the review reads`, site);
  if (!read) return unknown(`\`${name}()\` reads \`${path.value}\`, which is not read when a file is reviewed on its own`, site);
  const loaded = read(path.value, site);
  if ('kind' in loaded) return loaded;
  const limit = lower === 'loadtextcontent' ? MAX_TEXT_CHARS : MAX_JSON_CHARS;
  if (loaded.text.length > limit) return unknown(`\`${fileName(loaded.file)}\` is larger than \`${name}()\` loads`, site);
  if (lower === 'loadtextcontent') return str(loaded.text, site);
  const json = parseJsonWithSites(loaded.text, loaded.file, fileName(loaded.file));
  if (!json) return failure(`\`${fileName(loaded.file)}\` is not JSON`, site);
  const selector = args[1];
  if (!selector) return json;
  if (selector.kind === 'unknown') return unknownOf([selector], site);
  if (selector.kind !== 'string') return failure(`\`${name}()\` needs a JSONPath string`, site);
  return selectJsonPath(json, selector.value, site);
}

/** The part of a value a simple JSONPath selects; unknown for a path this reader does not follow (wildcards, filters, `..`). */
export function selectJsonPath(value: EV, path: string, site: Site): EV {
  const steps = jsonPathSteps(path);
  if (!steps) return unknown(`the JSONPath \`${path}\` is not evaluated`, site);
  let current = value;
  for (const step of steps) {
    let next: EV | undefined;
    if (typeof step === 'number' && current.kind === 'array') next = current.items[step];
    else if (typeof step === 'string' && current.kind === 'object') next = current.entries.find((e) => e.key === step)?.value;
    if (!next) return failure(`the JSONPath \`${path}\` selects nothing`, site);
    current = next;
  }
  return current;
}

/** `$.a.b[0]['c']` as steps, or undefined when the path uses more than names and indexes. */
function jsonPathSteps(path: string): Array<string | number> | undefined {
  const text = path.trim();
  let at = text.startsWith('$') ? 1 : 0;
  const steps: Array<string | number> = [];
  // A path without `$` starts with a name (`a.b`), as the JSON.NET reader Bicep uses accepts.
  if (at === 0 && text !== '') {
    const first = /^[^.[\]'"*]+/.exec(text);
    if (!first) return undefined;
    steps.push(first[0]);
    at = first[0].length;
  }
  while (at < text.length) {
    const rest = text.slice(at);
    const name = /^\.([^.[\]'"*]+)/.exec(rest);
    const index = /^\[\s*(\d+)\s*\]/.exec(rest);
    const quoted = /^\[\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*\]/.exec(rest);
    if (name) {
      steps.push(name[1]!);
      at += name[0].length;
    } else if (index) {
      steps.push(Number(index[1]));
      at += index[0].length;
    } else if (quoted) {
      steps.push(quoted[1] ?? quoted[2]!);
      at += quoted[0].length;
    } else return undefined;
  }
  return steps;
}
