// Protocol tests of the transports: the same server answers over stdio, Node IPC and a socket, and defaults to stdio.
import * as assert from 'node:assert/strict';
import { SOURCE } from './expectations';
import { fixture, LspTestClient, type StartOptions } from './lspClient';

const TRANSPORTS: { title: string; options: StartOptions }[] = [
  { title: '--stdio', options: { transport: 'stdio' } },
  { title: '--node-ipc (what the VS Code client uses)', options: { transport: 'node-ipc' } },
  { title: '--socket=<port>', options: { transport: 'socket' } },
  { title: 'no transport argument (stdio by default)', options: { transport: 'stdio', args: [] } },
];

describe('protocol: transports', () => {
  for (const { title, options } of TRANSPORTS) {
    it(`serves a whole session over ${title}`, async () => {
      const client = await LspTestClient.start(options);
      try {
        const { uri, text } = fixture('openai.tf');
        const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
        assert.equal(published.version, 1);
        for (const diagnostic of published.diagnostics) assert.equal(diagnostic.source, SOURCE);
        assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
      } finally {
        client.dispose();
      }
    });
  }
});
