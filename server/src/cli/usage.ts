// The text of `waf-ai-lens --help`: the one place that documents commands, options, exit codes and environment.
import { COMMAND_NAME } from './version';

/** The help text, ending with a newline. */
export const USAGE = `Usage: ${COMMAND_NAME} review <file or folder>... [options]

Reviews the Bicep (.bicep, .bicepparam) and Terraform (.tf, .tfvars) code of an AI workload
against the Azure Well-Architected Framework. Folders are searched recursively; node_modules
and folders whose names start with a dot (.git, .terraform, ...) are skipped, and symbolic
links are not followed out of the folder they were found in.

Options:
  --format <text|json|sarif>           Output format (default: text)
  --fail-on <error|warning|note|none>  Lowest finding severity that fails the run (default: error)
  -h, --help                           Show this help
  --version                            Show the version

Exit codes:
  0  No finding at or above the --fail-on severity
  1  At least one finding at or above the --fail-on severity
  2  Usage error, a named path that does not exist, nothing could be reviewed, or an internal error

Environment:
  NO_COLOR=1           No colour in text output (colour is used only when writing to a terminal)
  FORCE_COLOR=1        Colour in text output even when not writing to a terminal (FORCE_COLOR=0: never)
  WAF_AI_LENS_DEBUG=1  Print the stack trace of an internal error

Examples:
  ${COMMAND_NAME} review infra/
  ${COMMAND_NAME} review main.bicep search.tf --fail-on warning
  ${COMMAND_NAME} review . --format sarif > waf-ai-lens.sarif
`;
