// Tests of lsp/adaptiveScheduler.ts: a run "at once" never goes ahead of a message that reached the server before it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterReceivedMessages, BUSY_TURNS_MS } from '../../../server/src/lsp/adaptiveScheduler';

/** A connected pair of local sockets, as the language server's stdio or socket transport reads messages. */
async function socketPair(): Promise<{ client: net.Socket; server: net.Socket; close(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-scheduler-'));
  const address = process.platform === 'win32' ? `\\\\.\\pipe\\waf-ai-lens-${path.basename(dir)}` : path.join(dir, 'socket');
  const listener = net.createServer();
  await new Promise<void>((resolve) => listener.listen(address, resolve));
  const accepted = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
  const client = net.connect(address);
  await new Promise<void>((resolve) => client.once('connect', resolve));
  const server = await accepted;
  return {
    client,
    server,
    close: () => {
      client.destroy();
      server.destroy();
      listener.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Keeps the event loop busy, as a long analysis of another document does. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy on purpose: the event loop must not poll for input meanwhile.
  }
}

describe('lsp/adaptiveScheduler', () => {
  it('lets a message that arrived while the event loop was blocked be handled before the run', async () => {
    const pair = await socketPair();
    try {
      const order: string[] = [];
      // Handled a turn after it is read, as vscode-jsonrpc handles each received message.
      pair.server.on('data', () => setImmediate(() => order.push('message handled')));
      const ran = new Promise<void>((resolve) =>
        setImmediate(() => {
          // The run is scheduled, then another analysis blocks the loop while the client's next change arrives.
          afterReceivedMessages(() => {
            order.push('run');
            resolve();
          });
          setImmediate(() => {
            pair.client.write('didChange');
            block(BUSY_TURNS_MS * 3);
          });
        }),
      );
      await ran;
      assert.deepEqual(order, ['message handled', 'run']);
    } finally {
      pair.close();
    }
  });

  it('still runs when every turn is busy, so a loaded server keeps answering', async () => {
    let done = false;
    // Another analysis in every turn: each wait of the run takes long, yet it must not wait for ever.
    const busy = (): void => {
      if (done) return;
      block(BUSY_TURNS_MS + 2);
      setImmediate(busy);
    };
    setImmediate(busy);
    await new Promise<void>((resolve) => afterReceivedMessages(resolve));
    done = true;
  });
});
