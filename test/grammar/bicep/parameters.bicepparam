// SYNTAX TEST "source.bicep.waf-ai-lens" "Bicep parameters file"
using './main.bicep'
// <----- keyword.control.import.bicep
//     ^^^^^^^^^^^^ string.quoted.single.bicep
extends './base.bicepparam'
// <------- keyword.control.import.bicep
param location = 'swedencentral'
// <----- storage.type.bicep
//    ^^^^^^^^ variable.other.declaration.bicep
//             ^ keyword.operator.assignment.bicep
param tags = {
//    ^^^^ variable.other.declaration.bicep
  env: 'prod'
// <~~--- support.type.property-name.bicep
}
var suffix = 'x'
// <--- storage.type.bicep
//  ^^^^^^ variable.other.declaration.bicep
param apiKey = readEnvironmentVariable('API_KEY', '')
//             ^^^^^^^^^^^^^^^^^^^^^^^ entity.name.function.bicep
