# SYNTAX TEST "source.hcl.terraform.waf-ai-lens" "Terraform strings, templates, heredocs and expressions"
locals {
  plain     = "a plain string"
#             ^ string.quoted.double.terraform punctuation.definition.string.begin.terraform
#              ^^^^^^^^^^^^^^ string.quoted.double.terraform
#                            ^ string.quoted.double.terraform punctuation.definition.string.end.terraform
  escapes   = "tab\t quote\" slash\\ nl\n cr\r \u00e9 \U0001F600 $${literal} %%{literal} \q"
#                 ^^ constant.character.escape.terraform
#                         ^^ constant.character.escape.terraform
#                                 ^^ constant.character.escape.terraform
#                                      ^^ constant.character.escape.terraform
#                                           ^^ constant.character.escape.terraform
#                                              ^^^^^^ constant.character.escape.terraform
#                                                     ^^^^^^^^^^ constant.character.escape.terraform
#                                                                ^^^ constant.character.escape.terraform - meta.embedded.line.interpolation.terraform
#                                                                   ^^^^^^^ string.quoted.double.terraform - meta.embedded.line.interpolation.terraform
#                                                                            ^^^ constant.character.escape.terraform - meta.embedded.line.directive.terraform
#                                                                                        ^^ invalid.illegal.escape.terraform
  greeting  = "Hello ${var.name}!"
#              ^^^^^^ string.quoted.double.terraform - meta.embedded.line.interpolation.terraform
#                    ^^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform punctuation.section.embedded.begin.terraform
#                      ^^^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform variable.language.terraform
#                         ^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform punctuation.accessor.terraform
#                          ^^^^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform variable.other.member.terraform
#                              ^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform punctuation.section.embedded.end.terraform
#                               ^ string.quoted.double.terraform - meta.embedded.line.interpolation.terraform
  nested    = "id-${lower(format("%s-${var.env}", local.prefix))}"
#                   ^^^^^ meta.embedded.line.interpolation.terraform support.function.builtin.terraform
#                                 ^^^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform string.quoted.double.terraform
#                                          ^^^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform string.quoted.double.terraform meta.embedded.line.interpolation.terraform variable.other.member.terraform
#                                                       ^^^^^^ meta.embedded.line.interpolation.terraform variable.other.member.terraform
  object    = "${ { a = 1 }.a }"
#                 ^ meta.embedded.line.interpolation.terraform punctuation.section.braces.begin.terraform
#                   ^ meta.embedded.line.interpolation.terraform variable.other.property.terraform
#                         ^ meta.embedded.line.interpolation.terraform punctuation.section.braces.end.terraform
#                             ^ meta.embedded.line.interpolation.terraform punctuation.section.embedded.end.terraform
  stripped  = "${~ var.name ~}"
#                ^ meta.embedded.line.interpolation.terraform keyword.operator.strip-marker.terraform
#                           ^ meta.embedded.line.interpolation.terraform keyword.operator.strip-marker.terraform
  directive = "%{ if var.enabled ~}on%{~ else }off%{ endif }"
#              ^^ string.quoted.double.terraform meta.embedded.line.directive.terraform punctuation.section.embedded.begin.terraform
#                 ^^ meta.embedded.line.directive.terraform keyword.control.conditional.terraform
#                        ^^^^^^^ meta.embedded.line.directive.terraform variable.other.member.terraform
#                                ^ meta.embedded.line.directive.terraform keyword.operator.strip-marker.terraform
#                                 ^ meta.embedded.line.directive.terraform punctuation.section.embedded.end.terraform
#                                  ^^ string.quoted.double.terraform - meta.embedded.line.directive.terraform
#                                      ^ meta.embedded.line.directive.terraform keyword.operator.strip-marker.terraform
#                                        ^^^^ meta.embedded.line.directive.terraform keyword.control.conditional.terraform
#                                                    ^^^^^ meta.embedded.line.directive.terraform keyword.control.conditional.terraform
  loop      = "%{ for ip in var.ips }${ip},%{ endfor }"
#                 ^^^ meta.embedded.line.directive.terraform keyword.control.loop.terraform
#                     ^^ meta.embedded.line.directive.terraform variable.other.iterator.terraform
#                        ^^ meta.embedded.line.directive.terraform keyword.control.loop.terraform
#                                      ^^ meta.embedded.line.interpolation.terraform variable.other.readwrite.terraform
#                                             ^^^^^^ meta.embedded.line.directive.terraform keyword.control.loop.terraform
  policy = <<EOT
#          ^^ string.unquoted.heredoc.terraform keyword.operator.heredoc.terraform
#            ^^^ string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
{ "name": "${var.name}", "plain": "x" }
# ^^^^^^ string.unquoted.heredoc.terraform - string.quoted.double.terraform
#          ^^ string.unquoted.heredoc.terraform meta.embedded.line.interpolation.terraform punctuation.section.embedded.begin.terraform
#            ^^^ string.unquoted.heredoc.terraform meta.embedded.line.interpolation.terraform variable.language.terraform
%{ if var.enabled }enabled%{ endif } \n is not an escape here
#  ^^ string.unquoted.heredoc.terraform meta.embedded.line.directive.terraform keyword.control.conditional.terraform
#                                    ^^ string.unquoted.heredoc.terraform - constant.character.escape.terraform
EOT
# <--- string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
  after_heredoc = 1
# ^^^^^^^^^^^^^ variable.other.property.terraform - string.unquoted.heredoc.terraform
#                 ^ constant.numeric.terraform
  indented = <<-JSON
#            ^^^ keyword.operator.heredoc.terraform
#               ^^^^ keyword.control.heredoc-token.terraform
    {"deployment": "${jsonencode({
#                     ^^^^^^^^^^ string.unquoted.heredoc.terraform meta.embedded.line.interpolation.terraform support.function.builtin.terraform
      a = 1
#     ^ string.unquoted.heredoc.terraform meta.embedded.line.interpolation.terraform variable.other.property.terraform
    })}"}
