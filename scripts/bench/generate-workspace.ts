// Generates whole workspaces for the review and keystroke benches: Bicep projects and Terraform root modules with local modules and parameter files.
import { code, Writer } from './code';
import type { GeneratedFile } from './generate';
import { generateBicep } from './generate-bicep';
import { generateTerraform } from './generate-terraform';
import { deriveSeed, Rng } from './prng';

/** The smallest and largest module files, in lines; sizes between are drawn log-uniformly, so most modules are small. */
const MODULE_LINES = { min: 30, max: 500 } as const;

/** Module names: what the modules of an AI landing zone are usually called. */
const MODULE_NAMES = ['openai', 'search', 'storage', 'keyvault', 'cosmos', 'app', 'network', 'monitoring', 'identity', 'hub', 'registry', 'gateway'];

/** Below this size the Terraform generator writes no variable declarations, so such a module gets a `variables.tf`. */
const TERRAFORM_HEADER_LINES = 150;

function moduleLines(rng: Rng): number {
  return Math.round(MODULE_LINES.min * Math.pow(MODULE_LINES.max / MODULE_LINES.min, rng.float()));
}

/** A Bicep project's `main.bicep`: the shared parameters, one `module` per local module with its parameters, and outputs. */
function bicepMain(modules: readonly string[], rng: Rng): string {
  const w = new Writer();
  w.block(code`
    // Entry point of one AI workload: wires the modules under ./modules together.
    targetScope = 'resourceGroup'

    @description('Azure region for every resource in this deployment.')
    param location string = resourceGroup().location

    @minLength(3)
    @maxLength(11)
    param namePrefix string

    @allowed([
      'dev'
      'test'
      'prod'
    ])
    param environmentName string = 'dev'

    param tags object = {}
  `);
  for (const name of modules) {
    const conditional = rng.chance(0.2);
    w.block(code`
      module ${name} './modules/${name}.bicep' = ${conditional ? "if (environmentName != 'dev') " : ''}{
        name: '\${deployment().name}-${name}'
        params: {
          location: location
          namePrefix: namePrefix
          environmentName: environmentName
          tags: union(tags, {
            module: '${name}'
          })
        }
      }
    `);
  }
  w.block(modules.map((name) => `output ${name}Deployment string = '\${deployment().name}-${name}'`).join('\n'));
  return w.toString();
}

/** The `.bicepparam` file of a project: values for the parameters its `main.bicep` declares. */
function bicepParams(rng: Rng): string {
  return `${code`
    using './main.bicep'

    param namePrefix = '${rng.pick(['contoso', 'fabrikam', 'northwind'])}'
    param location = '${rng.pick(['swedencentral', 'eastus2', 'francecentral'])}'
    param environmentName = '${rng.pick(['dev', 'test', 'prod'])}'
    param tags = {
      workload: 'ai-chat'
      costCenter: '4711'
    }
  `}\n`;
}

const TERRAFORM_VARIABLES = code`
  variable "location" {
    type = string
  }

  variable "name_prefix" {
    type = string
  }

  variable "resource_group_name" {
    type = string
  }

  variable "environment" {
    type    = string
    default = "dev"
  }

  variable "tags" {
    type    = map(string)
    default = {}
  }
`;

/** A Terraform root module's `main.tf`: providers, the shared variables, and one `module` block per local module. */
function terraformMain(modules: readonly string[], rng: Rng): string {
  const w = new Writer();
  w.block(code`
    # Root module of one AI workload: wires the modules under ./modules together.
    terraform {
      required_version = ">= 1.9"
      required_providers {
        azurerm = {
          source  = "hashicorp/azurerm"
          version = "~> 4.20"
        }
      }
    }

    provider "azurerm" {
      features {}
      storage_use_azuread = true
    }
  `);
  w.block(TERRAFORM_VARIABLES);
  for (const name of modules) {
    const counted = rng.chance(0.2);
    w.block(code`
      module "${name}" {
        source = "./modules/${name}"
        ${counted && 'count  = var.environment == "dev" ? 0 : 1'}

        location            = var.location
        name_prefix         = var.name_prefix
        resource_group_name = var.resource_group_name
        environment         = var.environment
        tags                = merge(var.tags, { module = "${name}" })
      }
    `);
  }
  return w.toString();
}

