// SYNTAX TEST "source.bicep.waf-ai-lens" "Unterminated constructs end with their line"
// Each broken line below is followed by a line that must highlight as code again.
var broken = 'no closing quote
//            ^^^^^^^^^^^^^^^^ string.quoted.single.bicep
var next = 1
// <--- storage.type.bicep - string.quoted.single.bicep
//  ^^^^ variable.other.declaration.bicep - string.quoted.single.bicep
//         ^ constant.numeric.bicep - string.quoted.single.bicep
var brokenInterpolation = 'abc ${toLower(name
//                               ^^^^^^^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep entity.name.function.bicep
//                                       ^^^^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep variable.other.readwrite.bicep
var next2 = 'ok'
// <--- storage.type.bicep - string.quoted.single.bicep meta.embedded.line.interpolation.bicep
//          ^^^^ string.quoted.single.bicep - meta.embedded.line.interpolation.bicep
var brokenNested = 'a${'b${'c
//                          ^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep string.quoted.single.bicep meta.embedded.line.interpolation.bicep string.quoted.single.bicep
param afterNested string
// <----- storage.type.bicep - string.quoted.single.bicep meta.embedded.line.interpolation.bicep
//                ^^^^^^ support.type.primitive.bicep
param typed resourceInput<'Microsoft.Storage/storageAccounts@2023-05-01'
//          ^^^^^^^^^^^^^ meta.type.resource.bicep support.type.bicep
param afterType string
// <----- storage.type.bicep - meta.type.resource.bicep
//    ^^^^^^^^^ variable.other.declaration.bicep
resource half 'Microsoft.Storage/storageAccounts@2023
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.resource-type.bicep
//                                               ^^^^ string.quoted.single.resource-type.bicep meta.api-version.bicep
var afterHalf = true
// <--- storage.type.bicep - string.quoted.single.bicep
//              ^^^^ constant.language.boolean.bicep
var halfLoop = [for item in items
//              ^^^ keyword.control.loop.bicep
//                          ^^^^^ variable.other.readwrite.bicep
var afterLoop = 1
// <--- storage.type.bicep
//  ^^^^^^^^^ variable.other.declaration.bicep
var obj = { 'unterminated key: 1
//           ^^^^^^^^^^^^^^^^^^^ string.quoted.single.bicep
output afterKey string = 'fine'
// <------ storage.type.bicep - string.quoted.single.bicep
//                        ^^^^ string.quoted.single.bicep
@description('unterminated decorator argument
// <~----------- entity.name.function.decorator.bicep
param afterDecorator int
// <----- storage.type.bicep - string.quoted.single.bicep
//                   ^^^ support.type.primitive.bicep