#     ^ string.unquoted.heredoc.terraform meta.embedded.line.interpolation.terraform punctuation.section.embedded.end.terraform
    JSON is only the marker when it stands alone
#   ^^^^^^^^^^^^ string.unquoted.heredoc.terraform - keyword.control.heredoc-token.terraform
    JSON
#   ^^^^ string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
  after_indented = true
# ^^^^^^^^^^^^^^ variable.other.property.terraform - string.unquoted.heredoc.terraform
  numbers = [0, 42, 3.14, 1e3, 2.5E-2]
#            ^ constant.numeric.terraform
#               ^^ constant.numeric.terraform
#                   ^^^^ constant.numeric.terraform
#                         ^^^ constant.numeric.terraform
#                              ^^^^^^ constant.numeric.terraform
  nothing = null
#           ^^^^ constant.language.null.terraform
  upper   = [for s in var.names : upper(s) if s != ""]
#           ^ punctuation.section.brackets.begin.terraform
#            ^^^ keyword.control.loop.terraform
#                ^ variable.other.iterator.terraform
#                  ^^ keyword.control.loop.terraform
#                         ^^^^^ variable.other.member.terraform
#                               ^ punctuation.separator.for.terraform
#                                 ^^^^^ support.function.builtin.terraform
#                                          ^^ keyword.control.conditional.terraform
#                                               ^^ keyword.operator.comparison.terraform
  by_name = { for k, v in var.deployments : k => v.capacity... }
#             ^^^ keyword.control.loop.terraform
#                 ^ variable.other.iterator.terraform
#                  ^ punctuation.separator.comma.terraform
#                    ^ variable.other.iterator.terraform
#                                             ^^ keyword.operator.arrow.terraform
#                                                  ^^^^^^^^ variable.other.member.terraform
#                                                          ^^^ keyword.operator.spread.terraform
  multi_line_for = [
    for d in var.deployments : d.model
#   ^^^ keyword.control.loop.terraform
#       ^ variable.other.iterator.terraform
  ]
  ids     = azurerm_cognitive_deployment.all[*].id
#                                           ^ punctuation.section.brackets.begin.terraform
#                                            ^ keyword.operator.splat.terraform
#                                               ^^ variable.other.member.terraform
  names   = var.list.*.name
#                   ^ punctuation.accessor.terraform
#                    ^ keyword.operator.splat.terraform
#                      ^^^^ variable.other.member.terraform
  first   = var.list.0
#                    ^ constant.numeric.terraform
  pick    = var.enabled ? "a" : "b"
#                       ^ keyword.operator.ternary.terraform
#                             ^ keyword.operator.ternary.terraform
  logic   = !var.a && var.b || var.c
#           ^ keyword.operator.logical.terraform
#                  ^^ keyword.operator.logical.terraform
#                           ^^ keyword.operator.logical.terraform
  compare = var.n == 1 && var.n != 2 && var.n < 3 && var.n <= 4 && var.n > 0 && var.n >= 0
#                 ^^ keyword.operator.comparison.terraform
#                               ^^ keyword.operator.comparison.terraform
#                                             ^ keyword.operator.comparison.terraform
#                                                          ^^ keyword.operator.comparison.terraform
#                                                                        ^ keyword.operator.comparison.terraform
#                                                                                     ^^ keyword.operator.comparison.terraform
  math    = (var.n + 1) * 2 - 3 / 4 % 5 - -6
#                  ^ keyword.operator.arithmetic.terraform
#                       ^ keyword.operator.arithmetic.terraform
#                               ^ keyword.operator.arithmetic.terraform
#                                   ^ keyword.operator.arithmetic.terraform
#                                          ^ constant.numeric.terraform
  call    = merge(var.tags, { env = "prod" }, local.extra...)
#           ^^^^^ support.function.builtin.terraform
#                             ^^^ variable.other.property.terraform
#                                                        ^^^ keyword.operator.spread.terraform
  id      = provider::azurerm::normalise_resource_id(var.id)
#           ^^^^^^^^ keyword.other.provider.terraform
#                   ^^ punctuation.separator.namespace.terraform
#                     ^^^^^^^ entity.name.namespace.terraform
#                              ^^^^^^^^^^^^^^^^^^^^^ entity.name.function.provider.terraform
  refs    = [local.a, module.m.out, data.azurerm_client_config.current.tenant_id, each.key, count.index]
#            ^^^^^ variable.language.terraform
#                     ^^^^^^ variable.language.terraform
#                                   ^^^^ variable.language.terraform
#                                        ^^^^^^^^^^^^^^^^^^^^^ variable.other.member.terraform
#                                                                                 ^^^^ variable.language.terraform
#                                                                                      ^^^ variable.other.member.terraform
#                                                                                           ^^^^^ variable.language.terraform
#                                                                                                 ^^^^^ variable.other.member.terraform
  more    = [self.id, path.module, terraform.workspace, var.x]
#            ^^^^ variable.language.terraform
#                     ^^^^ variable.language.terraform
#                          ^^^^^^ variable.other.member.terraform
#                                  ^^^^^^^^^ variable.language.terraform - storage.type.terraform
#                                            ^^^^^^^^^ variable.other.member.terraform
#                                                       ^^^ variable.language.terraform
  "quoted key" = 1
#  ^^^^^^^^^^ meta.object-literal.key.terraform string.quoted.double.terraform
#              ^ keyword.operator.assignment.terraform
  dashed-name  = 2
# ^^^^^^^^^^^ variable.other.property.terraform
}
