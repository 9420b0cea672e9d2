// Tests the report view's pure parts in the client: its content security policy and the messages it accepts (the answers file: answers.test.ts).
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, isViewMessage, viewDocument } from '../../../client/src/review/webviewHtml';

describe('review view (client)', () => {
  it('wraps the report in a strict CSP: only our nonce may style and script, images only from the view or data URIs', () => {
    assert.equal(
      contentSecurityPolicy('vscode-webview://abc', 'N0nce'),
      "default-src 'none'; style-src vscode-webview://abc 'nonce-N0nce'; script-src 'nonce-N0nce'; img-src vscode-webview://abc data:;",
    );
    const html = viewDocument({ body: '<main class="wal"></main>', css: '.wal{}', nonce: 'N0nce', cspSource: 'vscode-webview://abc', title: 'Review: <x>' });
    assert.ok(html.includes('<style nonce="N0nce">.wal{}</style>'));
    assert.ok(html.includes('<script nonce="N0nce">'));
    assert.ok(html.includes('<title>Review: &#60;x&#62;</title>'));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, ours');
    assert.ok(!/\ssrc=/.test(html), 'nothing loaded');
  });

  it('accepts only the messages it knows, with sane values', () => {
    assert.ok(isViewMessage({ type: 'ready' }));
    assert.ok(isViewMessage({ type: 'open', file: 'main.bicep', line: 3, column: 1, endLine: 3, endColumn: 9 }));
    assert.ok(!isViewMessage({ type: 'open', file: 'main.bicep', line: 0, column: 1, endLine: 3, endColumn: 9 }), 'lines are 1-based');
    assert.ok(!isViewMessage({ type: 'open', file: 42, line: 1, column: 1, endLine: 1, endColumn: 1 }));
    assert.ok(isViewMessage({ type: 'answer', id: 'cost.cost-drivers#1', principle: 'cost.cost-drivers', question: 'Q?', checked: true }));
    assert.ok(!isViewMessage({ type: 'answer', id: 'x', principle: 'p', question: 'q', checked: 'yes' }));
    assert.ok(!isViewMessage({ type: 'run', command: 'rm -rf /' }));
    assert.ok(!isViewMessage(null));
  });
});
