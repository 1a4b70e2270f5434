// Validates every Kubernetes object under deploy/ against the OpenAPI schemas shipped in the kubernetes-models
// packages (types, required fields, enums, formats), without a cluster. Objects of other APIs (the CloudNativePG
// Cluster) are listed as not checked. Usage, from this directory: npm install && npm run validate
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function yamlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  }).sort();
}

function modulePath(apiVersion) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group === 'monitoring.coreos.com') return `@kubernetes-models/prometheus-operator/${group}/${version}`;
  if (group === '' || group.endsWith('.k8s.io') || !group.includes('.')) {
    return group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  }
  return null;
}

let valid = 0;
let invalid = 0;
const unchecked = [];
for (const file of yamlFiles(deployDir)) {
  const relative = path.relative(deployDir, file);
  for (const object of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
    if (!object || object.kind === 'Kustomization') continue;
    const where = `${object.kind} ${object.metadata?.name} (${relative})`;
    const spec = modulePath(object.apiVersion);
    let model;
    try {
      model = spec && (await import(spec))[object.kind];
    } catch {
      model = undefined;
    }
    if (!model) {
      unchecked.push(where);
      continue;
    }
    try {
      new model(object).validate();
      valid++;
      console.log(`valid    ${where}`);
    } catch (e) {
      invalid++;
      console.log(`INVALID  ${where}\n         ${e.message}`);
    }
  }
}
console.log(`${valid} valid, ${invalid} invalid; not checked (no schema here): ${unchecked.join(', ') || 'none'}`);
process.exit(invalid === 0 && valid > 0 ? 0 : 1);
