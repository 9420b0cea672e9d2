// SYNTAX TEST "source.bicep.waf-ai-lens" "Bicep declarations, decorators, pragmas and types"
// A line comment
// <-- comment.line.double-slash.bicep punctuation.definition.comment.bicep
// ^^^^^^^^^^^^^^ comment.line.double-slash.bicep
/* A block
// <-- comment.block.bicep punctuation.definition.comment.begin.bicep
// ^^^^^^^ comment.block.bicep
   comment with param inside */
//              ^^^^^ comment.block.bicep
//                           ^^ comment.block.bicep punctuation.definition.comment.end.bicep
targetScope = 'resourceGroup'
// <----------- storage.type.bicep
//          ^ keyword.operator.assignment.bicep
//             ^^^^^^^^^^^^^ string.quoted.single.bicep
metadata description = 'Azure OpenAI account'
// <-------- storage.type.bicep
//       ^^^^^^^^^^^ variable.other.declaration.bicep
#disable-next-line no-unused-params BCP081 // the reason
// <- meta.preprocessor.pragma.bicep punctuation.definition.directive.bicep
// <~----------------- meta.preprocessor.pragma.bicep keyword.control.directive.bicep
//                 ^^^^^^^^^^^^^^^^ meta.preprocessor.pragma.bicep constant.other.diagnostic-code.bicep
//                                  ^^^^^^ constant.other.diagnostic-code.bicep
//                                            ^^^^^^^^^^ meta.preprocessor.pragma.bicep comment.line.double-slash.bicep
@description('The region of every resource')
// <- meta.decorator.bicep punctuation.definition.decorator.bicep
// <~----------- meta.decorator.bicep entity.name.function.decorator.bicep
//          ^ punctuation.section.parens.begin.bicep
//            ^^^^^^^^^^ string.quoted.single.bicep
@sys.description('Also the region')
// <~--- meta.decorator.bicep entity.name.namespace.bicep
//  ^ meta.decorator.bicep punctuation.accessor.bicep
//   ^^^^^^^^^^^ entity.name.function.decorator.bicep
@minLength(3)
// <~--------- entity.name.function.decorator.bicep
//         ^ constant.numeric.bicep
@allowed([
// <~------- entity.name.function.decorator.bicep
//       ^ punctuation.section.brackets.begin.bicep
  'swedencentral'
// ^^^^^^^^^^^^^ string.quoted.single.bicep
])
param location string = resourceGroup().location
// <----- storage.type.bicep
//    ^^^^^^^^ variable.other.declaration.bicep
//             ^^^^^^ support.type.primitive.bicep
//                      ^^^^^^^^^^^^^ entity.name.function.bicep
//                                     ^ punctuation.accessor.bicep
//                                      ^^^^^^^^ variable.other.property.bicep
@secure()
// <~------ entity.name.function.decorator.bicep
param adminKey string?
//    ^^^^^^^^ variable.other.declaration.bicep
//             ^^^^^^ support.type.primitive.bicep
//                   ^ keyword.operator.optional.bicep
param tags object = {}
//         ^^^^^^ support.type.primitive.bicep
param ids array
//        ^^^^^ support.type.primitive.bicep
param capacity int = 1
//             ^^^ support.type.primitive.bicep
//                   ^ constant.numeric.bicep
param enabled bool = true
//            ^^^^ support.type.primitive.bicep
//                   ^^^^ constant.language.boolean.bicep
param anything any
//             ^^^ support.type.primitive.bicep
param settings mySettings
//    ^^^^^^^^ variable.other.declaration.bicep
//             ^^^^^^^^^^ entity.name.type.bicep
param existingAccount resource 'Microsoft.CognitiveServices/accounts@2024-10-01'
//                    ^^^^^^^^ storage.type.bicep
//                             ^ string.quoted.single.resource-type.bicep punctuation.definition.string.begin.bicep
//                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.resource-type.bicep meta.resource-type.bicep
//                                                                  ^ string.quoted.single.resource-type.bicep punctuation.separator.api-version.bicep
//                                                                   ^^^^^^^^^^ string.quoted.single.resource-type.bicep meta.api-version.bicep
param sku resourceInput<'Microsoft.CognitiveServices/accounts@2024-10-01'>.sku
//        ^^^^^^^^^^^^^ meta.type.resource.bicep support.type.bicep
//                     ^ meta.type.resource.bicep punctuation.definition.typeparameters.begin.bicep
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.type.resource.bicep string.quoted.single.resource-type.bicep meta.resource-type.bicep
//                                                                       ^ punctuation.definition.typeparameters.end.bicep
//                                                                         ^^^ variable.other.property.bicep - meta.type.resource.bicep
output props resourceOutput<'Microsoft.CognitiveServices/accounts@2024-10-01'> = aoai
// <------ storage.type.bicep
//     ^^^^^ variable.other.declaration.bicep
//           ^^^^^^^^^^^^^^ support.type.bicep
//                                                                ^^^^^^^^^^ meta.api-version.bicep
var prefix = 'aoai'
// <--- storage.type.bicep
//  ^^^^^^ variable.other.declaration.bicep
resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
// <-------- storage.type.bicep
//       ^^^^ variable.other.declaration.bicep
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.resource-type.bicep - string.quoted.single.bicep
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.resource-type.bicep
//                                                  ^^^^^^^^^^ meta.api-version.bicep
//                                                            ^ string.quoted.single.resource-type.bicep punctuation.definition.string.end.bicep
//                                                                ^ punctuation.section.braces.begin.bicep
  name: prefix