function tfvars(rng: Rng): string {
  return `${code`
    location            = "${rng.pick(['swedencentral', 'eastus2', 'francecentral'])}"
    name_prefix         = "${rng.pick(['contoso', 'fabrikam', 'northwind'])}"
    resource_group_name = "rg-ai-${rng.pick(['dev', 'test', 'prod'])}"
    environment         = "${rng.pick(['dev', 'test', 'prod'])}"
    tags = {
      workload      = "ai-chat"
      "cost-center" = "4711"
    }
  `}\n`;
}

/** The files of one project before they are written: the entry file comes last, once the modules it calls are known. */
interface Project {
  files: GeneratedFile[];
}

function bicepProject(seed: number, folder: string, moduleCount: number): Project {
  const rng = new Rng(deriveSeed(seed, folder));
  const names = MODULE_NAMES.slice(0, moduleCount);
  const files: GeneratedFile[] = names.map((name) => {
    const path = `${folder}/modules/${name}.bicep`;
    const targetLines = moduleLines(rng);
    return { path, text: generateBicep(deriveSeed(seed, path), targetLines), targetLines };
  });
  files.push({ path: `${folder}/main.bicep`, text: bicepMain(names, rng) }, { path: `${folder}/main.bicepparam`, text: bicepParams(rng) });
  return { files };
}

/** Files a Terraform module of this size takes: its `main.tf`, plus a `variables.tf` when the generator wrote no variables. */
function terraformModuleFiles(lines: number): number {
  return lines < TERRAFORM_HEADER_LINES ? 2 : 1;
}

function terraformProject(seed: number, folder: string, moduleSizes: readonly number[]): Project {
  const rng = new Rng(deriveSeed(seed, folder));
  const names = MODULE_NAMES.slice(0, moduleSizes.length);
  const files: GeneratedFile[] = names.flatMap((name, i) => {
    const path = `${folder}/modules/${name}/main.tf`;
    const targetLines = moduleSizes[i] as number;
    const main: GeneratedFile = { path, text: generateTerraform(deriveSeed(seed, path), targetLines), targetLines };
    return terraformModuleFiles(targetLines) === 2 ? [main, { path: `${folder}/modules/${name}/variables.tf`, text: `${TERRAFORM_VARIABLES}\n` }] : [main];
  });
  files.push({ path: `${folder}/main.tf`, text: terraformMain(names, rng) }, { path: `${folder}/terraform.tfvars`, text: tfvars(rng) });
  return { files };
}

/**
 * A workspace of exactly `fileCount` files, half Bicep and half Terraform (by project, alternating):
 * `bicep/app-NNN/{main.bicep, main.bicepparam, modules/*.bicep}` and
 * `terraform/stack-NNN/{main.tf, terraform.tfvars, modules/<name>/{main.tf, variables.tf}}`.
 * Every entry file calls its local modules with parameters and has a parameter file, as real repositories do, so a
 * workspace analysis that follows modules has something to follow. When the last project would overshoot the count,
 * it is made smaller; a remainder too small for a project becomes standalone modules in `shared/`.
 * The same seed and count always give the same files.
 */
export function generateWorkspace(seed: number, fileCount: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const rng = new Rng(deriveSeed(seed, `workspace-${fileCount}`));
  for (let project = 1; ; project++) {
    const remaining = fileCount - files.length;
    // A project needs its entry file, its parameter file and at least one module.
    if (remaining < 3) break;
    const id = String(project).padStart(3, '0');
    if (project % 2 === 1) {
      const modules = Math.min(rng.int(3, 9), remaining - 2);
      files.push(...bicepProject(seed, `bicep/app-${id}`, modules).files);
    } else {
      const sizes: number[] = [];
      let used = 2;
      const wanted = rng.int(3, 9);
      while (sizes.length < wanted) {
        const lines = moduleLines(rng);
        // A module that would not fit with its variables.tf is made large enough to need none.
        const size = used + terraformModuleFiles(lines) > remaining ? Math.max(lines, TERRAFORM_HEADER_LINES) : lines;
        if (used + terraformModuleFiles(size) > remaining) break;
        sizes.push(size);
        used += terraformModuleFiles(size);
      }
      files.push(...terraformProject(seed, `terraform/stack-${id}`, sizes).files);
    }
  }
  for (let i = 1; files.length < fileCount; i++) {
    const path = `shared/modules/common-${i}.bicep`;
    const targetLines = moduleLines(rng);
    files.push({ path, text: generateBicep(deriveSeed(seed, path), targetLines), targetLines });
  }
  return files;
}
