// Tests the engine's path arithmetic: normalising to `/`, joining, the inputs' common root and staying inside it.
import * as assert from 'node:assert/strict';
import { commonRoot, isWithin, joinPath, normalizePath } from '../../../server/src/engine/workspace';

describe('workspace paths', () => {
  const cases: Array<[string, string]> = [
    ['a\\b\\c.bicep', 'a/b/c.bicep'],
    ['./a//b/./c.tf', 'a/b/c.tf'],
    ['a/../../b.tf', '../b.tf'],
    ['/x/y/../z.tf', '/x/z.tf'],
    ['C:\\x\\..\\y.bicep', 'C:/y.bicep'],
    ['/..', '/'],
    ['', '.'],
  ];
  for (const [input, expected] of cases) it(`normalises ${JSON.stringify(input)} to ${expected}`, () => assert.equal(normalizePath(input), expected));

  it('joins a module source to its calling file\'s folder', () => {
    assert.equal(joinPath('infra/env', '../modules/ai.bicep'), 'infra/modules/ai.bicep');
    assert.equal(joinPath('.', './ai'), 'ai');
    assert.equal(joinPath('infra', '/abs/x.tf'), '/abs/x.tf');
  });

  it('finds the folder that holds every input', () => {
    assert.equal(commonRoot(['infra/a/main.bicep', 'infra/b/x.tf']), 'infra');
    assert.equal(commonRoot(['main.bicep']), '.');
    assert.equal(commonRoot(['../x/a.tf', 'b.tf']), '..');
    assert.equal(commonRoot(['/repo/infra/a.tf', '/repo/infra/m/b.tf']), '/repo/infra');
    assert.equal(commonRoot(['/repo/a.tf', 'b.tf']), '/');
  });

  it('tells what lies inside a root', () => {
    assert.ok(isWithin('infra', 'infra/modules/ai.bicep'));
    assert.ok(!isWithin('infra', 'infra2/ai.bicep'));
    assert.ok(!isWithin('infra', '../infra/ai.bicep'));
    assert.ok(isWithin('.', 'modules/ai.bicep'));
    assert.ok(!isWithin('.', '../shared/ai.bicep'));
    assert.ok(!isWithin('.', '/etc/passwd'));
  });
});
