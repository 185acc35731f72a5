// Writes web/src/api/schema.d.ts: the gateway's OpenAPI document (built from the contracts in
// libs/shared) turned into TypeScript types by openapi-typescript, so the contracts type the UI.
//   node web/scripts/generate-api.mjs           write the file
//   node web/scripts/generate-api.mjs --check   exit 1 if the committed file is stale
// Needs the built gateway (npm run build).
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const { buildOpenApi } = require(`${root}services/gateway/dist/docs/openapi.js`);
const { HTTP_CONTRACTS } = require(`${root}services/gateway/dist/docs/docs.controller.js`);

const document = buildOpenApi(HTTP_CONTRACTS, '0.0.0');
const header =
  "// Generated from the gateway's OpenAPI document by web/scripts/generate-api.mjs (npm run generate:api).\n" +
  '// Do not edit: change the contracts in libs/shared and regenerate.\n';
const source = header + astToString(await openapiTS(document, { alphabetize: true }));
const options = (await prettier.resolveConfig(out)) ?? {};
const generated = await prettier.format(source, { ...options, parser: 'typescript' });

if (check) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error(`${out} is stale: the contracts changed. Run \`npm run generate:api\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${out} is up to date.`);
} else {
  await writeFile(out, generated);
  console.log(`Wrote ${out}`);
}