// <~~---- support.type.property-name.bicep
//    ^ punctuation.separator.key-value.bicep
//      ^^^^^^ variable.other.readwrite.bicep
  kind: 'OpenAI'
// <~~---- support.type.property-name.bicep
//       ^^^^^^ string.quoted.single.bicep
  identity: {
// <~~-------- support.type.property-name.bicep
    type: 'SystemAssigned'
//  ^^^^ support.type.property-name.bicep - storage.type.bicep
  }
// <~~- punctuation.section.braces.end.bicep
  resource deployment 'deployments' = {
// <~~-------- storage.type.bicep
//         ^^^^^^^^^^ variable.other.declaration.bicep
//                    ^^^^^^^^^^^^^ string.quoted.single.resource-type.bicep
//                     ^^^^^^^^^^^ meta.resource-type.bicep
    name: 'gpt-4o'
//  ^^^^ support.type.property-name.bicep
  }
}
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
//       ^^^^^ variable.other.declaration.bicep
//                                                    ^^^^^^^^ keyword.other.bicep
  name: 'kv-shared'
}
module network './network.bicep' = {
// <------ storage.type.bicep
//     ^^^^^^^ variable.other.declaration.bicep
//              ^^^^^^^^^^^^^^^ string.quoted.single.bicep - string.quoted.single.resource-type.bicep
  name: 'network'
}
output endpoint string = aoai.properties.endpoint
// <------ storage.type.bicep
//     ^^^^^^^^ variable.other.declaration.bicep
//              ^^^^^^ support.type.primitive.bicep
//                       ^^^^ variable.other.readwrite.bicep
//                            ^^^^^^^^^^ variable.other.property.bicep
//                                       ^^^^^^^^ variable.other.property.bicep
output account resource 'Microsoft.CognitiveServices/accounts@2024-10-01' = aoai
//     ^^^^^^^ variable.other.declaration.bicep
//             ^^^^^^^^ storage.type.bicep
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.resource-type.bicep
@export()
// <~------ meta.decorator.bicep entity.name.function.decorator.bicep
type mySettings = {
// <---- storage.type.bicep
//   ^^^^^^^^^^ entity.name.type.bicep
  @description('The capacity')
// <~~- punctuation.definition.decorator.bicep
// ^^^^^^^^^^^ entity.name.function.decorator.bicep
  capacity: int
// <~~-------- support.type.property-name.bicep
//          ^^^ support.type.primitive.bicep
  tier: 'S0' | 'S1'
// <~~---- support.type.property-name.bicep
//           ^ keyword.operator.union.bicep
//              ^^ string.quoted.single.bicep
  *: string
// <~~- support.type.property-name.bicep
//   ^^^^^^ support.type.primitive.bicep
}
func nameFor(base string, n int) string => '${base}-${n}'
// <---- storage.type.bicep
//   ^^^^^^^ entity.name.function.bicep
//           ^^^^ variable.parameter.bicep
//                ^^^^^^ support.type.primitive.bicep
//                        ^ variable.parameter.bicep
//                          ^^^ support.type.primitive.bicep
//                               ^^^^^^ support.type.primitive.bicep
//                                      ^^ storage.type.function.arrow.bicep
//                                            ^^^^ meta.embedded.line.interpolation.bicep variable.other.readwrite.bicep
import { shared as sharedSettings } from 'shared.bicep'
// <------ keyword.control.import.bicep
//       ^^^^^^ variable.other.readwrite.bicep
//              ^^ keyword.other.bicep
//                                  ^^^^ keyword.control.import.bicep
//                                        ^^^^^^^^^^^^ string.quoted.single.bicep
import * as common from 'common.bicep'
// <------ keyword.control.import.bicep
//     ^ keyword.operator.wildcard.bicep
//       ^^ keyword.other.bicep
extension microsoftGraphV1
// <--------- storage.type.bicep
//        ^^^^^^^^^^^^^^^^ variable.other.readwrite.bicep
extension kubernetes with { namespace: 'default' } as k8s
// <--------- storage.type.bicep
//                   ^^^^ keyword.other.bicep
//                          ^^^^^^^^^ support.type.property-name.bicep
//                                                 ^^ keyword.other.bicep
assert validLocation = contains(['swedencentral'], location)
// <------ storage.type.bicep
//     ^^^^^^^^^^^^^ variable.other.declaration.bicep
//                     ^^^^^^^^ entity.name.function.bicep
test smoke 'main.bicep' = {
// <---- storage.type.bicep
//   ^^^^^ variable.other.declaration.bicep
  params: {}
// <~~------ support.type.property-name.bicep
}
