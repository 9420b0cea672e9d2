#!/usr/bin/env node
// The `waf-ai-lens` command: runs the bundled CLI.
require('../dist/cli.js');
