# SYNTAX TEST "source.hcl.terraform.waf-ai-lens" "Terraform blocks, labels, attributes and comments"
# A number-sign comment
# <- comment.line.number-sign.terraform punctuation.definition.comment.terraform
# ^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.terraform
// A double-slash comment
# <-- comment.line.double-slash.terraform punctuation.definition.comment.terraform
#  ^^^^^^^^^^^^^^ comment.line.double-slash.terraform
/* A block comment
# <-- comment.block.terraform punctuation.definition.comment.begin.terraform
   resource "not" "code" { */
#  ^^^^^^^^ comment.block.terraform - storage.type.terraform
#                          ^^ comment.block.terraform punctuation.definition.comment.end.terraform
terraform {
# <--------- storage.type.terraform
#         ^ punctuation.section.braces.begin.terraform
  required_providers {
# ^^^^^^^^^^^^^^^^^^ entity.name.type.block.terraform
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
#   ^^^^^^^ variable.other.property.terraform
#           ^ keyword.operator.assignment.terraform
#               ^^^^^^ variable.other.property.terraform
#                         ^^^^^^^^^^^^^^^^^ string.quoted.double.terraform
#                                             ^^^^^^^ variable.other.property.terraform
#                                                        ^^^^^^ string.quoted.double.terraform
  }
# ^ punctuation.section.braces.end.terraform
}
provider "azurerm" {
# <-------- storage.type.terraform
#        ^ string.quoted.double.terraform punctuation.definition.string.begin.terraform
#         ^^^^^^^ string.quoted.double.terraform entity.name.type.terraform
#                ^ string.quoted.double.terraform punctuation.definition.string.end.terraform
  features {}
# ^^^^^^^^ entity.name.type.block.terraform
#          ^ punctuation.section.braces.begin.terraform
#           ^ punctuation.section.braces.end.terraform
}
variable "location" {
# <-------- storage.type.terraform
#         ^^^^^^^^ string.quoted.double.terraform variable.other.declaration.terraform
  type        = string
# ^^^^ variable.other.property.terraform - storage.type.terraform
#               ^^^^^^ support.type.primitive.terraform
  default     = "swedencentral"
# ^^^^^^^ variable.other.property.terraform
#                ^^^^^^^^^^^^^ string.quoted.double.terraform
  description = "The region of every resource."
# ^^^^^^^^^^^ variable.other.property.terraform
  validation {
# ^^^^^^^^^^ entity.name.type.block.terraform
    condition     = contains(["swedencentral", "eastus2"], var.location)
#                   ^^^^^^^^ support.function.builtin.terraform
#                                                          ^^^ variable.language.terraform
    error_message = "Pick a supported region."
  }
}
variable "deployments" {
#         ^^^^^^^^^^^ variable.other.declaration.terraform
  type = map(object({ model = string, capacity = optional(number, 10), tags = list(string), ok = bool, x = any }))
#        ^^^ support.type.terraform
#            ^^^^^^ support.type.terraform
#                     ^^^^^ variable.other.property.terraform
#                                                ^^^^^^^^ support.type.terraform
#                                                         ^^^^^^ support.type.primitive.terraform
#                                                                             ^^^^ support.type.terraform
#                                                                                                ^^^^ support.type.primitive.terraform
#                                                                                                          ^^^ support.type.primitive.terraform
}
locals {
# <------ storage.type.terraform
  prefix = "aoai"
# ^^^^^^ variable.other.property.terraform
}
data "azurerm_client_config" "current" {}
# <---- storage.type.terraform
#     ^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.terraform entity.name.type.terraform
#                             ^^^^^^^ string.quoted.double.terraform variable.other.declaration.terraform
resource "azurerm_cognitive_account" "aoai" {
# <-------- storage.type.terraform
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.terraform
#         ^^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.terraform - variable.other.declaration.terraform
#                                     ^^^^ variable.other.declaration.terraform - entity.name.type.terraform
#                                           ^ punctuation.section.braces.begin.terraform
  name                  = "${local.prefix}-${var.location}"
# ^^^^ variable.other.property.terraform
#                       ^ keyword.operator.assignment.terraform
  kind                  = "OpenAI"
# ^^^^ variable.other.property.terraform
  local_auth_enabled    = false
# ^^^^^^^^^^^^^^^^^^ variable.other.property.terraform
#                         ^^^^^ constant.language.boolean.terraform
  identity {
# ^^^^^^^^ entity.name.type.block.terraform
    type = "SystemAssigned"
#   ^^^^ variable.other.property.terraform
  }
  network_acls {
# ^^^^^^^^^^^^ entity.name.type.block.terraform
    default_action = "Deny"
#   ^^^^^^^^^^^^^^ variable.other.property.terraform
    dynamic "ip_rules" {
#   ^^^^^^^ keyword.control.dynamic.terraform
#            ^^^^^^^^ string.quoted.double.terraform entity.name.type.terraform
      for_each = var.allowed_ips
#     ^^^^^^^^ variable.other.property.terraform - keyword.control.loop.terraform
      iterator = ip
#     ^^^^^^^^ variable.other.property.terraform
      content {
#     ^^^^^^^ entity.name.type.block.terraform
        value = ip.value
#       ^^^^^ variable.other.property.terraform
#               ^^ variable.other.readwrite.terraform
#                  ^^^^^ variable.other.member.terraform
      }
    }
  }
  lifecycle { ignore_changes = [tags] }
# ^^^^^^^^^ entity.name.type.block.terraform
#             ^^^^^^^^^^^^^^ variable.other.property.terraform
#                               ^^^^ variable.other.readwrite.terraform
}
module "network" {
# <------ storage.type.terraform
#       ^^^^^^^ variable.other.declaration.terraform
  source = "./modules/network"
# ^^^^^^ variable.other.property.terraform
}
output "endpoint" {
# <------ storage.type.terraform
#       ^^^^^^^^ variable.other.declaration.terraform
  value     = azurerm_cognitive_account.aoai.endpoint
#             ^^^^^^^^^^^^^^^^^^^^^^^^^ variable.other.readwrite.terraform
#                                       ^^^^ variable.other.member.terraform
#                                            ^^^^^^^^ variable.other.member.terraform
  sensitive = true
#             ^^^^ constant.language.boolean.terraform
}
moved {
# <----- storage.type.terraform
  from = azurerm_cognitive_account.old
# ^^^^ variable.other.property.terraform
  to   = azurerm_cognitive_account.aoai
# ^^ variable.other.property.terraform
}
import {
# <------ storage.type.terraform
  to = azurerm_cognitive_account.aoai
  id = "/subscriptions/x"
}
check "health" {
# <----- storage.type.terraform
#      ^^^^^^ variable.other.declaration.terraform
  assert {
# ^^^^^^ entity.name.type.block.terraform
    condition     = true
    error_message = "never"
  }
}
resource azurerm_resource_group bare_labels {
#        ^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.terraform - string.quoted.double.terraform
#                               ^^^^^^^^^^^ variable.other.declaration.terraform - string.quoted.double.terraform
}
