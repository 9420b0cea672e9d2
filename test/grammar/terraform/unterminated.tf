# SYNTAX TEST "source.hcl.terraform.waf-ai-lens" "Unterminated constructs end with their line"
# Each broken line below is followed by a line that must highlight as code again.
resource "azurerm_cognitive_account" "aoai" {
  name = "no closing quote
#         ^^^^^^^^^^^^^^^^ string.quoted.double.terraform
  kind = "OpenAI"
# ^^^^ variable.other.property.terraform - string.quoted.double.terraform
#         ^^^^^^ string.quoted.double.terraform
  sku_name = "${var.sku
#                   ^^^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform variable.other.member.terraform
  location = var.location
# ^^^^^^^^ variable.other.property.terraform - string.quoted.double.terraform meta.embedded.line.interpolation.terraform
#            ^^^ variable.language.terraform - string.quoted.double.terraform
  custom = "%{ if var.x
#              ^^ string.quoted.double.terraform meta.embedded.line.directive.terraform keyword.control.conditional.terraform
  public = false
# ^^^^^^ variable.other.property.terraform - string.quoted.double.terraform meta.embedded.line.directive.terraform
#          ^^^^^ constant.language.boolean.terraform
  nested = "a${"b${"c
#                   ^ string.quoted.double.terraform meta.embedded.line.interpolation.terraform string.quoted.double.terraform meta.embedded.line.interpolation.terraform string.quoted.double.terraform
  after_nested = 1
# ^^^^^^^^^^^^ variable.other.property.terraform - string.quoted.double.terraform
#                ^ constant.numeric.terraform
  ips = [for ip in var.ips
#        ^^^ keyword.control.loop.terraform
  after_for = 2
# ^^^^^^^^^ variable.other.property.terraform
}
# <- punctuation.section.braces.end.terraform - string.quoted.double.terraform
resource "azurerm_x "broken_label" {
# <-------- variable.other.readwrite.terraform - storage.type.terraform
#         ^^^^^^^^^^ string.quoted.double.terraform
output "after_label" {
# <------ storage.type.terraform
#       ^^^^^^^^^^^ variable.other.declaration.terraform
  value = "fine"
# ^^^^^ variable.other.property.terraform
#          ^^^^ string.quoted.double.terraform
}
