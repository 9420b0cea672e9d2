# SYNTAX TEST "source.hcl.terraform.waf-ai-lens" "Terraform variable definitions file"
location = "swedencentral"
# <-------- variable.other.property.terraform
#        ^ keyword.operator.assignment.terraform
#           ^^^^^^^^^^^^^ string.quoted.double.terraform
capacity = 10
# <-------- variable.other.property.terraform
#          ^^ constant.numeric.terraform
enabled  = true
#          ^^^^ constant.language.boolean.terraform
deployments = {
# <----------- variable.other.property.terraform
  chat = { model = "gpt-4o", capacity = 20 }
# ^^^^ variable.other.property.terraform
#          ^^^^^ variable.other.property.terraform
#                            ^^^^^^^^ variable.other.property.terraform
}
allowed_ips = ["10.0.0.0/24"]
#               ^^^^^^^^^^^ string.quoted.double.terraform
