// SYNTAX TEST "source.bicep.waf-ai-lens" "Bicep parameters file without a template"
using none
// <----- keyword.control.import.bicep
//    ^^^^ keyword.other.bicep
param answer = 42
// <----- storage.type.bicep
//    ^^^^^^ variable.other.declaration.bicep
