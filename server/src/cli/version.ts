// The tool's name, version and home page; the version comes from package.json, which esbuild inlines at build time.
import { version } from '../../../package.json';

/** The name SARIF consumers and `--version` show. */
export const TOOL_NAME = 'WAF AI Lens';

/** The command's name, as typed and as shown in messages. */
export const COMMAND_NAME = 'waf-ai-lens';

/** The version in package.json when the CLI was built. */
export const TOOL_VERSION: string = version;

/** Where the tool is documented. */
export const TOOL_URI = 'https://github.com/waf-ai-lens/waf-ai-lens';
