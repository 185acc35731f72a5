// Validates Kubernetes objects against the API schemas of kubernetes-models, an ESM-only package
// that Jest's CommonJS runtime cannot load: test/deploy/k8s.test.ts runs this file with node.
// Reads a JSON array of objects on stdin; prints [{ apiVersion, kind, name, errors }] as JSON.
//
// Two checks, because the package's JSON-schema validators accept unknown fields (a misspelt
// `readinesProbe` would pass them and be dropped by the API server):
//   1. the schema validator of the object's apiVersion/kind (types, required fields, enums);
//      a kind the package lacks is an error, never skipped;
//   2. TypeScript's excess-property check of each object, as a literal, against the package's
//      interface for its kind: every field at every depth must exist.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const objects = JSON.parse(readFileSync(0, 'utf8'));

/** `apps/v1` + `Deployment` → the module `kubernetes-models/apps/v1/Deployment`. */
function modulePath(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z0-9]+$/.test(kind)) return null;
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion)) return null;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

const results = await Promise.all(
  objects.map(async (object) => {
    const { apiVersion, kind } = object;
    const result = { apiVersion, kind, name: object?.metadata?.name, errors: [] };
    const path = modulePath(apiVersion, kind);
    if (!path) {
      result.errors.push(`no apiVersion/kind to validate against: ${apiVersion}/${kind}`);
      return result;
    }
    let Model;
    try {
      Model = (await import(path))[kind];
    } catch {
      Model = undefined;
    }
    if (!Model || Model.apiVersion !== apiVersion || Model.kind !== kind) {
      result.errors.push(`kubernetes-models has no schema for ${apiVersion} ${kind}`);
      return result;
    }
    try {
      new Model(object).validate();
    } catch (err) {
      const details = err.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`) ?? [err.message];
      result.errors.push(...details);
    }
    result.path = path;
    return result;
  }),
);

// The TypeScript check: one virtual module, one typed constant per object.
const checkable = results.filter((r) => r.path);
const virtualFile = join(here, '__k8s-validate-check.mts');
const lines = checkable.map((r, i) => `import type { I${r.kind} as T${i} } from '${r.path}';`);
const firstObjectLine = lines.length;
checkable.forEach((r, i) => lines.push(`export const o${i}: T${i} = ${JSON.stringify(objects[results.indexOf(r)])};`));
const source = lines.join('\n');

const options = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};
const host = ts.createCompilerHost(options);
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (name, languageVersion, ...rest) =>
  name === virtualFile
    ? ts.createSourceFile(name, source, languageVersion)
    : getSourceFile(name, languageVersion, ...rest);
const fileExists = host.fileExists.bind(host);
host.fileExists = (name) => name === virtualFile || fileExists(name);
const readFile = host.readFile.bind(host);
host.readFile = (name) => (name === virtualFile ? source : readFile(name));

const program = ts.createProgram([virtualFile], options, host);
const sourceFile = program.getSourceFile(virtualFile);
for (const diagnostic of [
  ...program.getSyntacticDiagnostics(sourceFile),
  ...program.getSemanticDiagnostics(sourceFile),
]) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const line = diagnostic.start === undefined ? -1 : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line;
  const target = checkable[line - firstObjectLine];
  if (target) target.errors.push(`type check: ${message}`);
  else for (const r of checkable) r.errors.push(`type check (imports): ${message}`);
}

process.stdout.write(JSON.stringify(results.map(({ path: _path, ...r }) => r)));
