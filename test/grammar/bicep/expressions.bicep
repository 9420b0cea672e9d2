// SYNTAX TEST "source.bicep.waf-ai-lens" "Bicep strings, interpolation and expressions"
var plain = 'a plain string'
//          ^ string.quoted.single.bicep punctuation.definition.string.begin.bicep
//           ^^^^^^^^^^^^^^ string.quoted.single.bicep
//                         ^ string.quoted.single.bicep punctuation.definition.string.end.bicep
var escaped = 'it\'s \\ \n \r \t \$ \u{1F600} \q'
//               ^^ constant.character.escape.bicep
//                   ^^ constant.character.escape.bicep
//                      ^^ constant.character.escape.bicep
//                         ^^ constant.character.escape.bicep
//                            ^^ constant.character.escape.bicep
//                               ^^ constant.character.escape.bicep
//                                  ^^^^^^^^^ constant.character.escape.bicep
//                                            ^^ invalid.illegal.escape.bicep
var greeting = 'Hello ${name}!'
//              ^^^^^^ string.quoted.single.bicep - meta.embedded.line.interpolation.bicep
//                    ^^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep punctuation.section.embedded.begin.bicep
//                      ^^^^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep variable.other.readwrite.bicep
//                          ^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep punctuation.section.embedded.end.bicep
//                           ^ string.quoted.single.bicep - meta.embedded.line.interpolation.bicep
var nested = 'id-${uniqueString(resourceGroup().id, 'suffix-${env}')}'
//                 ^^^^^^^^^^^^ meta.embedded.line.interpolation.bicep entity.name.function.bicep
//                                              ^^ meta.embedded.line.interpolation.bicep variable.other.property.bicep
//                                                   ^^^^^^^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep string.quoted.single.bicep
//                                                            ^^^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep string.quoted.single.bicep meta.embedded.line.interpolation.bicep variable.other.readwrite.bicep
//                                                                ^ string.quoted.single.bicep meta.embedded.line.interpolation.bicep string.quoted.single.bicep punctuation.definition.string.end.bicep
//                                                                   ^ string.quoted.single.bicep punctuation.definition.string.end.bicep - meta.embedded.line.interpolation.bicep
var objectInInterpolation = '${{ a: 1 }.a}'
//                             ^ meta.embedded.line.interpolation.bicep punctuation.section.braces.begin.bicep
//                               ^ meta.embedded.line.interpolation.bicep support.type.property-name.bicep
//                                    ^ meta.embedded.line.interpolation.bicep punctuation.section.braces.end.bicep
//                                       ^ meta.embedded.line.interpolation.bicep punctuation.section.embedded.end.bicep
var multi = '''
//          ^^^ string.quoted.multi.bicep punctuation.definition.string.begin.bicep
no ${interpolation} and no \n escapes, and 'quotes' are fine
// ^^^^^^^^^^^^^^^^ string.quoted.multi.bicep - meta.embedded.line.interpolation.bicep
//                         ^^ string.quoted.multi.bicep - constant.character.escape.bicep
//                                         ^^^^^^^^ string.quoted.multi.bicep
'''
// <--- string.quoted.multi.bicep punctuation.definition.string.end.bicep
var afterMulti = 42
// <--- storage.type.bicep - string.quoted.multi.bicep
//               ^^ constant.numeric.bicep
var numbers = [0, 1, 2048]
//             ^ constant.numeric.bicep
//                   ^^^^ constant.numeric.bicep
//              ^ punctuation.separator.comma.bicep
var flags = [true, false, null]
//           ^^^^ constant.language.boolean.bicep
//                 ^^^^^ constant.language.boolean.bicep
//                        ^^^^ constant.language.null.bicep
var coalesced = settings.?capacity ?? 10
//                      ^^ keyword.operator.safe-dereference.bicep
//                        ^^^^^^^^ variable.other.property.bicep
//                                 ^^ keyword.operator.coalesce.bicep
var optionalChain = settings?.capacity
//                          ^^ keyword.operator.safe-dereference.bicep
//                            ^^^^^^^^ variable.other.property.bicep
var safeIndex = ids[?0]
//                  ^ keyword.operator.safe-dereference.bicep
var forgiving = existingAccount.properties.endpoint!
//                                                 ^ keyword.operator.non-null-assertion.bicep
var negated = !enabled
//            ^ keyword.operator.logical.bicep
var logic = enabled && (capacity > 1 || capacity <= 0)
//                  ^^ keyword.operator.logical.bicep
//                                   ^^ keyword.operator.logical.bicep
//                               ^ keyword.operator.comparison.bicep
//                                               ^^ keyword.operator.comparison.bicep
var compare = prefix == 'aoai' && prefix != 'x' && prefix =~ 'AOAI' && prefix !~ 'y'
//                   ^^ keyword.operator.comparison.bicep
//                                       ^^ keyword.operator.comparison.bicep
//                                                        ^^ keyword.operator.comparison.bicep
//                                                                            ^^ keyword.operator.comparison.bicep
var math = (capacity + 1) * 2 - 3 / 1 % 2
//                   ^ keyword.operator.arithmetic.bicep
//                        ^ keyword.operator.arithmetic.bicep
//                            ^ keyword.operator.arithmetic.bicep
//                                ^ keyword.operator.arithmetic.bicep
//                                    ^ keyword.operator.arithmetic.bicep
var ternary = enabled ? 'on' : 'off'
//                    ^ keyword.operator.ternary.bicep
//                           ^ keyword.operator.ternary.bicep
var spread = { ...tags, extra: 'x' }
//             ^^^ keyword.operator.spread.bicep
//                      ^^^^^ support.type.property-name.bicep
var oneLine = { name: 'x', 'quoted-key': 1 }
//              ^^^^ support.type.property-name.bicep
//                          ^^^^^^^^^^ meta.object-literal.key.bicep string.quoted.single.bicep
//                                     ^ punctuation.separator.key-value.bicep
var child = aoai::deployment.name
//              ^^ keyword.operator.nested-resource.bicep
//                ^^^^^^^^^^ variable.other.readwrite.bicep
//                           ^^^^ variable.other.property.bicep
var suffixed = map(ids, id => '${id}-x')
//             ^^^ entity.name.function.bicep
//                      ^^ variable.parameter.bicep
//                         ^^ storage.type.function.arrow.bicep
var joined = sys.concat('a', 'b')
//           ^^^ entity.name.namespace.bicep
//              ^ punctuation.accessor.bicep
//               ^^^^^^ entity.name.function.bicep
var group = az.resourceGroup().name
//          ^^ entity.name.namespace.bicep
//             ^^^^^^^^^^^^^ entity.name.function.bicep
var keys = aoai.listKeys().key1
//              ^^^^^^^^ entity.name.function.bicep
//                         ^^^^ variable.other.property.bicep
var loop = [for (item, i) in ids: {
//          ^^^ keyword.control.loop.bicep
//              ^ punctuation.section.parens.begin.bicep
//               ^^^^ variable.other.iterator.bicep
//                     ^ variable.other.iterator.bicep
//                        ^^ keyword.control.loop.bicep
//                           ^^^ variable.other.readwrite.bicep
//                              ^ punctuation.separator.for.bicep
  name: item
// <~~---- support.type.property-name.bicep
//      ^^^^ variable.other.readwrite.bicep
}]
// <~- punctuation.section.brackets.end.bicep
var simpleLoop = [for id in ids: toUpper(id)]
//                ^^^ keyword.control.loop.bicep
//                    ^^ variable.other.iterator.bicep
//                               ^^^^^^^ entity.name.function.bicep
resource conditional 'Microsoft.Storage/storageAccounts@2023-05-01' = if (enabled) {
//                                                                    ^^ keyword.control.conditional.bicep - entity.name.function.bicep
//                                                                        ^^^^^^^ variable.other.readwrite.bicep
  name: 'st${uniqueString(resourceGroup().id)}'
//           ^^^^^^^^^^^^ meta.embedded.line.interpolation.bicep entity.name.function.bicep
}
var typeString = 'Microsoft.Storage/storageAccounts@2023-05-01'
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.resource-type.bicep meta.resource-type.bicep
var email = 'someone@example.com'
//           ^^^^^^^^^^^^^^^^^^^ string.quoted.single.bicep - string.quoted.single.resource-type.bicep
var url = 'https://example.com/a' // a comment after a URL
//         ^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.bicep - comment.line.double-slash.bicep
//                                   ^^^^^^^^^ comment.line.double-slash.bicep
