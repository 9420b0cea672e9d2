// Tests that the map names a role granted by its definition GUID, as Terraform's role_definition_name does, and keeps an unknown GUID.
import * as assert from 'node:assert/strict';
import { builtInRoleName, builtInRoles, roleLabel } from '../../../server/src/engine/graph/roles';
import { renderMapSvg, renderMermaid, type MapEdge, type WorkloadMap } from '../../../server/src/engine/map';
import { edit, fixtureFiles, mapOf } from './support';

/** The role assignment of each fixture workload: the app's role on the Azure OpenAI account. */
const GRANTS = {
  bicep: { from: 'main.bicep#app', to: 'modules/ai.bicep#openai' },
  terraform: { from: 'main.tf#azurerm_linux_web_app.chat', to: 'modules/ai/main.tf#azurerm_cognitive_account.openai' },
} as const;

/** The role the Bicep fixture grants by GUID and the Terraform fixture by name. */
const OPENAI_USER = { id: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', name: 'Cognitive Services OpenAI User' } as const;
/** A role definition id the table does not hold (a custom role's, say). */
const CUSTOM_ROLE = '0f8d3e6c-6b1a-4c5e-9a7d-2b4c6e8f0a1b';

function roleEdge(map: WorkloadMap, language: keyof typeof GRANTS): MapEdge {
  const { from, to } = GRANTS[language];
  const edge = map.edges.find((e) => e.kind === 'roleAssignment' && e.from.endsWith(from) && e.to.endsWith(to));
  assert.ok(edge, `no role assignment ${from} → ${to}; edges: ${map.edges.filter((e) => e.kind === 'roleAssignment').map((e) => `${e.from} → ${e.to}`).join(', ') || 'none'}`);
  return edge;
}

describe('map: built-in role names', () => {
  it('the table holds lower-case GUIDs and distinct names', () => {
    const roles = builtInRoles();
    assert.ok(roles.length > 0);
    for (const [id] of roles) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const names = roles.map(([, name]) => name);
    assert.equal(new Set(names).size, names.length, 'two ids with one name');
  });

  it('finds a role by a bare GUID or a whole definition id, in any case, and nothing for an unknown one', () => {
    const whole = `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${OPENAI_USER.id.toUpperCase()}`;
    assert.equal(builtInRoleName(OPENAI_USER.id), OPENAI_USER.name);
    assert.equal(builtInRoleName(whole), OPENAI_USER.name);
    assert.equal(builtInRoleName(CUSTOM_ROLE), undefined);
    assert.equal(roleLabel(CUSTOM_ROLE), CUSTOM_ROLE, 'an unknown GUID is shown as written');
    assert.equal(roleLabel(OPENAI_USER.name), OPENAI_USER.name, 'a name (Terraform role_definition_name) is kept');
  });

  it('a Bicep role assignment by GUID is labelled with the role name, as the Terraform one by name is', () => {
    const bicep = fixtureFiles('bicep');
    assert.ok(bicep['main.bicep']!.includes(`'${OPENAI_USER.id}'`), 'the Bicep fixture grants the role by its GUID');
    assert.equal(roleEdge(mapOf(bicep), 'bicep').detail, OPENAI_USER.name);
    assert.equal(roleEdge(mapOf(fixtureFiles('terraform')), 'terraform').detail, OPENAI_USER.name);
  });

  it('the SVG tooltip and the Mermaid label name the role, not its GUID', () => {
    const map = mapOf(fixtureFiles('bicep'));
    for (const drawn of [renderMapSvg(map), renderMermaid(map)]) {
      assert.ok(drawn.includes(OPENAI_USER.name), 'the role name is drawn');
      assert.ok(!drawn.includes(OPENAI_USER.id), 'the GUID is not');
    }
  });

  it('a role the table does not know keeps its GUID', () => {
    const files = edit(fixtureFiles('bicep'), 'main.bicep', `'${OPENAI_USER.id}'`, `'${CUSTOM_ROLE}'`);
    assert.equal(roleEdge(mapOf(files), 'bicep').detail, CUSTOM_ROLE);
  });
});
