// The text of `waf-ai-lens --help`: the one place that documents commands, options, exit codes and environment.
import { COMMAND_NAME } from './version';

/** The help text, ending with a newline. */
export const USAGE = `Usage: ${COMMAND_NAME} review <file or folder>... [options]
       ${COMMAND_NAME} map <file or folder>... [--format svg|mermaid] [--output <file>] [--config <file>]
       ${COMMAND_NAME} rules [--format text|json]
       ${COMMAND_NAME} principles [--format text|json]

Reviews the Bicep (.bicep, .bicepparam) and Terraform (.tf, .tfvars) code of an AI workload
against the Azure Well-Architected Framework. Folders are searched recursively; node_modules
and folders whose names start with a dot (.git, .terraform, ...) are skipped, and symbolic
links are not followed out of the folder they were found in.

"rules" lists every rule: its id, title, pillar, principles, languages, resource types per
language, default severity, whether it offers a fix, and the same check in other tools.
"principles" lists the design principles, the rules that check each, and its review questions.
Their one option is --format text|json: an aligned listing (default) or a JSON array. They
exit with 0, or with 2 on a usage error.

"map" draws the workload map: every resource with its worst finding and finding count, what
connects them (private endpoints, diagnostic settings, role assignments, keys, references),
grouped by module, with resources reachable from the public internet marked. --format svg
(default) writes one SVG file whose boxes link to their declarations; --format mermaid writes
a Mermaid flowchart. It exits with 0 whatever the findings, or with 2 as review does.

Options:
  --format <text|json|sarif|markdown|html>
                                       Output format (default: text). text: one line per finding,
                                       a score per pillar and a summary; markdown, html: the workload
                                       report (scores, findings by pillar, review questions, cost
                                       drivers, trade-offs); html is one self-contained file
  --output <file>                      Write the output to this file instead of stdout (its folder
                                       must exist)
  --fail-on <error|warning|note|none>  Lowest finding severity that fails the run (default: error)
  --config <file>                      Rules, pillars and excluded files (default: .waf-ai-lens.json
                                       in the current folder, when there is one)
  -h, --help                           Show this help
  --version                            Show the version

Exit codes:
  0  No finding at or above the --fail-on severity
  1  At least one finding at or above the --fail-on severity
  2  Usage error, a named path that does not exist, nothing could be reviewed, the --output file
     could not be written, or an internal error

Environment:
  NO_COLOR=1           No colour in text output (colour is used only when writing to a terminal)
  FORCE_COLOR=1        Colour in text output even when not writing to a terminal (FORCE_COLOR=0: never)
  WAF_AI_LENS_DEBUG=1  Print the stack trace of an internal error

Examples:
  ${COMMAND_NAME} review infra/
  ${COMMAND_NAME} review main.bicep search.tf --fail-on warning
  ${COMMAND_NAME} review . --format sarif > waf-ai-lens.sarif
  ${COMMAND_NAME} review infra/ --format html --output review.html
  ${COMMAND_NAME} map infra/ --output workload.svg
  ${COMMAND_NAME} rules --format json > rules.json
`;
