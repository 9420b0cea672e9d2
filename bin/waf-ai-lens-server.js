#!/usr/bin/env node
// The `waf-ai-lens-server` command: the language server over stdio, for any LSP client (`waf-ai-lens-server --stdio`).
require('../dist/server.js');
