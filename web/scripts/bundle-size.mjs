// The web app's JavaScript as the browser loads it, gzipped, from the production build's manifest
// (web/dist/.vite/manifest.json):
//   - the customer entry: index.html's script and everything it imports statically, plus the
//     booking page's chunk and its static imports (what a customer loads to book);
//   - the staff console: the chunks of /staff/* that the customer entry never loads.
//   node web/scripts/bundle-size.mjs [--check] [--budget-kb 150] [--json]
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const args = process.argv.slice(2);
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150;

const manifest = JSON.parse(await readFile(`${dist}.vite/manifest.json`, 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);

/** A chunk and everything it imports statically, as manifest keys. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}

async function gzipped(keys) {
  let raw = 0;
  let gz = 0;
  for (const key of keys) {
    const body = await readFile(`${dist}${manifest[key].file}`);
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gz, files: keys.size };
}

const bookKey = Object.keys(manifest).find((k) => k.endsWith('routes/customer/Book.tsx'));
const customerKeys = closure(entryKey);
if (bookKey) closure(bookKey, customerKeys);
const staffKeys = new Set(
  Object.keys(manifest).filter((k) => k.includes('routes/staff/') && !k.endsWith('SignIn.tsx')),
);
const staffAll = new Set();
for (const key of staffKeys) closure(key, staffAll);
for (const key of customerKeys) staffAll.delete(key);
const leaked = [...customerKeys].filter((k) => k.includes('routes/staff/'));

const customer = await gzipped(customerKeys);
const staff = await gzipped(staffAll);
const report = { budgetKb, customer, staff, staffInCustomerEntry: leaked };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (args.includes('--json')) console.log(JSON.stringify(report));
else {
  console.log(
    `customer entry + booking page: ${kb(customer.gz)} gzipped (${kb(customer.raw)} raw, ${customer.files} files), budget ${budgetKb} KB`,
  );
  console.log(`staff console chunks:          ${kb(staff.gz)} gzipped (${kb(staff.raw)} raw, ${staff.files} files)`);
}
if (args.includes('--check')) {
  const problems = [];
  if (customer.gz > budgetKb * 1024)
    problems.push(`the customer entry is ${kb(customer.gz)} gzipped, over the ${budgetKb} KB budget`);
  if (leaked.length) problems.push(`the customer entry loads staff code: ${leaked.join(', ')}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
